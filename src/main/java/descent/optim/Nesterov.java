package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * Nesterov's accelerated gradient: momentum that corrects its course with a look-ahead.
 *
 * <pre>
 *   v ← μ·v − η·g
 *   w ← w + μ·v − η·g          (the new velocity, once more, plus the plain gradient step)
 * </pre>
 *
 * The form of Sutskever et al. (2013) and Bengio et al. (2013) that evaluates g at the current point instead of at
 * the look-ahead point w + μ·v; PyTorch's {@code SGD(momentum=μ, nesterov=True)} (b ← μ·b + g, w ← w − η·(g + μ·b))
 * with v = −η·b, as in {@link Momentum}. <b>Convention:</b> Deep Learning from Scratch's {@code Nesterov} applies μ²
 * to the <i>new</i> velocity (w += μ²·v − (1+μ)·η·g after updating v), another trajectory; we follow PyTorch.
 *
 * <pre>{@code
 * var path = Optimizers.nesterov(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * path.name();      // Nesterov(lr=0.1, momentum=0.9)
 * path.last().x()   // Vec[0.6896149016966205, -6.799058361171961E-4]
 * }</pre>
 */
public record Nesterov(double lr, double momentum, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        state.advance();
        double[] v = state.buffer("v");
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] += momentum * v[i] - lr * g[i];
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        state.advance();
        float[] v = state.floats("v");
        float mu = (float) momentum, eta = (float) lr;
        for (int i = 0; i < w.length; i++) {
            v[i] = mu * v[i] - eta * g[i];
            w[i] += mu * v[i] - eta * g[i];
        }
    }

    public Nesterov {
        Plumbing.check(lr, schedule);
        Plumbing.unitInterval("momentum", momentum);
    }

    public Nesterov(double lr) { this(lr, Momentum.DEFAULT_MOMENTUM, Schedules.constant()); }

    /** The same optimizer with another momentum μ in [0, 1). */
    public Nesterov withMomentum(double momentum) { return new Nesterov(lr, momentum, schedule); }
    @Override public Nesterov withLr(double lr) { return new Nesterov(lr, momentum, schedule); }
    @Override public Nesterov withSchedule(Schedule schedule) { return new Nesterov(lr, momentum, schedule); }
    @Override public List<String> stateNames() { return List.of("v"); }
    @Override public String toString() { return Plumbing.describe(this); }
}
