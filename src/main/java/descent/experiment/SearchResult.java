package descent.experiment;

import descent.base.Format;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trials of a {@link RandomSearch}, best first.
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.blobs(300, 3, 0.4, 2), 0.3, 1);
 * var search = RandomSearch.book().withSetup(new NetSetup(1, 16, Optimizers.sgd(0.1), 30, 8, 0)).withTrials(6).withLr(1e-3, 1);
 * var result = search.run(split.train(), split.test());
 * result.table();           // trial, seed, lr, weightDecay, trainAccuracy, validationAccuracy, validationLoss, diverged
 * result.table().first(3);  // the three best
 * result.figure();          // lr against weight decay on log axes, coloured by validation accuracy
 * result.accuracyFigure();  // validation accuracy against lr
 * result.best()
 * }</pre>
 *
 * Sorted by validation accuracy (higher first), then validation loss (lower first), then trial index, so ties are
 * broken the same way every time.
 *
 * @param search the search that produced it
 * @param trials the trials, best first
 */
public record SearchResult(RandomSearch search, List<Trial> trials) {
    static final Comparator<Trial> BEST_FIRST = Comparator.comparingDouble((Trial t) -> -t.validationAccuracy())
            .thenComparingDouble(Trial::validationLoss).thenComparingInt(Trial::trial);

    public SearchResult {
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort(BEST_FIRST);
        trials = List.copyOf(sorted);
    }

    /** The trial with the highest validation accuracy. */
    public Trial best() {
        return trials.get(0);
    }

    /** trial, seed, lr, weightDecay, trainAccuracy, validationAccuracy, validationLoss, diverged; best first. */
    public Table table() {
        IntColumn trial = IntColumn.create("trial");
        LongColumn seed = LongColumn.create("seed");
        DoubleColumn lr = DoubleColumn.create("lr"), wd = DoubleColumn.create("weightDecay");
        DoubleColumn train = DoubleColumn.create("trainAccuracy"), val = DoubleColumn.create("validationAccuracy");
        DoubleColumn vl = DoubleColumn.create("validationLoss");
        BooleanColumn div = BooleanColumn.create("diverged");
        for (Trial t : trials) {
            trial.append(t.trial());
            seed.append(t.seed());
            lr.append(t.lr());
            wd.append(t.weightDecay());
            train.append(t.trainAccuracy());
            val.append(t.validationAccuracy());
            vl.append(t.validationLoss());
            div.append(t.diverged());
        }
        return Table.create("random search, best first", trial, seed, lr, wd, train, val, vl, div);
    }

    private String[] hover() {
        return trials.stream().map(t -> "trial " + t.trial() + "<br>lr " + Format.number(t.lr(), 3) + "<br>weight decay "
                + Format.number(t.weightDecay(), 3) + "<br>validation accuracy " + Format.number(t.validationAccuracy(), 3)).toArray(String[]::new);
    }

    /** Every trial at (lr, weight decay) on log axes, coloured by validation accuracy; the best is starred. */
    public PlotlyFigure figure() {
        double[] lr = trials.stream().mapToDouble(Trial::lr).toArray();
        double[] wd = trials.stream().mapToDouble(Trial::weightDecay).toArray();
        double[] acc = trials.stream().mapToDouble(Trial::validationAccuracy).toArray();
        LineTrace points = LineTrace.of(lr, wd).markers().name("trial").text(hover()).with("hoverinfo", "text")
                .with("marker.size", 10).with("marker.color", acc).with("marker.colorscale", "Viridis")
                .with("marker.showscale", true).with("marker.colorbar.title.text", "validation<br>accuracy");
        LineTrace best = LineTrace.of(new double[]{best().lr()}, new double[]{best().weightDecay()}).markers()
                .marker("star", 18, "#d62728").name("best: trial " + best().trial());
        return PlotlyFigure.of("Random search: " + trials.size() + " trials", points, best)
                .withAxisTitles("learning rate (log)", "weight decay λ (log)")
                .withLogX().withLogY()
                .withLayout("xaxis.exponentformat", "power").withLayout("yaxis.exponentformat", "power")
                .withLegendBelow();
    }

    /** Validation (and training) accuracy against the learning rate, log x axis. */
    public PlotlyFigure accuracyFigure() {
        double[] lr = trials.stream().mapToDouble(Trial::lr).toArray();
        double[] val = trials.stream().mapToDouble(Trial::validationAccuracy).toArray();
        double[] train = trials.stream().mapToDouble(Trial::trainAccuracy).toArray();
        LineTrace v = LineTrace.of(lr, val).markers().color(CurveStyle.color(1)).name("validation accuracy").text(hover());
        LineTrace t = LineTrace.of(lr, train).markers().color(CurveStyle.color(0)).name("training accuracy")
                .with("marker.symbol", "circle-open");
        return PlotlyFigure.of("Accuracy against the learning rate", t, v)
                .withAxisTitles("learning rate (log)", "accuracy").withLogX()
                .withLayout("xaxis.exponentformat", "power")
                .withLegendBelow();
    }

    @Override
    public String toString() {
        return "SearchResult(" + trials.size() + " trials, best " + best() + ")";
    }
}
