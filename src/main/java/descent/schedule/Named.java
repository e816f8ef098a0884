package descent.schedule;

/**
 * A schedule given as a lambda, with a name for {@code toString}, tables and legends; its factors are checked where
 * they are used like every schedule's ({@link Schedule#checkedFactor}).
 *
 * <pre>{@code
 * var s = Schedules.of("1/sqrt(t+1)", t -> 1 / Math.sqrt(t + 1.0));
 * s;                                        // Schedule(1/sqrt(t+1))
 * Optimizers.sgd(0.1).withSchedule(s)       // SGD(lr=0.1, schedule=Schedule(1/sqrt(t+1)))
 * }</pre>
 *
 * @param name   what to print
 * @param fn     the lambda
 */
public record Named(String name, Schedule fn) implements Schedule {
    public Named {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Invalid schedule name: " + (name == null ? "null" : "\"" + name + "\"")
                    + "; expected a short description such as \"1/sqrt(t+1)\".");
        }
        if (fn == null) {
            throw new IllegalArgumentException("Invalid schedule " + name + ": null; expected a lambda such as t -> 1 / Math.sqrt(t + 1.0).");
        }
    }

    @Override
    public double factor(int step) {
        return fn.factor(step);
    }

    @Override
    public String toString() {
        return "Schedule(" + name + ")";
    }
}
