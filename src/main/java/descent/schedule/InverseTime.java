package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * Inverse-time decay, the classic η/t family of stochastic approximation.
 *
 * <pre>
 *   factor(t) = 1 / (1 + decay·t)^power
 * </pre>
 * With power 1 this is Keras' {@code InverseTimeDecay} (η/(1 + k·t)); with decay 1 and power 0.5 it is the
 * lecture's η^t = η/√(t+1) (Hung-yi Lee, "learning rate decay"). Robbins &amp; Monro (1951) ask Σ η_t = ∞,
 * Σ η_t² &lt; ∞, which power in (0.5, 1] satisfies.
 *
 * <pre>{@code
 * Schedules.inverseTime(0.5).factor(4);           // 1/(1 + 2) = 0.333...
 * Schedules.inverseTime(1, 0.5).factor(3)         // 1/√4 = 0.5
 * }</pre>
 */
public record InverseTime(double decay, double power) implements Schedule {
    public InverseTime {
        Check.positive("decay", decay);
        Check.positive("power", power);
    }

    @Override
    public double factor(int step) {
        return Math.pow(1 + decay * step, -power);
    }

    @Override
    public String toString() {
        return "InverseTime(decay=" + Format.repr(decay) + ", power=" + Format.repr(power) + ")";
    }
}
