package descent.optim;

/**
 * When a run counts as diverged: a value that is no longer a finite number, or f far above where the run started.
 *
 * <pre>
 *   diverged at step t  ⇔  x_t, f(x_t) or ∇f(x_t) is NaN or infinite
 *                          or  f(x_t) − f(x_0) &gt; GROWTH · max(1, |f(x_0)|)        GROWTH = 1e6
 * </pre>
 *
 * The growth rule catches a run that is blowing up long before it overflows: SGD at η = 1.5 on the book's bowl
 * x²/20 + y² (f(x_0) = 6.45) passes the limit at step 11 instead of reaching f = 6.4e+60 at step 100 unflagged,
 * while η = 1.05, which grows f about 190-fold in 30 steps, is still a run to look at. {@link Descent} applies the
 * rule at every step, so trajectories, {@code Compare.optimizers} and the plots all use this one threshold.
 *
 * <pre>{@code
 * var t = Optimizers.sgd(1.5).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), Stop.after(100).markDiverged());
 * t.stopReason()   // SGD(lr=1.5) diverged at step 11: f = 1.678e+07 at Vec[...] rose more than 1e+06 × max(1, ...
 * }</pre>
 */
public final class Divergence {
    /** How many times max(1, |f(start)|) f may rise above f(start) before the run counts as diverged. */
    public static final double GROWTH = 1e6;

    private Divergence() {
    }

    /** True when f has risen too far above the start value f0 (NaN f counts too). */
    public static boolean grewTooFar(double f0, double f) {
        return !(f - f0 <= GROWTH * Math.max(1, Math.abs(f0)));
    }
}
