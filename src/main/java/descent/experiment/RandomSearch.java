package descent.experiment;

import descent.base.Format;
import descent.base.Check;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.nn.Mlp;
import descent.nn.Regularizers;
import descent.train.Evaluation;
import descent.train.Trainer;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random search for the learning rate and the weight-decay strength, judged on a validation set (Deep Learning from
 * Scratch §6.5; Bergstra &amp; Bengio 2012).
 *
 * <pre>
 *   for trial i = 0 .. trials−1, in parallel on `threads` threads:
 *       s_i ← mix(seed, i)                        a seed that depends only on the search seed and i
 *       λ   ← 10^U(log10 wdMin, log10 wdMax)      drawn from s_i (weight decay first, as the book)
 *       η   ← 10^U(log10 lrMin, log10 lrMax)
 *       train setup.network (seeded s_i) with optimizer.withLr(η) and L2(λ) for setup.epochs epochs
 *       record accuracy on the training and the validation set
 *   sort by validation accuracy
 * </pre>
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.blobs(300, 3, 0.4, 2), 0.3, 1);
 * var small = new NetSetup(1, 16, Optimizers.sgd(0.1), 30, 8, 0);      // 1 hidden layer of 16, 8 epochs
 * var search = RandomSearch.book().withSetup(small).withTrials(8).withLr(1e-4, 1);
 * var result = search.run(split.train(), split.test());
 * result.table();     // trial, seed, lr, weightDecay, trainAccuracy, validationAccuracy, validationLoss, diverged (best first)
 * result.figure();    // lr against weight decay (log axes), coloured by validation accuracy
 * result.best()       // Trial(trial=..., seed=..., lr=..., weightDecay=..., validationAccuracy=..., ...)
 * }</pre>
 *
 * The notebook runs {@code RandomSearch.book()} (the book's ranges, 6x100 SGD, 50 epochs) on 500 Fashion-MNIST
 * images, 20 % of them for validation.
 *
 * Weight decay is the book's: an L2 term λ/2·Σw² in the loss ({@link Regularizers#l2}). Each trial depends only on
 * its index, so the table is the same with 1 thread or 16, bit for bit. The test set is not touched: choosing
 * hyperparameters on it would make the test accuracy an optimistic estimate.
 *
 * @param setup   network, optimizer (its lr is replaced per trial), batch size, epochs; its seed is not used
 * @param trials  number of random configurations
 * @param lrMin   smallest learning rate sampled
 * @param lrMax   largest learning rate sampled
 * @param wdMin   smallest weight decay sampled
 * @param wdMax   largest weight decay sampled
 * @param seed    the search's seed
 * @param threads how many trials run at once
 */
public record RandomSearch(NetSetup setup, int trials, double lrMin, double lrMax, double wdMin, double wdMax, long seed, int threads) {

    public RandomSearch {
        Check.notNull("setup", setup, "such as NetSetup.book().withEpochs(50)");
        Check.atLeast("number of trials", trials, 1, "such as 100");
        range("learning rate", lrMin, lrMax, "1e-6, 1e-2");
        range("weight decay", wdMin, wdMax, "1e-8, 1e-4");
        Check.atLeast("number of threads", threads, 1, "such as " + Parallel.defaultThreads() + " (the cores available)");
    }

    private static void range(String what, double min, double max, String example) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("Invalid " + what + " range [" + min + ", " + max + "]; expected 0 < min <= max,"
                    + " finite (sampled log-uniformly), such as " + example + ".");
        }
    }

    /** The book's search: 6x100 ReLU, SGD, batch 100, 50 epochs, 100 trials, lr in [1e-6, 1e-2], weight decay in [1e-8, 1e-4], seed 1, every core. */
    public static RandomSearch book() {
        return new RandomSearch(NetSetup.book().withEpochs(50), 100, 1e-6, 1e-2, 1e-8, 1e-4, 1, Parallel.defaultThreads());
    }

    public RandomSearch withSetup(NetSetup setup) {
        return new RandomSearch(setup, trials, lrMin, lrMax, wdMin, wdMax, seed, threads);
    }

    public RandomSearch withTrials(int trials) {
        return new RandomSearch(setup, trials, lrMin, lrMax, wdMin, wdMax, seed, threads);
    }

    public RandomSearch withLr(double min, double max) {
        return new RandomSearch(setup, trials, min, max, wdMin, wdMax, seed, threads);
    }

    public RandomSearch withWeightDecay(double min, double max) {
        return new RandomSearch(setup, trials, lrMin, lrMax, min, max, seed, threads);
    }

    public RandomSearch withSeed(long seed) {
        return new RandomSearch(setup, trials, lrMin, lrMax, wdMin, wdMax, seed, threads);
    }

    public RandomSearch withThreads(int threads) {
        return new RandomSearch(setup, trials, lrMin, lrMax, wdMin, wdMax, seed, threads);
    }

    /** The seed of trial i: a function of the search seed and i only. */
    public long trialSeed(int i) {
        long z = seed + 0x9E3779B97F4A7C15L * (i + 1L); // SplitMix64's finalizer: a well-mixed seed per trial
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Runs every trial (in parallel) and returns them sorted by validation accuracy. */
    public SearchResult run(Dataset train, Dataset validation) {
        List<Trial> results = Parallel.map(trials, threads, i -> trial(i, train, validation));
        return new SearchResult(this, results);
    }

    /** Runs trial i alone (what {@link #run} does for each i). */
    public Trial trial(int i, Dataset train, Dataset validation) {
        long s = trialSeed(i);
        SplittableRandom r = new SplittableRandom(s);
        double wd = logUniform(r, wdMin, wdMax);
        double lr = logUniform(r, lrMin, lrMax);
        NetSetup trialSetup = setup.withSeed(s).withOptimizer(setup.optimizer().withLr(lr));
        Mlp net = trialSetup.network(train);
        Trainer t = trialSetup.trainer(net, train).regularizer(Regularizers.l2(wd));
        boolean diverged = false;
        try {
            t.fit(setup.epochs());
        } catch (ArithmeticException e) {
            diverged = true; // weights are back at the last finite step; report how good that network is
        }
        Evaluation v = t.evaluate(validation);
        return new Trial(i, s, lr, wd, t.evaluate(train).accuracy(), v.accuracy(), v.loss(), diverged);
    }

    private static double logUniform(SplittableRandom r, double min, double max) {
        if (min == max) return min;
        return Math.pow(10, Math.log10(min) + r.nextDouble() * (Math.log10(max) - Math.log10(min)));
    }

    @Override
    public String toString() {
        return "RandomSearch(trials=" + trials + ", lr=[" + Format.repr(lrMin) + ", " + Format.repr(lrMax) + "], weightDecay=["
                + Format.repr(wdMin) + ", " + Format.repr(wdMax) + "], seed=" + seed + ", threads=" + threads + ", " + setup + ")";
    }
}
