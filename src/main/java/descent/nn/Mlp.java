package descent.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron built from its layer widths, with fluent choices for everything else. Each call returns
 * a new, freshly initialized network; the last layer is a plain {@link Dense} giving raw class scores (pair it with
 * {@link SoftmaxCrossEntropy}).
 *
 * <pre>
 *   hidden layer:  Dense(in, out) [BatchNorm] activation [BatchNorm if after activation] [Dropout]
 *   output layer:  Dense(in, classes)
 * </pre>
 *
 * <pre>{@code
 * var net = Mlp.of(784, 100, 100, 10).relu().batchNorm().dropout(0.2).init(Initializers.he()).seed(42);
 * net;            // Mlp[Dense(784, 100), BatchNorm(100, train), ReLU, Dropout(0.2), Dense(100, 100), BatchNorm(100, train), ReLU, Dropout(0.2), Dense(100, 10); seed=42]
 * net.summary();  // index, layer, output, params: 90010 parameters
 * Mlp.of(2, 16, 16, 2).maxout(2)   // Mlp[Maxout(2, 16, k=2), Maxout(16, 16, k=2), Dense(16, 2); seed=0]
 * }</pre>
 *
 * Defaults: ReLU; He initialization for the ReLU family and Maxout, the book's Xavier (std √(1/n)) for sigmoid and
 * tanh (Deep Learning from Scratch §6.2.4); no batch norm; no dropout; seed 0. Each layer's seed is drawn from the
 * model's seed, so the same seed gives the same network bit for bit.
 */
public final class Mlp extends Sequential {
    /** The hidden-layer activation. */
    public enum Activation { RELU, SIGMOID, TANH, LEAKY_RELU, PRELU, PRELU_PER_NEURON, MAXOUT }

    private record Spec(int[] widths, Activation activation, double alphaOrK, int batchNorm, double dropout,
                        Dropout.Convention convention, Initializer init, long seed) {
    }

    private static final int NO_BN = 0, BN_BEFORE = 1, BN_AFTER = 2;

    private final Spec spec;

    private Mlp(Spec spec) {
        super(build(spec));
        this.spec = spec;
    }

