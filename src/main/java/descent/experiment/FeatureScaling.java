package descent.experiment;

import descent.base.Format;
import descent.base.Check;
import descent.fn.Functions;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.optim.Stop;
import descent.optim.Trajectory;
import descent.plot.PlotlyFigure;
import descent.plot.Plots;
import descent.plot.Subplots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.SplittableRandom;

/**
 * The lecture's reason for feature normalization: y = b + w1·x1 + w2·x2 with x1 small and x2 large gives an error
 * surface over (w1, w2) that is flat along w1 and steep along w2; after standardizing the features it is round.
 *
 * <pre>
 *   data      x1 ~ U(1, 5),  x2 ~ U(100, 500),  y = 2 + 3·x1 + 0.05·x2 + N(0, 0.5²)      (n examples, seeded)
 *   loss      L(w1, w2) = mean((w·(x − x̄) − (y − ȳ))²)       b is set to its best value for each w
 *   curvature the Hessian is 2·Cov(x); condition number κ = λmax / λmin
 *   descent   gradient descent from w = 0 with lr = 1.5 / λmax on each surface (3/4 of the largest stable rate 2 / λmax)
 * </pre>
 *
 * Raw features: κ in the thousands, the path zig-zags across w2 and crawls along w1. Standardized: κ ≈ 1 and about ten
 * steps reach the minimum. Hung-yi Lee, ML2021 P9 ("Batch Normalization": changing the landscape).
 *
 * <pre>{@code
 * var s = FeatureScaling.of(100, 100, 42);
 * s.table();   // features, std1, std2, lambdaMin, lambdaMax, condition, lr, stepsTo1e-3, excessLoss
 * s.figure()   // the two contour plots with their gradient-descent paths
 * }</pre>
 *
 * @param raw          the loss over the raw features' weights
 * @param standardized the loss over the standardized features' weights
 * @param rawPath      gradient descent on the raw surface
 * @param standardizedPath gradient descent on the standardized surface
 */
