package descent.schedule;

import descent.base.Check;

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
        Check.that(name != null && !name.isBlank(), "schedule name", name == null ? null : "\"" + name + "\"",
                "a short description", "such as \"1/sqrt(t+1)\"");
        Check.notNull("schedule " + name, fn, "give a lambda such as t -> 1 / Math.sqrt(t + 1.0)");
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
