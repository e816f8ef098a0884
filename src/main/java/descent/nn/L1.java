package descent.nn;

import descent.base.Format;
import descent.tensor.Matrix;

/**
 * L1 regularization as a loss term.
 *
 * <pre>
 *   L' = L + λ · Σ |w|             ∂L'/∂w = ∂L/∂w + λ·sign(w)      (sign(0) = 0)
 * </pre>
 *
 * The lecture's L1: each step moves w towards 0 by the same amount η·λ, so many weights end at (or near) zero,
 * while L2 shrinks large weights more and small ones less.
 *
 * <pre>{@code
 * Regularizers.l1(1e-5)     // L1(1e-05)
 * }</pre>
 *
 * @param lambda the strength λ, at least 0
 * @param biases whether biases (and other non-weight parameters) are regularized too
 */
public record L1(double lambda, boolean biases) implements Regularizer {

    public L1 {
        Regularizers.strength(lambda);
    }

    @Override
    public double penalty(Parameter p) {
        if (!appliesTo(p)) return 0;
        double s = 0;
        Matrix m = p.value();
        for (int i = 0; i < m.size(); i++) s += Math.abs(m.flat(i));
        return lambda * s;
    }

    @Override
    public void addGradient(Parameter p) {
        if (!appliesTo(p)) return;
        if (p.value().isFloat32()) {
            float[] w = p.value().floats(), g = p.grad().floats();
            float l = (float) lambda;
            for (int i = 0; i < w.length; i++) g[i] += l * Math.signum(w[i]);
            return;
        }
        double[] w = p.value().data(), g = p.grad().data();
        for (int i = 0; i < w.length; i++) g[i] += lambda * Math.signum(w[i]);
    }

    @Override
    public L1 withBiases() {
        return new L1(lambda, true);
    }

    @Override
    public String toString() {
        return "L1(" + Format.repr(lambda) + (biases ? ", biases too" : "") + ")";
    }
}
