package descent.nn;

import descent.base.Check;
import descent.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;

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
 * Mlp.of(2, 16, 16, 2).maxout(2);  // Mlp[Maxout(2, 16, k=2), Maxout(16, 16, k=2), Dense(16, 2); seed=0]
 * Mlp.of(784, 100, 10).relu().float32()   // Mlp[Dense(784, 100), ReLU, Dense(100, 10); seed=0, float32]
 * }</pre>
 *
 * Defaults: ReLU; He initialization for the ReLU family and Maxout, the book's Xavier (std √(1/n)) for sigmoid and
 * tanh (Deep Learning from Scratch §6.2.4); no batch norm; no dropout; seed 0. Each layer's seed is drawn from the
 * model's seed, so the same seed gives the same network bit for bit. {@link #float32()} builds the same network
 * and rounds its weights to float32: its float64 twin is {@code float32().float64()}, the same seed in float64.
 */
public final class Mlp extends Sequential {
    /** The hidden-layer activation. */
    public enum Activation { RELU, SIGMOID, TANH, LEAKY_RELU, PRELU, PRELU_PER_NEURON, MAXOUT }

    /** Where batch norm sits in each hidden layer, if anywhere. */
    public enum BatchNormPlacement { NONE, BEFORE_ACTIVATION, AFTER_ACTIVATION }

    /** The leaky slope of {@link #activation(Activation)}{@code (LEAKY_RELU)}, as PyTorch's default. */
    public static final double DEFAULT_LEAKY_ALPHA = 0.01;
    /** The pieces per unit of {@link #activation(Activation)}{@code (MAXOUT)}. */
    public static final int DEFAULT_MAXOUT_PIECES = 2;

    /** Everything that builds the network; each Mlp holds its own copy and never changes it. */
    private static final class Spec implements Cloneable {
        int[] widths;
        Activation activation = Activation.RELU;
        double leakyAlpha = DEFAULT_LEAKY_ALPHA;
        int maxoutPieces = DEFAULT_MAXOUT_PIECES;
        BatchNormPlacement batchNorm = BatchNormPlacement.NONE;
        double dropout;
        Dropout.Convention convention = Dropout.Convention.INVERTED;
        Initializer init;   // null: the activation's default
        long seed;
        DType dtype = DType.FLOAT64;

        Spec with(Consumer<Spec> change) {
            try {
                Spec copy = (Spec) clone();
                change.accept(copy);
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Spec spec;

    private Mlp(Spec spec) {
        super(build(spec));
        this.spec = spec;
        if (spec.dtype == DType.FLOAT32) to(DType.FLOAT32);
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
        Spec s = new Spec();
        s.widths = widths.clone();
        return new Mlp(s);
    }

    private Mlp with(Consumer<Spec> change) {
        return new Mlp(spec.with(change));
    }

    public Mlp relu() {
        return activation(Activation.RELU);
    }

    public Mlp sigmoid() {
        return activation(Activation.SIGMOID);
    }

    public Mlp tanh() {
        return activation(Activation.TANH);
    }

    public Mlp leakyRelu(double alpha) {
        new LeakyReLU(alpha); // validates
        return with(s -> {
            s.activation = Activation.LEAKY_RELU;
            s.leakyAlpha = alpha;
        });
    }

    /** PReLU with one learned slope per layer. */
    public Mlp prelu() {
        return activation(Activation.PRELU);
    }

    /** PReLU with one learned slope per neuron. */
    public Mlp preluPerNeuron() {
        return activation(Activation.PRELU_PER_NEURON);
    }

    /** Maxout units with k pieces in place of each hidden Dense + activation. */
    public Mlp maxout(int k) {
        Check.atLeast("number of Maxout pieces k", k, 2, "k = 2 can learn ReLU");
        return with(s -> {
            s.activation = Activation.MAXOUT;
            s.maxoutPieces = k;
        });
    }

    /**
     * The hidden activation by name; Leaky ReLU keeps its slope and Maxout its pieces (set with {@link #leakyRelu}
     * and {@link #maxout}; {@value #DEFAULT_LEAKY_ALPHA} and {@value #DEFAULT_MAXOUT_PIECES} unless set).
     */
    public Mlp activation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("Mlp.activation needs an activation, such as Mlp.Activation.RELU.");
        }
        return with(s -> s.activation = activation);
    }

