package descent.optim;

import descent.base.Check;
import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * RAdam: Adam whose adaptive step is switched on gradually, once the variance of √v̂ can be trusted: a built-in
 * warm-up.
 *
 * <pre>
 *   m, v as in Adam;  m̂ = m / (1 − β1^t);  ρ∞ = 2/(1 − β2) − 1;  ρ_t = ρ∞ − 2t·β2^t / (1 − β2^t)
 *   if ρ_t > 5:  r = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),   w ← w − η·r·m̂·√(1 − β2^t) / (√v + ε)
 *   else:        w ← w − η·m̂                      (plain momentum SGD while the variance is intractable)
 * </pre>
 *
 * Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond" (ICLR 2020); PyTorch {@code torch.optim.RAdam}
 * (lr = 0.001, betas = (0.9, 0.999), eps = 1e-8, threshold ρ_t &gt; 5; the paper's Algorithm 2 uses ρ_t &gt; 4). With
 * β2 = 0.999 the first five updates are un-adapted momentum steps of size η·|m̂|, which is why RAdam needs a smaller η
 * than Adam on surfaces with large gradients. Weight decay is not supported.
 *
 * <pre>{@code
 * Optimizers.radam(0.1)                      // RAdam(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08)
 * }</pre>
 */
public record RAdam(double lr, double beta1, double beta2, double eps, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        int t = state.advance();
        double[] m = state.buffer("m"), v = state.buffer("v");
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        double r = rectification(t);
        for (int i = 0; i < w.length; i++) {
            Adam.moments(m, v, g, i, beta1, beta2);
            w[i] -= Double.isNaN(r) ? lr * m[i] / c1 : lr * r * (m[i] / c1) * Math.sqrt(c2) / (Math.sqrt(v[i]) + eps);
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        int t = state.advance();
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t), r = rectification(t);
        Adam.floatMoments(state.floats("m"), state.floats("v"), g, beta1, beta2);
        float[] m = state.floats("m"), v = state.floats("v");
        float e = (float) eps;
        if (Double.isNaN(r)) {
            float a = (float) (lr / c1);
            for (int i = 0; i < w.length; i++) w[i] -= a * m[i];
        } else {
            float a = (float) (lr * r * Math.sqrt(c2) / c1);
            for (int i = 0; i < w.length; i++) w[i] -= a * m[i] / ((float) Math.sqrt(v[i]) + e);
        }
    }

    /** ρ_t, the length of the approximated simple moving average after t updates. */
    double rho(int t) {
        double b2t = Math.pow(beta2, t);
        return rhoInf() - 2 * t * b2t / (1 - b2t);
    }

    private double rhoInf() {
        return 2 / (1 - beta2) - 1;
    }

    /** The variance rectification r_t, or NaN when ρ_t ≤ 5 and the adaptive step is off. */
    double rectification(int t) {
        double rhoInf = rhoInf(), rho = rho(t);
        if (!(rho > RHO_THRESHOLD)) return Double.NaN;
        return Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
    }

    /** The rate applied to m̂: η·r·√(1−β2^t)/(√v + ε), or η while the rectification is off; NaN before the first update. */
    @Override
    public double[] effectiveLr(State state, double lr) {
        int t = state.t();
        double r = rectification(t);
        return t > 0 && Double.isNaN(r) ? Plumbing.filled(state.size(), lr)
                : Plumbing.adaptiveRate(state, "v", lr * r * Math.sqrt(1 - Math.pow(beta2, t)), 1, eps);
    }

    /** PyTorch's threshold on ρ_t above which the adaptive step is used. */
    static final double RHO_THRESHOLD = 5;

    public RAdam {
        Plumbing.check(lr, schedule);
        Plumbing.unitInterval("beta1", beta1);
        Plumbing.unitInterval("beta2", beta2);
        Check.positive("eps", eps);
    }

    public RAdam(double lr) { this(lr, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPS, Schedules.constant()); }

    public RAdam withBetas(double beta1, double beta2) { return new RAdam(lr, beta1, beta2, eps, schedule); }
    public RAdam withEps(double eps) { return new RAdam(lr, beta1, beta2, eps, schedule); }
    @Override public RAdam withLr(double lr) { return new RAdam(lr, beta1, beta2, eps, schedule); }
    @Override public RAdam withSchedule(Schedule schedule) { return new RAdam(lr, beta1, beta2, eps, schedule); }
    @Override public List<String> stateNames() { return List.of("m", "v"); }
    @Override public String toString() { return Plumbing.describe(this); }
}
