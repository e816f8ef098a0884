package descent.nn;

import descent.tensor.Matrix;

import java.util.SplittableRandom;

/**
 * Dropout: in training, each input is kept with probability 1 − p and zeroed otherwise, with a fresh random mask
 * for every batch; in evaluation every unit is kept.
 *
 * <pre>
 *   INVERTED (default, as PyTorch)       training  y = x·m / (1 − p)     evaluation  y = x
 *   SCALE_AT_TEST (the lecture, the book) training  y = x·m               evaluation  y = x·(1 − p)
 *   m_ij ~ Bernoulli(1 − p), drawn from the layer's seeded generator;   backward  dx = dy · (the same factor)
 * </pre>
 *
 * Srivastava et al. 2014. The lecture multiplies the <em>weights</em> by (1 − p) at test time; scaling this layer's
 * output is the same thing, since the next layer is linear in it. Both conventions give E[y_train] = y_eval, so
 * they train the same network up to that constant; inverted dropout keeps the evaluation path untouched.
 *
 * <pre>{@code
 * var d = Layers.dropout(0.2, 42);                                   // Dropout(0.2)
 * var book = Layers.dropout(0.5, 42, Dropout.Convention.SCALE_AT_TEST); // Dropout(0.5, scaleAtTest)
 * }</pre>
 */
public final class Dropout implements Layer {
    /** Where the 1/(1 − p) compensation goes. */
    public enum Convention { INVERTED, SCALE_AT_TEST }

    private final double p;
    private final long seed;
    private final Convention convention;
    private final SplittableRandom random;
    private boolean training = true;
    private boolean repeatMask;
    private boolean forwardInTraining;
    private double[] mask; // the factor per element: 0, 1 or 1/(1−p)
    private Matrix y;
    private Matrix dx;

    public Dropout(double p, long seed, Convention convention) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Invalid dropout probability p: " + p
                    + "; expected a number in [0, 1), the fraction of units dropped, such as 0.2 or 0.5.");
        }
        this.p = p;
        this.seed = seed;
        this.convention = convention;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Matrix forward(Matrix x) {
        int size = x.size();
        y = Matrix.reuse(y, x.rows(), x.cols());
        if (mask == null || mask.length != size) {
            mask = new double[size];
            repeatMask = false; // a frozen mask of another shape cannot be repeated
        }
        forwardInTraining = training;
        double[] in = x.data(), out = y.data();
        if (training) {
            double kept = convention == Convention.INVERTED ? 1.0 / (1.0 - p) : 1.0;
            if (!repeatMask) {
                for (int i = 0; i < size; i++) mask[i] = random.nextDouble() >= p ? kept : 0.0;
            }
            for (int i = 0; i < size; i++) out[i] = in[i] * mask[i];
        } else {
            double scale = evalScale();
            for (int i = 0; i < size; i++) out[i] = in[i] * scale;
        }
        return y;
    }

    private double evalScale() {
        return convention == Convention.INVERTED ? 1.0 : 1.0 - p;
    }

    @Override
    public Matrix backward(Matrix dy) {
        Checks.forwardFirst(this, y);
        Checks.gradientShape(this, y, dy);
        dx = Matrix.reuse(dx, dy.rows(), dy.cols());
        double[] g = dy.data(), out = dx.data();
        if (forwardInTraining) {
            for (int i = 0; i < g.length; i++) out[i] = g[i] * mask[i];
        } else {
            double scale = evalScale();
            for (int i = 0; i < g.length; i++) out[i] = g[i] * scale;
        }
        return dx;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * While true, training forwards reuse the last mask instead of drawing a new one: a gradient check needs the
     * loss to be the same function each time it is evaluated.
     */
    public void repeatMask(boolean repeat) {
        this.repeatMask = repeat && mask != null;
    }

    public double p() {
        return p;
    }

    public long seed() {
        return seed;
    }

    public Convention convention() {
        return convention;
    }

    @Override
    public int outputWidth(int inputWidth) {
        return inputWidth;
    }

    @Override
    public String toString() {
        return "Dropout(" + Initializers.fmt(p) + (convention == Convention.SCALE_AT_TEST ? ", scaleAtTest" : "") + ")";
    }
}
