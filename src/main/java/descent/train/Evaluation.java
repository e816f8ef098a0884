package descent.train;

/**
 * Loss and accuracy of a model on a data set, in evaluation mode.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * trainer.fit(10);
 * trainer.evaluate(data.test())    // Evaluation(loss=0.647797, accuracy=0.5375)
 * }</pre>
 */
public record Evaluation(double loss, double accuracy) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Evaluation(loss=%.6g, accuracy=%.4g)", loss, accuracy);
    }
}
