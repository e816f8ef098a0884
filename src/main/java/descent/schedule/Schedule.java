package descent.schedule;

import descent.base.Check;
import descent.base.Format;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A learning-rate schedule: the factor by which an optimizer's base rate η is multiplied at each step.
 *
 * <pre>{@code
 * Schedule s = Schedules.stepDecay(10, 0.5);       // halve every 10 steps
 * Optimizers.sgd(0.1).withSchedule(s);             // lr at step t is 0.1 * s.factor(t)
 * s.toTable(30, 0.1);                              // step, factor, lr: 0.1 for steps 0-9, 0.05, then 0.025
 * Schedule mine = step -> 1.0 / Math.sqrt(step + 1);   // any lambda is a schedule too: Schedule(lambda)
 * Schedules.of("1/sqrt(t+1)", step -> 1.0 / Math.sqrt(step + 1))   // the same, printed as Schedule(1/sqrt(t+1))
 * }</pre>
 *
 * Steps count updates already made: step 0 is the first update. A schedule is asked at every step and never
 * changes an optimizer behind its back (as PyTorch's {@code LambdaLR} multiplies the base rate). This is the
 * lecture's η^t in θ ← θ − (η^t/σ^t)·m^t (Hung-yi Lee, ML2021: "learning rate scheduling"). Every factor an
 * optimizer uses goes through {@link #checkedFactor}, so a lambda that returns NaN or a negative number fails at that
 * step with its name instead of running gradient ascent or ending in NaN.
 */
@FunctionalInterface
public interface Schedule {

    /** The multiplier of the base learning rate at this step (0-based). */
    double factor(int step);

    /**
     * {@link #factor}, checked where an optimizer uses it: a finite number ≥ 0 (0 pauses the updates, as cosine
     * annealing to 0 does at its end); otherwise an {@link IllegalStateException} naming the step and this schedule.
     */
    default double checkedFactor(int step) {
        double f = factor(step);
        if (!(f >= 0) || f == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException(Schedules.name(this) + " returned the factor " + Format.repr(f) + " at step " + step
                    + "; a schedule must return a finite factor >= 0 for every step"
                    + (f < 0 ? " (a negative factor would climb the loss: gradient ascent)" : "")
                    + ". Check its formula at step " + step + ".");
        }
        return f;
    }

    /** The factors of steps 0..steps−1. */
    default double[] factors(int steps) {
        Check.nonNegative("number of steps", steps);
        double[] r = new double[steps];
        for (int t = 0; t < steps; t++) r[t] = checkedFactor(t);
        return r;
    }

    /** One row per step 0..steps−1: step, factor. */
    default Table toTable(int steps) {
        double[] f = factors(steps);
        IntColumn step = IntColumn.create("step");
        for (int t = 0; t < steps; t++) step.append(t);
        return Table.create(Schedules.name(this), step, DoubleColumn.create("factor", f));
    }

    /** One row per step 0..steps−1: step, factor, and lr = baseLr·factor. */
    default Table toTable(int steps, double baseLr) {
        Check.positive("base learning rate", baseLr);
        Table t = toTable(steps);
        t.addColumns(t.doubleColumn("factor").multiply(baseLr).setName("lr"));
        return t;
    }
}
