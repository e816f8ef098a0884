package descent.data;

import descent.fn.Vec;
import descent.tensor.Matrix;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Min-max scaling: every feature mapped linearly so that the training minimum becomes {@code lo} and the training
 * maximum {@code hi} (default [0, 1]).
 *
 * <pre>
 * transform:  y_ij = lo + (x_ij − min_j) · (hi − lo) / (max_j − min_j)
 * constant feature (max_j = min_j):  y_ij = lo + (x_ij − min_j)   (shifted, not scaled: no division by 0)
 * </pre>
 * Test data is not clipped: a test value beyond the training range maps outside [lo, hi], which is the truth about it.
 *
 * <pre>{@code
 * var s = MinMaxScaler.fit(Datasets.moons(200, 0.1, 42));   // MinMaxScaler(2 features, range [0.0, 1.0], 0 constant)
 * s.transform(Datasets.moons(200, 0.1, 42)).x()            // every column spans exactly [0, 1]
 * }</pre>
 */
public final class MinMaxScaler implements Scaler {
    private final FeatureStats stats;
    private final double lo, hi;
    private final double[] factor;

    private MinMaxScaler(FeatureStats stats, double lo, double hi) {
        this.stats = stats;
        this.lo = lo;
        this.hi = hi;
        this.factor = new double[stats.min.length];
        for (int j = 0; j < factor.length; j++) {
            factor[j] = stats.constant(j) ? 1.0 : (hi - lo) / (stats.max[j] - stats.min[j]);
        }
    }

    /** Maps each column's training range onto [0, 1]. */
    public static MinMaxScaler fit(Matrix x) {
        return fit(x, 0, 1);
    }

    public static MinMaxScaler fit(Dataset d) {
        return fit(d.x(), 0, 1);
    }

    /** Maps each column's training range onto [lo, hi], e.g. [−1, 1]. */
    public static MinMaxScaler fit(Matrix x, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("Invalid range [" + lo + ", " + hi + "]; expected finite lo < hi, such as"
                    + " [0, 1] or [-1, 1].");
        }
        return new MinMaxScaler(FeatureStats.of(x, "MinMaxScaler.fit"), lo, hi);
    }

    @Override
    public Matrix transform(Matrix x) {
        check(x, "transform");
        int c = x.cols();
        double[] out = new double[x.size()];
        for (int i = 0; i < out.length; i++) out[i] = lo + (x.flat(i) - stats.min[i % c]) * factor[i % c];
        return FeatureStats.likeInput(x, out);
    }

    @Override
    public Matrix inverse(Matrix y) {
        check(y, "inverse");
        int c = y.cols();
        double[] out = new double[y.size()];
        for (int i = 0; i < out.length; i++) out[i] = (y.flat(i) - lo) / factor[i % c] + stats.min[i % c];
        return FeatureStats.likeInput(y, out);
    }

    private void check(Matrix x, String what) {
        if (x.cols() != factor.length) {
            throw new IllegalArgumentException("MinMaxScaler." + what + ": fitted on " + factor.length
                    + " features but x is " + x.shape() + "; scale data with the same columns as the training data.");
        }
    }

    public Vec min() {
        return Vec.of(stats.min);
    }

    public Vec max() {
        return Vec.of(stats.max);
    }

    public int constantFeatures() {
        return stats.constantCount();
    }

    /** feature, min, max, constant. */
    @Override
    public Table statsTable() {
        int c = factor.length;
        BooleanColumn constant = BooleanColumn.create("constant", c);
        for (int j = 0; j < c; j++) constant.set(j, stats.constant(j));
        return Table.create("MinMaxScaler", IntColumn.indexColumn("feature", c, 0),
                DoubleColumn.create("min", stats.min.clone()), DoubleColumn.create("max", stats.max.clone()), constant);
    }

    @Override
    public String toString() {
        return "MinMaxScaler(" + factor.length + " features, range [" + lo + ", " + hi + "], " + constantFeatures()
                + " constant)";
    }
}
