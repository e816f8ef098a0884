package descent.tensor;

import descent.base.Check;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The matrix-multiply kernel behind {@link Matrix#times}: which BLAS was found, and the one call that uses it
 * ({@code dgemm} for float64, {@code sgemm} for float32).
 *
 * <pre>{@code
 * Blas.threads();         // 2 under ./descent on two cores: large float64 products in two row blocks, one per core
 * Blas.implementation()   // e.g. "native OpenBLAS via JNI (/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3)"
 * }</pre>
 *
 * Uses {@code dev.ludovic.netlib:blas}, the BLAS layer of Apache Spark. In order of preference:
 * <ol>
 *   <li>a native BLAS through JNI, when {@code libblas.so.3} is an optimized library such as OpenBLAS
 *       ({@code apt-get install libopenblas0}); about 40 GFLOP/s on 128x784·784x100 on the development machine;</li>
 *   <li>the JDK Vector API ({@code --add-modules jdk.incubator.vector}), about 24 GFLOP/s;</li>
 *   <li>plain Java loops, unrolled and blocked by the library.</li>
 * </ol>
 * A native {@code libblas.so.3} that is only the reference (netlib Fortran) implementation is slower than the Java
 * fallback (about 1 GFLOP/s), so only libraries whose resolved path names OpenBLAS, BLIS, MKL, FlexiBLAS or ATLAS are
 * used automatically. Set the system property {@code descent.blas=java} to force the Java path, or
 * {@code descent.blas=native} to use whatever native BLAS is installed. Measurements: {@code docs/networks.md}.
 *
 * <p>OpenBLAS chooses its kernels from the CPU model when the library loads; on a CPU it does not recognise it uses
 * generic SSE3 kernels, 3-5 times slower. {@code ./descent} then sets {@code OPENBLAS_CORETYPE} from the CPU's
 * flags before any JVM starts (a JVM cannot change it once loaded), and the description above names it
 * (docs/performance.md, "Which OpenBLAS kernels").
 */
public final class Blas {
    /** Where Debian/Ubuntu (both architectures) and Fedora put the libblas.so.3 that netlib's JNI stub loads. */
    private static final String[] SYSTEM_LIBBLAS = {"/usr/lib/x86_64-linux-gnu/libblas.so.3",
            "/usr/lib/aarch64-linux-gnu/libblas.so.3", "/usr/lib64/libblas.so.3"};
    private static final BLAS BLAS;
    private static final String DESCRIPTION;
    private static final boolean NATIVE;

    static {
        String choice = System.getProperty("descent.blas", "auto");
        // netlib logs a WARNING for each implementation it cannot load; a missing OpenBLAS is normal, not an error.
        Logger log = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
        Level before = log.getLevel();
        log.setLevel(Level.SEVERE);
        try {
            String nativeLib = resolvedSystemBlas();
            boolean optimizedNative = nativeLib != null && nativeLib.matches(".*(openblas|blis|mkl|flexiblas|atlas).*");
            BLAS chosen = null;
            String description = null;
            if (choice.equals("native") || (choice.equals("auto") && optimizedNative)) {
                try {
                    chosen = dev.ludovic.netlib.blas.NativeBLAS.getInstance();
                    boolean openBlas = nativeLib != null && nativeLib.contains("openblas");
                    String core = System.getenv("OPENBLAS_CORETYPE");
                    description = (openBlas ? "native OpenBLAS via JNI (" : "native BLAS via JNI (") + nativeLib + ")"
                            + (openBlas && core != null && !core.isBlank() ? ", kernels OPENBLAS_CORETYPE=" + core : "");
                } catch (RuntimeException | LinkageError e) {
                    chosen = null;
                }
            }
            if (chosen == null) {
                chosen = JavaBLAS.getInstance();
                description = chosen.getClass().getSimpleName().equals("VectorBLAS")
                        ? "Java, JDK Vector API (VectorBLAS)"
                        : "plain Java (" + chosen.getClass().getSimpleName()
                          + "; install libopenblas0 for native speed, or add --add-modules jdk.incubator.vector)";
            }
            BLAS = chosen;
            DESCRIPTION = description;
            NATIVE = chosen instanceof dev.ludovic.netlib.blas.NativeBLAS;
        } finally {
            log.setLevel(before);
        }
    }

    private Blas() {
    }

    private static String resolvedSystemBlas() {
        for (String candidate : SYSTEM_LIBBLAS) {
            try {
                Path p = Path.of(candidate);
                if (Files.exists(p)) return p.toRealPath().toString();
            } catch (Exception e) {
                // unreadable link: try the next place
            }
        }
        return null;
    }

    /** Which BLAS multiplies matrices in this JVM, in words. */
    public static String implementation() {
        return DESCRIPTION;
    }

    /**
     * How many threads compute the large float64 matrix products: 2 by default on a machine with two cores or more
     * when OpenBLAS runs on one ({@code OPENBLAS_NUM_THREADS=1}, as {@code ./descent} sets it), else 1; the
     * environment variable {@code DESCENT_THREADS} or the system property {@code descent.threads} overrides it. The
     * results are the same bits for 1 and 2 (docs/performance.md, "Both cores").
     */
    public static int threads() {
        return BlasThreads.threads();
    }

    /**
     * The least work, in multiply-adds per product, for which two products are worth running side by side with
     * {@link #both}: below it, handing one to the other core costs more than it saves. {@link descent.nn.Dense} pairs
     * its two backward products from here up (on the bench's network: the 100-wide layers, 128·100·100 = 1.28M).
     * <pre>{@code
     * long work = 128L * 100 * 100;
     * work >= Blas.PAIR_WORK     // true: dx and dW of a 128-row batch through a 100x100 layer go to both cores
     * }</pre>
     */
    public static final long PAIR_WORK = 1L << 20;

    /**
     * Runs two independent computations at once, {@code here} on this thread and {@code there} on descent's second
     * BLAS thread, when {@link #threads()} is 2 and that thread is free; else one after the other. They must not write
     * the same memory. Each still splits its products by the shape-only rule, on its own thread, so the results are
     * the bits of running them one after the other. {@link descent.nn.Dense} computes its weight gradient and its
     * input gradient this way. A failure in either is rethrown after both have finished.
     *
     * <pre>{@code
     * Matrix x = Matrix.zeros(128, 100), dy = Matrix.zeros(128, 100), w = Matrix.zeros(100, 100);
     * Matrix dw = Matrix.zeros(100, 100), dx = Matrix.zeros(128, 100);
     * Blas.both(() -> dy.timesTransposeInto(w, dx), () -> x.transposeTimesInto(dy, dw));
     * }</pre>
     */
    public static void both(Runnable here, Runnable there) {
        Check.notNull("here", here);
        Check.notNull("there", there);
        BlasThreads.both(here, there);
    }

    static boolean isNative() {
        return NATIVE;
    }

    static BLAS instance() {
        return BLAS;
    }

    /**
     * c ← op(a)·op(b) for row-major matrices, where op transposes when asked: {@code dgemm} for float64,
     * {@code sgemm} for float32. Shapes and dtypes are checked by the caller ({@link Matrix}); here only the
     * row-major to column-major translation happens.
     */
    static void gemm(boolean transA, boolean transB, Matrix a, Matrix b, Matrix c) {
        a.requireSameDType(b, "multiply");
        int m = c.rows(), n = c.cols();
        int k = transA ? a.rows() : a.cols();
        // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, and a row-major array read column-major is
        // its transpose: so swap the operands and keep the transpose flags; leading dimensions are the stored widths.
        if (BlasThreads.splits(m, n, k)) {     // both cores, the same bits on one thread or two (BlasThreads)
            BlasThreads.gemm(transA, transB, 1.0, a, b, 0.0, c, k);
            return;
        }
        String opB = transB ? "T" : "N", opA = transA ? "T" : "N";
        if (c.isFloat32()) {
            BLAS.sgemm(opB, opA, n, m, k, 1f, b.floats(), b.cols(), a.floats(), a.cols(), 0f, c.floats(), n);
        } else {
            BLAS.dgemm(opB, opA, n, m, k, 1.0, b.data(), b.cols(), a.data(), a.cols(), 0.0, c.data(), n);
        }
    }
}
