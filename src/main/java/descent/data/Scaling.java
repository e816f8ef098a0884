package descent.data;

import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Statistics tables for the feature-scaling demo: what each feature looked like before and after scaling.
 *
 * <pre>{@code
 * var d = Datasets.blobs(300, 3, 0.5, 1);
 * var x = d.x();
 * Scaling.stats(x);                                          // feature, mean, std, min, max
 * Scaling.compare(x, Standardizer.fit(x).transform(x))       // feature, mean/std/min/max before and after
 * }</pre>
 * std is the population standard deviation (divide by n), as numpy's {@code x.std(axis=0)}. Like every descent table,
 * these show every digit: a standardized mean prints as, say, {@code -4.884981308350689e-18}, zero up to rounding.
 */
public final class Scaling {
    private Scaling() {
    }

    /** One row per feature: feature, mean, std, min, max. */
    public static Table stats(Matrix x) {
        FeatureStats s = FeatureStats.of(x, "Scaling.stats");
        return Table.create("feature statistics", IntColumn.indexColumn("feature", x.cols(), 0),
                DoubleColumn.create("mean", s.mean), DoubleColumn.create("std", s.std),
                DoubleColumn.create("min", s.min), DoubleColumn.create("max", s.max));
    }

    /** One row per feature: feature, then mean, std, min, max before and after. */
    public static Table compare(Matrix before, Matrix after) {
        if (before.cols() != after.cols()) {
            throw new IllegalArgumentException("Scaling.compare: before has " + before.cols() + " features but after has "
                    + after.cols() + "; compare a matrix with its own scaled version.");
        }
        FeatureStats b = FeatureStats.of(before, "Scaling.compare (before)");
        FeatureStats a = FeatureStats.of(after, "Scaling.compare (after)");
        return Table.create("before and after scaling", IntColumn.indexColumn("feature", before.cols(), 0),
                DoubleColumn.create("mean before", b.mean), DoubleColumn.create("std before", b.std),
                DoubleColumn.create("min before", b.min), DoubleColumn.create("max before", b.max),
                DoubleColumn.create("mean after", a.mean), DoubleColumn.create("std after", a.std),
                DoubleColumn.create("min after", a.min), DoubleColumn.create("max after", a.max));
    }
}
