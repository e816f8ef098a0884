package descent.schedule;

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
 * Schedule mine = step -> 1.0 / Math.sqrt(step + 1);   // any lambda is a schedule too
 * }</pre>
 *
 * Steps count updates already made: step 0 is the first update. A schedule is asked at every step and never
 * changes an optimizer behind its back (as PyTorch's {@code LambdaLR} multiplies the base rate). This is the
 * lecture's η^t in θ ← θ − (η^t/σ^t)·m^t (Hung-yi Lee, ML2021: "learning rate scheduling").
 */
@FunctionalInterface
public interface Schedule {

    /** The multiplier of the base learning rate at this step (0-based). */
    double factor(int step);

    /** The factors of steps 0..steps−1. */
    default double[] factors(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("Invalid number of steps: " + steps + "; expected >= 0.");
        }
        double[] r = new double[steps];
        for (int t = 0; t < steps; t++) r[t] = factor(t);
        return r;
    }

    /** One row per step 0..steps−1: step, factor. */
    default Table toTable(int steps) {
        double[] f = factors(steps);
        IntColumn step = IntColumn.create("step");
        for (int t = 0; t < steps; t++) step.append(t);
        return Table.create(toString(), step, DoubleColumn.create("factor", f));
    }

    /** One row per step 0..steps−1: step, factor, and lr = baseLr·factor. */
    default Table toTable(int steps, double baseLr) {
        if (!(baseLr > 0) || !Double.isFinite(baseLr)) {
            throw new IllegalArgumentException("Invalid base learning rate: " + baseLr + "; expected a finite number > 0.");
        }
        Table t = toTable(steps);
        t.addColumns(t.doubleColumn("factor").multiply(baseLr).setName("lr"));
        return t;
    }
}
