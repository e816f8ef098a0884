package descent.bench;

import descent.data.Batches;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.tensor.Blas;
import descent.tensor.DType;
import descent.tensor.Matrix;

import java.util.SplittableRandom;

/**
 * How fast the 13 matrix products of one training step run inside a step, against the same products each repeated
 * with hot caches (what the bench's GEMM-only ceiling adds up). The step here does only the products, in training
 * order, on the benchmark network's own shapes (784-100×4-10, batch 128), with what a real step does around them
 * that touches memory: a fresh batch gathered from Fashion-MNIST before the products and every weight matrix
 * written (a tiny SGD step) after them. Prints one line; run it a few times, since this VM's speed drifts.
 *
 * <pre>
 * bench/run --quick    # once: compiles bench/java into target/bench-classes
 * OPENBLAS_NUM_THREADS=1 DESCENT_THREADS=1 java -cp "$(cat target/bench-classpath)" descent.bench.InSituBench --dtype float64
 * </pre>
 */
public final class InSituBench {
    private static final int[] SIZES = {784, 100, 100, 100, 100, 10};
    private static final int BATCH = 128;

    public static void main(String[] argv) {
        Args args = new Args(argv);
        DType dtype = args.get("dtype", "float64").equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
        int steps = args.getInt("steps", 2000), warmup = args.getInt("warmup", 300), repeats = args.getInt("repeats", 200);
        int layers = SIZES.length - 1;
        Dataset train = Datasets.fashionMnist().train().to(dtype);
        Matrix[] w = new Matrix[layers], dw = new Matrix[layers], h = new Matrix[layers + 1], dh = new Matrix[layers + 1];
        SplittableRandom random = new SplittableRandom(1);
        h[0] = Matrix.zeros(BATCH, SIZES[0], dtype);
        for (int k = 0; k < layers; k++) {
            w[k] = Matrix.zeros(SIZES[k], SIZES[k + 1], dtype);
            dw[k] = Matrix.zeros(SIZES[k], SIZES[k + 1], dtype);
            h[k + 1] = Matrix.zeros(BATCH, SIZES[k + 1], dtype);
            dh[k + 1] = Matrix.zeros(BATCH, SIZES[k + 1], dtype);
            fill(w[k], 0.05, random);
            fill(dh[k + 1], 0.01, random);
        }
        Batches batches = Batches.withReplacement(train.size(), BATCH, 1);
        int[] rows = new int[BATCH];
        long inStep = 0;
        for (int step = 0; step < warmup + steps; step++) {
            batches.next(rows);
            for (int r = 0; r < BATCH; r++) {
                System.arraycopy(train.x().array(), rows[r] * SIZES[0], h[0].array(), r * SIZES[0], SIZES[0]);
            }
            long start = System.nanoTime();
            products(w, dw, h, dh);
            if (step >= warmup) inStep += System.nanoTime() - start;
            for (int k = 0; k < layers; k++) sgd(w[k], dw[k]);
        }
        long hot = 0;   // each product alone, repeated: the bench's GEMM probe
        for (int k = 0; k < layers; k++) {
            final int layer = k;
            hot += timeHot(() -> h[layer].timesInto(w[layer], h[layer + 1]), repeats);
            hot += timeHot(() -> h[layer].transposeTimesInto(dh[layer + 1], dw[layer]), repeats);
            if (k > 0) hot += timeHot(() -> dh[layer + 1].timesTransposeInto(w[layer], dh[layer]), repeats);
        }
        double inStepMicros = inStep / 1e3 / steps, hotMicros = hot / 1e3;
        System.out.printf("%s, %d thread(s): the 13 products take %.0f µs inside a step (%.0f it/s if a step were"
                        + " only them), %.0f µs each alone with hot caches (%.0f it/s): inside = %.2f× alone%n",
                dtype.toString().toLowerCase(), Blas.threads(), inStepMicros, 1e6 / inStepMicros, hotMicros,
                1e6 / hotMicros, inStepMicros / hotMicros);
    }

    /** Forward, then per layer from the last: weight gradient and (except the first layer) input gradient. */
    private static void products(Matrix[] w, Matrix[] dw, Matrix[] h, Matrix[] dh) {
        for (int k = 0; k < w.length; k++) h[k].timesInto(w[k], h[k + 1]);
        for (int k = w.length - 1; k >= 0; k--) {
            h[k].transposeTimesInto(dh[k + 1], dw[k]);
            if (k > 0) dh[k + 1].timesTransposeInto(w[k], dh[k]);
        }
    }

    /** Nanoseconds per call, after 20 untimed calls. */
    private static long timeHot(Runnable product, int repeats) {
        for (int i = 0; i < 20; i++) product.run();
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) product.run();
        return (System.nanoTime() - start) / repeats;
    }

    /** w ← w − 1e-9·g: writes every weight, as an update does, without moving them measurably. */
    private static void sgd(Matrix w, Matrix g) {
        for (int i = 0; i < w.size(); i++) w.set(i / w.cols(), i % w.cols(), w.flat(i) - 1e-9 * g.flat(i));
    }

    private static void fill(Matrix m, double scale, SplittableRandom random) {
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) m.set(r, c, scale * (random.nextDouble() * 2 - 1));
    }
}
