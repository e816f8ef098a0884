package descent.bench;

import descent.data.Batches;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.optim.State;
import descent.tensor.Blas;
import descent.tensor.DType;
import descent.tensor.Matrix;

import java.util.SplittableRandom;

/**
 * How fast the 13 matrix products of one training step run inside a step, against the same products each repeated
 * with hot caches (what the bench's GEMM-only ceiling adds up). The step here does only the products, in training
 * order, on the benchmark network's own shapes (784-100×4-10, batch 128), with what a real step does around them
 * that touches memory: a fresh batch gathered from Fashion-MNIST before the products and every weight matrix
 * written (descent's SGD update, with a learning rate too small to move them) after them; those two are timed too. Prints one line per dtype; run it a few times, since this VM's speed drifts.
 * With {@code --json true} it prints the bench's JSON lines instead: the harness runs it in every round and reports
 * the "products inside a step" ceiling, which no step that multiplies with this BLAS can beat.
 *
 * <pre>
 * bench/run --quick    # once: compiles bench/java into target/bench-classes
 * OPENBLAS_NUM_THREADS=1 DESCENT_THREADS=1 java -cp "$(cat target/bench-classpath)" descent.bench.InSituBench --dtypes float64,float32
 * </pre>
 */
public final class InSituBench {
    private static final int[] SIZES = {784, 100, 100, 100, 100, 10};
    private static final int BATCH = 128;

    public static void main(String[] argv) {
        Args args = new Args(argv);
        int steps = args.getInt("steps", 2000), warmup = args.getInt("warmup", 300), repeats = args.getInt("repeats", 200);
        boolean json = args.get("json", "false").equals("true");
        for (String name : args.get("dtypes", args.get("dtype", "float64")).split(",")) {
            DType dtype = name.equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
            double[] micros = measure(dtype, steps, warmup, repeats);
            double inStep = micros[0], hot = micros[1], gather = micros[2], update = micros[3];
            if (json) {
                Json.line().put("impl", "descent").put("probe", "in-step").put("dtype", name).put("threads", Blas.threads())
                        .put("in_step_us", inStep).put("hot_us", hot).put("gather_us", gather).put("update_us", update)
                        .put("blas", Blas.implementation()).emit();
            } else {
                System.out.printf("%s, %d thread(s): the 13 products take %.0f µs inside a step (%.0f it/s if a step were"
                                + " only them), %.0f µs each alone with hot caches (%.0f it/s): inside = %.2f× alone;"
                                + " the batch copy %.0f µs, the SGD update %.0f µs%n",
                        name, Blas.threads(), inStep, 1e6 / inStep, hot, 1e6 / hot, inStep / hot, gather, update);
            }
        }
    }

    /**
     * Microseconds per step: the 13 products inside a step; the same products each alone and hot; and, in the same
     * steps, copying the batch and descent's SGD update of the weights (two things every loop does beside the products).
     */
    private static double[] measure(DType dtype, int steps, int warmup, int repeats) {
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
        Optimizer sgd = Optimizers.sgd(1e-9);    // writes every weight, as an update does, without moving them measurably
        State[] states = new State[layers];
        for (int k = 0; k < layers; k++) states[k] = sgd.newState(w[k]);
        long inStep = 0, gather = 0, update = 0;
        for (int step = 0; step < warmup + steps; step++) {
            boolean timed = step >= warmup;
            long t0 = System.nanoTime();
            batches.next(rows);
            for (int r = 0; r < BATCH; r++) {
                System.arraycopy(train.x().array(), rows[r] * SIZES[0], h[0].array(), r * SIZES[0], SIZES[0]);
            }
            long t1 = System.nanoTime();
            products(w, dw, h, dh);
            long t2 = System.nanoTime();
            for (int k = 0; k < layers; k++) sgd.update(w[k], dw[k], states[k], 1e-9);
            long t3 = System.nanoTime();
            if (timed) {
                gather += t1 - t0;
                inStep += t2 - t1;
                update += t3 - t2;
            }
        }
        long hot = 0;   // each product alone, repeated: the bench's GEMM probe
        for (int k = 0; k < layers; k++) {
            final int layer = k;
            hot += timeHot(() -> h[layer].timesInto(w[layer], h[layer + 1]), repeats);
            hot += timeHot(() -> h[layer].transposeTimesInto(dh[layer + 1], dw[layer]), repeats);
            if (k > 0) hot += timeHot(() -> dh[layer + 1].timesTransposeInto(w[layer], dh[layer]), repeats);
        }
        return new double[]{inStep / 1e3 / steps, hot / 1e3, gather / 1e3 / steps, update / 1e3 / steps};
    }

    /**
     * Forward, then per layer from the last: weight gradient and (except the first layer) input gradient, the two on
     * both cores at once when they are large enough, as {@code Dense.backward} runs them.
     */
    private static void products(Matrix[] w, Matrix[] dw, Matrix[] h, Matrix[] dh) {
        for (int k = 0; k < w.length; k++) h[k].timesInto(w[k], h[k + 1]);
        for (int k = w.length - 1; k >= 0; k--) {
            final int layer = k;
            Runnable weightGradient = () -> h[layer].transposeTimesInto(dh[layer + 1], dw[layer]);
            if (k == 0) weightGradient.run();
            else if ((long) BATCH * SIZES[k] * SIZES[k + 1] < Blas.PAIR_WORK) {
                weightGradient.run();
                dh[k + 1].timesTransposeInto(w[k], dh[k]);
            } else {
                Blas.both(() -> dh[layer + 1].timesTransposeInto(w[layer], dh[layer]), weightGradient);
            }
        }
    }

    /** Nanoseconds per call, after 20 untimed calls. */
    private static long timeHot(Runnable product, int repeats) {
        for (int i = 0; i < 20; i++) product.run();
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) product.run();
        return (System.nanoTime() - start) / repeats;
    }

    private static void fill(Matrix m, double scale, SplittableRandom random) {
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) m.set(r, c, scale * (random.nextDouble() * 2 - 1));
    }
}
