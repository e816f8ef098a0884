package descent.schedule;

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
        Num.positive("stepSize", stepSize);
        Num.decay("gamma", gamma);
    }

    @Override
    public double factor(int step) {
        return Math.pow(gamma, step / stepSize);
    }

    @Override
    public String toString() {
        return "StepDecay(stepSize=" + stepSize + ", gamma=" + Num.format(gamma) + ")";
    }
}
