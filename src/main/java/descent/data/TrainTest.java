package descent.data;

import descent.tensor.DType;

/**
 * A training set and a held-out test set.
 *
 * <pre>{@code
 * var data = Datasets.fashionMnist();
 * data;             // TrainTest[train=Dataset(fashion-mnist-train, 60000 examples x 784 features, 10 classes), test=...]
 * var three = data.withValidation(0.1, 42);   // 54000 train, 6000 validation (from train, named "... validation"), the same 10000 test
 * var small = data.to(DType.FLOAT32);          // both sets with float32 features, for a float32 model
 * }</pre>
 */
public record TrainTest(Dataset train, Dataset test) {
    public TrainTest {
        if (train.features() != test.features()) {
            throw new IllegalArgumentException("TrainTest: train has " + train.features() + " features but test has "
                    + test.features() + "; both sets must describe examples the same way.");
        }
    }

    /** Both sets with their features in {@code dtype} ({@link Dataset#to}): this pair itself if they already are. */
    public TrainTest to(DType dtype) {
        Dataset a = train.to(dtype), b = test.to(dtype);
        return a == train && b == test ? this : new TrainTest(a, b);
    }

    /** Splits a random {@code fraction} of the training set off as a validation set; the test set stays as it is. */
    public TrainValTest withValidation(double fraction, long seed) {
        TrainTest t = Splits.holdOut(train, fraction, seed, "validation", "TrainTest.withValidation");
        return new TrainValTest(t.train(), t.test(), test);
    }
}
