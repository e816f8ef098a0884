package descent.data;

import descent.tensor.Matrix;
import tech.tablesaw.api.Table;

/**
 * A per-feature affine map fitted on training data and applied unchanged to validation and test data, so that no
 * statistic of the test set leaks into training.
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.blobs(500, 3, 0.5, 1), 0.2, 7);
 * Scaler s = Standardizer.fit(split.train());
 * var train = s.transform(split.train());
 * var test = s.transform(split.test());       // with the training mean and std
 * Scaling.compare(split.train().x(), train.x())   // feature, mean/std/min/max before and after: mean 0, std 1 after
 * }</pre>
 */
public interface Scaler {
    /** A new matrix with every feature mapped; {@code x} needs the number of features the scaler was fitted on. */
    Matrix transform(Matrix x);

    /** Maps scaled values back to the original units. */
    Matrix inverse(Matrix scaled);

    /** The fitted parameters, one row per feature. */
    Table statsTable();

    /** The same examples with scaled features. */
    default Dataset transform(Dataset d) {
        return d.withX(transform(d.x()));
    }
}
