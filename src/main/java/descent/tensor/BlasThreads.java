package descent.tensor;

import descent.base.HelperThread;
import dev.ludovic.netlib.blas.BLAS;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

/**
 * Both cores for the large matrix products, with results that do not depend on the number of threads.
 *
 * <pre>
 *   C = op(A)·op(B), m rows:   m ≥ 128 and m·n·k ≥ 2^20  →  rows [0, h) and [h, m), h = ⌊m/2⌋ rounded down to 64
 *                              the two halves are two BLAS calls, on two threads or one after the other on one
 *                              on two threads only when m·n·k ≥ 2^22; smaller split products run both halves here
 * </pre>
 * The rule depends on the shapes only, so a product gives the same bits with one thread or two. With OpenBLAS's
 * generic (Prescott) kernels it also gives the bits of the unsplit call; its AVX-512 (SkylakeX) kernels sum the edge
 * of a block differently in a 64-row half, so a few entries can differ from the unsplit call in their last bit
 * ({@code BlasThreadsTest} checks both). OpenBLAS's own threads do not promise even the first (with two, a
 * 100×128·128×100 product changes in the last bits), so {@code ./descent} runs OpenBLAS with one thread
 * ({@code OPENBLAS_NUM_THREADS=1}) and descent splits instead.
 *
 * <p>Both dtypes are split the same way ({@code dgemm} and {@code sgemm}). Only the native BLAS is split (its
 * unchecked entry point takes the half's offsets; the checked one rejects an offset into a transposed operand).
 * Threads: the system property {@code descent.threads}, else the environment variable {@code DESCENT_THREADS} (1 or
 * 2; more count as 2); by default 2 when the machine has two cores or more and {@code OPENBLAS_NUM_THREADS=1}, else 1
 * (OpenBLAS's own threads already use the cores). A product called while the helper thread is busy with another
 * product runs both halves on its own thread.
 *
 * <p>{@link #both} runs two independent pieces of work at once, one per thread: a dense layer's weight gradient
 * xᵀ·dy and input gradient dy·Wᵀ, which always have the same number of multiply-adds. Their products are still split
 * by the rule above, but each runs its halves on its own thread, so the bits are those of running them one after the
 * other. Two whole products side by side keep each core on its own data, which two halves of every product do not:
 * on the bench's network the backward pass then takes about a tenth less time (docs/performance.md, "Both cores").
 */
final class BlasThreads {
    /** Row blocks are multiples of this. */
    static final int ROWS = 64;
    /**
     * Products with less work (m·n·k) than this are not split: two calls would cost more than they save. Above it two
     * 64-row calls are faster than one even on one core, with OpenBLAS's AVX-512 kernels: a 128×100·100×100 forward took
     * 52 µs as two calls and 71 µs as one in float64, 33 against 37–44 µs in float32. The same value as
     * {@link Blas#PAIR_WORK}, which decides whether two whole products share the cores.
     */
    static final long MIN_WORK = 1L << 20;
    /**
     * Split products with less work than this run both halves on the calling thread. Handing a half of a 128×100·100×100
     * product to the other core made it slower (float32 40 → 46 µs, float64 57 → 64 µs, interleaved in one process),
     * and left half of its output in the other core's cache for the next layer to fetch; the 784-wide products still
     * gain (float64 567 → 431 µs). Where the halves run does not change the bits; only the split rule does.
     */
    static final long MIN_HANDOFF = 1L << 22;

    private static final MethodHandle DGEMM_K;   // null: no split
    private static final MethodHandle SGEMM_K;   // the float32 one; null with DGEMM_K
    private static final HalfProduct FIRST_HALF = new HalfProduct(), SECOND_HALF = new HalfProduct();
    private static volatile int threads;

