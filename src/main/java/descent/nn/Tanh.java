package descent.nn;

import descent.tensor.Matrix;

/**
 * The hyperbolic tangent, element by element: a sigmoid centred on 0, ranging over (−1, 1).
 *
 * <pre>
 *   forward   y  = tanh(x)
 *   backward  dx = dy · (1 − y²)
 * </pre>
 *
 * <pre>{@code
 * Layers.tanh().forward(Matrix.of(new double[][]{{0, 1}}))   // [[0, 0.761594]]
 * }</pre>
 */
public final class Tanh implements Layer {
    private Matrix y;
    private Matrix dx;

    @Override
    public Matrix forward(Matrix x) {
        y = Matrix.reuse(y, x.rows(), x.cols(), x.dtype());
        if (x.isFloat32()) {
            float[] in = x.floats(), out = y.floats();
            for (int i = 0; i < in.length; i++) out[i] = (float) Math.tanh(in[i]);
            return y;
        }
        double[] in = x.data(), out = y.data();
        for (int i = 0; i < in.length; i++) out[i] = Math.tanh(in[i]);
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        dx = LayerChecks.gradientBuffer(this, y, dy, dx);
        if (dy.isFloat32()) {
            float[] g = dy.floats(), t = y.floats(), out = dx.floats();
            for (int i = 0; i < g.length; i++) out[i] = g[i] * (1f - t[i] * t[i]);
            return dx;
        }
        double[] g = dy.data(), t = y.data(), out = dx.data();
        for (int i = 0; i < g.length; i++) out[i] = g[i] * (1.0 - t[i] * t[i]);
        return dx;
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
