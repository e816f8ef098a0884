package descent.experiment;

import descent.base.Check;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.nn.Initializers;
import descent.nn.Mlp;
import descent.optim.Optimizer;
import descent.train.History;
import descent.train.Trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Several optimizers train the same network from the same weights on the same mini-batches for a fixed number of
 * updates: the book's comparison on MNIST (Deep Learning from Scratch §6.1.7, Figure 6-9), here on Fashion-MNIST.
 *
 * <pre>{@code
 * OptimizerRace.book();   // OptimizerRace(hidden=[100, 100, 100, 100], batchSize=128, iterations=2000, seed=1, threads=...)
 * var data = Datasets.blobs(400, 4, 0.3, 5);
 * var race = OptimizerRace.book().withHidden(16, 16).withBatchSize(32).withIterations(150);
 * var r = race.run(data, data,
 *         Optimizers.sgd(0.01), Optimizers.momentum(0.01, 0.9), Optimizers.adaGrad(0.01), Optimizers.adam(0.001));
 * r.figure();   // smoothed training loss by iteration, one line per optimizer
 * r.table();    // optimizer, finalLoss, minSmoothedLoss, testAccuracy, diverged
 * race.run(data, data, Optimizers.adam(0.01), Optimizers.adam(0.01).withSchedule(Schedules.warmupConstant(50))).lrFigure()
 * }</pre>
 *
 * The notebook runs the book's setting ({@code OptimizerRace.book()}) on Fashion-MNIST.
 *
 * Network: input → hidden ReLU layers → 10 scores, He initialization, softmax cross-entropy; shuffled batches. The
 * runs are independent, so they go in parallel on {@code threads} threads; each has its own network and trainer
 * seeded by {@code seed}, so the results do not depend on the number of threads.
 *
 * @param hidden     widths of the hidden layers
 * @param batchSize  examples per update (the book: 128)
 * @param iterations updates per optimizer (the book: 2000)
 * @param seed       seeds the weights and the batch order, the same for every optimizer
 * @param threads    how many runs go at once
 */
public record OptimizerRace(List<Integer> hidden, int batchSize, int iterations, long seed, int threads) {

    public OptimizerRace {
        hidden = List.copyOf(hidden);
        for (int w : hidden) {
            Check.positive("hidden width", w);
        }
        Check.atLeast("batch size", batchSize, 1, "such as 128");
        Check.atLeast("number of iterations", iterations, 1, "such as 2000");
        Check.atLeast("number of threads", threads, 1, "such as " + Parallel.defaultThreads() + " (the cores available)");
    }

    /** The book's setting: 4 hidden layers of 100, batch 128, 2000 iterations, seed 1, every core. */
    public static OptimizerRace book() {
        return new OptimizerRace(List.of(100, 100, 100, 100), 128, 2000, 1, Parallel.defaultThreads());
    }

    public OptimizerRace withHidden(int... widths) {
        return new OptimizerRace(java.util.Arrays.stream(widths).boxed().toList(), batchSize, iterations, seed, threads);
    }

    public OptimizerRace withBatchSize(int batchSize) {
        return new OptimizerRace(hidden, batchSize, iterations, seed, threads);
    }

    public OptimizerRace withIterations(int iterations) {
        return new OptimizerRace(hidden, batchSize, iterations, seed, threads);
    }

    public OptimizerRace withSeed(long seed) {
        return new OptimizerRace(hidden, batchSize, iterations, seed, threads);
    }

    public OptimizerRace withThreads(int threads) {
        return new OptimizerRace(hidden, batchSize, iterations, seed, threads);
    }

    /** The network every optimizer starts from. */
    public Mlp network(Dataset data) {
        int[] w = new int[hidden.size() + 2];
        w[0] = data.features();
        for (int i = 0; i < hidden.size(); i++) w[i + 1] = hidden.get(i);
        w[w.length - 1] = data.classes();
        return Mlp.of(w).init(Initializers.he()).seed(seed);
    }

    /** Trains once per optimizer; the test set (may be null) is evaluated at the end. */
    public RaceResult run(Dataset train, Dataset test, Optimizer... optimizers) {
        if (optimizers == null || optimizers.length == 0) {
            throw new IllegalArgumentException("OptimizerRace.run needs at least one optimizer, e.g. Optimizers.sgd(0.01), Optimizers.adam(0.001).");
        }
        List<RaceResult.Run> runs = Parallel.map(optimizers.length, threads, k -> {
            Trainer t = Trainer.of(network(train), train, optimizers[k]).batchSize(Math.min(batchSize, train.size()))
                    .seed(seed).layerStats(false);
            boolean diverged = false;
            try {
                t.fitIterations(iterations);
            } catch (ArithmeticException e) {
                diverged = true; // the trainer restored the last finite weights; the curve ends where it broke
            }
            History h = t.history();
            double[] loss = new double[h.size()], lr = new double[h.size()];
            for (int i = 0; i < loss.length; i++) {
                loss[i] = h.loss(i);
                lr[i] = optimizers[k].lrAt(i);
            }
            double acc = test == null ? Double.NaN : t.evaluate(test).accuracy();
            return new RaceResult.Run(optimizers[k].toString(), loss, lr, acc, diverged);
        });
        return RaceResult.of(this, new ArrayList<>(runs));
    }

    @Override
    public String toString() {
        return "OptimizerRace(hidden=" + hidden + ", batchSize=" + batchSize + ", iterations=" + iterations + ", seed=" + seed
                + ", threads=" + threads + ")";
    }
}
