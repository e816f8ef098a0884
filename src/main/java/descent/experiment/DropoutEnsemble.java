package descent.experiment;

import descent.base.Format;
import descent.plot.PlotlyFigure;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Dropout as an ensemble (the lecture: a network with M droppable units is 2^M thinned networks sharing weights;
 * scaling the weights by 1−p approximates averaging them). Made by {@link DropoutRun#ensemble}.
 *
 * <pre>{@code
 * var d = Splits.trainTest(Datasets.blobs(440, 3, 0.7, 3), 0.5, 1);
 * var setup = new NetSetup(2, 32, Optimizers.sgd(0.3), 10, 20, 1);   // small: 2 hidden layers of 32, 20 epochs
 * var e = Overfitting.dropout(setup, d.train(), d.test(), 0.2).ensemble(d.test(), 16, 7);
 * e.table();   // dropout, members, ensembleAccuracy, scaledAccuracy
 * e.figure()   // ensemble accuracy by number of members; the scaled network as a flat line
 * }</pre>
 *
 * Each member is a fresh random mask for every test example (as dropout draws them in training), so the average
 * over k members is the Monte Carlo estimate of the ensemble's prediction; the scaled network computes it in one
 * pass, exactly for a linear network and approximately with ReLU.
 *
 * @param p       the drop probability
 * @param members the largest ensemble
 * @param seed    the seed of the ensemble's masks
 * @param table   dropout, members, ensembleAccuracy, scaledAccuracy
 */
public record DropoutEnsemble(double p, int members, long seed, Table table) {

    /** Test accuracy against the number of averaged thinned networks, with the scaled network dashed, per convention. */
    public PlotlyFigure figure() {
        List<Trace> traces = new ArrayList<>();
        int k = 0;
        for (String name : table.stringColumn("dropout").unique().asList().stream().sorted().toList()) {
            Table c = table.where(table.stringColumn("dropout").isEqualTo(name));
            double[] m = c.intColumn("members").asDoubleArray();
            traces.add(CurveStyle.line(m, c.doubleColumn("ensembleAccuracy").asDoubleArray(), name + ": average of k thinned", k + 1));
            traces.add(CurveStyle.line(m, c.doubleColumn("scaledAccuracy").asDoubleArray(), name + ": scaled network", k + 1).dash("dash"));
            k++;
        }
        return PlotlyFigure.of("Dropout p=" + Format.repr(p) + " as an ensemble (test accuracy)", traces.toArray(Trace[]::new))
                .withAxisTitles("thinned networks averaged (k)", "test accuracy").withLogX();
    }

    @Override
    public String toString() {
        return "DropoutEnsemble(p=" + Format.repr(p) + ", members=" + members + ", seed=" + seed + ")";
    }
}
