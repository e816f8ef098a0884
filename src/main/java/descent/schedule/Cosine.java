package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * Cosine annealing: half a cosine wave from 1 down to {@code minFactor} over {@code period} steps, then flat.
 *
 * <pre>
 *   factor(t) = minFactor + (1 − minFactor)·(1 + cos(π·min(t, period)/period))/2
 * </pre>
 * Loshchilov &amp; Hutter, "SGDR" (ICLR 2017), eq. 5 without restarts; PyTorch {@code CosineAnnealingLR(T_max,
 * eta_min)} with eta_min = minFactor·η. PyTorch keeps following the cosine back up after T_max; we hold the
 * minimum, which is what people mean by "anneal over the run". For restarts see {@link CosineRestarts}.
 *
 * <pre>{@code
 * Schedules.cosine(100).factor(50)    // 0.5
 * }</pre>
 */
public record Cosine(int period, double minFactor) implements Schedule {
    public Cosine {
        Check.positive("period", period);
        Check.closed("minFactor", minFactor, 0, 1, "such as 0.01");
    }

    @Override
    public double factor(int step) {
        return anneal(Math.min(step, period), period, minFactor);
    }

    static double anneal(double tCur, double period, double minFactor) {
        return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * tCur / period)) / 2;
    }

    @Override
    public String toString() {
        return "Cosine(period=" + period + ", minFactor=" + Format.repr(minFactor) + ")";
    }
}
