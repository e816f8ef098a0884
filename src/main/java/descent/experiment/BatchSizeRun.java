package descent.experiment;

import descent.base.Check;
import descent.base.Format;
import descent.data.Dataset;
import descent.fn.Vec;
import descent.landscape.Lanczos;
import descent.landscape.NetworkLoss;
import descent.nn.Mlp;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small against large batches (Hung-yi Lee, ML 2021 P6): the same network, from the same initial weights, trained
 * with the same optimizer (the lecture: plain SGD) at several batch sizes until it fits the training set to a target accuracy, then compared.
 *
 * <pre>
 *   noise     ‖g_B − g‖ / ‖g‖ at the initial weights, g_B the gradient on a random batch of B examples, g on all N
 *             (root mean square over 30 batches; for independent examples it falls as √(1/B − 1/N))
 *   speed     seconds per update and per epoch (N/B updates), measured; a batch's examples share one matrix
 *             product, so a large batch costs far less than B small ones
 *   result    epochs and updates to the target training accuracy; then training and test accuracy and the
 *             sharpness λ_max of the training loss's Hessian at the weights reached (Lanczos, 20 H·v)
 * </pre>
 *
 * The lecture's claims: small batches are noisy, slower per epoch, but reach a better training loss (the noise helps
 * past saddles and bad minima) and generalize better, because large batches end in sharp minima (Keskar et al., "On
 * Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima", ICLR 2017). The table lets you check
 * each one on your own run. Runs are sequential so their timings do not disturb each other.
 *
 * <pre>{@code
 * var fashion = Datasets.fashionMnist();
 * var setup = NetSetup.book().withHidden(1, 32).withOptimizer(Optimizers.sgd(0.05)).withEpochs(3).withSeed(7);
 * var run = BatchSizeRun.of(setup, fashion.train().sample(300, 42), fashion.test().sample(300, 42),
 *         new int[] {1, 30, 300}, 0.95);   // notebook 09: 1000 and 2000 images, {1, 10, 100, 1000}, 100 epochs
 * run.table();     // batchSize, gradientNoise, secondsPerUpdate, secondsPerEpoch, epochs, updates, trainAccuracy, testAccuracy, lambdaMax
 * run.figure()     // training loss and test accuracy per epoch, one curve per batch size
 * }</pre>
 *
 * @param table  one row per batch size
 * @param curves one row per batch size and epoch: batchSize, epoch, updates, seconds, trainLoss, trainAccuracy, testAccuracy
 */
public record BatchSizeRun(Table table, Table curves) {

    /**
     * Trains {@code setup.network(train)} with {@code setup.optimizer()} for each batch size, from the same initial
     * weights, until the training accuracy reaches {@code target} or {@code setup.epochs()} epochs have run. The
     * setup's own batch size is not used: each run takes one of {@code batchSizes}.
     */
    public static BatchSizeRun of(NetSetup setup, Dataset train, Dataset test, int[] batchSizes, double target) {
        Check.notNull("setup", setup, "such as NetSetup.book().withHidden(1, 32)");
        if (batchSizes == null || batchSizes.length == 0) {
            throw new IllegalArgumentException("BatchSizeRun.of needs batch sizes such as {1, 10, 100, N}; got none.");
        }
        for (int b : batchSizes) {
            Check.that(b >= 1 && b <= train.size(), "batch size", b, "a whole number in 1.." + train.size(),
                    "the training set has " + train.size() + " examples");
        }
        Check.openClosed("target accuracy", target, 0, 1, "such as 0.95");
        int maxEpochs = setup.epochs();
        long seed = setup.seed();
        IntColumn bs = IntColumn.create("batchSize"), ep = IntColumn.create("epochs"), up = IntColumn.create("updates");
        DoubleColumn noise = DoubleColumn.create("gradientNoise"), perUpdate = DoubleColumn.create("msPerUpdate");
        DoubleColumn perEpoch = DoubleColumn.create("secondsPerEpoch"), trainLoss = DoubleColumn.create("trainLoss");
        DoubleColumn trainAcc = DoubleColumn.create("trainAccuracy"), testAcc = DoubleColumn.create("testAccuracy");
        DoubleColumn testLoss = DoubleColumn.create("testLoss"), lmax = DoubleColumn.create("lambdaMax");
        IntColumn cb = IntColumn.create("batchSize"), ce = IntColumn.create("epoch"), cu = IntColumn.create("updates");
        DoubleColumn cs = DoubleColumn.create("seconds"), cl = DoubleColumn.create("trainLoss");
        DoubleColumn ca = DoubleColumn.create("trainAccuracy"), ct = DoubleColumn.create("testAccuracy");
        for (int b : batchSizes) {
            Mlp net = setup.network(train);
            NetworkLoss fTrain = NetworkLoss.of(net, train), fTest = NetworkLoss.of(net, test);
            noise.append(noise(net, train, fTrain, b, seed));
            Trainer trainer = setup.withBatchSize(b).trainer(net, train);
            int perE = (train.size() + b - 1) / b, epochs = 0;
            double seconds = 0;
            NetworkLoss.Evaluated tr;
            do {
                long t0 = System.nanoTime();
                for (int i = 0; i < perE; i++) trainer.step();
                seconds += (System.nanoTime() - t0) / 1e9;
                epochs++;
                Vec theta = fTrain.point();
                tr = fTrain.evaluate(theta);
                cb.append(b);
                ce.append(epochs);
                cu.append(epochs * perE);
                cs.append(seconds);
                cl.append(tr.loss());
                ca.append(tr.accuracy());
                ct.append(fTest.evaluate(theta).accuracy());
            } while (tr.accuracy() < target && epochs < maxEpochs);
            Vec theta = fTrain.point();
            NetworkLoss.Evaluated te = fTest.evaluate(theta);
            bs.append(b);
            ep.append(epochs);
            up.append(epochs * perE);
            perUpdate.append(1000 * seconds / (epochs * perE));
            perEpoch.append(seconds / epochs);
            trainLoss.append(tr.loss());
            trainAcc.append(tr.accuracy());
            testLoss.append(te.loss());
            testAcc.append(te.accuracy());
            lmax.append(Lanczos.extremes(v -> fTrain.hvp(theta, v), fTrain.dim(), 20, seed).largest());
        }
        Table table = Table.create(setup.optimizer() + " on " + train.size() + " training images until "
                + Format.number(target) + " training accuracy (at most " + maxEpochs + " epochs)", bs, noise, perUpdate,
                perEpoch, ep, up, trainLoss, trainAcc, testLoss, testAcc, lmax);
        Table curves = Table.create("per epoch", cb, ce, cu, cs, cl, ca, ct);
        return new BatchSizeRun(table, curves);
    }

    /** RMS of ‖g_B − g‖ over 30 random batches of b examples, relative to ‖g‖, at the current weights. */
    private static double noise(Mlp net, Dataset train, NetworkLoss full, int b, long seed) {
        if (b == train.size()) return 0;
        Vec theta = full.point(), g = full.gradient(theta);
        SplittableRandom rnd = new SplittableRandom(seed);
        double sum = 0;
        int k = 30;
        for (int s = 0; s < k; s++) {
            int[] rows = rnd.ints(0, train.size()).distinct().limit(b).toArray();
            Vec gb = NetworkLoss.of(net, train.rows(rows)).gradient(theta);
            double d = gb.minus(g).norm();
            sum += d * d;
        }
        return Math.sqrt(sum / k) / g.norm();
    }

    /** Training loss against updates (log scale) and test accuracy against epochs, one curve per batch size. */
    public PlotlyFigure figure() {
        String[] colors = {"#d62728", "#ff7f0e", "#2ca02c", "#1f77b4", "#9467bd", "#8c564b"};
        List<LineTrace> loss = new ArrayList<>(), acc = new ArrayList<>();
        int c = 0;
        for (int b : table.intColumn("batchSize")) {
            Table r = curves.where(curves.intColumn("batchSize").isEqualTo(b));
            String name = "batch " + b;
            String col = colors[c++ % colors.length];
            loss.add(LineTrace.of(r.intColumn("updates").asDoubleArray(), r.doubleColumn("trainLoss").asDoubleArray()).name(name).color(col));
            acc.add(LineTrace.of(r.doubleColumn("seconds").asDoubleArray(), r.doubleColumn("testAccuracy").asDoubleArray()).name(name).color(col));
        }
        PlotlyFigure a = PlotlyFigure.of("training loss against updates", loss.toArray(new LineTrace[0]))
                .withAxisTitles("updates", "training loss").withLogX();
        PlotlyFigure b = PlotlyFigure.of("test accuracy against training time", acc.toArray(new LineTrace[0]))
                .withAxisTitles("seconds of training", "test accuracy");
        return Subplots.of("Batch size: noisy small steps or few big ones", 2, a, b);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
