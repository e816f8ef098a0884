package descent.nn;

import descent.tensor.Matrix;

/**
 * The layer protocol's messages, shared so each layer says the same thing the same way: the input width, backward
 * before forward, the gradient's shape, a non-finite input. Argument checks (a width >= 1, a probability) use
 * {@link descent.base.Check}.
 */
final class LayerChecks {
    private LayerChecks() {
    }

    static void width(Object layer, int expected, Matrix x) {
        if (x.cols() != expected) {
            throw new IllegalArgumentException(layer + " expects input width " + expected + " but got " + x.cols()
                    + "; did you leave the label column in x?");
        }
    }

    /** In {@code outputWidth}: the width the layer before gives must be the one this layer was built for. */
    static void widthBefore(Object layer, int expected, int given) {
        if (given != expected) {
            throw new IllegalArgumentException(layer + " expects input width " + expected + " but the layer before gives "
                    + given + ".");
        }
    }

    static void forwardFirst(Object layer, Object remembered) {
        if (remembered == null) {
            throw new IllegalStateException(layer + ": backward was called before forward; run forward on a batch first.");
        }
    }

    static void gradientShape(Object layer, Matrix output, Matrix dy) {
        if (!output.sameShape(dy)) {
            throw new IllegalArgumentException(layer + ": the gradient is " + dy.shape() + " but the last output was "
                    + output.shape() + "; backward needs dL/dy of the same shape as forward's output.");
        }
    }

    /**
     * The opening of an elementwise layer's backward: forward ran, dy has the shape of forward's output; returns
     * the layer's dx buffer, reused when its shape still fits.
     */
    static Matrix gradientBuffer(Object layer, Matrix output, Matrix dy, Matrix dx) {
        forwardFirst(layer, output);
        gradientShape(layer, output, dy);
        return Matrix.reuse(dx, dy.rows(), dy.cols(), dy.dtype());
    }

    /** Throws if m holds NaN or an infinity, naming the first one's row and column. */
    static void finite(String what, Matrix m, String hint) {
        int bad = m.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException(what + " has " + m.flat(bad) + " at row " + bad / m.cols() + ", column "
                    + bad % m.cols() + "; " + hint);
        }
    }
}
