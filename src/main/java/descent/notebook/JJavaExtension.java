package descent.notebook;

import descent.train.Progress;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.Field;

/**
 * Makes descent feel native in the JJava kernel: tables show as HTML tables, figures draw inline, the usual
 * imports are in place, and the kernel reports a {@code language_info} that is the same on every machine. JJava finds this class through {@code META-INF/services/org.dflib.jjava.jupyter.Extension}
 * when descent's jar is on its class path, so users type nothing:
 *
 * <pre>{@code
 * %maven io.github.descent:descent:0.1.0-SNAPSHOT    // after mvn install; or: %classpath target/descent-0.1.0-SNAPSHOT.jar target/lib/*.jar
 * var f = Functions.dlfsBowl();
 * Plots.contour(f, Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30))   // draws
 * }</pre>
 *
 * Compiled against {@code org.dflib.jjava:jjava-jupyter} (provided scope): the kernel supplies it at run time, and
 * nothing outside {@code descent.notebook} refers to it, so the jar also runs in plain JShell.
 */
public final class JJavaExtension implements Extension {

    /**
     * The Java language level descent's notebooks are written for, reported as {@code language_info.version}
     * instead of the JDK build (JJava reports e.g. {@code 17.0.15+6-Debian-1deb12u1}). JupyterLab copies the
     * kernel's language_info into the notebook when it connects, so a machine-specific value would mark every
     * notebook modified on any other machine.
     */
    public static final String LANGUAGE_VERSION = "17";

    @Override
    public void install(BaseKernel kernel) {
        reportPortableLanguageInfo(kernel);
        register(kernel.getRenderer());
        try {
            kernel.evalRaw(Startup.script());
        } catch (RuntimeException e) {
            // the renderers still work; say why the imports are missing instead of failing the kernel's start
            System.err.println("descent: the start-up imports failed (" + e + "); tables and figures still render."
                    + " Import what you need, e.g. import descent.fn.*;");
        }
        Progress.useLive(JupyterProgress::jjava);
    }

    /** Registers {@link MimeBundle}'s types and MIME types on a JJava renderer; each value's bundle is made once. */
    public static void register(Renderer renderer) {
        for (Class<?> type : MimeBundle.TYPES) {
            String[] mimes = MimeBundle.mimeTypes(type).toArray(String[]::new);
            renderer.createRegistration(type)
                    .preferring(mimes)
                    .register((value, ctx) -> {
                        var bundle = MimeBundle.of(value);
                        for (String mime : mimes) {
                            ctx.renderIfRequested(MIMEType.parse(mime), (m, out) -> out.putData(m, bundle.get(mime)));
                        }
                    });
        }
    }

    /**
     * Makes the kernel report {@code language_info} with {@link #LANGUAGE_VERSION} instead of the JDK build, the same
     * on every machine (tools/nbmake.py writes exactly this into each notebook). JJava builds it once and offers no
     * setter, so the final field is replaced; if that is refused, the kernel keeps its own and nothing else changes.
     */
    static boolean reportPortableLanguageInfo(BaseKernel kernel) {
        LanguageInfo own = kernel.getLanguageInfo();
        if (own == null) return false;
        LanguageInfo portable = new LanguageInfo(own.getName(), LANGUAGE_VERSION, own.getMimetype(),
                own.getFileExtension(), own.getPygmentsLexer(), own.getCodemirrorMode(), own.getNbconvertExporter());
        try {
            Field field = BaseKernel.class.getDeclaredField("languageInfo");
            field.setAccessible(true);
            field.set(kernel, portable);
            return kernel.getLanguageInfo() == portable;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "JJavaExtension(renderers for " + MimeBundle.TYPES.stream().map(Class::getSimpleName).toList()
                + ", start-up imports, live training progress)";
    }
}
