package descent.nn;

import descent.base.Check;
import descent.tensor.Matrix;

import java.util.List;
import java.util.OptionalInt;

/**
 * Maxout: a learned piecewise-linear activation. Each of the {@code out} units computes k affine functions of the
 * input and outputs the largest; with enough pieces it can learn ReLU, |x|, or any convex piecewise-linear shape.
 *
 * <pre>
 *   forward   z  = x·W + b                          W: in×(out·k), unit j owns columns j·k … j·k+k−1
 *             y_ij = max_p z_i,jk+p                 remember the winning piece p*
 *   backward  dz_i,jk+p = dy_ij if p = p*, else 0   (the gradient flows only through the winner)
 *             dW = xᵀ·dz,  db = Σ_rows dz,  dx = dz·Wᵀ
 * </pre>
 *
 * Goodfellow et al. 2013, "Maxout Networks"; the lecture's "learnable activation function", where ReLU is the
 * special case of two pieces with one fixed at 0.
 *
 * <pre>{@code
 * var m = Layers.maxout(1, 1, 2, 42);        // Maxout(1, 1, k=2, seed=42): max(w1·x + b1, w2·x + b2)
 * m.forward(Matrix.of(new double[][]{{-1}, {2}}))   // Matrix(2x1)[[1.01422], [2.90412]]
 * }</pre>
 */
public final class Maxout implements Layer {
    private final int in;
    private final int out;
    private final int k;
    private final Dense affine;
    private final boolean seedShown;
    private Matrix y;
    private Matrix dz;
    private int[] winner;

    public Maxout(int in, int out, int k, Initializer init, long seed) {
        this(in, out, k, init, seed, true);
    }

    /** {@code seedShown = false} for layers built by {@link Mlp}, whose own seed determines theirs. */
    Maxout(int in, int out, int k, Initializer init, long seed, boolean seedShown) {
        this.in = Check.positive("input width of Maxout", in);
        this.out = Check.positive("output width of Maxout", out);
        this.k = Check.atLeast("number of Maxout pieces k", k, 2, "k = 2 can learn ReLU");
        this.affine = new Dense(in, out * k, init, seed, false);
        this.seedShown = seedShown;
    }

    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.width(this, in, x);
        Matrix z = affine.forward(x);
        int n = x.rows();
        y = Matrix.reuse(y, n, out, x.dtype());
        if (winner == null || winner.length != n * out) winner = new int[n * out];
        for (int i = 0; i < n * out; i++) {
            int base = i * k, best = base; // row-major: unit (r, j) owns z[r, j·k … j·k+k−1] = z[i·k …]
            for (int p = 1; p < k; p++) {
                if (z.flat(base + p) > z.flat(best)) best = base + p;
            }
            winner[i] = best;
        }
        return gather(z, y);
    }

    /** y_i ← z at the winning piece of unit i: no arithmetic, so one loop per dtype only copies. */
    private Matrix gather(Matrix z, Matrix y) {
        if (y.isFloat32()) {
            float[] zs = z.floats(), ys = y.floats();
            for (int i = 0; i < ys.length; i++) ys[i] = zs[winner[i]];
        } else {
            double[] zs = z.data(), ys = y.data();
            for (int i = 0; i < ys.length; i++) ys[i] = zs[winner[i]];
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        spread(dy);
        return affine.backward(dz);
    }

    @Override
    public void backwardParameters(Matrix dy) {
        spread(dy);
        affine.backwardParameters(dz);
    }

    private void spread(Matrix dy) {
        LayerChecks.forwardFirst(this, y);
        LayerChecks.gradientShape(this, y, dy);
        dz = Matrix.reuse(dz, dy.rows(), out * k, dy.dtype()).fill(0);
        if (dy.isFloat32()) {
            float[] g = dy.floats(), d = dz.floats();
            for (int i = 0; i < g.length; i++) d[winner[i]] = g[i];
        } else {
            double[] g = dy.data(), d = dz.data();
            for (int i = 0; i < g.length; i++) d[winner[i]] = g[i];
        }
    }

    @Override
    public List<Parameter> parameters() {
        return affine.parameters();
    }

    /** The weights of all pieces, in × (out·k), live. */
    public Matrix weights() {
        return affine.weights();
    }

    /** The biases of all pieces, 1 × (out·k), live. */
    public Matrix bias() {
        return affine.bias();
    }

    public int pieces() {
        return k;
    }

    @Override
    public OptionalInt inputWidth() {
        return OptionalInt.of(in);
    }

    @Override
    public int outputWidth(int inputWidth) {
        LayerChecks.widthBefore(this, in, inputWidth);
        return out;
    }

    @Override
    public String toString() {
        return "Maxout(" + in + ", " + out + ", k=" + k + (seedShown ? ", seed=" + affine.seed() : "") + ")";
    }
}
