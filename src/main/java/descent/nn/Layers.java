package descent.nn;

import descent.base.Check;
/**
 * Short factories for layers; the paper's defaults for everything not named.
 *
 * <pre>{@code
 * var net = Sequential.of(Layers.dense(2, 16, 1), Layers.relu(), Layers.dense(16, 2, 2));
 * Layers.dropout(0.2, 42);          // Dropout(0.2, seed=42)
 * Layers.batchNorm(100)             // BatchNorm(100, train)
 * }</pre>
 */
public final class Layers {
    private Layers() {
    }

    /** Dense with He-initialized weights (for ReLU-like activations) and zero biases. */
    public static Dense dense(int in, int out, long seed) {
        return new Dense(in, out, Initializers.he(), seed);
    }

    public static Dense dense(int in, int out, Initializer init, long seed) {
        return new Dense(in, out, init, seed);
    }

    public static Sigmoid sigmoid() {
        return new Sigmoid();
    }

    public static Tanh tanh() {
        return new Tanh();
    }

    public static ReLU relu() {
        return new ReLU();
    }

    public static LeakyReLU leakyRelu(double alpha) {
        return new LeakyReLU(alpha);
    }

    /** PReLU with one learned slope shared by all neurons. */
    public static PReLU prelu() {
        return new PReLU(0);
    }

    /** PReLU with one learned slope per neuron. */
    public static PReLU prelu(int width) {
        return new PReLU(Check.atLeast("PReLU width", width, 1, "the number of neurons; use prelu() for one shared slope"));
    }

    /** Maxout with k pieces per unit, pieces He-initialized. */
    public static Maxout maxout(int in, int out, int k, long seed) {
        return new Maxout(in, out, k, Initializers.he(), seed);
    }

    public static Softmax softmax() {
        return new Softmax();
    }

    public static BatchNorm batchNorm(int width) {
        return new BatchNorm(width, BatchNorm.DEFAULT_MOMENTUM, BatchNorm.DEFAULT_EPS);
    }

    /** Inverted dropout (the default). */
    public static Dropout dropout(double p, long seed) {
        return new Dropout(p, seed, Dropout.Convention.INVERTED);
    }

    public static Dropout dropout(double p, long seed, Dropout.Convention convention) {
        return new Dropout(p, seed, convention);
    }
}
