package descent.bench;

import descent.data.Batches;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.TrainTest;
import descent.nn.Initializers;
import descent.nn.Losses;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.optim.State;
import descent.tensor.Blas;
import descent.tensor.DType;
import descent.tensor.Matrix;
import descent.train.Trainer;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * descent's side of the benchmark: the book's optimizer comparison (Deep Learning from Scratch §6.1.7) with
 * descent's network, loss, batches and optimizers, timed like bench/reference_numpy.py and reporting one JSON line
 * per optimizer. The loop is the core of a training step written out (sample, forward, loss, backward without the
 * input gradient, one {@link Optimizer#update} per parameter tensor), so that what is timed is the library's
 * kernels, not a progress display. Like the Trainer, it checks once that the data set is finite and then runs
 * {@code forwardTrusted}, which skips forward's check of each batch (the numpy and PyTorch references check nothing).
 *
 * <p>With {@code --api trainer} the same run goes through {@link Trainer#step()} with its defaults (batches with
 * replacement, per-step accuracy, divergence checks and rollback copy, per-layer statistics): what a student's
 * notebook pays. It reports as {@code descent-trainer}.
 *
 * <p>With {@code --dtype float32} the network is {@code Mlp.of(...).float32()}: float32 weights, activations and
 * gradients, {@code sgemm}; the training set is made float32 once before the timed loop ({@code Dataset.to}), as the
 * numpy and PyTorch references load theirs, so a batch is a copy of float rows.
 *
 * <p>It also counts the bytes the training thread allocates during the last 100 timed iterations
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}): the steady state should allocate nothing.
 */
public final class TrainBench {
    private static final int[] SIZES = {784, 100, 100, 100, 100, 10};
    private static final int BATCH = 128;
    private static final int LOSS_WINDOW = 100;
    private static final int ALLOC_ITERATIONS = 100;

    /** Gemm FLOPs of one iteration, as bench/common.py counts them. */
    static long gemmFlopsPerIteration() {
        long total = 0;
        for (int k = 0; k + 1 < SIZES.length; k++) total += 2L * BATCH * SIZES[k] * SIZES[k + 1] * (k == 0 ? 2 : 3);
        return total;
    }

    static Optimizer optimizer(String name) {
        return switch (name) {        // the book's settings; eps as in bench/common.py (PyTorch's defaults)
            case "sgd" -> Optimizers.sgd(0.01);
            case "momentum" -> Optimizers.momentum(0.01, 0.9);
            case "adagrad" -> Optimizers.adaGrad(0.01);
            case "adam" -> Optimizers.adam(0.001);
            default -> throw new IllegalArgumentException("Unknown optimizer '" + name
                    + "'; expected sgd, momentum, adagrad or adam.");
        };
    }

    /** One training run's state: the network, loss, optimizer states and reused batch buffers. */
    private static final class Run {
        final Mlp net;
        final SoftmaxCrossEntropy loss = Losses.softmaxCrossEntropy();
        final Optimizer optimizer;
        final List<Parameter> params;
        final State[] states;
        final Batches batches;
        final int[] rows = new int[BATCH];
        final Matrix x;          // in the model's dtype, as the data set's features (float32 ones for a float32 model)
        final Matrix t = Matrix.zeros(BATCH, SIZES[SIZES.length - 1]);
        final Dataset train;
        final double[] losses;
        final Trainer trainer;
        int step;

        Run(String optimizerName, Dataset train, int iterations, long seed, boolean useTrainer, DType dtype) {
            Mlp mlp = Mlp.of(SIZES).relu().init(Initializers.he()).seed(seed);
            this.net = dtype == DType.FLOAT32 ? mlp.float32() : mlp;
            this.x = Matrix.zeros(BATCH, SIZES[0], dtype);
            this.optimizer = optimizer(optimizerName);
            this.params = net.parameters();
            this.states = new State[params.size()];
            for (int i = 0; i < states.length; i++) states[i] = optimizer.newState(params.get(i).value());
            this.batches = Batches.withReplacement(train.size(), BATCH, seed);
            this.train = train;
            this.losses = new double[iterations];
            this.trainer = useTrainer
                    ? Trainer.of(net, train, optimizer).batchSize(BATCH).seed(seed).replacement(true) : null;
        }

