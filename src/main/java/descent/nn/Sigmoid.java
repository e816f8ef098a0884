package descent.nn;

import descent.tensor.Matrix;

/**
 * The logistic sigmoid, element by element.
 *
 * <pre>
 *   forward   y  = 1 / (1 + e^(−x))
 *   backward  dx = dy · y · (1 − y)        (at most dy/4: the vanishing gradient of deep sigmoid nets)
 * </pre>
 *
 * Deep Learning from Scratch §3.2.4 and §5.5.2.
 *
 * <pre>{@code
 * Layers.sigmoid().forward(Matrix.of(new double[][]{{0}}))   // [[0.5]]
 * }</pre>
 */
public final class Sigmoid implements Layer {
    private Matrix y;
    private Matrix dx;

    @Override
    public Matrix forward(Matrix x) {
        y = Matrix.reuse(y, x.rows(), x.cols(), x.dtype());
        if (x.isFloat32()) {
            float[] in = x.floats(), out = y.floats();
            for (int i = 0; i < in.length; i++) out[i] = (float) (1.0 / (1.0 + Math.exp(-in[i])));
            return y;
        }
        double[] in = x.data(), out = y.data();
        for (int i = 0; i < in.length; i++) out[i] = 1.0 / (1.0 + Math.exp(-in[i]));
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        dx = LayerChecks.gradientBuffer(this, y, dy, dx);
        if (dy.isFloat32()) {
            float[] g = dy.floats(), s = y.floats(), out = dx.floats();
            for (int i = 0; i < g.length; i++) out[i] = g[i] * s[i] * (1f - s[i]);
            return dx;
        }
        double[] g = dy.data(), s = y.data(), out = dx.data();
        for (int i = 0; i < g.length; i++) out[i] = g[i] * s[i] * (1.0 - s[i]);
        return dx;
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
