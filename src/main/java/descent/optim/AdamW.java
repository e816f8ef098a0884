package descent.optim;

import descent.base.Check;
import descent.schedule.Schedule;

import java.util.List;

/**
 * AdamW: Adam with decoupled weight decay, which shrinks the weights directly instead of adding λ·w to the gradient.
 *
 * <pre>
 *   w ← w − η·λ·w                          decay, outside the adaptive scaling
 *   then one Adam update of w with g:      m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g⊙g,  w ← w − η·m̂ / (√v̂ + ε)
 * </pre>
 *
 * Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019); PyTorch {@code torch.optim.AdamW}
 * (lr = 0.001, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0.01). <b>Why decoupled:</b> with L2 in the loss,
 * λ·w passes through Adam's division by √v̂, so weights with large gradients are barely decayed; here every weight
 * shrinks by the same factor (1 − ηλ) per step. As in PyTorch the decay is multiplied by the (scheduled) η; the paper
 * scales it by the schedule factor alone. With λ = 0 this is exactly {@link Adam}.
 *
 * <pre>{@code
 * Optimizers.adamW(0.1);                       // AdamW(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08, weightDecay=0.01)
 * Optimizers.adamW(0.1).withWeightDecay(0.1)   // AdamW(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08, weightDecay=0.1)
 * }</pre>
 *
 * @param adam        the Adam that makes the gradient step (its lr, betas, eps, form and schedule are AdamW's)
 * @param weightDecay the decoupled decay λ ≥ 0
 */
public record AdamW(Adam adam, double weightDecay) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1 - lr * weightDecay;
        }
        adam.update(w, g, state, lr);
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        float keep = (float) (1 - lr * weightDecay);
        for (int i = 0; i < w.length; i++) w[i] *= keep;
        adam.update(w, g, state, lr);
    }

    /** PyTorch's default decoupled weight decay λ. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    public AdamW {
        Check.notNull("AdamW's Adam", adam, "use Optimizers.adamW(lr)");
        Check.nonNegative("weightDecay", weightDecay);
    }

    public AdamW(double lr) { this(new Adam(lr), DEFAULT_WEIGHT_DECAY); }

    @Override public double lr() { return adam.lr(); }
    @Override public Schedule schedule() { return adam.schedule(); }
    public double beta1() { return adam.beta1(); }
    public double beta2() { return adam.beta2(); }
    public double eps() { return adam.eps(); }
    /** The same optimizer with another decoupled decay λ ≥ 0. */
    public AdamW withWeightDecay(double weightDecay) { return new AdamW(adam, weightDecay); }
    public AdamW withBetas(double beta1, double beta2) { return new AdamW(adam.withBetas(beta1, beta2), weightDecay); }
    public AdamW withEps(double eps) { return new AdamW(adam.withEps(eps), weightDecay); }
    @Override public AdamW withLr(double lr) { return new AdamW(adam.withLr(lr), weightDecay); }
    @Override public AdamW withSchedule(Schedule schedule) { return new AdamW(adam.withSchedule(schedule), weightDecay); }
    @Override public List<String> stateNames() { return adam.stateNames(); }
    @Override public double[] effectiveLr(State state, double lr) { return adam.effectiveLr(state, lr); }
    @Override public String toString() { return Plumbing.describe(this); }
}
