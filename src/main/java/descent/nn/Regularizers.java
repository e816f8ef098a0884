package descent.nn;

import descent.base.Check;
/**
 * Short factories for regularizers; each applies to weights only unless {@code withBiases()} is called.
 *
 * <pre>{@code
 * Regularizers.l2(1e-4);         // L2(0.0001)
 * Regularizers.l1(1e-5);         // L1(1e-05)
 * Regularizers.weightDecay(0.01) // WeightDecay(0.01)
 * }</pre>
 */
public final class Regularizers {
    private Regularizers() {
    }

    public static L2 l2(double lambda) {
        return new L2(lambda, false);
    }

    public static L1 l1(double lambda) {
        return new L1(lambda, false);
    }

    public static WeightDecay weightDecay(double lambda) {
        return new WeightDecay(lambda, false);
    }

    static double strength(double lambda) {
        return Check.nonNegative("regularization strength λ", lambda, "typically 1e-5 to 1e-2");
    }
}
