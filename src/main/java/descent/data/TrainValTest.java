package descent.data;

/**
 * Training, validation and test sets: fit on train, choose hyperparameters (learning rate, epochs) on validation,
 * and look at test once at the end.
 *
 * <pre>{@code
 * var s = Splits.trainValTest(Datasets.moons(1000, 0.2, 42), 0.15, 0.15, 7);
 * s.train().size();       // 700
 * s.validation().size();  // 150
 * s.test().size()         // 150
 * }</pre>
 */
public record TrainValTest(Dataset train, Dataset validation, Dataset test) {
}
