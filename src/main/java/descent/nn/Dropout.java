package descent.nn;

import descent.base.Format;
import descent.base.Check;
import descent.tensor.Matrix;

import java.util.Map;

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
 * The masks come from SplitMix64, the generator behind {@link java.util.SplittableRandom} (the same numbers as
 * {@code new SplittableRandom(seed).nextDouble()}), whose whole state is one 64-bit counter. That counter is a
 * buffer of this layer ({@code rngState}, its high and low 32 bits as two doubles), so it is saved and loaded with
 * the model and restored by a trainer's rollback: a reloaded model draws the same masks it would have drawn.
 *
 * <pre>{@code
 * var d = Layers.dropout(0.2, 42);                                   // Dropout(0.2, seed=42)
 * var book = Layers.dropout(0.5, 42, Dropout.Convention.SCALE_AT_TEST); // Dropout(0.5, scaleAtTest, seed=42)
 * d.buffers()                                                        // {rngState=Matrix(1x2)[...]}: where the masks are in their stream
 * }</pre>
 */
public final class Dropout implements Layer {
    /** Where the 1/(1 − p) compensation goes. */
    public enum Convention { INVERTED, SCALE_AT_TEST }

    private final double p;
    private final long seed;
    private final Convention convention;
    private final boolean seedShown;
    private final Matrix rngState; // the SplitMix64 counter as {high 32 bits, low 32 bits}, exact in doubles
    private boolean training = true;
    private boolean repeatMask;
    private boolean forwardInTraining;
    private double[] mask; // the factor per element: 0, 1 or 1/(1−p)
    private Matrix y;
    private Matrix dx;

    public Dropout(double p, long seed, Convention convention) {
        this(p, seed, convention, true);
    }

    /** {@code seedShown = false} for layers built by {@link Mlp}, whose own seed determines theirs. */
    Dropout(double p, long seed, Convention convention, boolean seedShown) {
        this.p = Check.closedOpen("dropout probability p", p, 0, 1, "the fraction of units dropped, such as 0.2 or 0.5");
        this.seed = seed;
        this.convention = convention;
        this.seedShown = seedShown;
        this.rngState = Matrix.zeros(1, 2);
        setState(seed);
    }

    private long state() {
        return ((long) rngState.data()[0] << 32) | (long) rngState.data()[1];
    }

    private void setState(long s) {
        rngState.data()[0] = s >>> 32;
        rngState.data()[1] = s & 0xFFFFFFFFL;
    }

    /** SplitMix64 (Steele, Lea &amp; Flood 2014), exactly as {@code SplittableRandom.nextDouble()} from the same state. */
    private static double nextDouble(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    }

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    @Override
    public Matrix forward(Matrix x) {
        int size = x.size();
        y = Matrix.reuse(y, x.rows(), x.cols(), x.dtype());
        if (mask == null || mask.length != size) {
            mask = new double[size];
            repeatMask = false; // a frozen mask of another shape cannot be repeated
        }
        forwardInTraining = training;
        if (training) {
            double kept = convention == Convention.INVERTED ? 1.0 / (1.0 - p) : 1.0;
            if (!repeatMask) {
                long state = state();
                for (int i = 0; i < size; i++) {
                    state += GOLDEN_GAMMA;
                    mask[i] = nextDouble(state) >= p ? kept : 0.0;
                }
                setState(state);
            }
            return times(x, mask, y);
        }
        return times(x, evalScale(), y);
    }

    /** out ← x ⊙ factors, the product rounded once to out's dtype (float32: factors such as 1/0.7 stay exact). */
    private static Matrix times(Matrix x, double[] factors, Matrix out) {
        if (x.isFloat32()) {
            float[] in = x.floats(), o = out.floats();
            for (int i = 0; i < in.length; i++) o[i] = (float) (in[i] * factors[i]);
        } else {
            double[] in = x.data(), o = out.data();
            for (int i = 0; i < in.length; i++) o[i] = in[i] * factors[i];
        }
        return out;
    }

    /** out ← x · factor. */
    private static Matrix times(Matrix x, double factor, Matrix out) {
        if (x.isFloat32()) {
            float[] in = x.floats(), o = out.floats();
            for (int i = 0; i < in.length; i++) o[i] = (float) (in[i] * factor);
        } else {
            double[] in = x.data(), o = out.data();
            for (int i = 0; i < in.length; i++) o[i] = in[i] * factor;
        }
        return out;
    }

    private double evalScale() {
        return convention == Convention.INVERTED ? 1.0 : 1.0 - p;
    }

    @Override
    public Matrix backward(Matrix dy) {
        dx = LayerChecks.gradientBuffer(this, y, dy, dx);
        return forwardInTraining ? times(dy, mask, dx) : times(dy, evalScale(), dx);
    }

    /** The generator's position: {@code rngState}, saved and loaded with the model. */
    @Override
    public Map<String, Matrix> buffers() {
        return Map.of("rngState", rngState);
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
    public String toString() {
        return "Dropout(" + Format.repr(p) + (convention == Convention.SCALE_AT_TEST ? ", scaleAtTest" : "")
                + (seedShown ? ", seed=" + seed : "") + ")";
    }
}
