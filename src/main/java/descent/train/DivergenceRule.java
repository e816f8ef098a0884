package descent.train;

import descent.base.Format;

import java.util.List;

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

    /** The warning for a history, or null. */
    static String check(History history, Object optimizer) {
        return check(history.loss(0), history.epochList(), optimizer);
    }

    /** The warning for these epochs, or null: {@code start} is the first step's loss. */
    static String check(double start, List<EpochResult> epochs, Object optimizer) {
        int n = epochs.size();
        EpochResult last = epochs.get(n - 1);
        String what;
        if (last.loss() > FACTOR * start) {
            what = "the training loss " + Format.number(last.loss()) + " of epoch " + last.epoch() + " is more than "
                    + Format.number(FACTOR) + " times its start " + Format.number(start);
        } else if (n > RISING && rising(epochs, n - RISING, n)) {
            what = "the training loss rose in each of the " + RISING + " epochs up to epoch " + last.epoch() + ", to "
                    + Format.number(last.loss());
        } else {
            return null;
        }
        return "diverging: " + what + "; the learning rate of " + optimizer + " is probably too high, try one 10 times smaller";
    }

    private static boolean rising(List<EpochResult> epochs, int from, int to) {
        for (int i = from; i < to; i++) if (!(epochs.get(i).loss() > epochs.get(i - 1).loss())) return false;
        return true;
    }
}
