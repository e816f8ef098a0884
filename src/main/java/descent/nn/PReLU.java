package descent.nn;

import descent.base.Check;
import descent.tensor.Matrix;

import java.util.List;
import java.util.OptionalInt;

/**
 * Parametric ReLU: a leaky ReLU whose negative slope α is learned, one α shared by the layer or one per neuron.
 *
 * <pre>
 *   forward   y_ij = x_ij             where x_ij &gt; 0,   α_j · x_ij elsewhere
 *   backward  dx_ij = dy_ij           where x_ij &gt; 0,   α_j · dy_ij elsewhere
 *             dα_j  = Σ_i dy_ij · x_ij over the rows where x_ij ≤ 0   (summed over j too when α is shared)
 * </pre>
 *
 * He et al. 2015, "Delving deep into rectifiers", with α initialized to 0.25 as there; the lecture's
 * "Parametric ReLU". α is not a weight: regularizers leave it alone by default (the paper does not decay it).
 *
 * <pre>{@code
 * var p = Layers.prelu();          // PReLU(shared): one α for all neurons
 * var q = Layers.prelu(100);       // PReLU(100): one α per neuron
 * p.alpha()                        // the live 1x1 matrix of α: Matrix(1x1)[[0.25]]
 * }</pre>
 */
public final class PReLU implements Layer {
    /** The paper's starting slope. */
    public static final double INITIAL_ALPHA = 0.25;

    private final int width; // 0 when α is shared
    private final Parameter alpha;
    private Matrix x;
    private Matrix y;
    private Matrix dx;

    /** {@code width} 0 shares one α across all neurons; otherwise one α per neuron of that width. */
    public PReLU(int width) {
        this.width = Check.atLeast("PReLU width", width, 0, "0 for one shared α, or the number of neurons");
        this.alpha = new Parameter("alpha", Matrix.zeros(1, Math.max(1, width)).fill(INITIAL_ALPHA), false);
    }

    private double slope(int column) {
        return alpha.value().flat(width == 0 ? 0 : column);
    }

    @Override
    public Matrix forward(Matrix x) {
        if (width > 0) LayerChecks.width(this, width, x);
        this.x = x;
        y = Matrix.reuse(y, x.rows(), x.cols(), x.dtype());
        int c = x.cols();
        if (x.isFloat32()) {
            float[] in = x.floats(), out = y.floats();
            for (int i = 0; i < in.length; i++) out[i] = in[i] > 0 ? in[i] : (float) slope(i % c) * in[i];
            return y;
        }
        double[] in = x.data(), out = y.data();
        for (int i = 0; i < in.length; i++) out[i] = in[i] > 0 ? in[i] : slope(i % c) * in[i];
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        dx = LayerChecks.gradientBuffer(this, y, dy, dx);
        int c = x.cols();
        if (dy.isFloat32()) {
            float[] g = dy.floats(), in = x.floats(), out = dx.floats(), da = alpha.grad().fill(0).floats();
            for (int i = 0; i < g.length; i++) {
                if (in[i] > 0) {
                    out[i] = g[i];
                } else {
                    int j = i % c;
                    out[i] = (float) slope(j) * g[i];
                    da[width == 0 ? 0 : j] += g[i] * in[i];
                }
            }
            return dx;
        }
        double[] g = dy.data(), in = x.data(), out = dx.data(), da = alpha.grad().fill(0).data();
        for (int i = 0; i < g.length; i++) {
            if (in[i] > 0) {
                out[i] = g[i];
            } else {
                int j = i % c;
                out[i] = slope(j) * g[i];
                da[width == 0 ? 0 : j] += g[i] * in[i];
            }
        }
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(alpha);
    }

    /** The learned slopes: 1×1 when shared, 1×width otherwise (live). */
    public Matrix alpha() {
        return alpha.value();
    }

    /** Per-neuron slopes fix the width; one shared slope takes any. */
    @Override
    public OptionalInt inputWidth() {
        return width > 0 ? OptionalInt.of(width) : OptionalInt.empty();
    }

    @Override
    public int outputWidth(int inputWidth) {
        if (width > 0) LayerChecks.widthBefore(this, width, inputWidth);
        return inputWidth;
    }

    @Override
    public String toString() {
        return width == 0 ? "PReLU(shared)" : "PReLU(" + width + ")";
    }
}
