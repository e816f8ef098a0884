package descent.landscape;

import descent.base.Format;
import descent.fn.Vec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Slices through the loss landscape of a network: the loss along one or two directions in parameter space,
 * evaluated in parallel over the grid; the directions are filter-normalized random ones or the principal directions
 * of the training trajectory.
 *
 * <pre>
 *   1-D:  L(θ* + α·d)             2-D:  L(θ* + α·d1 + β·d2)
 *   filter normalization (Li et al. 2018): d ~ N(0, I), then for every filter (for a Dense layer: the weights into
 *       one output unit, a column of W)  d_filter ← d_filter / ‖d_filter‖ · ‖θ_filter‖;  bias directions are 0
 *   trajectory PCA: M = [θ_0 − θ_T; …; θ_{T−1} − θ_T];  d1, d2 = its first two right singular vectors;
 *       the path's coordinates are (θ_t − θ_T)·d1 and (θ_t − θ_T)·d2 (d1, d2 orthonormal, so nothing is distorted)
 * </pre>
 *
 * Li, Xu, Taylor, Studer and Goldstein, "Visualizing the Loss Landscape of Neural Nets" (NeurIPS 2018): without
 * filter normalization the picture depends on the scale of the weights (ReLU networks are scale-invariant per
 * unit), which makes sharpness comparisons between networks meaningless; with random directions the trajectory is
 * invisible (random directions in high dimension are nearly orthogonal to it), hence the PCA directions.
 *
 * <pre>{@code
 * var train = Datasets.spirals(100, 0.1, 1);
 * var net = Mlp.of(2, 16, 16, 2).relu().seed(1);
 * Trainer.of(net, train, Optimizers.adam(0.01)).batchSize(20).seed(1).fit(20);
 * var f = NetworkLoss.of(net, train);
 * var theta = f.point();
 * var d = Landscape.filterNormalized(f, theta, 1);
 * Landscape.line(f, theta, d, -1, 1, 41);                            // alpha, loss, accuracy
 * Landscape.plane(f, theta, d, Landscape.filterNormalized(f, theta, 2), -1, 1, -1, 1, 21)
 * }</pre>
 */
public final class Landscape {
    private Landscape() {
    }

    /** A Gaussian random direction drawn with {@code seed}, filter-normalized to the weights θ; bias entries 0. */
    public static Vec filterNormalized(NetworkLoss f, Vec theta, long seed) {
        f.checkInput(theta);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] t = theta.toArray(), d = new double[t.length];
        for (NetworkLoss.Block b : f.blocks()) {
            if (!b.weight()) continue;
            for (int j = 0; j < b.cols(); j++) {
                double dn = 0, tn = 0;
                for (int i = 0; i < b.rows(); i++) {
                    int k = b.offset() + i * b.cols() + j;
                    d[k] = gaussian(rnd);
                    dn += d[k] * d[k];
                    tn += t[k] * t[k];
                }
                double s = dn == 0 ? 0 : Math.sqrt(tn / dn);
                for (int i = 0; i < b.rows(); i++) d[b.offset() + i * b.cols() + j] *= s;
            }
        }
        return Vec.of(d);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The loss and accuracy at θ + α·d for {@code points} values of α from {@code from} to {@code to}. */
    public static Table line(NetworkLoss f, Vec center, Vec direction, double from, double to, int points) {
        f.checkInput(center);
        f.checkInput(direction);
        double[] a = grid(from, to, points);
        NetworkLoss.Evaluated[][] grid = f.evaluatePlane(center, direction, Vec.zeros(f.dim()), a, new double[] {0});
        NetworkLoss.Evaluated[] r = new NetworkLoss.Evaluated[points];
        for (int i = 0; i < points; i++) r[i] = grid[i][0];
        DoubleColumn alpha = DoubleColumn.create("alpha", a);
        DoubleColumn loss = DoubleColumn.create("loss"), acc = DoubleColumn.create("accuracy");
        for (NetworkLoss.Evaluated e : r) {
            loss.append(e.loss());
            acc.append(e.accuracy());
        }
        return Table.create("loss along a line through the trained weights", alpha, loss, acc);
    }

