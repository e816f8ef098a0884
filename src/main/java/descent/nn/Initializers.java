package descent.nn;

import descent.base.Format;
import descent.base.Check;
import descent.tensor.Matrix;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * Weight initializers: Gaussian with a standard deviation that depends on the layer's fan-in and fan-out.
 *
 * <pre>
 *   normal(s)   std = s                       the book's 0.01
 *   xavier()    std = √(1 / n_in)             Deep Learning from Scratch §6.2.2 ("Xavier"), for sigmoid and tanh
 *   glorot()    std = √(2 / (n_in + n_out))   Glorot &amp; Bengio 2010, the form PyTorch calls xavier_normal_
 *   he()        std = √(2 / n_in)             He et al. 2015, for ReLU
 *   zeros()     all 0                         biases; for weights it shows why symmetry must be broken
 * </pre>
 *
 * <pre>{@code
 * var w = Matrix.zeros(784, 100);
 * Initializers.he().initialize(w, 784, 100, new SplittableRandom(42));   // normal, std = √(2/784) = 0.0505
 * w.get(0, 0)                                                            // -0.036222311634004786
 * }</pre>
 */
public final class Initializers {
    private Initializers() {
    }

    /** Gaussian with a fixed standard deviation. */
    public static Initializer normal(double std) {
        Check.nonNegative("std", std, "such as 0.01");
        return new Gaussian("Normal(std=" + Format.repr(std) + ")", (in, out) -> std);
    }

    /** The book's Xavier: std √(1/n_in). */
    public static Initializer xavier() {
        return new Gaussian("Xavier(std=sqrt(1/fanIn))", (in, out) -> Math.sqrt(1.0 / in));
    }

    /** Glorot's original: std √(2/(n_in + n_out)). */
    public static Initializer glorot() {
        return new Gaussian("Glorot(std=sqrt(2/(fanIn+fanOut)))", (in, out) -> Math.sqrt(2.0 / (in + out)));
    }

    /** He (Kaiming) for ReLU: std √(2/n_in). */
    public static Initializer he() {
        return new Gaussian("He(std=sqrt(2/fanIn))", (in, out) -> Math.sqrt(2.0 / in));
    }

    /** All zeros. */
    public static Initializer zeros() {
        return new Gaussian("Zeros", (in, out) -> 0.0);
    }

    /** w ~ N(0, std(fanIn, fanOut)²), one draw per weight in row-major order. */
    private record Gaussian(String name, DoubleBinaryOperator stdOf) implements Initializer {
        @Override
        public double std(int fanIn, int fanOut) {
            return stdOf.applyAsDouble(fanIn, fanOut);
        }

        @Override
        public void initialize(Matrix w, int fanIn, int fanOut, SplittableRandom random) {
            double s = std(fanIn, fanOut);
            double[] d = w.data();
            for (int i = 0; i < d.length; i++) d[i] = s == 0 ? 0 : s * random.nextGaussian();
        }

        @Override
        public String toString() {
            return name;
        }
    }

}
