package descent.nn;

/**
 * A preference for small weights, applied to each {@link Parameter} it {@link #appliesTo} (weights, not biases, by
 * default). Either a term added to the loss, whose gradient is added to the parameter's gradient before the
 * optimizer runs (L2, L1), or a shrink applied after the optimizer's update (decoupled weight decay).
 *
 * <pre>{@code
 * Regularizers.l2(1e-4);             // L2(0.0001): loss + λ/2·Σw²
 * Regularizers.l1(1e-5);             // L1(1e-05):  loss + λ·Σ|w|
 * Regularizers.weightDecay(0.01);    // WeightDecay(0.01): w ← w − η·λ·w after each update
 * Regularizers.l2(1e-4).withBiases() // L2(0.0001, biases too)
 * }</pre>
 */
public interface Regularizer {

    /** The term added to the loss for this parameter (0 for decoupled weight decay). */
    double penalty(Parameter p);

    /** Adds ∂penalty/∂w to the parameter's gradient. */
    void addGradient(Parameter p);

    /** Changes the parameter after the optimizer's update at learning rate {@code lr} (only weight decay does). */
    default void afterUpdate(Parameter p, double lr) {
    }

    /** Whether biases and other non-weight parameters are regularized too (by default only weights are). */
    boolean biases();

    /** Whether this parameter is regularized: every weight, and the other parameters if {@link #biases()}. */
    default boolean appliesTo(Parameter p) {
        return biases() || p.isWeight();
    }

    /** The same regularizer applied to biases and other non-weight parameters too. */
    Regularizer withBiases();
}
