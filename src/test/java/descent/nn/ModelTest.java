package descent.nn;

import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static descent.nn.BackpropChecks.assertPasses;
import static descent.nn.BackpropChecks.oneHot;
import static descent.nn.BackpropChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {

    @Test
    void mlpPrintsLikeItsSpec() {
        var net = Mlp.of(784, 100, 100, 10).relu().batchNorm().dropout(0.2).init(Initializers.he()).seed(42);
        assertEquals("Mlp[Dense(784, 100), BatchNorm(100, train), ReLU, Dropout(0.2), Dense(100, 100), BatchNorm(100, train), "
                + "ReLU, Dropout(0.2), Dense(100, 10); seed=42]", net.toString());
        // 784·100 + 100 + 2·100 (γ, β) + 100·100 + 100 + 200 + 100·10 + 10
        assertEquals(78500 + 200 + 10100 + 200 + 1010, net.parameterCount());
        assertEquals("Mlp[Maxout(2, 8, k=3), Dense(8, 2); seed=0]", Mlp.of(2, 8, 2).maxout(3).toString());
        assertEquals("Mlp[Dense(2, 8), Sigmoid, BatchNorm(8, train), Dense(8, 2); seed=0]",
                Mlp.of(2, 8, 2).sigmoid().batchNormAfterActivation().toString());
        assertEquals("Xavier(std=sqrt(1/fanIn))", Mlp.of(2, 8, 2).tanh().initializer().toString());
    }

    @Test
    void summaryIsATable() {
        Table t = Mlp.of(784, 100, 10).relu().summary();
        assertEquals(3, t.rowCount());
        assertEquals("N x 100", t.stringColumn("output").get(0));
        assertEquals(78500, t.intColumn("params").get(0));
        assertEquals("ReLU", t.stringColumn("layer").get(1));
        assertEquals(1010, t.intColumn("params").get(2));
    }

    @Test
    void sameSeedSameWeightsAndDropoutDoesNotChangeTheWeights() {
        var a = Mlp.of(5, 4, 3).seed(7);
        var b = Mlp.of(5, 4, 3).seed(7);
        var c = Mlp.of(5, 4, 3).seed(8);
        assertEquals(a.namedParameters().get("0.W").value(), b.namedParameters().get("0.W").value());
        assertNotEquals(a.namedParameters().get("0.W").value(), c.namedParameters().get("0.W").value());
        assertEquals(a.namedParameters().get("2.W").value(), a.dropout(0.5).namedParameters().get("3.W").value());
    }

    @Test
    void wholeModelBackpropChecks() {
        Matrix x = random(6, 4, 1);
        assertPasses(BackpropCheck.model(Mlp.of(4, 5, 5, 3).sigmoid().seed(1), Losses.softmaxCrossEntropy(), x, oneHot(6, 3, 2)), "sigmoid MLP");
        assertPasses(BackpropCheck.model(Mlp.of(4, 5, 5, 3).tanh().batchNorm().seed(2), Losses.softmaxCrossEntropy(), x, oneHot(6, 3, 3)), "tanh + BN");
        assertPasses(BackpropCheck.model(Mlp.of(4, 5, 3).preluPerNeuron().dropout(0.3).batchNormAfterActivation().seed(3),
                Losses.mse(), x, random(6, 3, 4)), "PReLU + dropout + BN after");
        assertPasses(BackpropCheck.model(Mlp.of(4, 6, 3).maxout(2).seed(4), Losses.softmaxCrossEntropy(), x, oneHot(6, 3, 5)), "maxout");
        var check = BackpropCheck.model(Sequential.of(Layers.dense(4, 3, 5), Layers.softmax()), Losses.mse(), x, random(6, 3, 6));
        assertPasses(check, "softmax layer + MSE");
        assertEquals(Arrays.asList("0.W", "0.b", "input"), check.toTable().stringColumn("tensor").asList());
    }

    @Test
    void predictUsesEvaluationModeAndRestoresTheMode() {
        var net = Mlp.of(3, 4, 2).dropout(0.5).seed(1);
        Matrix x = random(2, 3, 2);
        Matrix p1 = net.predict(x), p2 = net.predict(x);
        assertEquals(p1, p2, "no dropout in evaluation");
        assertTrue(net.isTraining());
    }

    @Test
    void saveAndLoadRoundTripExactly(@TempDir Path dir) {
        var net = Mlp.of(4, 5, 3).batchNorm().seed(1);
        net.forward(random(8, 4, 2)); // move the running statistics
        Path file = dir.resolve("net.bin");
        net.save(file);
        var other = Mlp.of(4, 5, 3).batchNorm().seed(99);
        other.load(file);
        net.stateTensors().forEach((name, m) -> assertArrayEquals(m.data(), other.stateTensors().get(name).data(), name));
        assertEquals(net.stateTensors().keySet(), ParameterFile.read(file).keySet());
        assertEquals("[0.W, 0.b, 1.gamma, 1.beta, 3.W, 3.b, 1.runningMean, 1.runningVar]", net.stateTensors().keySet().toString());
    }

    @Test
    void truncatedForeignOrMismatchedFilesLeaveTheModelUnchanged(@TempDir Path dir) throws IOException {
        var net = Mlp.of(4, 5, 3).seed(1);
        Path file = dir.resolve("net.bin");
        net.save(file);
        byte[] bytes = Files.readAllBytes(file);
        var target = Mlp.of(4, 5, 3).seed(2);
        Matrix before = target.namedParameters().get("2.W").value().copy();

        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 8));
        var e = assertThrows(IllegalArgumentException.class, () -> target.load(truncated));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.write(truncated, Arrays.copyOf(bytes, 20));
        e = assertThrows(IllegalArgumentException.class, () -> target.load(truncated));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "PK this is a zip file, honestly");
        e = assertThrows(IllegalArgumentException.class, () -> target.load(foreign));
        assertTrue(e.getMessage().contains("not a descent parameter file"), e.getMessage());

        var e2 = assertThrows(IllegalArgumentException.class, () -> Mlp.of(4, 6, 3).load(file));
        assertTrue(e2.getMessage().contains("different architecture"), e2.getMessage());

        assertEquals(before, target.namedParameters().get("2.W").value(), "nothing was assigned");
    }

    @Test
    void dropoutDrawsTheSameNumbersAsSplittableRandom() {
        Dropout d = Layers.dropout(0.5, 7);
        double[] y = d.forward(Matrix.zeros(10, 100).fill(1.0)).data();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < y.length; i++) assertEquals(r.nextDouble() >= 0.5 ? 2.0 : 0.0, y[i], "mask " + i);
        y = d.forward(Matrix.zeros(1, 50).fill(1.0)).data();
        for (int i = 0; i < y.length; i++) assertEquals(r.nextDouble() >= 0.5 ? 2.0 : 0.0, y[i], "second batch, mask " + i);
    }

    @Test
    void aReloadedModelWithDropoutTrainsToTheSameLossBitForBit(@TempDir Path dir) {
        var data = descent.data.Datasets.blobs(120, 3, 0.8, 5);
        var net = Mlp.of(2, 16, 16, 3).dropout(0.5).seed(3);
        var sgd = descent.optim.Optimizers.sgd(0.1);
        descent.train.Trainer.of(net, data, sgd).batchSize(20).seed(1).layerStats(false).fit(1); // dropout has drawn masks
        Path file = dir.resolve("dropout.bin");
        net.save(file);
        double first = descent.train.Trainer.of(net, data, sgd).batchSize(20).seed(9).layerStats(false).fit(1).lastEpoch().loss();
        net.load(file);
        double again = descent.train.Trainer.of(net, data, sgd).batchSize(20).seed(9).layerStats(false).fit(1).lastEpoch().loss();
        assertEquals(first, again, "same weights, same generator state, same seeds: the same loss");
        var fresh = Mlp.of(2, 16, 16, 3).dropout(0.5).seed(99);
        fresh.load(file);
        double elsewhere = descent.train.Trainer.of(fresh, data, sgd).batchSize(20).seed(9).layerStats(false).fit(1).lastEpoch().loss();
        assertEquals(first, elsewhere, "loaded into another network of the same shape: the same loss");
        assertEquals("[0.W, 0.b, 3.W, 3.b, 6.W, 6.b, 2.rngState, 5.rngState]", net.stateTensors().keySet().toString());
    }

    @Test
    void nonFiniteInputsAreNamedByRowAndColumn() {
        var net = Mlp.of(3, 4, 2).seed(1);
        Matrix x = random(3, 3, 2);
        x.set(2, 1, Double.NaN);
        var before = net.namedParameters().get("0.W").value().copy();
        var e = assertThrows(IllegalArgumentException.class, () -> net.predict(x));
        assertEquals("Mlp input has NaN at row 2, column 1; remove or impute non-finite values first (missing values in the data?)",
                e.getMessage());
        x.set(2, 1, Double.NEGATIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(x));
        assertEquals("Mlp input has -Infinity at row 2, column 1; remove or impute non-finite values first (missing values in the data?)",
                e.getMessage());
        assertTrue(net.isTraining(), "predict restored the mode");
        assertEquals(before, net.namedParameters().get("0.W").value());

        x.set(2, 1, 0.5);
        net.namedParameters().get("2.W").value().set(3, 0, Double.NaN);
        var a = assertThrows(ArithmeticException.class, () -> net.predict(x));
        assertEquals("Mlp output is NaN at row 0, column 0 although the input is finite; the model itself is broken: 2.W holds NaN at "
                + "row 3, column 0 (a diverged training run? reload a saved model or retrain with a smaller learning rate).", a.getMessage());
    }

    @Test
    void backpropCheckRefusesANonFinitePoint() {
        Matrix x = random(4, 3, 1);
        x.set(1, 2, Double.NaN);
        var e = assertThrows(IllegalArgumentException.class, () -> BackpropCheck.layer(Layers.dense(3, 2, 1), x, 1));
        assertEquals("BackpropCheck: the input x has NaN at row 1, column 2; a gradient check needs a finite point: pick finite inputs, "
                + "targets and parameters.", e.getMessage());
        var net = Mlp.of(3, 4, 2).seed(1);
        net.namedParameters().get("0.b").value().set(0, 3, Double.POSITIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> BackpropCheck.model(net, Losses.mse(), random(4, 3, 2), random(4, 2, 3)));
        assertTrue(e.getMessage().startsWith("BackpropCheck: parameter 0.b of Mlp[Dense(3, 4), ReLU, Dense(4, 2); seed=1] has Infinity at row 0, column 3;"),
                e.getMessage());
        Matrix target = random(4, 2, 3);
        target.set(3, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> BackpropCheck.model(Mlp.of(3, 4, 2), Losses.mse(), random(4, 3, 2), target));
        assertTrue(e.getMessage().startsWith("BackpropCheck: the target has NaN at row 3, column 1;"), e.getMessage());
    }

    @Test
    void batchNormWithOneExampleSaysToUseLargerBatches() {
        var bn = Layers.batchNorm(3);
        var before = bn.runningMean().copy();
        var e = assertThrows(IllegalArgumentException.class, () -> bn.forward(random(1, 3, 1)));
        assertEquals("BatchNorm(3, train) needs at least 2 examples per batch in training to estimate a variance, but got 1. Train with a "
                + "batch size of at least 2; to run one example through a trained network use predict(x), which uses the running statistics.",
                e.getMessage());
        assertEquals(before, bn.runningMean(), "the running statistics are unchanged");
        Mlp.of(3, 4, 2).batchNorm().predict(random(1, 3, 1)); // one example in evaluation mode is fine
    }

    /** A layer of the reader's own: it declares its input width, and models ask it. */
    private static final class Doubler implements Layer {
        @Override
        public Matrix forward(Matrix x) {
            Matrix y = x.copy();
            for (int i = 0; i < y.size(); i++) y.data()[i] *= 2;
            return y;
        }

        @Override
        public Matrix backward(Matrix dy) {
            return forward(dy);
        }

        @Override
        public int outputWidth(int inputWidth) {
            return inputWidth;
        }

        @Override
        public java.util.OptionalInt inputWidth() {
            return java.util.OptionalInt.of(5);
        }
    }

    @Test
    void inputWidthIsAskedOfEachLayer() {
        assertEquals(java.util.OptionalInt.of(5), Sequential.of(Layers.relu(), new Doubler(), Layers.dense(5, 2, 1)).inputWidth());
        assertEquals("N x 2", Sequential.of(new Doubler(), Layers.dense(5, 2, 1)).summary().stringColumn("output").get(1));
        assertEquals(java.util.OptionalInt.of(7), Sequential.of(Layers.relu(), Layers.prelu(7)).inputWidth());
        assertEquals(java.util.OptionalInt.of(4), Sequential.of(Sequential.of(Layers.tanh(), Layers.batchNorm(4))).inputWidth());
        assertEquals(java.util.OptionalInt.of(784), Mlp.of(784, 10).inputWidth());
        assertEquals(java.util.OptionalInt.empty(), Sequential.of(Layers.relu(), Layers.prelu()).inputWidth());
        var e = assertThrows(IllegalStateException.class, () -> Sequential.of(Layers.relu()).summary());
        assertEquals("Cannot infer the input width of Sequential[ReLU]: no layer declares one (Layer.inputWidth()); use summary(inputWidth).",
                e.getMessage());
    }

    @Test
    void mlpTakesEnumsForActivationAndBatchNormPlacement() {
        var net = Mlp.of(2, 8, 2).seed(3);
        assertEquals(net.sigmoid().batchNormAfterActivation().toString(),
                net.activation(Mlp.Activation.SIGMOID).batchNorm(Mlp.BatchNormPlacement.AFTER_ACTIVATION).toString());
        assertEquals("Mlp[Dense(2, 8), LeakyReLU(0.01), Dense(8, 2); seed=3]", net.activation(Mlp.Activation.LEAKY_RELU).toString());
        assertEquals("Mlp[Dense(2, 8), LeakyReLU(0.2), Dense(8, 2); seed=3]", net.leakyRelu(0.2).tanh().activation(Mlp.Activation.LEAKY_RELU).toString());
        assertEquals("Mlp[Maxout(2, 8, k=2), Dense(8, 2); seed=3]", net.activation(Mlp.Activation.MAXOUT).toString());
        assertEquals(Mlp.BatchNormPlacement.BEFORE_ACTIVATION, net.batchNorm().batchNormPlacement());
        assertEquals(Mlp.BatchNormPlacement.NONE, net.batchNormPlacement());
        assertEquals(Mlp.Activation.TANH, net.tanh().activation());
        assertEquals("Mlp[Dense(2, 8), ReLU, Dense(8, 2); seed=3]", net.toString(), "each call returns a new network");
        assertEquals("Mlp[Dense(2, 8), ReLU, Dropout(0.5), Dense(8, 2); seed=3]", net.dropout(0.5).toString());
    }
}
