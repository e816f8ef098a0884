package descent.schedule;

/**
 * The identity schedule: factor 1 at every step, the base learning rate throughout.
 *
 * <pre>{@code
 * Schedules.constant()    // Constant()
 * }</pre>
 */
public record Constant() implements Schedule {
    @Override
    public double factor(int step) {
        return 1.0;
    }

    @Override
    public String toString() {
        return "Constant()";
    }
}
