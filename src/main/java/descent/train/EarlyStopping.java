package descent.train;

import descent.base.Check;
import descent.base.Format;

/**
 * Stop when the monitored loss (validation loss, or training loss without a validation set) has not improved by
 * more than {@code minDelta} for {@code patience} epochs, and optionally go back to the best epoch's weights.
 *
 * <pre>
 *   after each epoch:  if loss &lt; best − minDelta:  best ← loss, remember the weights, wait ← 0
 *                      else wait ← wait + 1;  if wait ≥ patience: stop (and restore the remembered weights)
 * </pre>
 *
 * The lecture's "Early Stopping"; Keras's {@code EarlyStopping(patience, min_delta, restore_best_weights)}. The best
 * weights (and batch-norm statistics) are restored when it stops; a fit that runs to its end keeps the last ones.
 *
 * <pre>{@code
 * EarlyStopping.patience(3);                                   // EarlyStopping(patience=3, minDelta=0.0, restoreBest=true)
 * EarlyStopping.patience(5).withMinDelta(1e-3).withRestoreBest(false)   // EarlyStopping(patience=5, minDelta=0.001, restoreBest=false)
 * }</pre>
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {

    public EarlyStopping {
        Check.atLeast("patience", patience, 1, "the number of epochs without improvement to wait, such as 5");
        Check.nonNegative("minDelta", minDelta, "such as 1e-4");
    }

    /** Patience in epochs, no minimum improvement, best weights restored. */
    public static EarlyStopping patience(int epochs) {
        return new EarlyStopping(epochs, 0, true);
    }

    public EarlyStopping withMinDelta(double minDelta) {
        return new EarlyStopping(patience, minDelta, restoreBest);
    }

    public EarlyStopping withRestoreBest(boolean restoreBest) {
        return new EarlyStopping(patience, minDelta, restoreBest);
    }

    @Override
    public String toString() {
        return "EarlyStopping(patience=" + patience + ", minDelta=" + Format.repr(minDelta) + ", restoreBest=" + restoreBest + ")";
    }
}
