package descent.nn;

import descent.base.Format;
import descent.tensor.Matrix;

/**
 * L2 regularization as a loss term.
 *
 * <pre>
 *   L' = L + λ/2 · Σ w²            ∂L'/∂w = ∂L/∂w + λ·w
 *   so plain SGD becomes   w ← (1 − η·λ)·w − η·∂L/∂w   ("weight decay")
 * </pre>
 *
 * The lecture's L2 (with the ½ the book also uses, Deep Learning from Scratch §6.4.2). With adaptive optimizers
 * such as Adam the λ·w term gets rescaled like any gradient; {@link WeightDecay} is the decoupled alternative.
 *
 * <pre>{@code
 * Regularizers.l2(1e-4)     // L2(0.0001)
 * }</pre>
 *
 * @param lambda the strength λ, at least 0
 * @param biases whether biases (and other non-weight parameters) are regularized too
 */
public record L2(double lambda, boolean biases) implements Regularizer {

    public L2 {
        Regularizers.strength(lambda);
    }

    @Override
    public double penalty(Parameter p) {
        if (!appliesTo(p)) return 0;
        double s = 0;
        Matrix m = p.value();
        for (int i = 0; i < m.size(); i++) s += m.flat(i) * m.flat(i);
        return 0.5 * lambda * s;
    }

    @Override
    public void addGradient(Parameter p) {
        if (!appliesTo(p)) return;
        if (p.value().isFloat32()) {
            float[] w = p.value().floats(), g = p.grad().floats();
            float l = (float) lambda;
            for (int i = 0; i < w.length; i++) g[i] += l * w[i];
            return;
        }
        double[] w = p.value().data(), g = p.grad().data();
        for (int i = 0; i < w.length; i++) g[i] += lambda * w[i];
    }

    @Override
    public L2 withBiases() {
        return new L2(lambda, true);
    }

    @Override
    public String toString() {
        return "L2(" + Format.repr(lambda) + (biases ? ", biases too" : "") + ")";
    }
}