public record FeatureScaling(Objective raw, Objective standardized, Trajectory rawPath, Trajectory standardizedPath,
                             Table table, PlotlyFigure figure) {

    /** Distance to the minimum that counts as "arrived" in the table. */
    public static final double TOLERANCE = 1e-3;
    /** The learning rate is this over the largest curvature λmax: 3/4 of the largest stable rate 2 / λmax. */
    public static final double LR_FACTOR = 1.5;

    /** {@code n} examples drawn with {@code seed}, {@code steps} gradient-descent steps on each surface. */
    public static FeatureScaling of(int n, int steps, long seed) {
        Check.atLeast("number of examples", n, 3, "3 coefficients need 3 examples; such as 100");
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n], x2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = 1 + 4 * r.nextDouble();
            x2[i] = 100 + 400 * r.nextDouble();
            y[i] = 2 + 3 * x1[i] + 0.05 * x2[i] + 0.5 * r.nextGaussian();
        }
        center(x1);
        center(x2);
        center(y);
        double s1 = Math.sqrt(dot(x1, x1) / n), s2 = Math.sqrt(dot(x2, x2) / n);
        double[] z1 = scale(x1, 1 / s1), z2 = scale(x2, 1 / s2);
        Surface a = new Surface("raw features (x1 in [1, 5], x2 in [100, 500])", x1, x2, y);
        Surface b = new Surface("standardized features", z1, z2, y);
        Trajectory pa = Optimizers.sgd(LR_FACTOR / a.lambdaMax()).minimize(a.f, Vec.of(0, 0), Stop.after(steps).markDiverged());
        Trajectory pb = Optimizers.sgd(LR_FACTOR / b.lambdaMax()).minimize(b.f, Vec.of(0, 0), Stop.after(steps).markDiverged());

        StringColumn name = StringColumn.create("features");
        DoubleColumn std1 = DoubleColumn.create("std1"), std2 = DoubleColumn.create("std2");
        DoubleColumn lmin = DoubleColumn.create("lambdaMin"), lmax = DoubleColumn.create("lambdaMax");
        DoubleColumn cond = DoubleColumn.create("condition"), lr = DoubleColumn.create("lr");
        IntColumn reach = IntColumn.create("stepsTo1e-3");
        DoubleColumn excess = DoubleColumn.create("excessLoss");
        Surface[] ss = {a, b};
        Trajectory[] ps = {pa, pb};
        double[][] stds = {{s1, s2}, {1, 1}};
        for (int k = 0; k < 2; k++) {
            name.append(k == 0 ? "raw" : "standardized");
            std1.append(stds[k][0]);
            std2.append(stds[k][1]);
            lmin.append(ss[k].lambdaMin());
            lmax.append(ss[k].lambdaMax());
            cond.append(ss[k].lambdaMax() / ss[k].lambdaMin());
            lr.append(LR_FACTOR / ss[k].lambdaMax());
            int s = ps[k].stepsToReach(TOLERANCE);
            if (s < 0) reach.appendMissing();
            else reach.append(s);
            excess.append(ps[k].last().f() - ss[k].f.value(ss[k].minimum));
        }
        Table table = Table.create("y = b + w1·x1 + w2·x2, " + n + " examples (seed " + seed + "), gradient descent with lr = 1.5/λmax, "
                + steps + " steps from w = 0", name, std1, std2, lmin, lmax, cond, lr, reach, excess);
        PlotlyFigure figure = Subplots.of("The error surface over (w1, w2) before and after standardization", 2,
                Plots.contour(a.f, pa).withTitle("raw: κ = " + Format.number(a.lambdaMax() / a.lambdaMin(), 3))
                        .withAxisTitles("w1", "w2"),
                Plots.contour(b.f, pb).withTitle("standardized: κ = " + Format.number(b.lambdaMax() / b.lambdaMin(), 3))
                        .withAxisTitles("w1", "w2"));
        return new FeatureScaling(a.f, b.f, pa, pb, table, figure.withHeight(480));
    }

    /** The centred least-squares loss for two features: a quadratic with Hessian 2·Cov. */
    private static final class Surface {
        final Objective f;
        final double c11, c12, c22;
        final Vec minimum;

        Surface(String name, double[] u, double[] v, double[] y) {
            int n = y.length;
            c11 = dot(u, u) / n;
            c12 = dot(u, v) / n;
            c22 = dot(v, v) / n;
            double r1 = dot(u, y) / n, r2 = dot(v, y) / n, yy = dot(y, y) / n;
            double det = c11 * c22 - c12 * c12;
            minimum = Vec.of((c22 * r1 - c12 * r2) / det, (c11 * r2 - c12 * r1) / det);
            // L = wᵀCw − 2 wᵀr + yᵀy/n, expanded so each evaluation costs O(1), not O(n)
            f = Functions.of("L(w1, w2), " + name,
                    (a, b) -> c11 * a * a + 2 * c12 * a * b + c22 * b * b - 2 * (a * r1 + b * r2) + yy,
                    (a, b) -> Vec.of(2 * (c11 * a + c12 * b - r1), 2 * (c12 * a + c22 * b - r2)))
                    .withMinima(minimum);
        }

        /** Eigenvalues of the Hessian 2C. */
        double lambdaMax() {
            return c11 + c22 + Math.sqrt((c11 - c22) * (c11 - c22) + 4 * c12 * c12);
        }

        double lambdaMin() {
            return c11 + c22 - Math.sqrt((c11 - c22) * (c11 - c22) + 4 * c12 * c12);
        }
    }

    private static void center(double[] a) {
        double m = 0;
        for (double v : a) m += v;
        m /= a.length;
        for (int i = 0; i < a.length; i++) a[i] -= m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] scale(double[] a, double k) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] * k;
        return r;
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
