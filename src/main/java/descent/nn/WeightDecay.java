package descent.nn;

import descent.base.Format;

/**
 * Decoupled weight decay: after the optimizer's update, shrink each weight towards 0 in proportion to the learning
 * rate. It adds nothing to the loss or the gradient.
 *
 * <pre>
 *   w ← w − η·λ·w          after the optimizer's own update with learning rate η
 * </pre>
 *
 * Loshchilov &amp; Hutter 2019 ("AdamW"), PyTorch's {@code AdamW(weight_decay=λ)}. For plain SGD it equals
 * {@link L2} with the same λ; for adaptive optimizers it does not, which is the point of the paper.
 *
 * <pre>{@code
 * Regularizers.weightDecay(0.01)     // WeightDecay(0.01)
 * }</pre>
 *
 * @param lambda the strength λ, at least 0
 * @param biases whether biases (and other non-weight parameters) are regularized too
 */
public record WeightDecay(double lambda, boolean biases) implements Regularizer {

    public WeightDecay {
        Regularizers.strength(lambda);
    }

    @Override
    public double penalty(Parameter p) {
        return 0;
    }

    @Override
    public void addGradient(Parameter p) {
    }

    @Override
    public void afterUpdate(Parameter p, double lr) {
        if (!appliesTo(p)) return;
        double keep = 1 - lr * lambda;
        if (p.value().isFloat32()) {
            float[] w = p.value().floats();
            float k = (float) keep;
            for (int i = 0; i < w.length; i++) w[i] *= k;
            return;
        }
        double[] w = p.value().data();
        for (int i = 0; i < w.length; i++) w[i] *= keep;
    }

    @Override
    public WeightDecay withBiases() {
        return new WeightDecay(lambda, true);
    }

    @Override
    public String toString() {
        return "WeightDecay(" + Format.repr(lambda) + (biases ? ", biases too" : "") + ")";
    }
}
