package descent.train;

/**
 * Early stopping's memory during one fit: the best monitored loss so far, its epoch and (to restore) its weights, and
 * how many epochs have passed without improvement. The rule itself is {@link EarlyStopping}; the trainer
 * {@link #reset()}s this at the start of each fit.
 *
 * <pre>
 *   after each epoch:  if loss &lt; best − minDelta:  best ← loss, bestEpoch ← epoch, save the weights, wait ← 0
 *                      else wait ← wait + 1;  if wait ≥ patience: restore the saved weights (if asked), stop
 * </pre>
 */
final class EarlyStoppingMonitor {
    private final EarlyStopping rule;
    private final Snapshot bestWeights;   // null unless rule.restoreBest()
    private double best;
    private int bestEpoch;
    private int wait;

    EarlyStoppingMonitor(EarlyStopping rule, Snapshot bestWeights) {
        this.rule = rule;
        this.bestWeights = rule.restoreBest() ? bestWeights : null;
        reset();
    }

    void reset() {
        best = Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        wait = 0;
    }

    /**
     * Consults the rule after an epoch whose monitored loss ({@code what}: "validation loss" or "training loss") was
     * {@code loss}; records the best epoch or the stop reason in the history, and returns whether to stop.
     */
    boolean stop(int epoch, double loss, String what, History history) {
        if (loss < best - rule.minDelta()) {
            best = loss;
            bestEpoch = epoch;
            wait = 0;
            history.bestEpoch(epoch);
            if (bestWeights != null) bestWeights.save();
            return false;
        }
        if (++wait < rule.patience()) return false;
        boolean restore = bestWeights != null && bestEpoch >= 0;
        if (restore) bestWeights.restore();
        history.stop("stopped early after epoch " + epoch + ": no " + what + " improvement for " + rule.patience()
                + " epochs" + (restore ? "; restored the weights of epoch " + bestEpoch : ""));
        return true;
    }
}
