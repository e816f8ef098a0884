package descent.notebook;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.Method;

/**
 * descent's renderers for the IJava 1.3 kernel, which has no extension mechanism: one extra line after adding
 * the jars.
 *
 * <pre>{@code
 * %jars /path/to/descent/target/descent-0.1.0-SNAPSHOT.jar /path/to/descent/target/lib/*.jar
 * descent.notebook.IJava.install();
 * }</pre>
 *
 * It reaches the running kernel through {@code io.github.spencerpark.ijava.IJava.getKernelInstance()} by
 * reflection (IJava is not on Maven Central, so we cannot compile against it) and registers the same renderers
 * as {@link JJavaExtension} on its {@code Renderer} (from {@code jupyter-jvm-basekernel}, provided scope).
 * IJava cannot run code from inside a cell, so the start-up imports are printed for you to paste (or
 * {@code %load} the file {@link Startup#writeTo}).
 */
public final class IJava {
    static final String KERNEL_CLASS = "io.github.spencerpark.ijava.IJava";

    private IJava() {
    }

    /** Registers descent's renderers with the running IJava kernel; throws a clear error outside IJava. */
    public static void install() {
        Object kernel = kernel();
        try {
            Method getRenderer = kernel.getClass().getMethod("getRenderer");
            register((Renderer) getRenderer.invoke(kernel));
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("IJava.install(): the running IJava kernel (" + kernel.getClass().getName()
                    + ") has no compatible getRenderer(); descent supports IJava 1.3 (jupyter-jvm-basekernel 2.3.0).", e);
        }
        System.out.println("descent: tables and figures now render in IJava. Imports to paste:\n" + Startup.imports());
    }

    /** Registers {@link MimeBundle}'s types and MIME types on a IJava renderer; each value's bundle is made once. */
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

    private static Object kernel() {
        Class<?> ijava = null;
        for (ClassLoader cl : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                IJava.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (cl == null) continue;
            try {
                ijava = Class.forName(KERNEL_CLASS, false, cl);
                break;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        if (ijava == null) {
            throw new IllegalStateException("IJava.install() works inside the IJava kernel, but " + KERNEL_CLASS
                    + " is not on the class path. In JJava nothing is needed (descent registers itself); "
                    + "in JShell use Plots.show(figure).");
        }
        Object kernel;
        try {
            kernel = ijava.getMethod("getKernelInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("IJava.install(): could not call " + KERNEL_CLASS
                    + ".getKernelInstance(); descent supports IJava 1.3.", e);
        }
        if (kernel == null) {
            throw new IllegalStateException("IJava.install(): " + KERNEL_CLASS + ".getKernelInstance() returned null;"
                    + " call it from a notebook cell of a running IJava kernel.");
        }
        return kernel;
    }
}
