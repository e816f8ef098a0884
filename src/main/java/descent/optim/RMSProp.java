package descent.optim;

import descent.base.Check;
import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * RMSProp: like AdaGrad, but σ is an exponential moving average of squared gradients, so old gradients fade.
 *
 * <pre>
 *   h ← α·h + (1 − α)·g⊙g
 *   w ← w − η·g / (√h + ε)
 * </pre>
 *
 * Tieleman &amp; Hinton, Coursera lecture 6.5 (2012); Hung-yi Lee ML2021 (σ_t = √(α·σ_{t−1}² + (1−α)·g_t²)); Deep
 * Learning from Scratch {@code RMSprop}; PyTorch {@code torch.optim.RMSprop} (lr = 0.01, alpha = 0.99, eps = 1e-8;
 * its momentum and centered options are not supported). <b>Conventions:</b> the decay is {@code alpha} as in PyTorch
 * and the lecture (the book's {@code decay_rate}); the book's ε = 1e-7 is {@code withEps(1e-7)}. The lecture starts
 * from σ_0 = |g_0|; here, as in PyTorch and the book, h starts at 0, so the first step is larger: η·g/(√(1−α)·|g|)
 * ≈ 10·η·sign(g) with α = 0.99.
 *
 * <pre>{@code
 * var path = Optimizers.rmsProp(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * path.name();      // RMSProp(lr=0.1, alpha=0.99, eps=1e-08)
 * path.last().x()   // Vec[-0.6974184359619137, 1.4834509826897888E-8]
 * }</pre>
 */
public record RMSProp(double lr, double alpha, double eps, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        state.advance();
        double[] h = state.buffer("h");
        for (int i = 0; i < w.length; i++) {
            h[i] = alpha * h[i] + (1 - alpha) * g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(h[i]) + eps);
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        state.advance();
        float[] h = state.floats("h");
        float a = (float) alpha, o = (float) (1 - alpha), eta = (float) lr, e = (float) eps;
        for (int i = 0; i < w.length; i++) {
            h[i] = a * h[i] + o * g[i] * g[i];
            w[i] -= eta * g[i] / ((float) Math.sqrt(h[i]) + e);
        }
    }

    /** η/(√h + ε) per coordinate; NaN before the first update. */
    @Override
    public double[] effectiveLr(State state, double lr) {
        return Plumbing.adaptiveRate(state, "h", lr, 1, eps);
    }

    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LR = 0.01;
    /** PyTorch's and the book's decay of the squared-gradient average. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPS = 1e-8;

    public RMSProp {
        Plumbing.check(lr, schedule);
        Plumbing.unitInterval("alpha", alpha);
        Check.positive("eps", eps);
    }

    public RMSProp(double lr) { this(lr, DEFAULT_ALPHA, DEFAULT_EPS, Schedules.constant()); }

    /** The same optimizer with another decay α in [0, 1). */
    public RMSProp withAlpha(double alpha) { return new RMSProp(lr, alpha, eps, schedule); }
    /** The same optimizer with another ε (the book uses 1e-7). */
    public RMSProp withEps(double eps) { return new RMSProp(lr, alpha, eps, schedule); }
    @Override public RMSProp withLr(double lr) { return new RMSProp(lr, alpha, eps, schedule); }
    @Override public RMSProp withSchedule(Schedule schedule) { return new RMSProp(lr, alpha, eps, schedule); }
    @Override public List<String> stateNames() { return List.of("h"); }
    @Override public String toString() { return Plumbing.describe(this); }
}
