package descent.optim;

/**
 * Short factories for optimizers: the one knob people change, the paper's defaults for the rest.
 *
 * <pre>{@code
 * Optimizers.sgd(0.95)        // SGD(lr=0.95)
 * }</pre>
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** Plain SGD: w ← w − η·g. */
    public static SGD sgd(double lr) {
        return new SGD(lr);
    }
}
