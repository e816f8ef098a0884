package descent.optim;

import descent.base.Check;
import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * AdaGrad: each coordinate's step is divided by the root of the sum of all its past squared gradients.
 *
 * <pre>
 *   h ← h + g⊙g
 *   w ← w − η·g / (√h + ε)
 * </pre>
 *
 * Duchi, Hazan &amp; Singer (2011); Deep Learning from Scratch §6.1.5; PyTorch {@code torch.optim.Adagrad}
 * (lr = 0.01, eps = 1e-10; its lr_decay and initial_accumulator_value are not supported). <b>Conventions:</b> the
 * book's ε = 1e-7 is {@code withEps(1e-7)}. The lecture (Hung-yi Lee) divides by σ = √(h/(t+1)) instead of √h; the
 * extra √(t+1) is a 1/√t decay folded into η. As h only grows, the rate η/(√h + ε) only shrinks and AdaGrad
 * eventually stops moving; {@link RMSProp} forgets old gradients instead.
 *
 * <pre>{@code
 * var path = Optimizers.adaGrad(1.5).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * path.name();      // AdaGrad(lr=1.5, eps=1e-10)
 * path.last().x()   // Vec[-0.12016224724728575, 2.4863841159975314E-17]
 * }</pre>
 */
public record AdaGrad(double lr, double eps, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        state.advance();
        double[] h = state.buffer("h");
        for (int i = 0; i < w.length; i++) {
            h[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(h[i]) + eps);
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        state.advance();
        float[] h = state.floats("h");
        float eta = (float) lr, e = (float) eps;
        for (int i = 0; i < w.length; i++) {
            h[i] += g[i] * g[i];
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
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPS = 1e-10;

    public AdaGrad {
        Plumbing.check(lr, schedule);
        Check.positive("eps", eps);
    }

    public AdaGrad(double lr) { this(lr, DEFAULT_EPS, Schedules.constant()); }

    /** The same optimizer with another ε (the book uses 1e-7). */
    public AdaGrad withEps(double eps) { return new AdaGrad(lr, eps, schedule); }
    @Override public AdaGrad withLr(double lr) { return new AdaGrad(lr, eps, schedule); }
    @Override public AdaGrad withSchedule(Schedule schedule) { return new AdaGrad(lr, eps, schedule); }
    @Override public List<String> stateNames() { return List.of("h"); }
    @Override public String toString() { return Plumbing.describe(this); }
}
