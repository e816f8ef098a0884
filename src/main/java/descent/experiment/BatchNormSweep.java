package descent.experiment;

import descent.base.Format;
import descent.base.Check;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.nn.Initializers;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.train.Trainer;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Deep Learning from Scratch §6.3.2: the same network trained with and without batch normalization, for initial
 * weights of many scales.
 *
 * <pre>
 *   network   input → 5 × [Dense(100) (→ BatchNorm) → ReLU] → Dense(classes), weights N(0, scale²), biases 0
 *   training  SGD lr 0.01, batches of 100 drawn with replacement (the book's np.random.choice), epochs of n/100 steps
 *   measured  accuracy on the whole training set (evaluation mode) before training and after every epoch
 *   scales    the book's np.logspace(0, −4, 16): 1, 0.54, 0.29, …, 0.0001
 * </pre>
 *
 * The book's finding: with batch norm the network learns at almost every scale, and faster; without it, it learns only
 * near the right scale. A run whose loss or weights become infinite stops there; its row says so and its curve ends.
 *
 * <pre>{@code
 * var train = Datasets.fashionMnist(1000).train().sample(200, 42);   // the book: 1000 images
 * var setup = BatchNormSweep.bookSetup().withEpochs(2);              // the book: 20 epochs
 * var sweep = BatchNormSweep.run(setup, train, BatchNormSweep.logspace(0, -4, 4));   // the book: bookScales()
 * sweep.table();    // scale, plainAccuracy, batchNormAccuracy, plainDivergedAt, batchNormDivergedAt
 * sweep.curves();   // scale, batchNorm, epoch, accuracy
 * sweep.figure()    // a grid: training accuracy per epoch, with and without batch norm
 * }</pre>
 */
public record BatchNormSweep(Table table, Table curves, PlotlyFigure figure) {

    /** The book's setting (§6.3.2): 5 hidden layers of 100 ReLU units, SGD lr 0.01, batches of 100, 20 epochs, seed 1. */
    public static NetSetup bookSetup() {
        return new NetSetup(5, 100, Optimizers.sgd(0.01), 100, 20, 1);
    }

    /** The book's 16 weight scales, np.logspace(0, −4, 16). */
    public static double[] bookScales() {
        return logspace(0, -4, 16);
    }

    /** {@code n} numbers 10^from … 10^to, evenly spaced in the exponent (numpy's logspace). */
    public static double[] logspace(double from, double to, int n) {
        if (n < 2 || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("logspace(" + from + ", " + to + ", " + n + "): expected finite exponents and n >= 2, e.g. logspace(0, -4, 16).");
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = Math.pow(10, from + (to - from) * i / (n - 1));
        return r;
    }

    /**
     * Trains the setup's network twice per weight scale, without and with batch norm, on {@code train}, with batches
     * drawn with replacement as the book does; the setup's seed fixes the weights and the batches.
     */
    public static BatchNormSweep run(NetSetup setup, Dataset train, double... scales) {
        if (scales.length == 0) {
            throw new IllegalArgumentException("BatchNormSweep needs at least one weight scale, e.g. BatchNormSweep.bookScales().");
        }
        for (double s : scales) {
            Check.positive("weight scale", s, "a standard deviation such as 0.01");
        }
        int epochs = setup.epochs();
        List<Run> runs = Parallel.map(2 * scales.length, k -> {
            double scale = scales[k / 2];
            boolean bn = k % 2 == 1;
            Mlp net = setup.withInit(Initializers.normal(scale)).network(train);
            if (bn) net = net.batchNorm();
            Trainer t = setup.trainer(net, train).replacement(true);
            double[] acc = new double[epochs + 1];
            java.util.Arrays.fill(acc, Double.NaN);
            acc[0] = t.evaluate(train).accuracy();
            int divergedAt = -1;
            for (int e = 1; e <= epochs; e++) {
                try {
                    t.fit(1);
                } catch (ArithmeticException ex) {
                    divergedAt = t.iteration();
                    break;
                }
                acc[e] = t.evaluate(train).accuracy();
            }
            return new Run(scale, bn, acc, divergedAt);
        });

        DoubleColumn scale = DoubleColumn.create("scale"), plain = DoubleColumn.create("plainAccuracy"), withBn = DoubleColumn.create("batchNormAccuracy");
        IntColumn plainDiv = IntColumn.create("plainDivergedAt"), bnDiv = IntColumn.create("batchNormDivergedAt");
        DoubleColumn cScale = DoubleColumn.create("scale");
        BooleanColumn cBn = BooleanColumn.create("batchNorm");
        IntColumn cEpoch = IntColumn.create("epoch");
        DoubleColumn cAcc = DoubleColumn.create("accuracy");
        List<PlotlyFigure> panels = new ArrayList<>();
        double[] epochAxis = new double[epochs + 1];
        for (int e = 0; e <= epochs; e++) epochAxis[e] = e;
        for (int i = 0; i < scales.length; i++) {
            Run p = runs.get(2 * i), b = runs.get(2 * i + 1);
            scale.append(scales[i]);
            plain.append(p.last());
            withBn.append(b.last());
            if (p.divergedAt < 0) plainDiv.appendMissing();
            else plainDiv.append(p.divergedAt);
            if (b.divergedAt < 0) bnDiv.appendMissing();
            else bnDiv.append(b.divergedAt);
            for (Run r : new Run[] {p, b}) {
                for (int e = 0; e <= epochs; e++) {
                    cScale.append(r.scale);
                    cBn.append(r.bn);
                    cEpoch.append(e);
                    cAcc.append(r.accuracy[e]);
                }
            }
            panels.add(PlotlyFigure.of("W ~ N(0, " + Format.number(scales[i], 3) + "²)",
                            LineTrace.of(epochAxis, b.accuracy).lines().name("batch norm").color("#1f77b4").width(2),
                            LineTrace.of(epochAxis, p.accuracy).lines().name("no batch norm").color("#ff7f0e").dash("dash").width(2))
                    .withLayout("yaxis.range", new double[] {0, 1})
                    .withLayout("xaxis.title.text", i / 4 == (scales.length - 1) / 4 ? "epoch" : "")
                    .withLayout("yaxis.title.text", i % 4 == 0 ? "train accuracy" : ""));
        }
        String what = train.size() + " images of " + train.name() + ", " + setup.hiddenLayers() + " hidden layers of " + setup.width()
                + " ReLU, " + setup.optimizer() + ", batch " + setup.batchSize() + ", " + epochs + " epochs, seed " + setup.seed();
        Table table = Table.create("final training accuracy: " + what, scale, plain, withBn, plainDiv, bnDiv);
        Table curves = Table.create("training accuracy per epoch", cScale, cBn, cEpoch, cAcc);
        PlotlyFigure figure = Subplots.of("Batch norm vs none across weight scales (" + what + ")", 4, panels)
                .withLayout("title.font.size", 13);
        return new BatchNormSweep(table, curves, figure);
    }

    private record Run(double scale, boolean bn, double[] accuracy, int divergedAt) {
        double last() {
            for (int e = accuracy.length - 1; e >= 0; e--) if (!Double.isNaN(accuracy[e])) return accuracy[e];
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
