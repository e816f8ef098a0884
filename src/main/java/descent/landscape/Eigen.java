package descent.landscape;

import descent.base.Format;
import descent.fn.Vec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Eigenvalues (ascending) and unit eigenvectors of a symmetric matrix, by the cyclic Jacobi method.
 *
 * <pre>
 *   repeat until every off-diagonal entry is below 1e-15 · ‖A‖:
 *     for each pair p &lt; q:  choose the rotation J(p, q, θ) with tan 2θ = 2 a_pq / (a_qq − a_pp)
 *                            A ← Jᵀ A J   (zeroes a_pq),   Q ← Q J
 *   the diagonal of A are the eigenvalues, the columns of Q the eigenvectors:  A_original = Q Λ Qᵀ
 * </pre>
 *
 * Golub and Van Loan, <i>Matrix Computations</i> (4th ed.) §8.5. Simple and accurate to rounding, O(n³) per sweep and
 * about 6–10 sweeps, so meant for the small Hessians of this package (n up to a few hundred); {@link Lanczos} gives
 * the extreme eigenvalues of large ones.
 *
 * <pre>{@code
 * var e = Eigen.of(new double[][] {{0, -2}, {-2, 0}});
 * e.values();        // Vec[-2.0, 2.0]
 * e.vector(0)        // Vec[0.7071067811865475, 0.7071067811865475] (up to sign): the direction that lowers the loss
 * }</pre>
 *
 * @param values  eigenvalues, smallest first
 * @param vectors unit eigenvectors in the same order
 */
public record Eigen(Vec values, List<Vec> vectors) {

    /** Eigen-decomposition of a symmetric matrix (it is checked to be symmetric to 1e-8 relative). */
    public static Eigen of(double[][] symmetric) {
        int n = symmetric == null ? 0 : symmetric.length;
        if (n == 0) {
            throw new IllegalArgumentException("Eigen.of needs a non-empty square matrix; got " + (symmetric == null ? "null" : "0x0") + ".");
        }
        double scale = 0;
        for (double[] row : symmetric) {
            if (row.length != n) {
                throw new IllegalArgumentException("Eigen.of needs a square matrix; a row has " + row.length + " entries, expected " + n + ".");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Eigen.of got a matrix with " + v + "; every entry must be finite.");
                }
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(symmetric[i][j] - symmetric[j][i]) > 1e-8 * Math.max(scale, 1e-300)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "Eigen.of needs a symmetric matrix; "
                            + "entry (%d, %d) = %s but (%d, %d) = %s. Symmetrize with (A + Aᵀ)/2 if the difference is rounding.",
                            i, j, symmetric[i][j], j, i, symmetric[j][i]));
                }
            }
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = symmetric[i].clone();
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) q[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int r = p + 1; r < n; r++) off = Math.max(off, Math.abs(a[p][r]));
            if (off <= 1e-15 * scale || off == 0) break;
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (a[p][r] == 0) continue;
                    double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    double app = a[p][p] - t * a[p][r], arr = a[r][r] + t * a[p][r];   // exact forms of the new diagonal
                    for (int k = 0; k < n; k++) {          // A ← A J (columns p, r)
                        double akp = a[k][p], akr = a[k][r];
                        a[k][p] = c * akp - s * akr;
                        a[k][r] = s * akp + c * akr;
                    }
                    for (int k = 0; k < n; k++) {          // A ← Jᵀ A (rows p, r)
                        double apk = a[p][k], ark = a[r][k];
                        a[p][k] = c * apk - s * ark;
                        a[r][k] = s * apk + c * ark;
                    }
                    a[p][r] = 0;
                    a[r][p] = 0;
                    a[p][p] = app;
                    a[r][r] = arr;
                    for (int k = 0; k < n; k++) {          // Q ← Q J
                        double qkp = q[k][p], qkr = q[k][r];
                        q[k][p] = c * qkp - s * qkr;
                        q[k][r] = s * qkp + c * qkr;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> a[i][i]));
        double[] values = new double[n];
        List<Vec> vectors = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            values[k] = a[i][i];
            double[] v = new double[n];
            for (int r = 0; r < n; r++) v[r] = q[r][i];
            vectors.add(Vec.of(v));
        }
        return new Eigen(Vec.of(values), List.copyOf(vectors));
    }

    public int size() {
        return values.dim();
    }

    /** Eigenvalue k (0 = smallest). */
    public double value(int k) {
        return values.get(k);
    }

    /** Unit eigenvector k, for eigenvalue k. */
    public Vec vector(int k) {
        return vectors.get(k);
    }

    public double smallest() {
        return values.get(0);
    }

    public double largest() {
        return values.get(values.dim() - 1);
    }

    /** One row per eigenvalue: index, eigenvalue. */
    public Table toTable() {
        IntColumn idx = IntColumn.create("index");
        DoubleColumn val = DoubleColumn.create("eigenvalue");
        for (int k = 0; k < size(); k++) {
            idx.append(k);
            val.append(value(k));
        }
        return Table.create("eigenvalues, smallest first", idx, val);
    }

    /** {@code Eigen(2 values, -2 .. 2)}: vectors are left out, they can be long. */
    @Override
    public String toString() {
        if (size() <= 6) return "Eigen(values=" + values + ")";
        return "Eigen(" + size() + " values from " + Format.number(smallest()) + " to " + Format.number(largest()) + ")";
    }
}
