package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * A straight line from factor 1 at step 0 down to {@code endFactor} at step {@code steps}, then flat.
 *
 * <pre>
 *   factor(t) = 1 − (1 − endFactor)·min(t, steps)/steps
 * </pre>
 * PyTorch {@code LinearLR(start_factor=1, end_factor, total_iters=steps)}; the decay half of Hugging Face's
 * {@code get_linear_schedule_with_warmup} (endFactor 0).
 *
 * <pre>{@code
 * Schedules.linear(100, 0).factor(25)    // 0.75
 * }</pre>
 */
public record LinearDecay(int steps, double endFactor) implements Schedule {
    public LinearDecay {
        Check.positive("steps", steps);
        Check.closed("endFactor", endFactor, 0, 1, "such as 0.01");
    }

    @Override
    public double factor(int step) {
        return 1 - (1 - endFactor) * Math.min(step, steps) / steps;
    }

    @Override
    public String toString() {
        return "LinearDecay(steps=" + steps + ", endFactor=" + Format.repr(endFactor) + ")";
    }
}
