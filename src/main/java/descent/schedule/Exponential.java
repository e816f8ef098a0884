package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * Multiply the rate by γ at every step.
 *
 * <pre>
 *   factor(t) = γ^t
 * </pre>
 * PyTorch {@code ExponentialLR(gamma)}.
 *
 * <pre>{@code
 * Schedules.exponential(0.95).factor(10)    // 0.5987...
 * }</pre>
 */
public record Exponential(double gamma) implements Schedule {
    public Exponential {
        Check.openClosed("gamma", gamma, 0, 1, "such as 0.5");
    }

    @Override
    public double factor(int step) {
        return Math.pow(gamma, step);
    }

    @Override
    public String toString() {
        return "Exponential(gamma=" + Format.repr(gamma) + ")";
    }
}
