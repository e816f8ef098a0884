package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * Cosine annealing with warm restarts: the rate anneals over {@code period} steps, jumps back to 1, and anneals
 * again over a period {@code multiplier} times longer.
 *
 * <pre>
 *   T_0 = period, T_{i+1} = multiplier·T_i;  t_cur = steps since the latest restart
 *   factor(t) = minFactor + (1 − minFactor)·(1 + cos(π·t_cur/T_i))/2
 * </pre>
 * Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts" (ICLR 2017); PyTorch
 * {@code CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)}.
 *
 * <pre>{@code
 * Schedules.cosineRestarts(10, 2)    // restarts at steps 10, 30, 70, ...
 * }</pre>
 */
public record CosineRestarts(int period, int multiplier, double minFactor) implements Schedule {
    public CosineRestarts {
        Check.positive("period", period);
        Check.positive("multiplier", multiplier);
        Check.closed("minFactor", minFactor, 0, 1, "such as 0.01");
    }

    @Override
    public double factor(int step) {
        long t = step, length = period;
        while (t >= length) {
            t -= length;
            length *= multiplier;
        }
        return Cosine.anneal(t, length, minFactor);
    }

    @Override
    public String toString() {
        return "CosineRestarts(period=" + period + ", multiplier=" + multiplier + ", minFactor=" + Format.repr(minFactor) + ")";
    }
}
