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
import descent.plot.Region;
import descent.plot.Subplots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The lecture's picture of MSE and cross-entropy as functions of two class scores: a 3-class example whose true
 * class is 1, scores (z1, z2, z3) with z3 held fixed, probabilities p = softmax(z).
 *
 * <pre>
 *   MSE            e = (p1 − 1)² + p2² + p3²              ∂e/∂z_k = 2 p_k ((p_k − t_k) − Σ_j (p_j − t_j) p_j)
 *   cross-entropy  e = −ln p1 = log Σ_j exp z_j − z1      ∂e/∂z_k = p_k − t_k
 * </pre>
 *
 * Where the prediction is confidently wrong (z1 ≪ z2) p is almost one-hot on class 2: MSE is flat there (every
 * p_k(1 − p_k) is tiny, so is its gradient), cross-entropy keeps a slope of about √2. Gradient descent started there
 * crawls on MSE and walks straight out on cross-entropy. Hung-yi Lee, ML2021 P8 ("Classification": MSE vs
 * cross-entropy); the lecture fixes y3 = −1000, which makes the surfaces depend on z1 − z2 only.
 *
 * <pre>{@code
 * var s = LossSurfaces.of(-1000, Vec.of(-4, 4), 1.0, 100);   // = LossSurfaces.lecture()
 * s.table();    // point, z1, z2, p1, mse, crossEntropy, mseGradNorm, ceGradNorm
 * s.figure()    // contours of both surfaces over [-10, 10]², each with its gradient-descent path
 * }</pre>
 *
 * @param z3     the fixed third score
 * @param mse    the MSE surface as a function of (z1, z2)
 * @param ce     the cross-entropy surface
 * @param msePath gradient descent on the MSE surface
 * @param cePath  gradient descent on the cross-entropy surface, same start, rate and steps
 * @param table  the losses and gradient sizes at a few telling points and at the ends of both paths
 * @param figure the two surfaces side by side with their paths
 */
public record LossSurfaces(double z3, Objective mse, Objective ce, Trajectory msePath, Trajectory cePath, Table table,
                           PlotlyFigure figure) {

    /** The lecture's setting: z3 = −1000, gradient descent with rate 1 for 100 steps from (−4, 4). */
    public static LossSurfaces lecture() {
        return of(-1000, Vec.of(-4, 4), 1.0, 100);
    }

    /** Both surfaces with z3 fixed, and plain gradient descent on each from {@code start}. */
    public static LossSurfaces of(double z3, Vec start, double lr, int steps) {
        Check.finite("z3", z3, "such as -1000 (the lecture) or 0");
        if (start.dim() != 2) {
            throw new IllegalArgumentException("The start is a point (z1, z2); got " + start + ".");
        }
        Objective mse = Functions.of("MSE over softmax(z1, z2, " + Format.number(z3) + ")", (a, b) -> mse(a, b, z3),
                (a, b) -> Vec.of(mseGrad(a, b, z3)));
        Objective ce = Functions.of("cross-entropy over softmax(z1, z2, " + Format.number(z3) + ")", (a, b) -> crossEntropy(a, b, z3),
                (a, b) -> {
                    double[] p = softmax(a, b, z3);
                    return Vec.of(p[0] - 1, p[1]);
                });
        Trajectory mp = Optimizers.sgd(lr).minimize(mse, start, Stop.after(steps).markDiverged());
        Trajectory cp = Optimizers.sgd(lr).minimize(ce, start, Stop.after(steps).markDiverged());

        StringColumn point = StringColumn.create("point");
        DoubleColumn z1 = DoubleColumn.create("z1"), z2 = DoubleColumn.create("z2"), p1 = DoubleColumn.create("p1");
        DoubleColumn em = DoubleColumn.create("mse"), ec = DoubleColumn.create("crossEntropy");
        DoubleColumn gm = DoubleColumn.create("mseGradNorm"), gc = DoubleColumn.create("ceGradNorm");
        String[] names = {"right and confident", "undecided", "wrong and confident", "start of both paths",
                "end of MSE path", "end of cross-entropy path"};
        Vec[] at = {Vec.of(5, -5), Vec.of(0, 0), Vec.of(-5, 5), start, mp.last().x(), cp.last().x()};
        for (int i = 0; i < names.length; i++) {
            double a = at[i].get(0), b = at[i].get(1);
            point.append(names[i]);
            z1.append(a);
            z2.append(b);
            p1.append(softmax(a, b, z3)[0]);
            em.append(mse(a, b, z3));
            ec.append(crossEntropy(a, b, z3));
            gm.append(mse.gradient(at[i]).norm());
            gc.append(ce.gradient(at[i]).norm());
        }
        Table table = Table.create("MSE vs cross-entropy, true class 1, z3 = " + Format.number(z3) + "; SGD(lr=" + Format.repr(lr) + "), "
                + steps + " steps from " + start, point, z1, z2, p1, em, ec, gm, gc);
        Region r = Region.of(-10, 10, -10, 10);
        PlotlyFigure figure = Subplots.of("The same start on two loss surfaces (true class 1)", 2,
                Plots.contour(mse, r, mp).withTitle("MSE: flat where the prediction is confidently wrong").withAxisTitles("z1", "z2"),
                Plots.contour(ce, r, cp).withTitle("cross-entropy: steep there").withAxisTitles("z1", "z2"));
        return new LossSurfaces(z3, mse, ce, mp, cp, table, figure.withHeight(480));
    }

    static double[] softmax(double a, double b, double c) {
        double m = Math.max(a, Math.max(b, c));
        double ea = Math.exp(a - m), eb = Math.exp(b - m), ec = Math.exp(c - m), s = ea + eb + ec;
        return new double[] {ea / s, eb / s, ec / s};
    }

    static double mse(double a, double b, double c) {
        double[] p = softmax(a, b, c);
        return (p[0] - 1) * (p[0] - 1) + p[1] * p[1] + p[2] * p[2];
    }

    static double crossEntropy(double a, double b, double c) {
        double m = Math.max(a, Math.max(b, c));
        // log-sum-exp taken directly: −ln p1 stays finite (and exact) even where p1 rounds to 0
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m)) - a;
    }

    static double[] mseGrad(double a, double b, double c) {
        double[] p = softmax(a, b, c), t = {1, 0, 0};
        double s = 0;
        for (int j = 0; j < 3; j++) s += (p[j] - t[j]) * p[j];
        return new double[] {2 * p[0] * ((p[0] - t[0]) - s), 2 * p[1] * ((p[1] - t[1]) - s)};
    }


    @Override
    public String toString() {
        return table.toString();
    }
}
