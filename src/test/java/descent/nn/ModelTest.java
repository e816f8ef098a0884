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
    void fileLayoutIsAsDocumented(@TempDir Path dir) throws IOException {
        var net = Sequential.of(Layers.dense(1, 1, Initializers.zeros(), 0));
        net.layer(0).parameters().get(0).value().set(0, 0, 1.5);
        net.layer(0).parameters().get(1).value().set(0, 0, -2);
        Path file = dir.resolve("tiny.bin");
        net.save(file);
        var in = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
        byte[] magic = new byte[8];
        in.get(magic);
        assertEquals("DESCENTP", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, in.getInt());
        assertEquals(2, in.getInt());
        assertEquals(3, in.getShort());
        byte[] name = new byte[3];
        in.get(name);
        assertEquals("0.W", new String(name));
        assertEquals(1, in.getInt());
        assertEquals(1, in.getInt());
        in.position(in.position() + 2 + 3 + 8);
        assertEquals(1.5, in.getDouble());
        assertEquals(-2.0, in.getDouble());
        assertEquals(0, in.remaining());
    }
}
