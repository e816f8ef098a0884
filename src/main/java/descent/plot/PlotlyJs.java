package descent.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The plotly.js library that ships inside descent's class path, so figures draw without a network.
 *
 * <pre>{@code
 * PlotlyJs.VERSION;                      // "3.3.1"
 * PlotlyJs.source().length();           // 11198422 characters (unminified)
 * }</pre>
 *
 * The library comes from the WebJar {@code org.webjars.npm:plotly.js-dist} (pinned in the pom). plotly.js 3 sets
 * {@code window.Plotly} when its script runs and does not register with RequireJS, so it works in JupyterLab
 * (no RequireJS), classic notebooks (RequireJS) and plain pages alike. Notebook outputs never carry it:
 * {@link FigureHtml#page} and the pages {@code ./descent run --html} exports do, once per page.
 */
public final class PlotlyJs {
    /** The pinned plotly.js version; must match the {@code plotly.version} property in the pom. */
    public static final String VERSION = "3.3.1";

    static final String RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";

    private PlotlyJs() {
    }

    /** The library's JavaScript source, read from the class path. */
    public static String source() {
        return new String(bytes(), StandardCharsets.UTF_8);
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
}
