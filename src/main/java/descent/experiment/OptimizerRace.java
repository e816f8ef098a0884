package descent.experiment;

import descent.base.Check;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.train.History;
import descent.train.Trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Several optimizers train the same network from the same weights on the same mini-batches for a fixed number of
 * updates: the book's comparison on MNIST (Deep Learning from Scratch §6.1.7, Figure 6-9), here on Fashion-MNIST.
 *
 * <pre>{@code
 * OptimizerRace.book();   // OptimizerRace(4x100 ReLU, batchSize=128, iterations=2000, seed=1, threads=...)
 * var data = Datasets.blobs(400, 4, 0.3, 5);
 * var race = OptimizerRace.book().withSetup(NetSetup.book().withHidden(2, 16).withBatchSize(32)).withIterations(150);
 * var r = race.run(data, data,
 *         Optimizers.sgd(0.01), Optimizers.momentum(0.01, 0.9), Optimizers.adaGrad(0.01), Optimizers.adam(0.001));
 * r.figure();   // smoothed training loss by iteration, one line per optimizer
 * r.table();    // optimizer, finalLoss, minSmoothedLoss, testAccuracy, diverged
 * race.run(data, data, Optimizers.adam(0.01), Optimizers.adam(0.01).withSchedule(Schedules.warmupConstant(50))).lrFigure()
 * }</pre>
 *
 * The notebook runs the book's setting ({@code OptimizerRace.book()}) on Fashion-MNIST.
 *
 * Network: {@code setup.network(train)} (input → hidden ReLU layers → one score per class, He initialization),
 * softmax cross-entropy, shuffled batches of {@code setup.batchSize()}. The race varies the optimizer, so the
 * setup's own optimizer is not used, and it counts updates as the book does, so the setup's epochs are not used
 * either. The runs are independent, so they go in parallel on {@code threads} threads; each has its own network
 * and trainer seeded by the setup, so the results do not depend on the number of threads.
 *
 * @param setup      the network, batch size (the book: 128) and seed, the same for every optimizer
 * @param iterations updates per optimizer (the book: 2000)
 * @param threads    how many runs go at once
 */
public record OptimizerRace(NetSetup setup, int iterations, int threads) {

    public OptimizerRace {
        Check.notNull("setup", setup, "such as new NetSetup(4, 100, Optimizers.sgd(0.01), 128, 1, 1)");
        Check.atLeast("number of iterations", iterations, 1, "such as 2000");
        Check.atLeast("number of threads", threads, 1, "such as " + Parallel.defaultThreads() + " (the cores available)");
    }

    /** The book's setting: 4 hidden layers of 100, batch 128, 2000 iterations, seed 1, every core. */
    public static OptimizerRace book() {
        return new OptimizerRace(new NetSetup(4, 100, Optimizers.sgd(0.01), 128, 1, 1), 2000, Parallel.defaultThreads());
    }

    public OptimizerRace withSetup(NetSetup setup) {
        return new OptimizerRace(setup, iterations, threads);
    }

    public OptimizerRace withIterations(int iterations) {
        return new OptimizerRace(setup, iterations, threads);
    }

    public OptimizerRace withThreads(int threads) {
        return new OptimizerRace(setup, iterations, threads);
    }

    /** Trains once per optimizer; the test set (may be null) is evaluated at the end. */
    public RaceResult run(Dataset train, Dataset test, Optimizer... optimizers) {
        if (optimizers == null || optimizers.length == 0) {
            throw new IllegalArgumentException("OptimizerRace.run needs at least one optimizer, e.g. Optimizers.sgd(0.01), Optimizers.adam(0.001).");
        }
        List<RaceResult.Run> runs = Parallel.map(optimizers.length, threads, k -> {
            Trainer t = setup.withOptimizer(optimizers[k]).trainer(setup.network(train), train);
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

    /** The network's hidden layers, e.g. "4x100 ReLU". */
    String hidden() {
        return setup.hiddenLayers() + "x" + setup.width() + " ReLU";
    }

    @Override
    public String toString() {
        return "OptimizerRace(" + hidden() + ", batchSize=" + setup.batchSize() + ", iterations=" + iterations + ", seed=" + setup.seed()
                + ", threads=" + threads + ")";
    }
}
