package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * SGD with momentum, in the book's form: a velocity that remembers past steps.
 *
 * <pre>
 *   v ← μ·v − η·g
 *   w ← w + v
 * </pre>
 *
 * Deep Learning from Scratch §6.1.4 ({@code Momentum}, μ = 0.9); Polyak (1964); the lecture's "movement = movement
 * of last step minus gradient at present". <b>Convention:</b> PyTorch's {@code SGD(momentum=μ)} keeps b ← μ·b + g
 * and steps w ← w − η·b; with a constant η that is the same algorithm (v = −η·b). They differ only when η changes:
 * here a new η applies to the new gradient only, in PyTorch it also rescales the velocity built up. We keep the
 * book's form because its v is the actual displacement per step. PyTorch's dampening is not supported.
 *
 * <pre>{@code
 * Optimizers.momentum(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).last().x();   // Vec[0.8964..., 0.0880...]
 * Optimizers.momentum(0.1).withMomentum(0.5)      // Momentum(lr=0.1, momentum=0.5)
 * }</pre>
 */
public record Momentum(double lr, double momentum, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        state.advance();
        double[] v = state.buffer("v");
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] += v[i];
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        state.advance();
        float[] v = state.floats("v");
        float mu = (float) momentum, eta = (float) lr;
        for (int i = 0; i < w.length; i++) {
            v[i] = mu * v[i] - eta * g[i];
            w[i] += v[i];
        }
    }

    /** The book's and the usual choice, μ = 0.9. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    public Momentum {
        Plumbing.check(lr, schedule);
        Plumbing.unitInterval("momentum", momentum);
    }

    public Momentum(double lr) { this(lr, DEFAULT_MOMENTUM, Schedules.constant()); }

    /** The same optimizer with another momentum μ in [0, 1). */
    public Momentum withMomentum(double momentum) { return new Momentum(lr, momentum, schedule); }
    @Override public Momentum withLr(double lr) { return new Momentum(lr, momentum, schedule); }
    @Override public Momentum withSchedule(Schedule schedule) { return new Momentum(lr, momentum, schedule); }
    @Override public List<String> stateNames() { return List.of("v"); }
    @Override public String toString() { return Plumbing.describe(this); }
}
