package descent.nn;

/**
 * Short factories for losses.
 *
 * <pre>{@code
 * Losses.softmaxCrossEntropy();   // SoftmaxCrossEntropy: classification from raw scores
 * Losses.mse()                    // MSE: regression, or the lecture's comparison with cross-entropy
 * }</pre>
 */
public final class Losses {
    private Losses() {
    }

    public static SoftmaxCrossEntropy softmaxCrossEntropy() {
        return new SoftmaxCrossEntropy();
    }

    public static MSE mse() {
        return new MSE();
    }
}
