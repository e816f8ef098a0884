package descent.experiment;

import descent.base.Check;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.plot.BarTrace;
import descent.plot.PlotlyFigure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same network trained without a penalty and with each regularizer: training and test accuracy by epoch (the
 * book's Figures 6-20 and 6-21), the gap between them, and histograms of the final weights (L1 against L2). Made
 * by {@link Overfitting#regularization}.
 *
 * <pre>{@code
 * var d = Splits.trainTest(Datasets.blobs(440, 3, 0.7, 3), 0.5, 1);
 * var setup = new NetSetup(2, 32, Optimizers.sgd(0.3), 10, 20, 1);   // small: 2 hidden layers of 32, 20 epochs
 * var reg = Overfitting.regularization(setup, d.train(), d.test(), Regularizers.l2(0.1), Regularizers.l1(0.01));
 * reg.figure();           // training (solid) and test (dashed) accuracy by epoch, one colour per regularizer
 * reg.summary();          // regularizer, trainAccuracy, testAccuracy, gap, meanAbsWeight, maxAbsWeight, nearZero
 * reg.histogramFigure();  // how the final weights are distributed
 * reg.table()             // regularizer, epoch, trainAccuracy, testAccuracy, gap
 * }</pre>
 *
 * The weight statistics cover the weights only (not biases), as the regularizers do. {@code nearZero} is the
 * fraction of weights with |w| &lt; {@value #NEAR_ZERO}: L1 moves every weight towards 0 by the same step η·λ, so
 * weights it cannot justify end at 0; L2 shrinks each weight in proportion to its size, so few end exactly at 0.
 *
 * @param setup    the network and training settings
 * @param names    "none" and each regularizer's toString, in training order
 * @param curves   regularizer, epoch (0 = before training), trainAccuracy, testAccuracy, gap
 * @param networks the trained networks, in the order of {@code names}
 */
public record RegularizationRun(NetSetup setup, List<String> names, Table curves, List<Mlp> networks) {
    /** Below this |w| a weight counts as zero in {@link #summary()}. */
    public static final double NEAR_ZERO = 1e-3;

    public RegularizationRun {
        names = List.copyOf(names);
        networks = List.copyOf(networks);
    }

    static Table curveTable(String key, List<String> names, List<double[][]> curves) {
        StringColumn name = StringColumn.create(key);
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn train = DoubleColumn.create("trainAccuracy"), test = DoubleColumn.create("testAccuracy");
        DoubleColumn gap = DoubleColumn.create("gap");
        for (int k = 0; k < names.size(); k++) {
            double[][] c = curves.get(k);
            for (int e = 0; e < c[0].length; e++) {
                name.append(names.get(k));
                epoch.append(e);
                train.append(c[0][e]);
                test.append(c[1][e]);
                gap.append(c[0][e] - c[1][e]);
            }
        }
        return Table.create("accuracy by epoch", name, epoch, train, test, gap);
    }

    /** One row per regularizer and epoch: regularizer, epoch, trainAccuracy, testAccuracy, gap = train − test. */
    public Table table() {
        return curves;
    }

    /** The rows of one regularizer ("none", or its toString such as "L2(0.1)"). */
    public Table curve(String name) {
        int k = names.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("No run named '" + name + "'; the runs are " + names + ".");
        return curves.where(curves.stringColumn("regularizer").isEqualTo(name));
    }

    /** All weights (not biases) of network k. */
    double[] weights(int k) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (Parameter p : networks.get(k).parameters()) {
            if (p.isWeight()) {
                parts.add(p.value().data());
                n += p.size();
            }
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }

    /**
     * One row per regularizer after the last epoch: trainAccuracy, testAccuracy, gap, and statistics of its weights:
     * meanAbsWeight, maxAbsWeight, nearZero (fraction with |w| &lt; 1e-3).
     */
    public Table summary() {
        StringColumn name = StringColumn.create("regularizer");
        DoubleColumn train = DoubleColumn.create("trainAccuracy"), test = DoubleColumn.create("testAccuracy");
        DoubleColumn gap = DoubleColumn.create("gap"), mean = DoubleColumn.create("meanAbsWeight");
        DoubleColumn max = DoubleColumn.create("maxAbsWeight"), zero = DoubleColumn.create("nearZero");
        for (int k = 0; k < names.size(); k++) {
            Table c = curve(names.get(k));
            int last = c.rowCount() - 1;
            name.append(names.get(k));
            train.append(c.doubleColumn("trainAccuracy").get(last));
            test.append(c.doubleColumn("testAccuracy").get(last));
            gap.append(c.doubleColumn("gap").get(last));
            double[] w = weights(k);
            double s = 0, m = 0;
            int z = 0;
            for (double v : w) {
                s += Math.abs(v);
                m = Math.max(m, Math.abs(v));
                if (Math.abs(v) < NEAR_ZERO) z++;
            }
            mean.append(s / w.length);
            max.append(m);
            zero.append(z / (double) w.length);
        }
        return Table.create("after " + setup.epochs() + " epochs", name, train, test, gap, mean, max, zero);
    }

    /** Training (solid) and test (dashed) accuracy by epoch, one colour per regularizer. */
    public PlotlyFigure figure() {
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Table c = curve(names.get(k));
            double[] e = c.intColumn("epoch").asDoubleArray();
            traces.add(CurveStyle.line(e, c.doubleColumn("trainAccuracy").asDoubleArray(), names.get(k) + " train", k));
            traces.add(CurveStyle.line(e, c.doubleColumn("testAccuracy").asDoubleArray(), names.get(k) + " test", k).dash("dash"));
        }
        return PlotlyFigure.of("Training vs test accuracy (" + setup + ")", traces.toArray(Trace[]::new))
                .withAxisTitles("epoch", "accuracy").withLayout("legend.orientation", "h").withLayout("legend.y", -0.2);
    }

    /**
     * Histogram of the final weights: regularizer, from, to, count; {@code bins} equal bins over [−m, m] where m is the
     * largest |w| of any network.
     */
    public Table histogram(int bins) {
        Check.atLeast("number of bins", bins, 1, "such as 60");
        double m = 0;
        for (int k = 0; k < names.size(); k++) for (double v : weights(k)) m = Math.max(m, Math.abs(v));
        StringColumn name = StringColumn.create("regularizer");
        DoubleColumn from = DoubleColumn.create("from"), to = DoubleColumn.create("to");
        IntColumn count = IntColumn.create("count");
        double width = 2 * m / bins;
        for (int k = 0; k < names.size(); k++) {
            int[] c = new int[bins];
            for (double v : weights(k)) c[Math.min(bins - 1, (int) ((v + m) / width))]++;
            for (int b = 0; b < bins; b++) {
                name.append(names.get(k));
                from.append(-m + b * width);
                to.append(-m + (b + 1) * width);
                count.append(c[b]);
            }
        }
        return Table.create("weight histogram", name, from, to, count);
    }

    /** The final weights of every network as overlaid histograms (61 bins, so 0 sits in the middle of one), log counts. */
    public PlotlyFigure histogramFigure() {
        Table h = histogram(61);
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Table c = h.where(h.stringColumn("regularizer").isEqualTo(names.get(k)));
            double[] from = c.doubleColumn("from").asDoubleArray(), to = c.doubleColumn("to").asDoubleArray();
            double[] mid = new double[from.length];
            for (int i = 0; i < mid.length; i++) mid[i] = (from[i] + to[i]) / 2;
            traces.add(BarTrace.of(mid, c.intColumn("count").asDoubleArray()).with("opacity", 0.55)
                    .with("marker.color", CurveStyle.color(k)).name(names.get(k)));
        }
        return PlotlyFigure.of("Final weights (all layers, " + String.format(Locale.ROOT, "%d", weights(0).length) + " per network)",
                        traces.toArray(Trace[]::new))
                .withAxisTitles("weight w", "count (log scale)").withLayout("barmode", "overlay").withLayout("bargap", 0)
                .withLayout("yaxis.type", "log");
    }

    @Override
    public String toString() {
        return "RegularizationRun(" + names + ", " + setup + ")";
    }
}
