package descent.experiment;

import descent.base.Check;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Optimizer;
import descent.optim.Stop;
import descent.optim.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made comparisons: run several optimizers from one start and tabulate how they did.
 *
 * <pre>{@code
 * Compare.optimizers(Functions.rosenbrock(), Vec.of(-1.2, 1), 2000,
 *         Optimizers.momentum(1e-3), Optimizers.adam(0.05), Optimizers.sgd(0.01))   // optimizer, finalF, distToMin, stepsToTol, diverged, gradNorm
 * }</pre>
 *
 * A run that diverges (a NaN or infinity, or f more than {@link descent.optim.Divergence#GROWTH} times above its
 * start) does not stop the comparison: it ends at its last good point and its row says diverged.
 */
public final class Compare {
    /** Default "reached the minimum" distance. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    private Compare() {
    }

    /** Runs each optimizer for {@code steps} updates from {@code start}; "reached" means within 1e-3 of a minimum. */
    public static Comparison optimizers(Objective f, Vec start, int steps, Optimizer... optimizers) {
        return optimizers(f, start, steps, DEFAULT_TOLERANCE, optimizers);
    }

    /** As above with "reached" meaning within {@code tolerance} of the nearest known minimum. */
    public static Comparison optimizers(Objective f, Vec start, int steps, double tolerance, Optimizer... optimizers) {
        if (optimizers == null || optimizers.length == 0) {
            throw new IllegalArgumentException("Compare.optimizers needs at least one optimizer; e.g. Optimizers.sgd(0.1), Optimizers.adam(0.1).");
        }
        Check.positive("tolerance", tolerance, "a distance such as 1e-3");
        List<Trajectory> runs = new ArrayList<>();
        for (int i = 0; i < optimizers.length; i++) Check.notNull("optimizer " + i, optimizers[i], "such as Optimizers.sgd(0.1)");
        for (Optimizer o : optimizers) runs.add(o.minimize(f, start, Stop.after(steps).markDiverged()));
        return new Comparison(f, start, steps, tolerance, runs);
    }
}
