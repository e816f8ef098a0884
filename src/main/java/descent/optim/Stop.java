package descent.optim;

import descent.base.Check;
import descent.base.Format;
/**
 * When a run ends: after at most {@code maxSteps} updates, earlier when the gradient norm or the change in f falls
 * below a tolerance, and, if asked, at the first non-finite value (the trajectory is then marked diverged instead
 * of throwing).
 *
 * <pre>{@code
 * Optimizers.adam(0.1).minimize(Functions.rosenbrock(), Vec.of(-1, 2), Stop.after(5000).gradNormBelow(1e-6)).size();  // 2654 steps: stopped before 5000
 * Optimizers.sgd(100).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), Stop.after(200).markDiverged()).diverged()  // true
 * }</pre>
 *
 * A tolerance of 0 means "not used". The tests are made on the latest point before each update:
 * ‖∇f(x_t)‖ &lt; gradNorm, or |f(x_t) − f(x_{t−1})| &lt; fChange.
 *
 * @param maxSteps     the most updates to make (≥ 0)
 * @param gradNorm     stop once the gradient norm is below this (0: off)
 * @param fChange      stop once one update changed f by less than this (0: off)
 * @param markOnDivergence end the trajectory marked diverged at a NaN/infinite value instead of throwing
 */
public record Stop(int maxSteps, double gradNorm, double fChange, boolean markOnDivergence) {

    public Stop {
        Check.nonNegative("number of steps", maxSteps);
        Check.nonNegative("gradNorm tolerance", gradNorm);
        Check.nonNegative("fChange tolerance", fChange);
    }

    /** At most {@code maxSteps} updates, no tolerance, throw on divergence. */
    public static Stop after(int maxSteps) {
        return new Stop(maxSteps, 0, 0, false);
    }

    /** Also stop as soon as ‖∇f‖ &lt; tol. */
    public Stop gradNormBelow(double tol) {
        return new Stop(maxSteps, Check.positive("gradNorm tolerance", tol), fChange, markOnDivergence);
    }

    /** Also stop as soon as an update changes f by less than tol. */
    public Stop fChangeBelow(double tol) {
        return new Stop(maxSteps, gradNorm, Check.positive("fChange tolerance", tol), markOnDivergence);
    }

    /** End the trajectory marked {@code diverged} at the first NaN or infinity instead of throwing. */
    public Stop markDiverged() {
        return new Stop(maxSteps, gradNorm, fChange, true);
    }

    @Override
    public String toString() {
        return "Stop(after=" + maxSteps + (gradNorm > 0 ? ", gradNorm<" + Format.repr(gradNorm) : "")
                + (fChange > 0 ? ", fChange<" + Format.repr(fChange) : "") + (markOnDivergence ? ", markDiverged" : "") + ")";
    }
}