    /** Layer widths from input to output, e.g. 784, 100, 100, 10: two hidden layers of 100. */
    public static Mlp of(int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("Mlp.of needs at least an input and an output width, such as Mlp.of(784, 100, 10); got "
                    + Arrays.toString(widths) + ".");
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("Invalid layer width " + w + " in Mlp.of" + Arrays.toString(widths) + "; widths must be >= 1.");
            }
        }
        return new Mlp(new Spec(widths.clone(), Activation.RELU, 0, NO_BN, 0, Dropout.Convention.INVERTED, null, 0));
    }

    private Mlp with(Activation a, double alphaOrK) {
        return new Mlp(new Spec(spec.widths, a, alphaOrK, spec.batchNorm, spec.dropout, spec.convention, spec.init, spec.seed));
    }

    public Mlp relu() {
        return with(Activation.RELU, 0);
    }

    public Mlp sigmoid() {
        return with(Activation.SIGMOID, 0);
    }

    public Mlp tanh() {
        return with(Activation.TANH, 0);
    }

    public Mlp leakyRelu(double alpha) {
        new LeakyReLU(alpha); // validates
        return with(Activation.LEAKY_RELU, alpha);
    }

    /** PReLU with one learned slope per layer. */
    public Mlp prelu() {
        return with(Activation.PRELU, 0);
    }

    /** PReLU with one learned slope per neuron. */
    public Mlp preluPerNeuron() {
        return with(Activation.PRELU_PER_NEURON, 0);
    }

    /** Maxout units with k pieces in place of each hidden Dense + activation. */
    public Mlp maxout(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("Invalid number of Maxout pieces k: " + k + "; expected at least 2.");
        }
        return with(Activation.MAXOUT, k);
    }

    /** Batch norm between each hidden Dense and its activation (the lecture's advice for sigmoid). */
    public Mlp batchNorm() {
        return new Mlp(new Spec(spec.widths, spec.activation, spec.alphaOrK, BN_BEFORE, spec.dropout, spec.convention, spec.init, spec.seed));
    }

    /** Batch norm after each hidden activation instead. */
    public Mlp batchNormAfterActivation() {
        return new Mlp(new Spec(spec.widths, spec.activation, spec.alphaOrK, BN_AFTER, spec.dropout, spec.convention, spec.init, spec.seed));
    }

    /** Inverted dropout with probability p after each hidden activation. */
    public Mlp dropout(double p) {
        return dropout(p, Dropout.Convention.INVERTED);
    }

    public Mlp dropout(double p, Dropout.Convention convention) {
        new Dropout(p, 0, convention); // validates p
        return new Mlp(new Spec(spec.widths, spec.activation, spec.alphaOrK, spec.batchNorm, p, convention, spec.init, spec.seed));
    }

    /** The weight initializer for every Dense (and Maxout) layer. */
    public Mlp init(Initializer init) {
        return new Mlp(new Spec(spec.widths, spec.activation, spec.alphaOrK, spec.batchNorm, spec.dropout, spec.convention, init, spec.seed));
    }

    public Mlp seed(long seed) {
        return new Mlp(new Spec(spec.widths, spec.activation, spec.alphaOrK, spec.batchNorm, spec.dropout, spec.convention, spec.init, seed));
    }

    public long seed() {
        return spec.seed;
    }

    /** The widths from input to output. */
    public int[] widths() {
        return spec.widths.clone();
    }

    /** The initializer in use (the activation's default unless set). */
    public Initializer initializer() {
        return initOf(spec);
    }

    private static Initializer initOf(Spec s) {
        if (s.init != null) return s.init;
        return s.activation == Activation.SIGMOID || s.activation == Activation.TANH ? Initializers.xavier() : Initializers.he();
    }

    private static List<Layer> build(Spec s) {
        SplittableRandom seeds = new SplittableRandom(s.seed);
        Initializer init = initOf(s);
        List<Layer> layers = new ArrayList<>();
        int[] w = s.widths;
        for (int i = 0; i + 2 < w.length; i++) {
            int in = w[i], out = w[i + 1];
            if (s.activation == Activation.MAXOUT) {
                layers.add(new Maxout(in, out, (int) s.alphaOrK, init, seeds.nextLong()));
                if (s.batchNorm != NO_BN) layers.add(Layers.batchNorm(out));
            } else {
                layers.add(new Dense(in, out, init, seeds.nextLong()));
                if (s.batchNorm == BN_BEFORE) layers.add(Layers.batchNorm(out));
                layers.add(activation(s, out));
                if (s.batchNorm == BN_AFTER) layers.add(Layers.batchNorm(out));
            }
            long dropoutSeed = seeds.nextLong(); // drawn even without dropout, so adding it keeps the weights
            if (s.dropout > 0) layers.add(new Dropout(s.dropout, dropoutSeed, s.convention));
        }
        layers.add(new Dense(w[w.length - 2], w[w.length - 1], init, seeds.nextLong()));
        return layers;
    }

    private static Layer activation(Spec s, int width) {
        return switch (s.activation) {
            case RELU -> Layers.relu();
            case SIGMOID -> Layers.sigmoid();
            case TANH -> Layers.tanh();
            case LEAKY_RELU -> Layers.leakyRelu(s.alphaOrK);
            case PRELU -> Layers.prelu();
            case PRELU_PER_NEURON -> Layers.prelu(width);
            case MAXOUT -> throw new AssertionError("Maxout replaces the Dense layer");
        };
    }

    @Override
    public int inputWidth() {
        return spec.widths[0];
    }

    @Override
    public String toString() {
        return "Mlp[" + layersString() + "; seed=" + spec.seed + "]";
    }
}
