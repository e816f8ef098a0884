package descent.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Makes descent feel native in the JJava kernel: tables show as HTML tables, figures draw inline, and the usual
 * imports are in place. JJava finds this class through {@code META-INF/services/org.dflib.jjava.jupyter.Extension}
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

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
        try {
            kernel.evalRaw(Startup.script());
        } catch (RuntimeException e) {
            // the renderers still work; say why the imports are missing instead of failing the kernel's start
            System.err.println("descent: the start-up imports failed (" + e + "); tables and figures still render."
                    + " Import what you need, e.g. import descent.fn.*;");
        }
    }

    /** Registers text/html (preferred) and text/plain renderers for {@link MimeBundle#TYPES} on a JJava renderer. */
    public static void register(Renderer renderer) {
        for (Class<?> type : MimeBundle.TYPES) {
            renderer.createRegistration(type)
                    .preferring(MIMEType.TEXT_HTML)
                    .supporting(MIMEType.TEXT_PLAIN)
                    .register((value, ctx) -> {
                        ctx.renderIfRequested(MIMEType.TEXT_HTML, (mime, out) -> out.putData(mime, MimeBundle.html(value)));
                        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, (mime, out) -> out.putData(mime, MimeBundle.text(value)));
                    });
        }
    }

    @Override
    public String toString() {
        return "JJavaExtension(renderers for " + MimeBundle.TYPES.stream().map(Class::getSimpleName).toList()
                + ", start-up imports, live training progress)";
    }
}
