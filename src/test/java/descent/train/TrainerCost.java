package descent.train;

import descent.data.Batches;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Initializers;
import descent.nn.Losses;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.nn.SoftmaxCrossEntropy;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.optim.State;
import descent.tensor.DType;
import descent.tensor.Matrix;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What each extra of {@link Trainer#step()} costs against the bare training loop of the benchmark
 * ({@code bench/java/descent/bench/TrainBench.java}): the book's 784-100×4-10 ReLU network, batches of 128 drawn with
 * replacement, SGD (lr 0.01) and Adam (lr 0.001). Not a unit test (no timing assertions in the build); run it by hand:
 * <pre>
 * mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OPENBLAS_NUM_THREADS=1 java -cp target/classes:target/test-classes:$(cat target/cp.txt) descent.train.TrainerCost
 *     [--steps 400] [--rounds 7] [--optimizers sgd,adam] [--dtype float64|float32] [--synthetic] [--no-extras]
 * </pre>
 * Measured: CPU time of the training thread (and, beside it, wall-clock time) ({@link ThreadMXBean#getCurrentThreadCpuTime}) per step, best of the
 * rounds; every variant runs once per round, in turn, so that noise from other programs hits all of them alike. With
 * one OpenBLAS thread all the work is on this thread. Variants:
 * <ul>
 *   <li>{@code bare}: the benchmark's loop (gather, forward, loss, backward, one update per parameter tensor);</li>
 *   <li>{@code trainer}: {@code Trainer.step()} with its defaults; {@code trainer -stats}: with {@code layerStats(false)};</li>
 *   <li>{@code +accuracy}, {@code +finite}, {@code +rollback}, {@code +stats}, {@code +history}: the bare loop plus
 *       exactly what the trainer does for that extra, calling the trainer's own code, to see where the difference
 *       between {@code bare} and {@code trainer} goes.</li>
 * </ul>
 * Data: Fashion-MNIST when it is installed, else (or with {@code --synthetic}) 60,000 random images of the same shape.
 */
public final class TrainerCost {
    private static final int[] SIZES = {784, 100, 100, 100, 100, 10};
    private static final int BATCH = 128;

    private TrainerCost() {
    }

    /** One variant's training run; {@link #step()} does one iteration. */
    private abstract static class Variant {
        final String name;
        long best = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;

        Variant(String name) {
            this.name = name;
        }

        abstract void step();
    }

    /** The bare loop plus the extras named by the flags, with the trainer's own helpers. */
    private static final class Loop extends Variant {
        final Mlp net;
        final SoftmaxCrossEntropy loss = Losses.softmaxCrossEntropy();
        final Optimizer optimizer;
        final List<Parameter> params;
        final State[] states;
        final BatchLoader batches;
        final boolean accuracy, finite, rollback, stats, history;
        final Snapshot buffers, checkpoint;
        final double[] gradSquares;
        final LayerStatsRecorder recorder;
        final History h = new History();
        int iteration;
        double sink;

        Loop(String name, Optimizer optimizer, Dataset train, String extras, DType dtype) {
            super(name);
            this.optimizer = optimizer;
            net = model(dtype);
            params = net.parameters();
            gradSquares = new double[params.size()];
            states = new State[params.size()];
            for (int i = 0; i < states.length; i++) states[i] = optimizer.newState(params.get(i).value());
            batches = new BatchLoader(train, BATCH, 1, true, dtype);
            accuracy = extras.contains("accuracy");
            finite = extras.contains("finite");
            rollback = extras.contains("rollback");
            stats = extras.contains("stats");
            history = extras.contains("history");
            buffers = Snapshot.ofBuffers(net);
            checkpoint = Snapshot.of(net, states);
            recorder = new LayerStatsRecorder(net, params);
        }

        @Override
        void step() {
            batches.next();
            if (rollback && iteration % Trainer.CHECKPOINT_EVERY == 0) checkpoint.save();
            if (rollback) buffers.save();
            double lr = optimizer.lrAt(iteration);
            Matrix out = net.forward(batches.x);
            double value = loss.forward(out, batches.t);
            double acc = accuracy ? Evaluation.accuracy(out, batches.labels, out.rows()) : 0;
            net.backwardParameters(loss.backward());
            for (int i = 0; i < params.size(); i++) {
                optimizer.update(params.get(i).value(), params.get(i).grad(), states[i], lr);
                if (finite || stats) gradSquares[i] = LayerStatsRecorder.sumSquares(params.get(i).grad(), params.get(i).value());
            }
            LayerStats s = stats ? recorder.record(gradSquares) : null;
            if (history) h.add(new TrainingStep(iteration, 0, value, acc, lr, s));
            if (history && h.size() >= 100_000) h.endEpoch(null, null);
            iteration++;
            sink += value;
        }
    }

    private static final class ViaTrainer extends Variant {
        final Trainer trainer;

        ViaTrainer(String name, Optimizer optimizer, Dataset train, boolean layerStats, DType dtype) {
            super(name);
            trainer = Trainer.of(model(dtype), train, optimizer)
                    .batchSize(BATCH).seed(1).replacement(true).layerStats(layerStats);
        }

        @Override
        void step() {
            trainer.step();
        }
    }

    /** The benchmark's network, in the given dtype. */
    private static Mlp model(DType dtype) {
        Mlp net = Mlp.of(SIZES).relu().init(Initializers.he()).seed(1);
        return dtype == DType.FLOAT32 ? net.float32() : net;
    }

    public static void main(String[] argv) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("Unexpected argument '" + a + "'; options are --steps N, --rounds N, --optimizers sgd,adam, --dtype float64|float32, --synthetic, --no-extras.");
            if (a.equals("--synthetic") || a.equals("--no-extras")) args.put(a.substring(2), "true");
            else args.put(a.substring(2), argv[++i]);
        }
        int steps = Integer.parseInt(args.getOrDefault("steps", "400"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "7"));
        String[] optimizers = args.getOrDefault("optimizers", "sgd,adam").split(",");
        DType dtype = DType.valueOf(args.getOrDefault("dtype", "float64").toUpperCase());
        Dataset train = data(args.containsKey("synthetic")).to(dtype);   // float32 features for a float32 model, as the bench
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("TrainerCost: %s, %s, %d steps per round, best of %d rounds, CPU time of this thread, OPENBLAS_NUM_THREADS=%s, descent.threads=%s%n",
                train, dtype, steps, rounds, System.getenv("OPENBLAS_NUM_THREADS"), System.getProperty("descent.threads", "default"));
        for (String o : optimizers) {
            List<Variant> variants = new ArrayList<>();
            variants.add(new Loop("bare", optimizer(o), train, "", dtype));
            variants.add(new ViaTrainer("trainer", optimizer(o), train, true, dtype));
            variants.add(new ViaTrainer("trainer -stats", optimizer(o), train, false, dtype));
            if (!args.containsKey("no-extras")) {
                for (String extra : List.of("accuracy", "finite", "rollback", "stats", "history")) {
                    variants.add(new Loop("+" + extra, optimizer(o), train, extra, dtype));
                }
            }
            for (Variant v : variants) for (int i = 0; i < 150; i++) v.step();    // JIT warm-up
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get((k + r) % variants.size());
                    long t0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                    for (int i = 0; i < steps; i++) v.step();
                    v.best = Math.min(v.best, (mx.getCurrentThreadCpuTime() - t0) / steps);
                    v.bestWall = Math.min(v.bestWall, (System.nanoTime() - w0) / steps);
                }
            }
            if (!args.containsKey("no-extras")) parts((Loop) variants.get(0), mx, rounds);
            double bare = variants.get(0).best;
            double bareWall = variants.get(0).bestWall;
            System.out.printf("%n%s        CPU µs/step   vs bare   extra µs    wall µs/step   vs bare%n", optimizer(o));
            for (Variant v : variants) {
                System.out.printf("  %-16s %7.1f   %6.3fx   %+7.1f    %7.1f   %6.3fx%n", v.name, v.best / 1e3, bare / v.best, (v.best - bare) / 1e3,
                        v.bestWall / 1e3, bareWall / v.bestWall);
            }
        }
    }

    /**
     * Each extra alone, repeated on the buffers of a real step (so what it does is what the trainer does, but with
     * warm caches): µs per call, best of the rounds.
     */
    private static void parts(Loop run, ThreadMXBean mx, int rounds) {
        Map<String, Runnable> parts = new LinkedHashMap<>();
        Matrix out = run.net.output(run.net.size() - 1);
        parts.put("accuracy", () -> run.sink += Evaluation.accuracy(out, run.batches.labels, out.rows()));
        parts.put("finite (Σg², w·0)", () -> {
            for (Parameter p : run.params) run.sink += LayerStatsRecorder.sumSquares(p.grad(), p.value());
        });
        parts.put("before: gradients", () -> {
            for (Parameter p : run.params) run.sink += p.grad().firstNonFinite();
        });
        parts.put("before: values", () -> {
            for (Parameter p : run.params) run.sink += p.value().firstNonFinite();
        });
        parts.put("buffers save", () -> run.buffers.save());
        parts.put("checkpoint save", () -> run.checkpoint.save());
        parts.put("layer stats", () -> run.sink += run.recorder.record(run.gradSquares).gradNorm(0));
        parts.put("history row", () -> {
            run.h.add(new TrainingStep(run.iteration, 0, 0.5, 0.5, 0.01, null));
            if (run.h.size() >= 100_000) run.h.endEpoch(null, null);
        });
        System.out.printf("%n%s, each extra alone (µs per call, best of %d × 200 calls)%n", run.optimizer, rounds);
        for (var e : parts.entrySet()) {
            long best = Long.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 200; i++) e.getValue().run();
                best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 200);
            }
            System.out.printf("  %-20s %7.1f%n", e.getKey(), best / 1e3);
        }
    }

    private static Optimizer optimizer(String name) {
        return switch (name) {
            case "sgd" -> Optimizers.sgd(0.01);
            case "momentum" -> Optimizers.momentum(0.01, 0.9);
            case "adagrad" -> Optimizers.adaGrad(0.01);
            case "adam" -> Optimizers.adam(0.001);
            default -> throw new IllegalArgumentException("Unknown optimizer '" + name + "'; expected sgd, momentum, adagrad or adam.");
        };
    }

    private static Dataset data(boolean synthetic) {
        if (!synthetic) {
            try {
                return Datasets.fashionMnist().train();
            } catch (RuntimeException e) {
                System.out.println("Fashion-MNIST not found (" + e.getMessage().lines().findFirst().orElse("") + "); using synthetic data");
            }
        }
        int n = 60_000, w = SIZES[0];
        Random rnd = new Random(7);
        double[] x = new double[n * w];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = rnd.nextInt(10);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < 10; c++) classes.add("class " + c);
        return new Dataset("synthetic", Matrix.wrap(n, w, x), y, classes);
    }
}
