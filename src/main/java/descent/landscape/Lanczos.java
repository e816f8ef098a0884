package descent.landscape;

import descent.base.Format;
import descent.fn.Vec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The smallest and largest eigenvalues of a symmetric matrix that is only available as a product v ↦ H·v (a
 * Hessian–vector product), by the Lanczos method with full re-orthogonalization.
 *
 * <pre>
 *   q_1 = random unit vector,  β_0 = 0
 *   for j = 1..k:   w = H q_j − β_{j−1} q_{j−1};   α_j = q_jᵀ w;   w ← w − α_j q_j
 *                   w ← w − Σ_i (q_iᵀ w) q_i        (re-orthogonalize: keeps the q's orthogonal in floating point)
 *                   β_j = ‖w‖;   q_{j+1} = w / β_j
 *   T = tridiag(β, α, β) (k×k);  its extreme eigenvalues θ approximate H's, with Ritz vectors Q·y
 * </pre>
 *
 * The extreme eigenvalues converge first, typically to many digits within 20–50 products even for n = 10⁵
 * (Golub and Van Loan §10.1; Ghorbani et al., "An investigation into neural net optimization via Hessian eigenvalue
 * density", ICML 2019, use the same method on networks). Each step costs one H·v, plus O(k·n) for the
 * re-orthogonalization.
 *
 * <pre>{@code
 * var f = NetworkLoss.of(Mlp.of(2, 16, 2).tanh().seed(1), Datasets.spirals(50, 0.1, 1));   // 82 parameters
 * var x = f.point();
 * var ext = Lanczos.extremes(v -> f.hvp(x, v), f.dim(), 30, 42);
 * ext.largest();  ext.smallest()          // λ_max (sharpness) and λ_min (negative: a descent direction of curvature)
 * }</pre>
 */
public final class Lanczos {
    private Lanczos() {
    }

    /**
     * The extreme eigenvalues and their Ritz vectors after {@code steps} products (fewer if the Krylov space is
     * exhausted), from a random start drawn with {@code seed}.
     */
    public static Extremes extremes(UnaryOperator<Vec> hvp, int n, int steps, long seed) {
        if (hvp == null) {
            throw new IllegalArgumentException("Lanczos.extremes needs a Hessian–vector product v -> H·v; got null.");
        }
        if (n < 1 || steps < 1) {
            throw new IllegalArgumentException("Lanczos.extremes needs n >= 1 and steps >= 1; got n = " + n + ", steps = " + steps
                    + ". Try steps = 30.");
        }
        int k = Math.min(steps, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) q[i] = rnd.nextDouble() * 2 - 1;
        scale(q, 1 / norm(q));
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[k], beta = new double[k];
        int m = 0;
        double[] prev = null;
        for (int j = 0; j < k; j++) {
            basis.add(q);
            Vec hq = hvp.apply(Vec.of(q));
            if (hq == null || hq.dim() != n || !hq.isFinite()) {
                throw new IllegalStateException("The Hessian–vector product returned " + (hq == null ? "null" : hq.dim() != n
                        ? "a vector of " + hq.dim() + " coordinates, expected " + n : "NaN or infinite values") + " at Lanczos step " + j + ".");
            }
            double[] w = hq.toArray();
            if (prev != null) axpy(-beta[j - 1], prev, w);
            alpha[j] = dot(q, w);
            axpy(-alpha[j], q, w);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] b : basis) axpy(-dot(b, w), b, w);
            }
            m = j + 1;
            double bn = norm(w);
            beta[j] = bn;
            if (bn < 1e-12 * Math.max(1, Math.abs(alpha[j]))) break;   // invariant subspace: T is exact
            prev = q;
            q = w;
            scale(q, 1 / bn);
        }
        double[][] t = new double[m][m];
        for (int i = 0; i < m; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < m) t[i][i + 1] = t[i + 1][i] = beta[i];
        }
        Eigen e = Eigen.of(t);
        return new Extremes(e.smallest(), e.largest(), ritz(basis, e.vector(0), n), ritz(basis, e.vector(m - 1), n), m,
                beta[m - 1] * Math.abs(e.vector(0).get(m - 1)), beta[m - 1] * Math.abs(e.vector(m - 1).get(m - 1)));
    }

    private static Vec ritz(List<double[]> basis, Vec y, int n) {
        double[] v = new double[n];
        for (int j = 0; j < y.dim(); j++) axpy(y.get(j), basis.get(j), v);
        return Vec.of(v);
    }

    /**
     * The result: extreme eigenvalues, their Ritz vectors, the number of products used, and the residual bounds
     * ‖H·u − θ·u‖ = β_k |y_k| of each (small means converged).
     */
    public record Extremes(double smallest, double largest, Vec smallestVector, Vec largestVector, int steps,
                           double smallestResidual, double largestResidual) {
        @Override
        public String toString() {
            return "Extremes(smallest=" + Format.number(smallest) + ", largest=" + Format.number(largest) + ", steps=" + steps
                    + ", residuals " + Format.number(smallestResidual, 2) + " / " + Format.number(largestResidual, 2) + ")";
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void axpy(double s, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += s * x[i];
    }

    static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) a[i] *= s;
    }
}
