package descent.schedule;

import descent.base.Check;

/**
 * Linear warm-up over the first {@code steps} steps, then another schedule (started afresh at its own step 0).
 *
 * <pre>
 *   factor(t) = (t + 1)/steps          for t &lt; steps
 *             = then.factor(t − steps)  afterwards
 * </pre>
 * Goyal et al., "Accurate, Large Minibatch SGD" (2017); the lecture's "Warm Up": σ is estimated from few
 * gradients at first, so small steps until it is reliable (Hung-yi Lee, ML2021). Hugging Face starts at t/steps
 * (a zero rate for the first update); we start at 1/steps so every update moves.
 *
 * <pre>{@code
 * Schedules.warmupCosine(10, 100)   // Warmup(steps=10, then=Cosine(period=90, minFactor=0.0))
 * }</pre>
 */
public record Warmup(int steps, Schedule then) implements Schedule {
    public Warmup {
        Check.positive("warm-up steps", steps);
        Check.notNull("schedule after the warm-up", then, "use Schedules.constant()");
    }

    @Override
    public double factor(int step) {
        return step < steps ? (step + 1.0) / steps : then.factor(step - steps);
    }

    @Override
    public String toString() {
        return "Warmup(steps=" + steps + ", then=" + Schedules.name(then) + ")";
    }
}
