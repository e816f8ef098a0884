package descent.train;

/**
 * Loss and accuracy of a model on a data set, in evaluation mode.
 *
 * <pre>{@code
 * trainer.evaluate(test)    // Evaluation(loss=0.312, accuracy=0.887)
 * }</pre>
 */
public record Evaluation(double loss, double accuracy) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Evaluation(loss=%.6g, accuracy=%.4g)", loss, accuracy);
    }
}