        /** One iteration: sample a batch, forward, loss, backward, update. Returns the batch loss. */
        double iteration() {
            if (trainer != null) return trainer.step().loss();
            batches.next(rows);
            Object xs = train.x().array();   // double[] or float[], the same type as x's
            double[] tb = t.data();
            int w = SIZES[0], c = t.cols();
            java.util.Arrays.fill(tb, 0.0);
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(xs, rows[k] * w, x.array(), k * w, w);
                tb[k * c + train.label(rows[k])] = 1.0;
            }
            double l = loss.forward(net.forwardTrusted(x), t);   // the data set was checked once, in main
            net.backwardParameters(loss.backward());
            double lr = optimizer.lrAt(step++);
            for (int i = 0; i < states.length; i++) {
                Parameter p = params.get(i);
                optimizer.update(p.value(), p.grad(), states[i], lr);
            }
            return l;
        }
    }

    public static void main(String[] argv) {
        Args args = new Args(argv);
        String dtype = args.get("dtype", "float64");
        int threads = args.getInt("threads", 1);
        DType type = switch (dtype) {
            case "float64" -> DType.FLOAT64;
            case "float32" -> DType.FLOAT32;
            default -> throw new IllegalArgumentException("Unknown dtype '" + dtype + "'; expected float64 or float32.");
        };
        int iterations = args.getInt("iterations", 2000);
        int warmup = args.getInt("warmup", 200);
        double maxSeconds = args.getDouble("max-seconds", 0);
        long seed = args.getInt("seed", 1);
        String[] names = args.get("optimizers", "sgd,momentum,adagrad,adam").split(",");
        boolean useTrainer = args.get("api", "loop").equals("trainer");
        String impl = args.get("label", useTrainer ? "descent-trainer" : "descent");

        long t0 = System.nanoTime();
        TrainTest data = Datasets.fashionMnist();
        Dataset train = data.train().to(type);   // float32 features for a float32 model, as the references load them
        int bad = train.x().firstNonFinite();    // once, as the Trainer does; the loop then skips the per-batch check
        if (bad >= 0) throw new IllegalStateException("Fashion-MNIST has " + train.x().flat(bad) + " at value " + bad + ".");
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        if (warmup > 0) {       // the same untimed warm-up the references run (JIT compilation here)
            Run w = new Run(names[0], train, warmup, seed + 1000, useTrainer, type);
            for (int i = 0; i < warmup; i++) w.iteration();
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        for (String name : names) {
            Run run = new Run(name, train, iterations, seed, useTrainer, type);
            int allocFrom = iterations - Math.min(ALLOC_ITERATIONS, iterations / 2);   // after the first buffers exist
            long allocStart = -1;
            int done = 0;
            long start = System.nanoTime();
            while (done < iterations) {
                if (done == allocFrom) allocStart = mx.getThreadAllocatedBytes(me);
                run.losses[done++] = run.iteration();
                if (maxSeconds > 0 && done % 50 == 0 && System.nanoTime() - start > maxSeconds * 1e9) break;
            }
            long allocated = mx.getThreadAllocatedBytes(me) - allocStart;
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean truncated = done < iterations;   // stopped by --max-seconds: only the throughput counts

            Double finalLoss = null, accuracy = null;
            if (!truncated) {
                double sum = 0;
                int window = Math.min(LOSS_WINDOW, iterations);
                for (int i = iterations - window; i < iterations; i++) sum += run.losses[i];
                finalLoss = sum / window;
                accuracy = accuracy(run.net, data.test());
            }

            Json.line().put("impl", impl).put("optimizer", name).put("dtype", dtype)
                    .put("threads", threads).put("seed", seed).put("iterations", done)
                    .put("seconds", seconds).put("it_per_s", done / seconds)
                    .put("gflops", gemmFlopsPerIteration() * (double) done / seconds / 1e9)
                    .put("final_loss", finalLoss).put("test_accuracy", accuracy).put("truncated", truncated)
                    .put("load_seconds", loadSeconds)
                    .put("alloc_bytes_per_iteration", truncated ? null : (double) allocated / (iterations - allocFrom))
                    .put("blas", Blas.implementation()).put("optimizer_spec", run.optimizer.toString()).emit();
        }
    }

    private static double accuracy(Mlp net, Dataset test) {
        Matrix scores = net.predict(test.x());
        int correct = 0;
        for (int r = 0; r < test.size(); r++) if (scores.argmaxOfRow(r) == test.label(r)) correct++;
        return (double) correct / test.size();
    }
}