    /** The loss and accuracy at θ + α·d1 + β·d2 on a points×points grid. */
    public static Surface plane(NetworkLoss f, Vec center, Vec d1, Vec d2, double aFrom, double aTo, double bFrom,
                                double bTo, int points) {
        f.checkInput(center);
        f.checkInput(d1);
        f.checkInput(d2);
        double[] a = grid(aFrom, aTo, points), b = grid(bFrom, bTo, points);
        double[][] loss = new double[points][points], acc = new double[points][points];
        NetworkLoss.Evaluated[][] e = f.evaluatePlane(center, d1, d2, a, b);
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                loss[i][j] = e[i][j].loss();
                acc[i][j] = e[i][j].accuracy();
            }
        }
        return new Surface("loss on a plane through the trained weights", a, b, loss, acc);
    }

    private static double[] grid(double from, double to, int points) {
        if (!(points >= 2) || !Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Invalid grid from %s to %s with %d points; "
                    + "expected from < to and at least 2 points, such as -1, 1, 21.", from, to, points));
        }
        double[] g = new double[points];
        for (int i = 0; i < points; i++) g[i] = from + (to - from) * i / (points - 1);
        return g;
    }

    /** The two principal directions of a training path (its last point is the centre) and the path's coordinates. */
    public static Pca pca(List<Vec> path) {
        if (path == null || path.size() < 3) {
            throw new IllegalArgumentException("Landscape.pca needs at least 3 points of a training path; got "
                    + (path == null ? "null" : path.size()) + ". Record the parameters every epoch or every few steps.");
        }
        Vec last = path.get(path.size() - 1);
        int m = path.size() - 1, n = last.dim();
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            if (path.get(i).dim() != n) {
                throw new IllegalArgumentException("Point " + i + " of the path has " + path.get(i).dim() + " coordinates, the last one " + n + ".");
            }
            rows[i] = path.get(i).minus(last).toArray();
        }
        // the m×m Gram matrix G = M Mᵀ has the same non-zero eigenvalues as MᵀM; v = Mᵀu/√λ
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) for (int j = 0; j <= i; j++) g[i][j] = g[j][i] = Lanczos.dot(rows[i], rows[j]);
        Eigen e = Eigen.of(g);
        double total = 0;
        for (int k = 0; k < m; k++) total += Math.max(0, e.value(k));
        if (!(e.value(m - 1) > 0) || m < 2 || !(e.value(m - 2) > 0)) {
            throw new IllegalArgumentException("The training path does not span two directions (it is a point or a straight line); "
                    + "record more points or train longer.");
        }
        Vec[] d = new Vec[2];
        double[] explained = new double[2];
        for (int c = 0; c < 2; c++) {
            int k = m - 1 - c;
            double[] v = new double[n];
            for (int i = 0; i < m; i++) Lanczos.axpy(e.vector(k).get(i), rows[i], v);
            Lanczos.scale(v, 1 / Lanczos.norm(v));
            d[c] = Vec.of(v);
            explained[c] = e.value(k) / total;
        }
        IntColumn step = IntColumn.create("point");
        DoubleColumn x = DoubleColumn.create("alpha"), y = DoubleColumn.create("beta");
        for (int i = 0; i <= m; i++) {
            Vec diff = path.get(i).minus(last);
            step.append(i);
            x.append(diff.dot(d[0]));
            y.append(diff.dot(d[1]));
        }
        return new Pca(d[0], d[1], explained[0], explained[1], Table.create("training path in PCA coordinates", step, x, y));
    }

    /**
     * The two principal directions (unit vectors), the share of the path's squared distance to its end each explains,
     * and the path in their coordinates (point, alpha, beta).
     */
    public record Pca(Vec d1, Vec d2, double explained1, double explained2, Table path) {
        @Override
        public String toString() {
            return "Pca(" + path.rowCount() + " points, explained " + Format.percent(explained1) + " + "
                    + Format.percent(explained2) + ")";
        }
    }
}
