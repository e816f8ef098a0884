package descent.schedule;

/**
 * A learning-rate schedule: the factor by which an optimizer's base rate η is multiplied at each step.
 *
 * <pre>{@code
 * Schedule s = step -> Math.pow(0.5, step / 10);   // halve every 10 steps
 * Optimizers.sgd(0.1).withSchedule(s)              // lr at step t is 0.1 * s.factor(t)
 * }</pre>
 *
 * Steps count updates already made: step 0 is the first update. A schedule is asked at every step and never
 * changes an optimizer behind its back (as PyTorch's {@code LambdaLR} multiplies the base rate).
 */
@FunctionalInterface
public interface Schedule {

    /** The multiplier of the base learning rate at this step (0-based). */
    double factor(int step);
}
