package descent.nn;

import descent.base.Format;

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
 */
public final class L1 implements Regularizer {
    private final double lambda;
    private final boolean biases;

    L1(double lambda, boolean biases) {
        this.lambda = Regularizers.strength(lambda);
        this.biases = biases;
    }

    @Override
    public double penalty(Parameter p) {
        if (!appliesTo(p)) return 0;
        double s = 0;
        for (double w : p.value().data()) s += Math.abs(w);
        return lambda * s;
    }

    @Override
    public void addGradient(Parameter p) {
        if (!appliesTo(p)) return;
        double[] w = p.value().data(), g = p.grad().data();
        for (int i = 0; i < w.length; i++) g[i] += lambda * Math.signum(w[i]);
    }

    @Override
    public boolean appliesTo(Parameter p) {
        return biases || p.isWeight();
    }

    @Override
    public L1 withBiases() {
        return new L1(lambda, true);
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public String toString() {
        return "L1(" + Format.repr(lambda) + (biases ? ", biases too" : "") + ")";
    }
}
