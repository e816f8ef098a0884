package descent.experiment;

import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Step;
import descent.optim.Trajectory;
import descent.plot.PlotlyFigure;
import descent.plot.Plots;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Several optimizers run from the same start on the same function: their trajectories and a summary table.
 *
 * <pre>{@code
 * var c = Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 30,
 *         Optimizers.sgd(0.95), Optimizers.momentum(0.1), Optimizers.adaGrad(1.5), Optimizers.adam(0.3));
 * c.table();         // optimizer, finalF, distToMin, stepsToTol, diverged, gradNorm
 * c.figure();        // the contour with every path overlaid
 * c.trajectories()   // the runs, for other plots
 * }</pre>
 *
 * @param function     the function minimized
 * @param start        the common start point
 * @param steps        the step budget of each run
 * @param tolerance    "reached" means within this distance of the nearest known minimum
 * @param trajectories one per optimizer, in the order given; diverged runs end at their last finite point
 */
public record Comparison(Objective function, Vec start, int steps, double tolerance, List<Trajectory> trajectories) {

    public Comparison {
        trajectories = List.copyOf(trajectories);
    }

    /**
     * One row per optimizer: its toString, f at the last point, distance from the last point to the nearest known
     * minimum (empty when none is known), the first step within {@code tolerance} of a minimum (empty if never),
     * whether it diverged (by {@link descent.optim.Divergence}'s rule: a NaN or infinity, or f grown past 1e6 times its
     * start), and the gradient norm at the last point.
     */
    public Table table() {
        StringColumn name = StringColumn.create("optimizer");
        DoubleColumn finalF = DoubleColumn.create("finalF");
        DoubleColumn dist = DoubleColumn.create("distToMin");
        IntColumn reach = IntColumn.create("stepsToTol");
        BooleanColumn diverged = BooleanColumn.create("diverged");
        DoubleColumn grad = DoubleColumn.create("gradNorm");
        for (Trajectory t : trajectories) {
            Step last = t.last();
            name.append(t.name());
            finalF.append(last.f());
            dist.append(t.distanceToMinimum(last.x()));
            int r = t.stepsToReach(tolerance);
            if (r < 0) reach.appendMissing();
            else reach.append(r);
            diverged.append(t.diverged());
            grad.append(last.gradNorm());
        }
        for (DoubleColumn c : List.of(finalF, dist, grad)) c.setPrintFormatter(Format.numberFormat(Format.DIGITS), "");
        return Table.create(function.name() + " from " + start + ", " + steps + " steps, tol " + Format.repr(tolerance),
                name, finalF, dist, reach, diverged, grad);
    }

    /** The contour of the function with every trajectory overlaid (legend = each optimizer's toString). */
    public PlotlyFigure figure() {
        return Plots.contour(function, trajectories.toArray(Trajectory[]::new));
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
