package descent.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The plotly.js library that ships inside descent's class path, so figures draw without a network.
 *
 * <pre>{@code
 * PlotlyJs.VERSION;                      // "3.3.1"
 * PlotlyJs.source().length();           // 11198422 characters (unminified)
 * PlotlyJs.gzipBase64().length();       // about 2.7 million characters, computed once per JVM
 * }</pre>
 *
 * The library comes from the WebJar {@code org.webjars.npm:plotly.js-dist} (pinned in the pom). plotly.js 3 sets
 * {@code window.Plotly} when its script runs and does not register with RequireJS, so it works in JupyterLab
 * (no RequireJS), classic notebooks (RequireJS) and plain pages alike.
 */
public final class PlotlyJs {
    /** The pinned plotly.js version; must match the {@code plotly.version} property in the pom. */
    public static final String VERSION = "3.3.1";

    static final String RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";

    private static volatile String gzipBase64;

    private PlotlyJs() {
    }

    /** The library's JavaScript source, read from the class path. */
    public static String source() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * The source gzipped and base64-encoded (about 2.7 million characters); cached, since compressing takes most of
     * a second. Level 6, not 9: 1% larger (1.99 vs 1.97 MB of gzip) but 2-4 times faster to make.
     */
    public static String gzipBase64() {
        String s = gzipBase64;
        if (s == null) {
            synchronized (PlotlyJs.class) {
                s = gzipBase64;
                if (s == null) {
                    s = Base64.getEncoder().encodeToString(gzip(bytes()));
                    gzipBase64 = s;
                }
            }
        }
        return s;
    }

    private static byte[] bytes() {
        ClassLoader cl = PlotlyJs.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the class path (" + RESOURCE
                        + "); add org.webjars.npm:plotly.js-dist:" + VERSION + " (target/lib holds it after mvn package).");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(6);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
