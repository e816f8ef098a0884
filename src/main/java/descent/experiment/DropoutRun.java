package descent.experiment;

import descent.base.Format;
import descent.base.Check;
import descent.data.Dataset;
import descent.nn.Dropout;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.plot.PlotlyFigure;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One network trained three ways from the same weights and batches: without dropout, with inverted dropout and with
 * the book's test-time scaling. Made by {@link Overfitting#dropout}.
 *
 * <pre>
 *   inverted      training  y = x·m/(1−p)    test  y = x          (PyTorch)
 *   scaleAtTest   training  y = x·m          test  y = x·(1−p)    (the lecture, the book's Dropout class)
 * </pre>
 *
 * <pre>{@code
 * var d = Splits.trainTest(Datasets.blobs(440, 3, 0.7, 3), 0.5, 1);
 * var setup = new NetSetup(2, 32, Optimizers.sgd(0.3), 10, 20, 1);   // small: 2 hidden layers of 32, 20 epochs
 * var drop = Overfitting.dropout(setup, d.train(), d.test(), 0.2);
 * drop.figure();               // training (solid) and test (dashed) accuracy by epoch for each variant
 * drop.summary();              // dropout, trainAccuracy, testAccuracy, gap after the last epoch
 * drop.ensemble(d.test(), 8, 7)   // averaging 1..8 random thinned networks against the one scaled network
 * }</pre>
 *
 * @param setup    the network and training settings
 * @param p        the drop probability after every hidden layer
 * @param curves   dropout ("no dropout", "inverted", "scaleAtTest"), epoch, trainAccuracy, testAccuracy, gap
 * @param networks the three trained networks, in that order
 */
public record DropoutRun(NetSetup setup, double p, Table curves, List<Mlp> networks) {
    static final List<String> NAMES = List.of("no dropout", "inverted", "scaleAtTest");

    public DropoutRun {
        networks = List.copyOf(networks);
    }

    /** One row per variant and epoch: dropout, epoch (0 = before training), trainAccuracy, testAccuracy, gap. */
    public Table table() {
        return curves;
    }

    private Table curve(String name) {
        return curves.where(curves.stringColumn("dropout").isEqualTo(name));
    }

    /** One row per variant after the last epoch: dropout, trainAccuracy, testAccuracy, gap. */
    public Table summary() {
        StringColumn name = StringColumn.create("dropout");
        DoubleColumn train = DoubleColumn.create("trainAccuracy"), test = DoubleColumn.create("testAccuracy");
        DoubleColumn gap = DoubleColumn.create("gap");
        for (String n : NAMES) {
            Table c = curve(n);
            int last = c.rowCount() - 1;
            name.append(n);
            train.append(c.doubleColumn("trainAccuracy").get(last));
            test.append(c.doubleColumn("testAccuracy").get(last));
            gap.append(c.doubleColumn("gap").get(last));
        }
        return Table.create("dropout p=" + Format.repr(p) + " after " + setup.epochs() + " epochs", name, train, test, gap);
    }

    /** Training (solid) and test (dashed) accuracy by epoch for each variant. */
    public PlotlyFigure figure() {
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < NAMES.size(); k++) {
            Table c = curve(NAMES.get(k));
            double[] e = c.intColumn("epoch").asDoubleArray();
            traces.add(CurveStyle.line(e, c.doubleColumn("trainAccuracy").asDoubleArray(), NAMES.get(k) + " train", k));
            traces.add(CurveStyle.line(e, c.doubleColumn("testAccuracy").asDoubleArray(), NAMES.get(k) + " test", k).dash("dash"));
        }
        return PlotlyFigure.of("Dropout p=" + Format.repr(p) + ": training vs test accuracy", traces.toArray(Trace[]::new))
                .withAxisTitles("epoch", "accuracy").withLegendBelow();
    }

    /**
     * Dropout as an ensemble: for each dropout network, the test accuracy of the average of the softmax outputs of
     * 1..{@code members} random thinned networks (dropout left on, fresh masks each pass), against the single network
     * scaled for testing. The trained weights are copied into a network whose dropout masks come from {@code seed},
     * so the trained networks are not touched and the same seed gives the same table.
     */
    public DropoutEnsemble ensemble(Dataset test, int members, long seed) {
        Check.atLeast("number of ensemble members", members, 1, "such as 32");
        StringColumn conv = StringColumn.create("dropout");
        IntColumn count = IntColumn.create("members");
        DoubleColumn ens = DoubleColumn.create("ensembleAccuracy"), scaled = DoubleColumn.create("scaledAccuracy");
        Dropout.Convention[] conventions = {Dropout.Convention.INVERTED, Dropout.Convention.SCALE_AT_TEST};
        for (int k = 0; k < 2; k++) {
            Mlp trained = networks.get(k + 1);
            Mlp copy = Mlp.of(trained.widths()).dropout(p, conventions[k]).seed(seed);
            // the weights only: the copy's dropout generators keep the state drawn from seed
            Map<String, Parameter> dst = copy.namedParameters();
            trained.namedParameters().forEach((name, w) -> dst.get(name).value().copyFrom(w.value()));
            copy.setTraining(false);
            double full = accuracy(copy.forward(test.x()), test);
            copy.setTraining(true);
            Matrix sum = Matrix.zeros(test.size(), test.classes());
            for (int j = 1; j <= members; j++) {
                addSoftmax(copy.forward(test.x()), sum);
                conv.append(NAMES.get(k + 1));
                count.append(j);
                ens.append(accuracy(sum, test));
                scaled.append(full);
            }
        }
        return new DropoutEnsemble(p, members, seed, Table.create("dropout as an ensemble", conv, count, ens, scaled));
    }

    private static void addSoftmax(Matrix scores, Matrix sum) {
        int c = scores.cols();
        double[] z = scores.data(), s = sum.data();
        for (int r = 0; r < scores.rows(); r++) {
            double max = Double.NEGATIVE_INFINITY, total = 0;
            for (int j = 0; j < c; j++) max = Math.max(max, z[r * c + j]);
            for (int j = 0; j < c; j++) total += Math.exp(z[r * c + j] - max);
            for (int j = 0; j < c; j++) s[r * c + j] += Math.exp(z[r * c + j] - max) / total;
        }
    }

    private static double accuracy(Matrix scores, Dataset d) {
        int correct = 0;
        for (int i = 0; i < d.size(); i++) if (scores.argmaxOfRow(i) == d.label(i)) correct++;
        return correct / (double) d.size();
    }

    @Override
    public String toString() {
        return "DropoutRun(p=" + Format.repr(p) + ", " + setup + ")";
    }
}
