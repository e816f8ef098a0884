package descent.experiment;

import descent.base.Format;
import descent.fn.Functions;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.landscape.CriticalPoint;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.optim.Trajectory;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's physical picture of momentum (Hung-yi Lee, ML 2021 P6): a ball rolling down a 1-D loss with a
 * shallow local minimum on the way to a deeper one. Plain gradient descent stops in the first minimum it meets;
 * with momentum the ball keeps the speed it gained on the slope and can roll over the hill.
 *
 * <pre>
 *   f(x) = x⁴ − 4x² + x          local minimum x ≈ 1.347 (f ≈ −2.62), hill x ≈ 0.126, global minimum x ≈ −1.473 (f ≈ −5.44)
 *   gradient descent   x ← x − η f'(x)
 *   momentum           m ← β m − η f'(x);   x ← x + m      (the movement is the last movement minus the gradient)
 * </pre>
 *
 * <pre>{@code
 * var ball = MomentumBall.lecture();   // start x = 2.2, η = 0.01, 200 steps; SGD, momentum 0.5 and 0.9
 * ball.table();                        // optimizer, endX, endLoss, which minimum, endKind
 * ball.figure()                        // the curve with each run's positions
 * }</pre>
 *
 * @param f      the 1-D loss
 * @param paths  one run per optimizer, same start and steps
 * @param table  where each run ended and what kind of point that is
 * @param figure the loss curve with the runs' positions
 */
public record MomentumBall(Objective f, List<Trajectory> paths, Table table, PlotlyFigure figure) {

    /** f(x) = x⁴ − 4x² + x from x = 2.2 with η = 0.01 for 200 steps: SGD, momentum 0.5 and momentum 0.9. */
    public static MomentumBall lecture() {
        return of(2.2, 200, Optimizers.sgd(0.01), Optimizers.momentum(0.01, 0.5), Optimizers.momentum(0.01, 0.9));
    }

    /** Each optimizer from {@code start} for {@code steps} steps on x⁴ − 4x² + x. */
    public static MomentumBall of(double start, int steps, Optimizer... optimizers) {
        if (optimizers.length == 0) {
            throw new IllegalArgumentException("MomentumBall.of needs at least one optimizer, e.g. Optimizers.momentum(0.01, 0.9).");
        }
        Objective f = Functions.auto("x^4 - 4x^2 + x", x -> x.square().square().minus(x.square().times(4)).plus(x));
        List<Trajectory> paths = new ArrayList<>();
        StringColumn opt = StringColumn.create("optimizer"), where = StringColumn.create("endedIn");
        StringColumn kind = StringColumn.create("endKind");
        DoubleColumn endX = DoubleColumn.create("endX"), endF = DoubleColumn.create("endLoss");
        DoubleColumn maxX = DoubleColumn.create("leftmostX");
        List<tech.tablesaw.plotly.traces.Trace> traces = new ArrayList<>();
        int n = 241;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -2.2 + 4.6 * i / (n - 1);
            ys[i] = f.value(Vec.of(xs[i]));
        }
        traces.add(LineTrace.of(xs, ys).name("f(x) = x⁴ − 4x² + x").color("#888888").width(3));
        String[] colors = {"#d62728", "#ff7f0e", "#1f77b4", "#2ca02c", "#9467bd"};
        int c = 0;
        for (Optimizer o : optimizers) {
            Trajectory t = o.minimize(f, Vec.of(start), steps);
            paths.add(t);
            double x = t.last().x().get(0), left = Double.POSITIVE_INFINITY;
            double[] px = t.coordinate(0), py = new double[px.length];
            for (int i = 0; i < px.length; i++) {
                py[i] = t.get(i).f();
                left = Math.min(left, px[i]);
            }
            opt.append(o.toString());
            endX.append(x);
            endF.append(t.last().f());
            maxX.append(left);
            where.append(x < 0.126 ? "global minimum (x ≈ -1.47)" : "local minimum (x ≈ 1.35)");
            kind.append(CriticalPoint.classify(f, t.last().x()).kind().toString());
            traces.add(LineTrace.of(px, py).name(o.toString()).mode("lines+markers").color(colors[c++ % colors.length]).width(1));
        }
        Table table = Table.create("A ball on x⁴ − 4x² + x from x = " + Format.number(start) + ", " + steps + " steps",
                opt, endX, endF, maxX, where, kind);
        PlotlyFigure figure = PlotlyFigure.of("Momentum carries the ball over the hill into the deeper minimum",
                traces.toArray(new tech.tablesaw.plotly.traces.Trace[0])).withAxisTitles("x", "f(x)");
        return new MomentumBall(f, List.copyOf(paths), table, figure);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
