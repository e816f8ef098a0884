package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * AdamW: Adam with decoupled weight decay, which shrinks the weights directly instead of adding λ·w to the gradient.
 *
 * <pre>
 *   w ← w − η·λ·w                          decay, outside the adaptive scaling
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g⊙g
 *   w ← w − η·m̂ / (√v̂ + ε)
 * </pre>
 *
 * Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019); PyTorch {@code torch.optim.AdamW}
 * (lr = 0.001, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0.01).
 * <p>
 * <b>Why decoupled.</b> With L2 in the loss, the decay term λ·w passes through Adam's division by √v̂, so weights
 * with large gradients are barely decayed; here every weight shrinks by the same factor (1 − ηλ) per step. As in
 * PyTorch the decay is multiplied by the (scheduled) η, while the paper scales it by the schedule factor alone.
 * With λ = 0 this is exactly {@link Adam}. On a test surface it pulls the minimum towards the origin.
 *
 * <pre>{@code
 * Optimizers.adamW(0.1);                    // AdamW(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08, weightDecay=0.01)
 * Optimizers.adamW(0.1).withWeightDecay(0.1)   // AdamW(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08, weightDecay=0.1)
 * }</pre>
 */
public final class AdamW implements Optimizer {
    /** PyTorch's default decoupled weight decay λ. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Schedule schedule;

    public AdamW(double lr) {
        this(lr, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPS, DEFAULT_WEIGHT_DECAY, Schedules.constant());
    }

    private AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, Schedule schedule) {
        this.lr = Hyper.learningRate(lr);
        this.beta1 = Hyper.unitInterval("beta1", beta1);
        this.beta2 = Hyper.unitInterval("beta2", beta2);
        this.eps = Hyper.positive("eps", eps);
        this.weightDecay = Hyper.nonNegative("weightDecay", weightDecay);
        this.schedule = Hyper.schedule(schedule);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public AdamW withBetas(double beta1, double beta2) {
        return new AdamW(lr, beta1, beta2, eps, weightDecay, schedule);
    }

    public AdamW withEps(double eps) {
        return new AdamW(lr, beta1, beta2, eps, weightDecay, schedule);
    }

    /** The same optimizer with another decoupled decay λ ≥ 0. */
    public AdamW withWeightDecay(double weightDecay) {
        return new AdamW(lr, beta1, beta2, eps, weightDecay, schedule);
    }

    @Override
    public AdamW withLr(double lr) {
        return new AdamW(lr, beta1, beta2, eps, weightDecay, schedule);
    }

    @Override
    public AdamW withSchedule(Schedule schedule) {
        return new AdamW(lr, beta1, beta2, eps, weightDecay, schedule);
    }

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        int t = state.advance();
        for (int i = 0; i < w.length; i++) w[i] *= 1 - lr * weightDecay;
        Adam.step(w, g, state.buffer("m"), state.buffer("v"), t, lr, beta1, beta2, eps, Adam.Form.PYTORCH);
    }

    @Override
    public double[] effectiveLr(State state, double lr) {
        return Adam.effective(state, lr, beta2, eps, Adam.Form.PYTORCH);
    }

    @Override
    public String toString() {
        return "AdamW(lr=" + Hyper.format(lr) + ", beta1=" + Hyper.format(beta1) + ", beta2=" + Hyper.format(beta2)
                + ", eps=" + Hyper.format(eps) + ", weightDecay=" + Hyper.format(weightDecay) + Hyper.scheduleSuffix(schedule) + ")";
    }
}
