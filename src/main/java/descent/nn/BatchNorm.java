package descent.nn;

import descent.base.Format;
import descent.base.Check;
import descent.tensor.Matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Batch normalization: standardizes each feature over the batch, then rescales it with a learned γ and shift β.
 *
 * <pre>
 *   training, per column j over the N rows of the batch:
 *     μ = mean(x),  σ² = mean((x − μ)²),  x̂ = (x − μ) / √(σ² + ε),  y = γ·x̂ + β
 *     running_mean ← (1 − momentum)·running_mean + momentum·μ      (same for running_var with σ²)
 *   evaluation: the same with running_mean and running_var in place of μ and σ²
 *
 *   backward (training), s = √(σ² + ε):
 *     dβ = Σ dy,  dγ = Σ dy·x̂,  dx̂ = dy·γ
 *     dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / s
 *   backward (evaluation): dx = dy·γ / √(running_var + ε)
 * </pre>
 *
 * Ioffe &amp; Szegedy 2015; the lecture's "Batch Normalization" (z̃ = (z − μ)/σ, ẑ = γ·z̃ + β) and Deep Learning from
 * Scratch §6.3. Defaults follow PyTorch: momentum 0.1 is the weight of the new batch (the book writes the same rule
 * with momentum 0.9 on the old value), ε = 1e-5. Like the book and unlike PyTorch, the running variance averages the
 * biased batch variance. It can sit before or after an activation (the lecture: before, for sigmoid). In a float32
 * model γ and β are float32; the statistics and this arithmetic stay in double (on widened copies of the input, the
 * output rounded once), and the running mean and variance stay float64.
 *
 * <pre>{@code
 * var bn = Layers.batchNorm(100);     // BatchNorm(100, train)
 * bn.setTraining(false);
 * bn                                  // BatchNorm(100, eval): uses the running statistics
 * }</pre>
 */
public final class BatchNorm implements Layer {
    public static final double DEFAULT_MOMENTUM = 0.1;
    public static final double DEFAULT_EPS = 1e-5;

    private final int width;
    private final double momentum;
    private final double eps;
    private final Parameter gamma;
    private final Parameter beta;
    private final Matrix runningMean;
    private final Matrix runningVar;
    private boolean training = true;
    private boolean forwardInTraining;
    private Matrix xhat;
    private Matrix y;
    private Matrix dx;
    private final double[] mean;
    private final double[] invStd;
    private final double[] sumDy;
    private final double[] sumDyXhat;
    private final Widening wide = new Widening(4); // float32: input or dy, γ, β, output

