package descent.nn;

import descent.tensor.Matrix;

import java.util.SplittableRandom;

/**
 * How a weight matrix gets its starting values. Deep Learning from Scratch §6.2: with all weights equal every
 * neuron learns the same thing, with too large or too small a spread activations saturate or collapse.
 *
 * <pre>{@code
 * Initializers.he();             // He(std=sqrt(2/fanIn))
 * Initializers.normal(0.01)      // Normal(std=0.01), the book's first choice
 * }</pre>
 */
public interface Initializer {

    /** Fills {@code w} (fanIn × fanOut) in place, drawing from {@code random}. */
    void initialize(Matrix w, int fanIn, int fanOut, SplittableRandom random);

    /** The standard deviation used for this shape (0 for zeros). */
    double std(int fanIn, int fanOut);
}
