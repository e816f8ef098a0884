package descent.experiment;

import descent.base.Format;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.train.EarlyStopping;
import descent.train.EpochResult;
import descent.train.History;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.traces.Trace;


/**
 * Early stopping on a validation curve: where it stopped, which epoch it went back to, and the whole curve of a run
 * that did not stop. Made by {@link Overfitting#earlyStopping}.
 *
 * <pre>{@code
 * var d = Splits.trainTest(Datasets.blobs(440, 3, 0.7, 3), 0.5, 1);
 * var setup = new NetSetup(2, 32, Optimizers.sgd(0.3), 10, 20, 1);   // small: 2 hidden layers of 32, 20 epochs
 * var es = Overfitting.earlyStopping(setup.withEpochs(60), d.train(), d.test(), 5);
 * System.out.println(es);   // EarlyStoppingRun(stopped after epoch ..., restored epoch ...: validation loss ..., accuracy ...)
 * es.table();    // epoch, loss, validationLoss, validationAccuracy, beforeStop, best
 * es.figure()    // both losses by epoch, the restored epoch and the stopping point marked
 * }</pre>
 *
 * Epochs count from 1 (the state after one pass). The rule is Keras's: stop after {@code patience} epochs without a
 * lower validation loss, and restore the weights of the best epoch.
 *
 * @param setup                      the network and training settings
 * @param rule                       the early-stopping rule used
 * @param bestEpoch                  the epoch whose weights were restored (1-based)
 * @param stoppedAfter               the last epoch trained before stopping
 * @param stoppedEarly               false if the run reached {@code setup.epochs()} without stopping
 * @param restoredValidationLoss     validation loss of the restored network (evaluated again after the restore)
 * @param restoredValidationAccuracy its validation accuracy
 * @param epochs                     one row per epoch of the run that did not stop
 */
public record EarlyStoppingRun(NetSetup setup, EarlyStopping rule, int bestEpoch, int stoppedAfter, boolean stoppedEarly,
                               double restoredValidationLoss, double restoredValidationAccuracy, Table epochs) {

    static Table table(History all, int stoppedAfter) {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss"), vl = DoubleColumn.create("validationLoss");
        DoubleColumn va = DoubleColumn.create("validationAccuracy");
        BooleanColumn before = BooleanColumn.create("beforeStop");
        for (EpochResult e : all.epochResults()) {
            epoch.append(e.epoch() + 1);
            loss.append(e.loss());
            vl.append(e.validationLoss());
            va.append(e.validationAccuracy());
            before.append(e.epoch() + 1 <= stoppedAfter);
        }
        return Table.create("early stopping", epoch, loss, vl, va, before);
    }

    /** One row per epoch: epoch, loss (mean over the epoch's batches), validationLoss, validationAccuracy, beforeStop, best. */
    public Table table() {
        Table t = epochs.copy();
        BooleanColumn best = BooleanColumn.create("best");
        for (int e : t.intColumn("epoch")) best.append(e == bestEpoch);
        return t.addColumns(best).setName(toString());
    }

    /** Training and validation loss by epoch; the part after the stop is dotted, the restored epoch and the stop are marked. */
    public PlotlyFigure figure() {
        double[] epoch = epochs.intColumn("epoch").asDoubleArray();
        double[] loss = epochs.doubleColumn("loss").asDoubleArray();
        double[] val = epochs.doubleColumn("validationLoss").asDoubleArray();
        double top = Math.max(max(loss), max(val)), bottom = Math.min(min(loss), min(val));
        Trace[] traces = {
                CurveStyle.line(epoch, loss, "training loss", 0),
                CurveStyle.line(epoch, val, "validation loss", 1),
                LineTrace.of(new double[]{bestEpoch, bestEpoch}, new double[]{bottom, top}).lines().dash("dash")
                        .color("#2ca02c").width(2).name("restored: epoch " + bestEpoch),
                LineTrace.of(new double[]{stoppedAfter, stoppedAfter}, new double[]{bottom, top}).lines().dash("dot")
                        .color("#7f7f7f").width(2).name("stopped after epoch " + stoppedAfter),
        };
        return PlotlyFigure.of("Early stopping (" + rule + ")", traces).withAxisTitles("epoch", "cross-entropy loss");
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) m = Math.max(m, v);
        return m;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) m = Math.min(m, v);
        return m;
    }

    @Override
    public String toString() {
        return "EarlyStoppingRun(" + (stoppedEarly ? "stopped" : "ran to the end") + " after epoch " + stoppedAfter + ", restored epoch "
                + bestEpoch + ": validation loss " + Format.number(restoredValidationLoss) + ", accuracy "
                + Format.number(restoredValidationAccuracy) + ")";
    }
}
