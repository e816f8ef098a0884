package descent.schedule;

/**
 * Short factories for learning-rate schedules.
 *
 * <pre>{@code
 * Schedules.constant()    // factor 1 at every step
 * }</pre>
 */
public final class Schedules {
    private Schedules() {
    }

    private static final Schedule CONSTANT = new Schedule() {
        @Override
        public double factor(int step) {
            return 1.0;
        }

        @Override
        public String toString() {
            return "Constant()";
        }
    };

    /** The identity schedule: the base rate at every step. */
    public static Schedule constant() {
        return CONSTANT;
    }
}
