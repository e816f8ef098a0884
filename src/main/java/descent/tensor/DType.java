package descent.tensor;

/**
 * The number type a {@link Matrix} stores: {@code FLOAT64} ({@code double}, the default everywhere) or
 * {@code FLOAT32} ({@code float}, half the memory and about twice the matrix-multiply speed).
 *
 * <pre>{@code
 * Matrix.zeros(2, 3).dtype();                   // float64
 * Matrix.zeros(2, 3, DType.FLOAT32).dtype();    // float32
 * var net = Mlp.of(784, 100, 10).float32();     // a network whose weights, activations and gradients are float32
 * net.dtype()                                   // float32
 * }</pre>
 *
 * float32 keeps about 7 significant digits (machine epsilon 2⁻²³ ≈ 1.2e-7) against float64's 16; that is plenty for
 * training, which is why PyTorch trains in float32 by default, but too few for gradient checks by central
 * differences, which always run in float64.
 */
public enum DType {
    /** IEEE-754 binary64, Java's {@code double}. */
    FLOAT64,
    /** IEEE-754 binary32, Java's {@code float}. */
    FLOAT32;

    /** {@code "float64"} or {@code "float32"}, as numpy and PyTorch name them. */
    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