    public BatchNorm(int width, double momentum, double eps) {
        this.width = Check.positive("BatchNorm width", width);
        this.momentum = Check.closed("BatchNorm momentum", momentum, 0, 1, "such as 0.1 (the weight of each new batch)");
        this.eps = Check.positive("BatchNorm eps", eps, "a small number such as 1e-5");
        this.gamma = new Parameter("gamma", Matrix.zeros(1, width).fill(1.0), false);
        this.beta = new Parameter("beta", Matrix.zeros(1, width), false);
        this.runningMean = Matrix.zeros(1, width);
        this.runningVar = Matrix.zeros(1, width).fill(1.0);
        this.mean = new double[width];
        this.invStd = new double[width];
        this.sumDy = new double[width];
        this.sumDyXhat = new double[width];
    }

    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.width(this, width, x);
        int n = x.rows();
        if (training && n < 2) {
            throw new IllegalArgumentException(this + " needs at least 2 examples per batch in training to estimate a "
                    + "variance, but got " + n + ". Train with a batch size of at least 2; to run one example through a trained "
                    + "network use predict(x), which uses the running statistics.");
        }
        forwardInTraining = training;
        // float32 runs the same double code on widened copies and rounds the output once (Widening).
        double[] in = wide.in(x, 0), rm = runningMean.data(), rv = runningVar.data();
        if (training) {
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(invStd, 0); // first holds the variance
            for (int i = 0, o = 0; i < n; i++, o += width) for (int j = 0; j < width; j++) mean[j] += in[o + j];
            for (int j = 0; j < width; j++) mean[j] /= n;
            for (int i = 0, o = 0; i < n; i++, o += width) {
                for (int j = 0; j < width; j++) {
                    double d = in[o + j] - mean[j];
                    invStd[j] += d * d;
                }
            }
            for (int j = 0; j < width; j++) {
                double var = invStd[j] / n;
                rm[j] = (1 - momentum) * rm[j] + momentum * mean[j];
                rv[j] = (1 - momentum) * rv[j] + momentum * var;
                invStd[j] = 1.0 / Math.sqrt(var + eps);
            }
        } else {
            for (int j = 0; j < width; j++) {
                mean[j] = rm[j];
                invStd[j] = 1.0 / Math.sqrt(rv[j] + eps);
            }
        }
        xhat = Matrix.reuse(xhat, n, width);
        y = Matrix.reuse(y, n, width, x.dtype());
        double[] h = xhat.data(), out = wide.out(y, 3), g = wide.in(gamma.value(), 1), b = wide.in(beta.value(), 2);
        for (int i = 0, o = 0; i < n; i++, o += width) {
            for (int j = 0; j < width; j++) {
                h[o + j] = (in[o + j] - mean[j]) * invStd[j];
                out[o + j] = g[j] * h[o + j] + b[j];
            }
        }
        return Widening.narrow(out, y);
    }

    @Override
    public Matrix backward(Matrix dy) {
        LayerChecks.forwardFirst(this, y);
        LayerChecks.gradientShape(this, y, dy);
        int n = dy.rows();
        double[] d = wide.in(dy, 0), h = xhat.data(), g = wide.in(gamma.value(), 1);
        java.util.Arrays.fill(sumDy, 0);
        java.util.Arrays.fill(sumDyXhat, 0);
        for (int i = 0, o = 0; i < n; i++, o += width) {
            for (int j = 0; j < width; j++) {
                sumDy[j] += d[o + j];
                sumDyXhat[j] += d[o + j] * h[o + j];
            }
        }
        Widening.narrow(sumDy, beta.grad());
        Widening.narrow(sumDyXhat, gamma.grad());
        dx = Matrix.reuse(dx, n, width, dy.dtype());
        double[] out = wide.out(dx, 3);
        for (int i = 0, o = 0; i < n; i++, o += width) {
            for (int j = 0; j < width; j++) {
                // dx̂ = dy·γ, so mean(dx̂) = γ·Σdy/N and mean(dx̂·x̂) = γ·Σ(dy·x̂)/N.
                out[o + j] = forwardInTraining
                        ? g[j] * invStd[j] * (d[o + j] - sumDy[j] / n - h[o + j] * sumDyXhat[j] / n)
                        : g[j] * invStd[j] * d[o + j];
            }
        }
        return Widening.narrow(out, dx);
    }


    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Map<String, Matrix> buffers() {
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("runningMean", runningMean);
        m.put("runningVar", runningVar);
        return m;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    /** γ (1 × width), live. */
    public Matrix gamma() {
        return gamma.value();
    }

    /** β (1 × width), live. */
    public Matrix beta() {
        return beta.value();
    }

    /** The running mean used in evaluation (1 × width), live. */
    public Matrix runningMean() {
        return runningMean;
    }

    /** The running (biased) variance used in evaluation (1 × width), live. */
    public Matrix runningVar() {
        return runningVar;
    }

    @Override
    public OptionalInt inputWidth() {
        return OptionalInt.of(width);
    }

    @Override
    public int outputWidth(int inputWidth) {
        LayerChecks.widthBefore(this, width, inputWidth);
        return width;
    }

    @Override
    public String toString() {
        return "BatchNorm(" + width + ", " + (training ? "train" : "eval")
                + (momentum != DEFAULT_MOMENTUM ? ", momentum=" + Format.repr(momentum) : "")
                + (eps != DEFAULT_EPS ? ", eps=" + Format.repr(eps) : "") + ")";
    }
}
