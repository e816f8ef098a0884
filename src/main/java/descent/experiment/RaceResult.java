package descent.experiment;

import descent.plot.PlotlyFigure;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link OptimizerRace} produced: the loss of every update of every optimizer, and a summary.
 *
 * <pre>{@code
 * var data = Datasets.blobs(400, 4, 0.3, 5);
 * var r = OptimizerRace.book().withSetup(new NetSetup(1, 16, Optimizers.sgd(0.01), 128, 1, 1)).withIterations(100).run(data, data, Optimizers.sgd(0.01), Optimizers.adam(0.01));
 * r.table();     // optimizer, finalLoss, minSmoothedLoss, testAccuracy, diverged
 * r.curves();    // optimizer, iteration, loss, smoothedLoss, lr
 * r.figure();    // smoothed loss by iteration (raw loss faint behind it)
 * r.lrFigure()   // the learning rate each optimizer used at each iteration (schedules, warm-up)
 * }</pre>
 *
 * {@code smoothedLoss} is a centred moving average over {@value #WINDOW} iterations (the book smooths its Figure 6-9
 * with an 11-point Kaiser window); {@code finalLoss} is the mean loss of the last {@value #TAIL} iterations.
 *
 * @param race    the settings of the race
 * @param curves  optimizer, iteration, loss, smoothedLoss, lr
 * @param summary optimizer, finalLoss, minSmoothedLoss, testAccuracy, diverged
 */
public record RaceResult(OptimizerRace race, Table curves, Table summary) {
    /** Width of the moving average of {@code smoothedLoss}. */
    public static final int WINDOW = 11;
    /** Iterations averaged for {@code finalLoss}. */
    public static final int TAIL = 100;

    record Run(String name, double[] loss, double[] lr, double testAccuracy, boolean diverged) {
    }

    static RaceResult of(OptimizerRace race, List<Run> runs) {
        StringColumn name = StringColumn.create("optimizer");
        IntColumn it = IntColumn.create("iteration");
        DoubleColumn loss = DoubleColumn.create("loss"), smooth = DoubleColumn.create("smoothedLoss"), lr = DoubleColumn.create("lr");
        StringColumn sName = StringColumn.create("optimizer");
        DoubleColumn fin = DoubleColumn.create("finalLoss"), min = DoubleColumn.create("minSmoothedLoss");
        DoubleColumn acc = DoubleColumn.create("testAccuracy");
        BooleanColumn div = BooleanColumn.create("diverged");
        for (Run r : runs) {
            double[] s = smooth(r.loss);
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < r.loss.length; i++) {
                name.append(r.name);
                it.append(i);
                loss.append(r.loss[i]);
                smooth.append(s[i]);
                lr.append(r.lr[i]);
                m = Math.min(m, s[i]);
            }
            double tail = 0;
            int from = Math.max(0, r.loss.length - TAIL);
            for (int i = from; i < r.loss.length; i++) tail += r.loss[i];
            sName.append(r.name);
            fin.append(r.loss.length == 0 ? Double.NaN : tail / (r.loss.length - from));
            min.append(m);
            acc.append(r.testAccuracy);
            div.append(r.diverged);
        }
        return new RaceResult(race, Table.create("loss by iteration", name, it, loss, smooth, lr),
                Table.create(race.toString(), sName, fin, min, acc, div));
    }

    static double[] smooth(double[] x) {
        double[] s = new double[x.length];
        int h = WINDOW / 2;
        for (int i = 0; i < x.length; i++) {
            int a = Math.max(0, i - h), b = Math.min(x.length - 1, i + h);
            double sum = 0;
            for (int j = a; j <= b; j++) sum += x[j];
            s[i] = sum / (b - a + 1);
        }
        return s;
    }

    /** One row per optimizer: optimizer, finalLoss, minSmoothedLoss, testAccuracy, diverged. */
    public Table table() {
        return summary;
    }

    /** The names of the optimizers, in the order run. */
    public List<String> optimizers() {
        return summary.stringColumn("optimizer").asList();
    }

    private Table curve(String name) {
        return curves.where(curves.stringColumn("optimizer").isEqualTo(name));
    }

    /** Smoothed training loss by iteration (the book's Figure 6-9), raw loss faint behind it. */
    public PlotlyFigure figure() {
        List<Trace> traces = new ArrayList<>();
        List<String> names = optimizers();
        for (int k = 0; k < names.size(); k++) {
            Table c = curve(names.get(k));
            double[] it = c.intColumn("iteration").asDoubleArray();
            traces.add(CurveStyle.line(it, c.doubleColumn("loss").asDoubleArray(), names.get(k) + " (raw)", k)
                    .width(1).with("opacity", 0.2).showLegend(false).with("legendgroup", names.get(k)).with("hoverinfo", "skip"));
            traces.add(CurveStyle.line(it, c.doubleColumn("smoothedLoss").asDoubleArray(), names.get(k), k)
                    .with("legendgroup", names.get(k)));
        }
        return PlotlyFigure.of("Training loss, batch " + race.setup().batchSize() + ", hidden " + race.hidden(), traces.toArray(Trace[]::new))
                .withAxisTitles("iteration", "cross-entropy loss (moving average of " + WINDOW + ")")
                .withLayout("yaxis.type", "log").withLayout("legend.orientation", "h").withLayout("legend.y", -0.2);
    }

    /** The learning rate used at each iteration, one line per optimizer. */
    public PlotlyFigure lrFigure() {
        List<Trace> traces = new ArrayList<>();
        List<String> names = optimizers();
        for (int k = 0; k < names.size(); k++) {
            Table c = curve(names.get(k));
            traces.add(CurveStyle.line(c.intColumn("iteration").asDoubleArray(), c.doubleColumn("lr").asDoubleArray(), names.get(k), k));
        }
        return PlotlyFigure.of("Learning rate by iteration", traces.toArray(Trace[]::new))
                .withAxisTitles("iteration", "learning rate").withLayout("legend.orientation", "h").withLayout("legend.y", -0.2);
    }

    @Override
    public String toString() {
        return "RaceResult(" + optimizers() + ", " + race + ")";
    }
}
