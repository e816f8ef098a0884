package descent.train;

import java.util.List;
import java.util.Locale;

/**
 * When a training run counts as diverging although every number is still finite: the rule and its thresholds, in
 * one place. The trainer asks it after every epoch and puts its first warning into {@link History#warning()}.
 *
 * <pre>
 *   start = the loss of the first step (before any update)
 *   far above its start:  an epoch's mean training loss  > FACTOR · start
 *   keeps growing:        the mean training loss rose in each of the last RISING epochs
 * </pre>
 * A network whose loss stays several times above where it began is not learning; growth epoch after epoch is how
 * an overflow announces itself long before it happens.
 */
final class DivergenceRule {
    /** How many times its start an epoch's loss may be before the run is flagged. */
    static final double FACTOR = 3;
    /** How many epochs in a row the loss may rise before the run is flagged. */
    static final int RISING = 10;

    private DivergenceRule() {
    }

    /** The warning for these epochs, or null: {@code start} is the first step's loss. */
    static String check(double start, List<EpochResult> epochs, String optimizer) {
        int n = epochs.size();
        EpochResult last = epochs.get(n - 1);
        String cause = "; the learning rate of " + optimizer + " is probably too high, try one 10 times smaller";
        if (last.loss() > FACTOR * start) {
            return String.format(Locale.ROOT, "diverging: the training loss %.4g of epoch %d is more than %s times "
                    + "its start %.4g", last.loss(), last.epoch(), times(), start) + cause;
        }
        if (n > RISING) {
            for (int i = n - RISING; i < n; i++) if (!(epochs.get(i).loss() > epochs.get(i - 1).loss())) return null;
            return String.format(Locale.ROOT, "diverging: the training loss rose in each of the %d epochs up to "
                    + "epoch %d, to %.4g", RISING, last.epoch(), last.loss()) + cause;
        }
        return null;
    }

    private static String times() {
        return FACTOR == Math.rint(FACTOR) ? Long.toString((long) FACTOR) : Double.toString(FACTOR);
    }
}
