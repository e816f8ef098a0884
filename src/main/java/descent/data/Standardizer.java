package descent.data;

import descent.fn.Vec;
import descent.tensor.Matrix;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Standardization (z-scores): every feature shifted to mean 0 and scaled to standard deviation 1, with the mean and
 * standard deviation of the training data.
 *
 * <pre>
 * fit:        μ_j = mean of column j,  σ_j = sqrt(mean((x_j − μ_j)²))      (population std, as numpy and sklearn)
 * transform:  z_ij = (x_ij − μ_j) / s_j,   s_j = σ_j, or 1 for a constant feature (min = max)
 * </pre>
 * A constant feature (a pixel that is 0 in every training image) has σ = 0; dividing by it would give NaN or ±∞, so it
 * is only centred (scale 1), as sklearn does, and {@link #constantFeatures()} counts such features.
 *
 * <pre>{@code
 * var d = Datasets.blobs(300, 3, 0.5, 1);
 * var z = Standardizer.fit(d);        // Standardizer(2 features, 0 constant)
 * z.mean();                           // Vec[0.036023581468394274, -0.010336285674096677]
 * z.transform(d).x()                  // each column: mean 0, std 1
 * }</pre>
 * Source: Hung-yi Lee, ML2021 lecture on feature normalization.
 */
public final class Standardizer implements Scaler {
    private final FeatureStats stats;
    private final double[] scale;

    private Standardizer(FeatureStats stats) {
        this.stats = stats;
        this.scale = new double[stats.mean.length];
        for (int j = 0; j < scale.length; j++) scale[j] = stats.constant(j) ? 1.0 : stats.std[j];
    }

    /** Learns mean and std of each column of {@code x}. */
    public static Standardizer fit(Matrix x) {
        return new Standardizer(FeatureStats.of(x, "Standardizer.fit"));
    }

    /** Learns mean and std of each feature of the dataset. */
    public static Standardizer fit(Dataset d) {
        return fit(d.x());
    }

    @Override
    public Matrix transform(Matrix x) {
        check(x, "transform");
        int c = x.cols();
        double[] out = new double[x.size()];
        for (int i = 0; i < out.length; i++) out[i] = (x.flat(i) - stats.mean[i % c]) / scale[i % c];
        return FeatureStats.likeInput(x, out);
    }

    @Override
    public Matrix inverse(Matrix z) {
        check(z, "inverse");
        int c = z.cols();
        double[] out = new double[z.size()];
        for (int i = 0; i < out.length; i++) out[i] = z.flat(i) * scale[i % c] + stats.mean[i % c];
        return FeatureStats.likeInput(z, out);
    }

    private void check(Matrix x, String what) {
        if (x.cols() != scale.length) {
            throw new IllegalArgumentException("Standardizer." + what + ": fitted on " + scale.length
                    + " features but x is " + x.shape() + "; scale data with the same columns as the training data.");
        }
    }

    public Vec mean() {
        return Vec.of(stats.mean);
    }

    /** The population standard deviation of each feature (0 for constant ones). */
    public Vec std() {
        return Vec.of(stats.std);
    }

    /** Number of features that were constant in the training data (only centred, not scaled). */
    public int constantFeatures() {
        return stats.constantCount();
    }

    /** feature, mean, std, constant. */
    @Override
    public Table statsTable() {
        int c = scale.length;
        IntColumn feature = IntColumn.indexColumn("feature", c, 0);
        BooleanColumn constant = BooleanColumn.create("constant", c);
        for (int j = 0; j < c; j++) constant.set(j, stats.constant(j));
        return Table.create("Standardizer", feature, DoubleColumn.create("mean", stats.mean.clone()),
                DoubleColumn.create("std", stats.std.clone()), constant);
    }

    @Override
    public String toString() {
        return "Standardizer(" + scale.length + " features, " + constantFeatures() + " constant)";
    }
}
