package descent.nn;

import descent.tensor.Matrix;

/**
 * Mean squared error.
 *
 * <pre>
 *   L  = (1/N) Σ_i Σ_j (y_ij − t_ij)²       the lecture's e = Σ_j (ŷ_j − y'_j)², averaged over the N examples
 *   dL/dy = 2 (y − t) / N
 * </pre>
 *
 * Conventions differ by constant factors only: the book's {@code mean_squared_error} is ½·Σ(y − t)² per example,
 * PyTorch's {@code MSELoss} divides by N·width.
 *
 * <pre>{@code
 * Losses.mse().forward(Matrix.of(new double[][]{{1, 2}}), Matrix.of(new double[][]{{0, 0}}))   // 5.0
 * }</pre>
 */
public final class MSE implements Loss {
    private Matrix grad;
    private final Widening wide = new Widening(3); // float32: outputs, targets, gradient

    @Override
    public double forward(Matrix output, Matrix target) {
        Loss.checkShapes(this, output, target);
        int n = output.rows();
        grad = Matrix.reuse(grad, output.rows(), output.cols(), output.dtype());
        // float32 outputs: the same double arithmetic on widened copies, the gradient rounded once
        double[] y = wide.in(output, 0), t = wide.in(target, 1), g = wide.out(grad, 2);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - t[i];
            sum += d * d;
            g[i] = 2 * d / n;
        }
        Widening.narrow(g, grad);
        return sum / n;
    }

    @Override
    public Matrix backward() {
        LayerChecks.forwardFirst(this, grad);
        return grad;
    }

    @Override
    public String toString() {
        return "MSE";
    }
}
