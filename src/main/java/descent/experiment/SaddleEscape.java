package descent.experiment;

import descent.base.Format;
import descent.fn.Functions;
import descent.fn.Objective;
import descent.fn.Var;
import descent.fn.Vec;
import descent.landscape.CriticalPoint;
import descent.landscape.NetworkLoss;
import descent.nn.Layers;
import descent.nn.Losses;
import descent.nn.Sequential;
import descent.optim.Optimizers;
import descent.optim.Trajectory;
import descent.plot.PlotlyFigure;
import descent.plot.Plots;
import descent.plot.Region;
import descent.plot.Subplots;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A saddle point and the way out of it (Hung-yi Lee, ML 2021 P5): classify the point by its Hessian, then run gradient
 * descent three times — from the saddle itself (the gradient is 0: it never moves), from a point on the
 * positive-curvature eigenvector (it walks into the saddle and stalls), and from the saddle plus a small step along
 * the eigenvector of the most negative eigenvalue (it escapes).
 *
 * <pre>
 *   at a critical point θ':  L(θ' + t·u) ≈ L(θ') + ½ λ t²   for an eigenvector u of H with eigenvalue λ
 *   λ &lt; 0  ⇒  moving along ±u lowers the loss: the Hessian itself says where to go
 * </pre>
 *
 * <pre>{@code
 * var s = SaddleEscape.lecture();     // the lecture's L(w1, w2) = (1 − w1·w2)², saddle at the origin
 * s.point();                          // CriticalPoint(SADDLE at Vec[0.0, 0.0], f=1, |grad|=0, eigenvalues [-2, 2], minimum ratio 0.5)
 * s.figure();                         // the three runs on the contour plot
 * s.table();                          // one row per run: losses, end gradient norm, end kind
 * SaddleEscape.tinyNetwork().figure() // the same on a 1-2-1 tanh network at all-zero weights (7 parameters)
 * }</pre>
 *
 * @param f       the objective
 * @param point   the saddle's classification (Hessian, eigenvalues, minimum ratio)
 * @param paths   gradient descent from the saddle, into it along the positive-curvature direction, and escaping
 * @param table   one row per run: start, end, loss at both, gradient norm and the end point's classification
 * @param figure  the runs on the contour plot (2 parameters) or their loss and gradient-norm curves (more)
 */
public record SaddleEscape(Objective f, CriticalPoint point, List<Trajectory> paths, Table table, PlotlyFigure figure) {

    /** The lecture's network y = w1·w2·x on one example (x = 1, ŷ = 1): L = (1 − w1·w2)², saddle at the origin. */
    public static SaddleEscape lecture() {
        Objective f = Functions.auto("L(w1, w2) = (1 - w1*w2)^2", (a, b) -> Var.of(1).minus(a.times(b)).square());
        return of(f, Vec.of(0, 0), 0.5, 0.1, 60);
    }

    /**
     * A 1-2-1 tanh network (7 parameters) fitting y = x on x ∈ {−1, −0.5, 0.5, 1} with MSE, at all-zero weights: the
     * output is 0 for every input and every gradient vanishes, but the coupling of the two layers makes it a saddle.
     */
    public static SaddleEscape tinyNetwork() {
        Sequential net = Sequential.of(Layers.dense(1, 2, 1), Layers.tanh(), Layers.dense(2, 1, 2));
        Matrix x = Matrix.of(new double[][] {{-1}, {-0.5}, {0.5}, {1}});
        NetworkLoss f = NetworkLoss.of(net, Losses.mse(), x, x.copy());
        return of(f, Vec.zeros(f.dim()), 0.3, 0.2, 150);
    }

    /**
     * Classifies {@code saddle} and runs plain gradient descent ({@code lr}, {@code steps}) from it, from
     * saddle + step·(positive-curvature eigenvector), and from saddle + step·(negative-curvature eigenvector).
     */
    public static SaddleEscape of(Objective f, Vec saddle, double step, double lr, int steps) {
        CriticalPoint p = CriticalPoint.classify(f, saddle);
        if (p.escapeDirection() == null) {
            throw new IllegalArgumentException(f.name() + " at " + saddle + " is " + p.kind()
                    + ", not a point with negative curvature; SaddleEscape needs a saddle (or maximum).");
        }
        Vec up = p.eigen().vector(p.eigen().size() - 1);
        List<Trajectory> paths = new ArrayList<>();
        paths.add(named(Optimizers.sgd(lr).minimize(f, saddle, steps), "GD from the saddle"));
        paths.add(named(Optimizers.sgd(lr).minimize(f, saddle.plus(up.scale(step)), steps), "GD from the λ_max direction"));
        paths.add(named(Optimizers.sgd(lr).minimize(f, p.escape(step), steps), "GD after a step along the λ_min direction"));
        StringColumn run = StringColumn.create("run"), endKind = StringColumn.create("endKind");
        DoubleColumn startLoss = DoubleColumn.create("startLoss"), endLoss = DoubleColumn.create("endLoss");
        DoubleColumn endGrad = DoubleColumn.create("endGradNorm"), ratio = DoubleColumn.create("endMinimumRatio");
        DoubleColumn dist = DoubleColumn.create("endDistanceToSaddle");
        for (Trajectory t : paths) {
            CriticalPoint end = CriticalPoint.classify(f, t.last().x());
            run.append(t.name());
            startLoss.append(t.get(0).f());
            endLoss.append(t.last().f());
            endGrad.append(end.gradNorm());
            endKind.append(end.kind().toString());
            ratio.append(end.minimumRatio());
            dist.append(t.last().x().distanceTo(saddle));
        }
        Table table = Table.create(f.name() + ": " + p.kind() + " with eigenvalues from " + eigenvalue(p.eigen().smallest()) + " to "
                + eigenvalue(p.eigen().largest()) + "; SGD(lr=" + Format.repr(lr) + "), " + steps + " steps", run, startLoss, endLoss,
                endGrad, endKind, ratio, dist);
        PlotlyFigure figure;
        Trajectory[] arr = paths.toArray(new Trajectory[0]);
        if (f.dim() == 2) {
            figure = Plots.contour(f, Region.of(-2, 2, -2, 2), arr).withTitle("Gradient descent near the saddle of " + f.name())
                    .withAxisTitles("w1", "w2").withHeight(520);
        } else {
            figure = Plots.curves(arr).withTitle("Loss and gradient norm near the saddle of a " + f.dim() + "-parameter network");
        }
        return new SaddleEscape(f, p, List.copyOf(paths), table, figure);
    }

    private static Trajectory named(Trajectory t, String name) {
        return new Trajectory(name, t.function(), t.steps(), t.diverged(), t.stopReason());
    }

    /** An eigenvalue for a title; round-off below 1e-12 reads as 0. */
    private static String eigenvalue(double v) {
        return Format.number(Math.abs(v) < 1e-12 ? 0 : v);
    }

    @Override
    public String toString() {
        return point + "\n" + table;
    }
}
