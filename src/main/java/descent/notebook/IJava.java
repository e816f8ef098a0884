package descent.notebook;

import descent.train.Progress;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * descent in the IJava 1.3 kernel, which has no extension mechanism: one line after adding the jars.
 *
 * <pre>{@code
 * %jars /path/to/descent/target/descent-0.1.0-SNAPSHOT.jar /path/to/descent/target/lib/*.jar
 * descent.notebook.IJava.install();
 * var f = Functions.dlfsBowl();    // descent's names resolve without a prefix
 * }</pre>
 *
 * {@code install()} does for IJava what {@link JJavaExtension} does for JJava:
 * <pre>
 *  1. find the kernel:     io.github.spencerpark.ijava.IJava.getKernelInstance(), by reflection (IJava is not on
 *                          Maven Central; its base kernel, jupyter-jvm-basekernel 2.3.0, is a provided dependency)
 *  2. imports:             each import line of {@link Startup} through the kernel's public evalRaw(String),
 *                          one line per evaluation
 *  3. renderers:           Table, Figure and Html as {@link MimeBundle} renders them
 *  4. Progress.live():     one output updated in place (IJava 1.3 has display and update-display)
 * </pre>
 * One import per evaluation matters: IJava 1.3 resets object-typed variables ({@code var f = ...}) to null when one
 * evaluation holds several imports after they were declared, so {@code install()} keeps every variable.
 * {@code ./descent lab} offers an IJava kernel that runs this at start (see the README); it is safe to call again.
 */
public final class IJava {
    static final String KERNEL_CLASS = "io.github.spencerpark.ijava.IJava";
    /** The kernel whose renderer already has descent's registrations. */
    private static Object registeredOn;

    private IJava() {
    }

    /**
     * Loads descent's imports, registers its renderers and makes {@code Progress.live()} a live display in the
     * running IJava kernel; throws a clear error outside IJava.
     */
    public static void install() {
        BaseKernel kernel = kernel();
        List<String> failed = importStartup(kernel);
        synchronized (IJava.class) {
            if (registeredOn != kernel) {
                register(kernel.getRenderer());
                registeredOn = kernel;
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("descent: these start-up imports failed in IJava, so their names need a package prefix: "
                    + String.join("; ", failed));
        }
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

    /** Evaluates each import line of the start-up script on its own; returns the lines that failed, with why. */
    static List<String> importStartup(Object kernel) {
        Method evalRaw;
        try {
            evalRaw = kernel.getClass().getMethod("evalRaw", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("IJava.install(): the running kernel (" + kernel.getClass().getName()
                    + ") has no public evalRaw(String); descent supports IJava 1.3. Paste the imports yourself:\n"
                    + Startup.imports(), e);
        }
        List<String> failed = new ArrayList<>();
        for (String line : Startup.imports().split("\n")) {
            try {
                evalRaw.invoke(kernel, line);
            } catch (InvocationTargetException e) {
                failed.add(line + " (" + e.getCause() + ")");
            } catch (IllegalAccessException e) {
                failed.add(line + " (" + e + ")");
            }
        }
        return failed;
    }

    /** The running IJava kernel, or null outside IJava (its classes absent, or no kernel started). */
    static Object runningKernel() {
        Class<?> ijava = kernelClass();
        if (ijava == null) return null;
        try {
            return ijava.getMethod("getKernelInstance").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Class<?> kernelClass() {
        for (ClassLoader cl : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                IJava.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (cl == null) continue;
            try {
                return Class.forName(KERNEL_CLASS, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    private static BaseKernel kernel() {
        if (kernelClass() == null) {
            throw new IllegalStateException("IJava.install() works inside the IJava kernel, but " + KERNEL_CLASS
                    + " is not on the class path. In JJava nothing is needed (descent registers itself); "
                    + "in JShell use Plots.show(figure).");
        }
        Object kernel = runningKernel();
        if (kernel == null) {
            throw new IllegalStateException("IJava.install(): " + KERNEL_CLASS + ".getKernelInstance() gave no kernel;"
                    + " call it from a notebook cell of a running IJava 1.3 kernel.");
        }
        if (!(kernel instanceof BaseKernel base)) {
            throw new IllegalStateException("IJava.install(): the running kernel (" + kernel.getClass().getName()
                    + ") is not a jupyter-jvm-basekernel 2.3 kernel; descent supports IJava 1.3.");
        }
        return base;
    }

    /** The running kernel's display and update-display as a {@link LiveDisplay}, for {@link IJavaProgressProvider}. */
    static LiveDisplay liveDisplay() {
        return new Display(kernel());
    }

    /** {@link LiveDisplay} in IJava: display_data with a display id, then update_display_data. */
    private record Display(BaseKernel kernel) implements LiveDisplay {
        @Override
        public String display(Map<String, Object> bundle) {
            String id = UUID.randomUUID().toString();
            DisplayData data = data(bundle);
            data.setDisplayId(id);
            kernel.display(data);
            return id;
        }

        @Override
        public void update(String id, Map<String, Object> bundle) {
            kernel.getIO().display.updateDisplay(id, data(bundle));
        }

        private static DisplayData data(Map<String, Object> bundle) {
            DisplayData data = new DisplayData();
            bundle.forEach(data::putData);
            return data;
        }
    }
}