    public Activation activation() {
        return spec.activation;
    }

    /** Batch norm between each hidden Dense and its activation (the lecture's advice for sigmoid). */
    public Mlp batchNorm() {
        return batchNorm(BatchNormPlacement.BEFORE_ACTIVATION);
    }

    /** Batch norm after each hidden activation instead. */
    public Mlp batchNormAfterActivation() {
        return batchNorm(BatchNormPlacement.AFTER_ACTIVATION);
    }

    public Mlp batchNorm(BatchNormPlacement placement) {
        if (placement == null) {
            throw new IllegalArgumentException("Mlp.batchNorm needs a placement, such as Mlp.BatchNormPlacement.NONE.");
        }
        return with(s -> s.batchNorm = placement);
    }

    public BatchNormPlacement batchNormPlacement() {
        return spec.batchNorm;
    }

    /** Inverted dropout with probability p after each hidden activation. */
    public Mlp dropout(double p) {
        return dropout(p, Dropout.Convention.INVERTED);
    }

    public Mlp dropout(double p, Dropout.Convention convention) {
        new Dropout(p, 0, convention); // validates p
        return with(s -> {
            s.dropout = p;
            s.convention = convention;
        });
    }

    /** The weight initializer for every Dense (and Maxout) layer. */
    public Mlp init(Initializer init) {
        return with(s -> s.init = init);
    }

    public Mlp seed(long seed) {
        return with(s -> s.seed = seed);
    }

    public long seed() {
        return spec.seed;
    }

    /**
     * The same network in float32: weights drawn as in float64 from the same seed, then rounded; activations,
     * gradients and products ({@code sgemm}) in float32, about twice as fast. Inputs stay float64 and are
     * converted once per batch. Gradient checks need the float64 twin, {@link #float64()}.
     */
    public Mlp float32() {
        return with(s -> s.dtype = DType.FLOAT32);
    }

    /** The same network in float64, the default (and a float32 network's twin for gradient checks). */
    public Mlp float64() {
        return with(s -> s.dtype = DType.FLOAT64);
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
            // Layers built here leave their seeds out of toString: the Mlp's seed determines them.
            if (s.activation == Activation.MAXOUT) {
                layers.add(new Maxout(in, out, s.maxoutPieces, init, seeds.nextLong(), false));
                if (s.batchNorm != BatchNormPlacement.NONE) layers.add(Layers.batchNorm(out));
            } else {
                layers.add(new Dense(in, out, init, seeds.nextLong(), false));
                if (s.batchNorm == BatchNormPlacement.BEFORE_ACTIVATION) layers.add(Layers.batchNorm(out));
                layers.add(activation(s, out));
                if (s.batchNorm == BatchNormPlacement.AFTER_ACTIVATION) layers.add(Layers.batchNorm(out));
            }
            long dropoutSeed = seeds.nextLong(); // drawn even without dropout, so adding it keeps the weights
            if (s.dropout > 0) layers.add(new Dropout(s.dropout, dropoutSeed, s.convention, false));
        }
        layers.add(new Dense(w[w.length - 2], w[w.length - 1], init, seeds.nextLong(), false));
        return layers;
    }

    private static Layer activation(Spec s, int width) {
        return switch (s.activation) {
            case RELU -> Layers.relu();
            case SIGMOID -> Layers.sigmoid();
            case TANH -> Layers.tanh();
            case LEAKY_RELU -> Layers.leakyRelu(s.leakyAlpha);
            case PRELU -> Layers.prelu();
            case PRELU_PER_NEURON -> Layers.prelu(width);
            case MAXOUT -> throw new AssertionError("Maxout replaces the Dense layer");
        };
    }

    @Override
    public OptionalInt inputWidth() {
        return OptionalInt.of(spec.widths[0]);
    }

    @Override
    public String toString() {
        return "Mlp[" + layersString() + "; seed=" + spec.seed + (dtype() == DType.FLOAT32 ? ", float32" : "") + "]";
    }
}
