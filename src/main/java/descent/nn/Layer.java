package descent.nn;

import descent.tensor.Matrix;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One step of a network: {@code forward} maps a batch (one example per row) to outputs, and {@code backward} turns
 * the gradient of the loss with respect to those outputs into the gradient with respect to the inputs, filling in
 * the gradients of the layer's {@link Parameter}s on the way.
 *
 * <pre>{@code
 * var relu = Layers.relu();
 * var y = relu.forward(Matrix.of(new double[][]{{-1, 2}}));       // [[0, 2]]
 * var dx = relu.backward(Matrix.of(new double[][]{{5, 5}}));      // [[0, 5]]
 * }</pre>
 *
 * Conventions:
 * <ul>
 *   <li>{@code backward} uses what the last {@code forward} remembered, and overwrites (does not add to) parameter
 *       gradients.</li>
 *   <li>Returned matrices are the layer's own buffers, reused on the next call while the batch shape stays the same
 *       (this keeps training free of allocation); {@code copy()} a result to keep it.</li>
 *   <li>Layers that behave differently in training and evaluation (batch norm, dropout) follow
 *       {@link #setTraining}; others ignore it.</li>
 * </ul>
 */
public interface Layer {

    /** Outputs for a batch of inputs, one example per row. */
    Matrix forward(Matrix x);

    /** Given dL/dy for the last forward, sets the parameter gradients and returns dL/dx. */
    Matrix backward(Matrix dy);

    /**
     * Only the parameter gradients, when nothing below needs dL/dx (the first layer of a network): a dense layer
     * then skips its largest product.
     */
    default void backwardParameters(Matrix dy) {
        backward(dy);
    }

    /** The learned tensors, in a fixed order (empty for activations). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** State that is not learned by gradient but belongs to the model, such as batch norm's running mean. */
    default Map<String, Matrix> buffers() {
        return Map.of();
    }

    /** Switches between training behaviour (batch statistics, dropout masks) and evaluation behaviour. */
    default void setTraining(boolean training) {
    }

    /**
     * The output width for this input width; throws when the layer cannot take that width. The default keeps the
     * width, as activations and dropout do; a layer that changes it or needs a particular one overrides this.
     */
    default int outputWidth(int inputWidth) {
        return inputWidth;
    }

    /**
     * The input width this layer requires, if it fixes one (a dense layer does, an activation does not). A model
     * asks its layers, so a layer of your own that declares its width lets {@code summary()} and a trainer check
     * the data.
     */
    default OptionalInt inputWidth() {
        return OptionalInt.empty();
    }
}
