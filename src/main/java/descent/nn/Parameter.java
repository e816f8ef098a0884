package descent.nn;

import descent.tensor.DType;
import descent.tensor.Matrix;

/**
 * A learned tensor of a layer: its name, its current value, and the gradient of the loss with respect to it from
 * the last backward pass. Both matrices are live: optimizers change {@code value} in place.
 *
 * <pre>{@code
 * var dense = Layers.dense(2, 3, 42);
 * dense.parameters();          // [Parameter(W, 2x3), Parameter(b, 1x3)]
 * dense.parameters().get(0).value()   // Matrix(2x3)[[-0.717165, 1.02676, 1.03669], [0.959734, 0.0441049, -0.795089]]
 * }</pre>
 *
 * {@code weight} tells regularizers whether this is a weight (penalized by default) or a bias, a batch-norm shift
 * or scale, or a PReLU slope (not penalized by default), following common practice.
 */
public final class Parameter {
    private final String name;
    private Matrix value;
    private Matrix grad;
    private final boolean weight;

    public Parameter(String name, Matrix value, boolean weight) {
        this.name = name;
        this.value = value;
        this.grad = Matrix.zeros(value.rows(), value.cols(), value.dtype());
        this.weight = weight;
    }

    public String name() {
        return name;
    }

    /** The live values. */
    public Matrix value() {
        return value;
    }

    /** The live gradient, overwritten by each backward pass. */
    public Matrix grad() {
        return grad;
    }

    /** True for weights (regularized by default), false for biases and other shifts, scales and slopes. */
    public boolean isWeight() {
        return weight;
    }

    /** Converts value and gradient to {@code dtype} (rounding to float32, exact back to float64); for {@link Sequential#to}. */
    void convert(DType dtype) {
        if (value.dtype() == dtype) return;
        value = value.to(dtype);
        grad = grad.to(dtype);
    }

    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + value.shape() + ")";
    }
}
