package descent.nn;

import descent.base.Check;
import descent.tensor.Blas;
import descent.tensor.Matrix;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A fully connected (affine) layer: every output is a weighted sum of all inputs plus a bias.
 *
 * <pre>
 *   forward   y  = x·W + b             x: N×in, W: in×out, b: 1×out
 *   backward  dW = xᵀ·dy
 *             db = Σ_rows dy
 *             dx = dy·Wᵀ
 * </pre>
 *
 * Deep Learning from Scratch §5.6 (the book's {@code Affine}); PyTorch {@code nn.Linear} stores W transposed. In a
 * float32 model the same three lines run on float32 matrices: the products are {@code sgemm}, the bias add and the
 * column sums are {@link Matrix#addToEachRow} and {@link Matrix#columnSumsInto}, whose float loops sit beside the
 * double ones. With two BLAS threads ({@link Blas#threads()}) the backward pass computes dx on one core and dW, db on
 * the other ({@link Blas#both}): the same bits as on one thread.
 *
 * <pre>{@code
 * var d = Layers.dense(784, 100, 42);       // Dense(784, 100, seed=42), He-initialized weights, zero bias
 * var y = d.forward(Matrix.zeros(128, 784)); // 128x100
 * }</pre>
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Initializer init;
    private final long seed;
    private final boolean seedShown;
    private final Parameter w;
    private final Parameter b;
    private Matrix x;
    private Matrix y;
    private Matrix dx;
    private Matrix dy;                          // set only while backward's two halves run
    // Bound once, so that a backward pass allocates nothing.
    private final Runnable inputGradient = this::inputGradient;
    private final Runnable parameterGradients = () -> parameterGradients(dy);

    /** A layer with weights drawn by {@code init} from {@code seed}, and zero biases. */
    public Dense(int in, int out, Initializer init, long seed) {
        this(in, out, init, seed, true);
    }

    /** {@code seedShown = false} for layers built by {@link Mlp} or {@link Maxout}, whose own seed determines theirs. */
    Dense(int in, int out, Initializer init, long seed, boolean seedShown) {
        this.in = Check.positive("input width of Dense", in);
        this.out = Check.positive("output width of Dense", out);
        this.init = init;
        this.seed = seed;
        this.seedShown = seedShown;
        this.w = new Parameter("W", Matrix.zeros(in, out), true);
        this.b = new Parameter("b", Matrix.zeros(1, out), false);
        init.initialize(w.value(), in, out, new SplittableRandom(seed));
    }

    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.width(this, in, x);
        this.x = x;
        y = Matrix.reuse(y, x.rows(), out, x.dtype());
        return x.timesInto(w.value(), y).addToEachRow(b.value());
    }

    @Override
    public Matrix backward(Matrix dy) {
        checkBackward(dy);
        dx = Matrix.reuse(dx, x.rows(), in, dy.dtype());
        if ((long) x.rows() * in * out < Blas.PAIR_WORK) {
            parameterGradients(dy);
            return dy.timesTransposeInto(w.value(), dx);
        }
        // dx and dW have the same multiply-adds (rows·in·out): one per core. The same bits as one after the other.
        this.dy = dy;
        try {
            Blas.both(inputGradient, parameterGradients);
        } finally {
            this.dy = null;
        }
        return dx;
    }

    @Override
    public void backwardParameters(Matrix dy) {
        checkBackward(dy);
        parameterGradients(dy);
    }

    private void checkBackward(Matrix dy) {
        LayerChecks.forwardFirst(this, x);
        LayerChecks.gradientShape(this, y, dy);
    }

    private void inputGradient() {
        dy.timesTransposeInto(w.value(), dx);
    }

    private void parameterGradients(Matrix dy) {
        x.transposeTimesInto(dy, w.grad());
        dy.columnSumsInto(b.grad());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(w, b);
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

    /** The weights W (in × out), live. */
    public Matrix weights() {
        return w.value();
    }

    /** The biases b (1 × out), live. */
    public Matrix bias() {
        return b.value();
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    public Initializer init() {
        return init;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "Dense(" + in + ", " + out + (seedShown ? ", seed=" + seed : "") + ")";
    }
}
