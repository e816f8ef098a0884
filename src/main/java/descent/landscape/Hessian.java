package descent.landscape;

import descent.base.Format;
import descent.base.Parallel;
import descent.fn.AutoHessian;
import descent.fn.Objective;
import descent.fn.Vec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrix of second derivatives H_ij = ∂²f/∂x_i∂x_j of an objective at a point, built one column at a time as
 * H·e_j, and its eigen-decomposition.
 *
 * <pre>
 *   Taylor:  f(x + d) ≈ f(x) + ∇f(x)ᵀd + ½ dᵀ H d
 *   at a critical point (∇f = 0) the sign of dᵀHd decides: all eigenvalues of H > 0 → local minimum,
 *   all &lt; 0 → local maximum, both signs → saddle point; along an eigenvector u with λ &lt; 0, f(x + t·u) ≈ f(x) + ½λt²
 * </pre>
 *
 * How each column is computed, exact first:
 * <ul>
 *   <li>a {@link NetworkLoss}: the R-operator through backprop ({@link NetworkLoss#hvp}), exact;</li>
 *   <li>an objective from {@code Functions.auto}: forward-over-reverse autodiff ({@link AutoHessian}), exact;</li>
 *   <li>any other objective: central differences of its gradient, (∇f(x + h e_j) − ∇f(x − h e_j)) / 2h with
 *       h = 1e-5·max(1, |x_j|), symmetrized; exact for quadratics (the gradient is linear) up to rounding, otherwise
 *       accurate to about 1e-8. {@link #method()} says which was used.</li>
 * </ul>
 * Hung-yi Lee, ML 2021 P5 ("local minima and saddle points"); the columns of a network's Hessian are computed in
 * parallel.
 *
 * <pre>{@code
 * var h = Hessian.of(Functions.saddle(), Vec.of(0, 0));
 * h;                 // Hessian(2x2, central differences of the gradient) [[2, 0], [0, -2]]
 * h.eigen();         // Eigen(values=Vec[-2.0, 2.0])
 * Hessian.of(Functions.beale(), Vec.of(3, 0.5)).method()   // "exact, forward-over-reverse autodiff"
 * }</pre>
 */
public final class Hessian {
    /** Relative step of the central-difference fallback. */
    public static final double DEFAULT_H = 1e-5;

    private final double[][] h;
    private final String method;
    private Eigen eigen;

    private Hessian(double[][] h, String method) {
        this.h = h;
        this.method = method;
    }

    /** The Hessian of f at x (exact where possible, see the class comment). */
    public static Hessian of(Objective f, Vec x) {
        check(f, x);
        int n = f.dim();
        if (f instanceof NetworkLoss || AutoHessian.supports(f)) {
            List<double[]> cols = Parallel.map(n, j -> {
                double[] e = new double[n];
                e[j] = 1;
                return hvp(f, x, Vec.of(e)).toArray();
            });
            double[][] m = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = cols.get(j)[i];
            return new Hessian(symmetrize(m), f instanceof NetworkLoss ? "exact, R-operator through backprop"
                    : "exact, forward-over-reverse autodiff");
        }
        return new Hessian(symmetrize(centralDifference(f, x, DEFAULT_H)), "central differences of the gradient");
    }

    /**
     * H·v without forming H: exact for a {@link NetworkLoss} and {@code Functions.auto} objectives, otherwise
     * (∇f(x + h·v̂) − ∇f(x − h·v̂)) / 2h · ‖v‖ with v̂ = v/‖v‖.
     */
    public static Vec hvp(Objective f, Vec x, Vec v) {
        check(f, x);
        f.checkInput(v);
        if (f instanceof NetworkLoss nl) return nl.hvp(x, v);
        if (AutoHessian.supports(f)) return AutoHessian.hvp(f, x, v);
        double norm = v.norm();
        if (norm == 0) return Vec.zeros(f.dim());
        double step = DEFAULT_H * Math.max(1, x.norm() / Math.sqrt(x.dim()));
        Vec u = v.scale(step / norm);
        return f.gradient(x.plus(u)).minus(f.gradient(x.minus(u))).scale(norm / (2 * step));
    }

    /**
     * The raw (unsymmetrized) matrix of central differences of the gradient, column j = (∇f(x + h_j e_j) −
     * ∇f(x − h_j e_j)) / 2h_j with h_j = h·max(1, |x_j|): the independent check for the exact Hessians.
     */
    public static double[][] centralDifference(Objective f, Vec x, double h) {
        check(f, x);
        if (!(h > 0)) {
            throw new IllegalArgumentException("Invalid difference step h: " + h + "; expected a small positive number such as 1e-5.");
        }
        int n = f.dim();
        double[][] m = new double[n][n];
        double[] base = x.toArray();
        for (int j = 0; j < n; j++) {
            double hj = h * Math.max(1, Math.abs(base[j]));
            double[] plus = base.clone(), minus = base.clone();
            plus[j] += hj;
            minus[j] -= hj;
            Vec gp = f.gradient(Vec.of(plus)), gm = f.gradient(Vec.of(minus));
            for (int i = 0; i < n; i++) m[i][j] = (gp.get(i) - gm.get(i)) / (2 * hj);
        }
        return m;
    }

    private static void check(Objective f, Vec x) {
        if (f == null) {
            throw new IllegalArgumentException("Hessian needs an objective; got null.");
        }
        f.checkInput(x);
        if (!x.isFinite()) {
            throw new IllegalArgumentException("Hessian at a point with NaN or infinite coordinates: " + x + ".");
        }
    }

    private static double[][] symmetrize(double[][] m) {
        int n = m.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!Double.isFinite(m[i][j]) || !Double.isFinite(m[j][i])) {
                    throw new ArithmeticException("The Hessian has a non-finite entry at (" + i + ", " + j + "): " + m[i][j]
                            + "; the function is not twice differentiable there or overflows.");
                }
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return m;
    }

    public int dim() {
        return h.length;
    }

    /** ∂²f/∂x_i∂x_j. */
    public double get(int i, int j) {
        return h[i][j];
    }

    /** A copy of the matrix. */
    public double[][] toArray() {
        double[][] c = new double[h.length][];
        for (int i = 0; i < h.length; i++) c[i] = h[i].clone();
        return c;
    }

    /** How the columns were computed. */
    public String method() {
        return method;
    }

    /** H·v with the stored matrix. */
    public Vec times(Vec v) {
        if (v.dim() != dim()) {
            throw new IllegalArgumentException("This Hessian is " + dim() + "x" + dim() + " but the vector has " + v.dim() + " coordinates.");
        }
        double[] r = new double[dim()];
        for (int i = 0; i < dim(); i++) for (int j = 0; j < dim(); j++) r[i] += h[i][j] * v.get(j);
        return Vec.of(r);
    }

    /** Eigenvalues (ascending) and eigenvectors, computed once. */
    public Eigen eigen() {
        if (eigen == null) eigen = Eigen.of(h);
        return eigen;
    }

    /** The eigenvalues, smallest first. */
    public Vec eigenvalues() {
        return eigen().values();
    }

    /** The matrix as a table: row, then one column per j. */
    public Table toTable() {
        List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
        IntColumn row = IntColumn.create("row");
        for (int i = 0; i < dim(); i++) row.append(i);
        cols.add(row);
        for (int j = 0; j < dim(); j++) {
            DoubleColumn c = DoubleColumn.create("h" + j);
            for (int i = 0; i < dim(); i++) c.append(h[i][j]);
            cols.add(c);
        }
        return Table.create("Hessian (" + method + ")", cols.toArray(new tech.tablesaw.columns.Column<?>[0]));
    }

    /** {@code Hessian(2x2, exact, ...) [[2, 0], [0, -2]]}; larger ones show only their size. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Hessian(" + dim() + "x" + dim() + ", " + method + ")");
        if (dim() <= 4) {
            sb.append(" [");
            for (int i = 0; i < dim(); i++) {
                sb.append(i == 0 ? "[" : ", [");
                for (int j = 0; j < dim(); j++) sb.append(j == 0 ? "" : ", ").append(Format.number(h[i][j]));
                sb.append(']');
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
