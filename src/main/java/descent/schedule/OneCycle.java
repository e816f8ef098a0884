package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * The one-cycle policy: up from η/divFactor to η along a half cosine, then down to η/(divFactor·finalDivFactor).
 * The base rate of the optimizer is the peak ("max_lr").
 *
 * <pre>
 *   e1 = pctStart·total − 1,  e2 = total − 1
 *   cos(a → b, p) = b + (a − b)·(1 + cos(π·p))/2
 *   factor(t) = cos(1/div → 1, t/e1)                         for t ≤ e1
 *             = cos(1 → 1/(div·finalDiv), (t − e1)/(e2 − e1)) afterwards (held at the end after e2)
 * </pre>
 * Smith &amp; Topin, "Super-Convergence" (2018); PyTorch {@code OneCycleLR(max_lr, total_steps, pct_start=0.3,
 * anneal_strategy='cos', div_factor=25, final_div_factor=1e4)}, whose phase boundaries these are. Momentum cycling
 * is not included (schedules scale only the learning rate). PyTorch raises after total_steps; we hold the last value.
 *
 * <pre>{@code
 * Schedules.oneCycle(100);         // OneCycle(totalSteps=100, pctStart=0.3, divFactor=25.0, finalDivFactor=10000.0)
 * Schedules.oneCycle(100).factor(0)   // 0.040000000000000036: starts at 1/divFactor
 * }</pre>
 */
public record OneCycle(int totalSteps, double pctStart, double divFactor, double finalDivFactor) implements Schedule {
    /** PyTorch's defaults. */
    public static final double DEFAULT_PCT_START = 0.3, DEFAULT_DIV_FACTOR = 25, DEFAULT_FINAL_DIV_FACTOR = 1e4;

    public OneCycle {
        Check.positive("totalSteps", totalSteps);
        Check.open("pctStart", pctStart, 0, 1, "such as 0.3");
        Check.positive("divFactor", divFactor);
        Check.positive("finalDivFactor", finalDivFactor);
        if (pctStart * totalSteps - 1 <= 0 || pctStart * totalSteps - 1 >= totalSteps - 1) {
            throw new IllegalArgumentException("OneCycle(totalSteps=" + totalSteps + ", pctStart=" + pctStart
                    + ") leaves no room for one of its two phases; use more steps or a pctStart nearer 0.3.");
        }
    }

    @Override
    public double factor(int step) {
        double e1 = pctStart * totalSteps - 1, e2 = totalSteps - 1;
        double start = 1 / divFactor, end = start / finalDivFactor;
        if (step <= e1) return anneal(start, 1, step / e1);
        return anneal(1, end, Math.min(1, (step - e1) / (e2 - e1)));
    }

    private static double anneal(double from, double to, double pct) {
        return to + (from - to) * (1 + Math.cos(Math.PI * pct)) / 2;
    }

    @Override
    public String toString() {
        return "OneCycle(totalSteps=" + totalSteps + ", pctStart=" + Format.repr(pctStart) + ", divFactor=" + Format.repr(divFactor)
                + ", finalDivFactor=" + Format.repr(finalDivFactor) + ")";
    }
}
