package descent.nn;

import descent.tensor.Matrix;

/**
 * Softmax over each row: turns scores into probabilities that sum to 1.
 *
 * <pre>
 *   forward   y_ij = exp(x_ij − m_i) / Σ_k exp(x_ik − m_i)      m_i = max_k x_ik (for stability; it cancels)
 *   backward  dx_ij = y_ij · (dy_ij − Σ_k dy_ik · y_ik)
 * </pre>
 *
 * Deep Learning from Scratch §3.5. For classification prefer {@link SoftmaxCrossEntropy} on raw scores: it fuses
 * both and its gradient is simply (y − t)/N.
 *
 * <pre>{@code
 * Layers.softmax().forward(Matrix.of(new double[][]{{0.3, 2.9, 4.0}}))   // [[0.0182113, 0.245192, 0.736597]]
 * }</pre>
 */
public final class Softmax implements Layer {
    private Matrix y;
    private Matrix dx;
    private final Widening wide = new Widening(3); // float32: dy, y, dx

    @Override
    public Matrix forward(Matrix x) {
        y = Matrix.reuse(y, x.rows(), x.cols(), x.dtype());
        // float32: the same double arithmetic on a widened copy, rounded once
        double[] out = wide.out(y, 2);
        softmaxRows(wide.in(x, 0), out, x.cols());
        return Widening.narrow(out, y);
    }

    /** o ← row-wise softmax of the rows of width c in {@code in} (may be the same array). */
    static void softmaxRows(double[] in, double[] o, int c) {
        for (int off = 0; off < in.length; off += c) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, in[off + j]);
            double sum = 0;
            for (int j = 0; j < c; j++) {
                o[off + j] = Math.exp(in[off + j] - max);
                sum += o[off + j];
            }
            for (int j = 0; j < c; j++) o[off + j] /= sum;
        }
    }

    @Override
    public Matrix backward(Matrix dy) {
        dx = LayerChecks.gradientBuffer(this, y, dy, dx);
        int c = y.cols();
        double[] g = wide.in(dy, 0), s = wide.in(y, 1), out = wide.out(dx, 2);
        for (int r = 0, off = 0; r < y.rows(); r++, off += c) {
            double dot = 0;
            for (int j = 0; j < c; j++) dot += g[off + j] * s[off + j];
            for (int j = 0; j < c; j++) out[off + j] = s[off + j] * (g[off + j] - dot);
        }
        return Widening.narrow(out, dx);
    }

    @Override
    public String toString() {
        return "Softmax";
    }
}
