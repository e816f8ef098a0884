package descent.data;

import descent.tensor.DType;

/**
 * Training, validation and test sets: fit on train, choose hyperparameters (learning rate, epochs) on validation,
 * and look at test once at the end.
 *
 * <pre>{@code
 * var s = Splits.trainValTest(Datasets.moons(1000, 0.2, 42), 0.15, 0.15, 7);
 * s.train().size();       // 700
 * s.validation().size();  // 150
 * s.test().size();        // 150
 * s.to(DType.FLOAT32)      // the three sets with float32 features
 * }</pre>
 */
public record TrainValTest(Dataset train, Dataset validation, Dataset test) {
    /** The three sets with their features in {@code dtype} ({@link Dataset#to}): these sets themselves if they already are. */
    public TrainValTest to(DType dtype) {
        Dataset a = train.to(dtype), b = validation.to(dtype), c = test.to(dtype);
        return a == train && b == validation && c == test ? this : new TrainValTest(a, b, c);
    }
}
