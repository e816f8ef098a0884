package descent.nn;

import descent.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.IntFunction;

import static descent.nn.BackpropChecks.assertPasses;
import static descent.nn.BackpropChecks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every layer's backward against central differences, at several shapes and seeds. */
class LayerGradientTest {

    private static void check(IntFunction<Layer> make, int rows, int cols, long seed) {
        Layer layer = make.apply(cols);
        Matrix x = random(rows, cols, seed);
        var c = BackpropCheck.layer(layer, x, seed + 1000);
        assertEquals(layer.parameters().size() + 1, c.results().size(), "one result per parameter tensor and the input");
        assertPasses(c, layer + " at " + rows + "x" + cols + ", seed " + seed);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "8, 5, 3", "16, 7, 4"})
    void dense(int rows, int cols, long seed) {
        check(w -> Layers.dense(w, 6, seed), rows, cols, seed);
        check(w -> Layers.dense(w, 1, Initializers.glorot(), seed), rows, cols, seed);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "8, 5, 3"})
    void elementwiseActivations(int rows, int cols, long seed) {
        check(w -> Layers.sigmoid(), rows, cols, seed);
        check(w -> Layers.tanh(), rows, cols, seed);
        check(w -> Layers.relu(), rows, cols, seed);
        check(w -> Layers.leakyRelu(0.01), rows, cols, seed);
        check(w -> Layers.leakyRelu(0.3), rows, cols, seed);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "8, 5, 3"})
    void preluSharedAndPerNeuron(int rows, int cols, long seed) {
        check(w -> Layers.prelu(), rows, cols, seed);
        check(Layers::prelu, rows, cols, seed);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "8, 5, 3"})
    void maxout(int rows, int cols, long seed) {
        check(w -> Layers.maxout(w, 3, 2, seed), rows, cols, seed);
        check(w -> Layers.maxout(w, 2, 4, seed), rows, cols, seed);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "8, 5, 3", "2, 10, 4"})
    void softmax(int rows, int cols, long seed) {
        check(w -> Layers.softmax(), rows, cols, seed);
    }

    @ParameterizedTest
    @CsvSource({"2, 1, 1", "3, 4, 2", "8, 5, 3", "16, 3, 4"})
    void batchNormInTrainingAndEvaluation(int rows, int cols, long seed) {
        check(Layers::batchNorm, rows, cols, seed);
        check(w -> {
            BatchNorm bn = Layers.batchNorm(w);
            bn.forward(random(5, w, seed + 7)); // move the running statistics away from 0 and 1
            bn.gamma().fill(1.5);
            bn.beta().fill(-0.5);
            bn.setTraining(false);
            return bn;
        }, rows, cols, seed);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "8, 5, 3"})
    void dropoutBothConventionsWithTheMaskHeldFixed(int rows, int cols, long seed) {
        check(w -> Layers.dropout(0.5, seed), rows, cols, seed);
        check(w -> Layers.dropout(0.3, seed, Dropout.Convention.SCALE_AT_TEST), rows, cols, seed);
        check(w -> {
            Dropout d = Layers.dropout(0.3, seed, Dropout.Convention.SCALE_AT_TEST);
            d.setTraining(false);
            return d;
        }, rows, cols, seed);
    }
}
