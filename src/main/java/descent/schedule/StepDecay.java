package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * Multiply the rate by γ every {@code stepSize} steps.
 *
 * <pre>
 *   factor(t) = γ^⌊t / stepSize⌋
 * </pre>
 * PyTorch {@code StepLR(step_size, gamma)}.
 *
 * <pre>{@code
 * Schedules.stepDecay(10, 0.5).factor(25)    // 0.25
 * }</pre>
 */
public record StepDecay(int stepSize, double gamma) implements Schedule {
    public StepDecay {
        Check.positive("stepSize", stepSize);
        Check.openClosed("gamma", gamma, 0, 1, "such as 0.5");
    }

    @Override
    public double factor(int step) {
        return Math.pow(gamma, step / stepSize);
    }

    @Override
    public String toString() {
        return "StepDecay(stepSize=" + stepSize + ", gamma=" + Format.repr(gamma) + ")";
    }
}
