package descent.nn;

import descent.base.Format;
import descent.base.Check;
import descent.tensor.Matrix;

/**
 * ReLU with a small fixed slope α for negative inputs, so that no unit is ever completely silent.
 *
 * <pre>
 *   forward   y  = x      where x &gt; 0,   α·x  elsewhere
 *   backward  dx = dy     where x &gt; 0,   α·dy elsewhere
 * </pre>
 *
 * Maas et al. 2013; the lecture's "Leaky ReLU" with α = 0.01. See {@link PReLU} for α learned.
 *
 * <pre>{@code
 * Layers.leakyRelu(0.01).forward(Matrix.of(new double[][]{{-1, 2}}))   // [[-0.01, 2]]
 * }</pre>
 */
public final class LeakyReLU implements Layer {
    private final double alpha;
    private Matrix x;
    private Matrix y;
    private Matrix dx;

    public LeakyReLU(double alpha) {
        this.alpha = Check.closedOpen("LeakyReLU slope α", alpha, 0, 1, "such as 0.01");
    }

    @Override
    public Matrix forward(Matrix x) {
        this.x = x;
        y = Matrix.reuse(y, x.rows(), x.cols(), x.dtype());
        if (x.isFloat32()) {
            float[] in = x.floats(), out = y.floats();
            float a = (float) alpha;
            for (int i = 0; i < in.length; i++) out[i] = in[i] > 0 ? in[i] : a * in[i];
            return y;
        }
        double[] in = x.data(), out = y.data();
        for (int i = 0; i < in.length; i++) out[i] = in[i] > 0 ? in[i] : alpha * in[i];
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        dx = LayerChecks.gradientBuffer(this, y, dy, dx);
        if (dy.isFloat32()) {
            float[] g = dy.floats(), in = x.floats(), out = dx.floats();
            float a = (float) alpha;
            for (int i = 0; i < g.length; i++) out[i] = in[i] > 0 ? g[i] : a * g[i];
            return dx;
        }
        double[] g = dy.data(), in = x.data(), out = dx.data();
        for (int i = 0; i < g.length; i++) out[i] = in[i] > 0 ? g[i] : alpha * g[i];
        return dx;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + Format.repr(alpha) + ")";
    }
}