    static {
        MethodHandle d = null, f = null;
        try {
            if (Blas.isNative()) {
                d = unchecked("dgemmK", double.class, double[].class);
                f = unchecked("sgemmK", float.class, float[].class);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            d = f = null;      // another netlib version: products stay whole, on one thread
        }
        DGEMM_K = d;
        SGEMM_K = d == null ? null : f;
        // Two threads of our own only when OpenBLAS runs one: else its threads already use the cores.
        boolean openBlasSingle = "1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
        int fallback = openBlasSingle ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
        String env = System.getenv("DESCENT_THREADS");
        int fromEnv = env != null && env.matches("[1-9][0-9]*") ? Integer.parseInt(env) : fallback;
        threads(Integer.getInteger("descent.threads", fromEnv));
    }

    private BlasThreads() {
    }

    /** netlib's gemm entry point that takes offsets into the arrays and checks nothing, bound to the native BLAS. */
    private static MethodHandle unchecked(String name, Class<?> scalar, Class<?> array) throws ReflectiveOperationException {
        Method m = Class.forName("dev.ludovic.netlib.blas.AbstractBLAS").getDeclaredMethod(name, String.class,
                String.class, int.class, int.class, int.class, scalar, array, int.class, int.class,
                array, int.class, int.class, scalar, array, int.class, int.class);
        m.setAccessible(true);
        return MethodHandles.lookup().unreflect(m).bindTo(Blas.instance());
    }

    /** Sets the number of threads for products (1 or 2); the results are the same for both. */
    static void threads(int n) {
        if (n < 1) throw new IllegalArgumentException("descent.threads is " + n + "; expected 1 or 2.");
        threads = Math.min(2, n);
    }

    static int threads() {
        return threads;
    }

    /** Whether products of this shape are split in two row blocks. */
    static boolean splits(int m, int n, int k) {
        return DGEMM_K != null && m >= 2 * ROWS && (long) m * n * k >= MIN_WORK;
    }

    /** Whether, with two threads, the second half of a split product of this shape runs on the other core. */
    static boolean handsOff(int m, int n, int k) {
        return (long) m * n * k >= MIN_HANDOFF;
    }

    /** The first row of the second block. */
    static int split(int m) {
        return m / 2 / ROWS * ROWS;
    }

    /** c ← alpha·op(a)·op(b) + beta·c in two row blocks (when {@link #splits}); row-major, shapes checked by the caller. */
    static void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c, int k) {
        int m = c.rows(), h = split(m);
        // Inside both() (or on the helper thread) the helper is not available: then both halves run here.
        if (threads > 1 && handsOff(m, c.cols(), k) && HelperThread.tryAcquire()) {
            // Only the holder sets the two halves, so one instance of each suffices.
            FIRST_HALF.set(transA, transB, alpha, a, b, beta, c, k, 0, h);
            SECOND_HALF.set(transA, transB, alpha, a, b, beta, c, k, h, m);
            try {
                beside(FIRST_HALF, SECOND_HALF);
            } finally {
                FIRST_HALF.clear();     // before release: then the next holder may set them
                SECOND_HALF.clear();
                HelperThread.release();
            }
        } else {
            rows(transA, transB, alpha, a, b, beta, c, k, 0, h);
            rows(transA, transB, alpha, a, b, beta, c, k, h, m);
        }
    }

    /**
     * Runs {@code here} on this thread and {@code there} on the helper thread at once, when two threads are set and
     * the helper is free; else {@code here} then {@code there} on this thread. The two must not write the same memory.
     * A failure in either is rethrown here after both have finished ({@code here}'s first).
     */
    static void both(Runnable here, Runnable there) {
        if (threads < 2 || !HelperThread.tryAcquire()) {
            here.run();
            there.run();
            return;
        }
        try {
            beside(here, there);
        } finally {
            HelperThread.release();
        }
    }

    /**
     * With the helper acquired (the caller releases it): {@code there} on it, {@code here} on this thread, then waits
     * for both, even when either fails. A failure is rethrown after both have finished ({@code here}'s first, the
     * other suppressed), so no task is still running with the caller's matrices when the exception leaves.
     */
    private static void beside(Runnable here, Runnable there) {
        HelperThread.post(there);
        Throwable hereFailed = null;
        try {
            here.run();
        } catch (RuntimeException | Error e) {
            hereFailed = e;
        }
        try {
            HelperThread.await();
        } catch (RuntimeException | Error e) {
            if (hereFailed == null) throw e;
            hereFailed.addSuppressed(e);
        }
        if (hereFailed instanceof RuntimeException r) throw r;
        if (hereFailed instanceof Error e) throw e;
    }

    /** Rows [r0, r1) of c. */
    static void rows(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c, int k, int r0, int r1) {
        int n = c.cols();
        String opB = transB ? "T" : "N", opA = transA ? "T" : "N";   // typed locals: invokeExact needs exact types
        int aOffset = transA ? r0 : r0 * a.cols();
        try {
            // as Blas.gemm: row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ; rows of C are columns of Cᵀ
            if (c.isFloat32()) {
                SGEMM_K.invokeExact(opB, opA, n, r1 - r0, k, (float) alpha, b.floats(), 0, b.cols(),
                        a.floats(), aOffset, a.cols(), (float) beta, c.floats(), r0 * n, n);
            } else {
                DGEMM_K.invokeExact(opB, opA, n, r1 - r0, k, alpha, b.data(), 0, b.cols(),
                        a.data(), aOffset, a.cols(), beta, c.data(), r0 * n, n);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException((c.isFloat32() ? "sgemm" : "dgemm") + " failed: " + e, e);
        }
    }

    /** One half of a split product, as a task: the second runs on the helper thread, the first here. */
    private static final class HalfProduct implements Runnable {
        private boolean transA, transB;
        private double alpha, beta;
        private Matrix a, b, c;
        private int k, r0, r1;

        void set(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c, int k, int r0, int r1) {
            this.transA = transA;
            this.transB = transB;
            this.alpha = alpha;
            this.beta = beta;
            this.a = a;
            this.b = b;
            this.c = c;
            this.k = k;
            this.r0 = r0;
            this.r1 = r1;
        }

        void clear() {
            a = b = c = null;    // no matrix stays reachable from here after its product
        }

        @Override
        public void run() {
            rows(transA, transB, alpha, a, b, beta, c, k, r0, r1);
        }
    }
}
