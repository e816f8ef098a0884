package descent.nn;

import descent.tensor.Matrix;

/**
 * Softmax followed by cross-entropy, on raw scores (logits), fused so that it is stable and its gradient simple.
 *
 * <pre>
 *   p_ij = softmax(z_i)_j
 *   L    = −(1/N) Σ_i Σ_j t_ij · log p_ij,   log p_ij = z_ij − m_i − log Σ_k exp(z_ik − m_i),  m_i = max_k z_ik
 *   dL/dz = (p − t) / N
 * </pre>
 *
 * The lecture's cross-entropy e = −Σ ŷ_i ln y'_i; Deep Learning from Scratch §5.6.3 ({@code SoftmaxWithLoss}).
 * Subtracting the row maximum keeps exp from overflowing, and taking log p from the log-sum-exp directly (rather
 * than log of a rounded p) keeps scores of ±1000 finite. Targets may be one-hot or any probability rows.
 *
 * <pre>{@code
 * var ce = Losses.softmaxCrossEntropy();
 * ce.forward(Matrix.of(new double[][]{{2, 1, 0}}), Matrix.of(new double[][]{{1, 0, 0}}));  // 0.4076059644443804
 * ce.probabilities()   // Matrix(1x3)[[0.665241, 0.244728, 0.0900306]]
 * }</pre>
 */
public final class SoftmaxCrossEntropy implements Loss {
    private Matrix p;
    private Matrix grad;
    private final Widening wide = new Widening(4); // float32: scores, targets, probabilities, gradient

    @Override
    public double forward(Matrix output, Matrix target) {
        Loss.checkShapes(this, output, target);
        int n = output.rows(), c = output.cols();
        p = Matrix.reuse(p, n, c, output.dtype());
        grad = Matrix.reuse(grad, n, c, output.dtype());
        // float32 scores: the same double arithmetic on widened copies, probabilities and gradient rounded once
        double[] z = wide.in(output, 0), t = wide.in(target, 1), probs = wide.out(p, 2), g = wide.out(grad, 3);
        double loss = 0;
        for (int r = 0, o = 0; r < n; r++, o += c) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, z[o + j]);
            double sum = 0;
            for (int j = 0; j < c; j++) sum += Math.exp(z[o + j] - max);
            double logSum = Math.log(sum);
            for (int j = 0; j < c; j++) {
                double logP = z[o + j] - max - logSum;
                probs[o + j] = Math.exp(logP);
                if (t[o + j] != 0) loss -= t[o + j] * logP;
                g[o + j] = (probs[o + j] - t[o + j]) / n;
            }
        }
        Widening.narrow(probs, p);
        Widening.narrow(g, grad);
        return loss / n;
    }

    @Override
    public Matrix backward() {
        LayerChecks.forwardFirst(this, grad);
        return grad;
    }

    /** The softmax probabilities of the last forward (live buffer). */
    public Matrix probabilities() {
        LayerChecks.forwardFirst(this, p);
        return p;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
