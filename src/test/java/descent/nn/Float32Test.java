package descent.nn;

import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static descent.nn.BackpropChecks.oneHot;
import static descent.nn.BackpropChecks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The float32 path against the float64 path: each layer and loss, forward and backward, from the same float32
 * weights and inputs (the float64 twin holds them widened, exactly), so every difference is float32 rounding.
 */
class Float32Test {
    /**
     * float32 agrees with float64 to this relative error, ‖a32 − a64‖ / ‖a64‖ per tensor (Frobenius norm): a few
     * float32 roundings (2⁻²⁴ ≈ 6e-8 each) through sums of up to a few dozen terms.
     */
    static final double FLOAT32 = 1e-5;

    /** Fails unless a (float32) and b (float64) agree within {@link #FLOAT32}, naming the worst entry. */
    static void agree(Matrix float64, Matrix float32, String where) {
        assertEquals(DType.FLOAT64, float64.dtype(), where + ": the reference must be float64");
        assertEquals(DType.FLOAT32, float32.dtype(), where + ": the float32 path must stay float32");
        assertEquals(float64.shape(), float32.shape(), where + ": shapes");
        double diff = 0;
        int worst = 0;
        for (int i = 0; i < float64.size(); i++) {
            double d = float32.flat(i) - float64.flat(i);
            diff += d * d;
            if (Math.abs(d) > Math.abs(float32.flat(worst) - float64.flat(worst))) worst = i;
        }
        // a gradient that is zero by the math (a bias before batch norm) is rounding noise in both: compare absolutely
        double rel = float64.norm() < 1e-12 ? Math.sqrt(diff) / 1e-3 : Math.sqrt(diff) / float64.norm();
        if (rel > FLOAT32) {
            fail(where + ": float32 differs from float64 by " + rel + " (relative, tolerance " + FLOAT32 + "); worst at index "
                    + worst + ": float64 " + float64.flat(worst) + ", float32 " + float32.flat(worst));
        }
    }

    /** A float32 model and its float64 twin holding exactly the same (rounded) weights. */
    private static Sequential[] twins(IntFunction<Layer> make, int cols) {
        Sequential f32 = Sequential.of(make.apply(cols)).to(DType.FLOAT32);
        Sequential f64 = Sequential.of(make.apply(cols)).to(DType.FLOAT32).to(DType.FLOAT64);
        return new Sequential[]{f64, f32};
    }

    private static void layer(IntFunction<Layer> make, int rows, int cols, long seed, boolean training) {
        Sequential[] t = twins(make, cols);
        t[0].setTraining(training);
        t[1].setTraining(training);
        Matrix x = random(rows, cols, seed).to(DType.FLOAT32).to(DType.FLOAT64);   // representable in float32
        String where = t[1] + " at " + rows + "x" + cols + ", seed " + seed + (training ? "" : ", eval");
        Matrix y64 = t[0].forward(x), y32 = t[1].forward(x);
        agree(y64, y32, where + ", forward");
        Matrix dy = random(y64.rows(), y64.cols(), seed + 7).to(DType.FLOAT32);
        agree(t[0].backward(dy.to(DType.FLOAT64)), t[1].backward(dy), where + ", dL/dx");
        List<Parameter> p64 = t[0].parameters(), p32 = t[1].parameters();
        for (int i = 0; i < p64.size(); i++) agree(p64.get(i).grad(), p32.get(i).grad(), where + ", gradient of " + p64.get(i).name());
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 4, 2", "16, 12, 3", "64, 30, 4"})
    void everyLayerAgreesWithFloat64(int rows, int cols, long seed) {
        layer(w -> Layers.dense(w, 6, seed), rows, cols, seed, true);
        layer(w -> Layers.sigmoid(), rows, cols, seed, true);
        layer(w -> Layers.tanh(), rows, cols, seed, true);
        layer(w -> Layers.relu(), rows, cols, seed, true);
        layer(w -> Layers.leakyRelu(0.1), rows, cols, seed, true);
        layer(w -> Layers.prelu(), rows, cols, seed, true);
        layer(Layers::prelu, rows, cols, seed, true);
        layer(w -> Layers.maxout(w, 3, 2, seed), rows, cols, seed, true);
        layer(w -> Layers.softmax(), rows, cols, seed, true);
        layer(w -> Layers.dropout(0.3, seed), rows, cols, seed, true);
        layer(w -> Layers.dropout(0.3, seed, Dropout.Convention.SCALE_AT_TEST), rows, cols, seed, false);
        layer(Layers::batchNorm, rows, cols, seed, false);
        if (rows >= 2) layer(Layers::batchNorm, rows, cols, seed, true);
    }

    @ParameterizedTest
    @CsvSource({"2, 3, 1", "32, 10, 2"})
    void lossesAgreeWithFloat64(int rows, int classes, long seed) {
        Matrix z = random(rows, classes, seed).to(DType.FLOAT32), t = oneHot(rows, classes, seed);
        for (Loss[] pair : new Loss[][]{{Losses.softmaxCrossEntropy(), Losses.softmaxCrossEntropy()}, {Losses.mse(), Losses.mse()}}) {
            double l64 = pair[0].forward(z.to(DType.FLOAT64), t), l32 = pair[1].forward(z, t);
            descent.Approx.assertClose(l64, l32, FLOAT32, pair[0] + " value");
            agree(pair[0].backward(), pair[1].backward(), pair[0] + " gradient");
        }
    }

    private static Mlp[] mlpTwins(Mlp spec) {
        Mlp f32 = spec.float32();
        Mlp f64 = spec.float32();
        f64.to(DType.FLOAT64);
        return new Mlp[]{f64, f32};
    }

    @Test
    void wholeNetworksWithEveryActivationBatchNormAndDropoutAgree() {
        Matrix x = random(32, 5, 3).to(DType.FLOAT32).to(DType.FLOAT64), t = oneHot(32, 3, 4);
        for (Mlp spec : List.of(Mlp.of(5, 16, 16, 3).relu().seed(1), Mlp.of(5, 16, 3).sigmoid().batchNorm().seed(2),
                Mlp.of(5, 16, 16, 3).tanh().dropout(0.2).seed(3), Mlp.of(5, 16, 3).leakyRelu(0.1).batchNormAfterActivation().seed(4),
                Mlp.of(5, 16, 3).preluPerNeuron().seed(5), Mlp.of(5, 16, 16, 3).maxout(3).seed(6))) {
            Mlp[] n = mlpTwins(spec);
            var loss = List.of(Losses.softmaxCrossEntropy(), Losses.softmaxCrossEntropy());
            double l64 = loss.get(0).forward(n[0].forward(x), t), l32 = loss.get(1).forward(n[1].forward(x), t);
            descent.Approx.assertClose(l64, l32, FLOAT32, n[1] + " loss");
            n[0].backwardParameters(loss.get(0).backward());
            n[1].backwardParameters(loss.get(1).backward());
            var g64 = n[0].namedParameters();
            n[1].namedParameters().forEach((name, p) -> agree(g64.get(name).grad(), p.grad(), n[1] + ", gradient of " + name));
        }
    }

    @Test
    void aFloat32MlpPrintsAndReportsItsDtype() {
        var net = Mlp.of(4, 3, 2).relu().float32().seed(42);
        assertEquals("Mlp[Dense(4, 3), ReLU, Dense(3, 2); seed=42, float32]", net.toString());
        assertEquals(DType.FLOAT32, net.dtype());
        assertEquals(DType.FLOAT64, net.float64().dtype());
        assertEquals(DType.FLOAT32, net.parameters().get(0).value().dtype());
        assertEquals(DType.FLOAT32, net.parameters().get(0).grad().dtype());
        // the weights are the float64 network's, rounded
        Matrix w64 = Mlp.of(4, 3, 2).relu().seed(42).parameters().get(0).value();
        assertEquals(w64.to(DType.FLOAT32), net.parameters().get(0).value());
        assertEquals("Sequential[Dense(2, 2, seed=1); float32]", Sequential.of(Layers.dense(2, 2, 1)).to(DType.FLOAT32).toString());
    }

    @Test
    void predictReturnsFloat64AndTheInputStaysUntouched() {
        var net = Mlp.of(3, 4, 2).float32().seed(1);
        Matrix x = random(5, 3, 2), before = x.copy();
        Matrix y = net.predict(x);
        assertEquals(DType.FLOAT64, y.dtype());
        assertEquals(before, x);
        assertEquals(DType.FLOAT32, net.forward(x).dtype());
    }

    @Test
    void sameSeedSameFloatsBitForBit() {
        Matrix x = random(16, 3, 5);
        Matrix a = Mlp.of(3, 8, 2).batchNorm().dropout(0.3).float32().seed(9).forward(x).copy();
        Matrix b = Mlp.of(3, 8, 2).batchNorm().dropout(0.3).float32().seed(9).forward(x).copy();
        assertEquals(a, b);
    }

    @Test
    void gradientChecksRefuseFloat32AndPointToTheTwin() {
        var net = Mlp.of(2, 3, 2).float32().seed(1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> BackpropCheck.model(net, Losses.softmaxCrossEntropy(), random(4, 2, 1), oneHot(4, 2, 1)));
        assertTrue(e.getMessage().startsWith("BackpropCheck runs in float64 only, but Mlp[Dense(2, 3), ReLU, Dense(3, 2); seed=1, float32]"
                + " has float32 parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("Mlp.of(...).float64()"), e.getMessage());
        var layerError = assertThrows(IllegalArgumentException.class,
                () -> BackpropCheck.layer(Layers.relu(), random(4, 2, 1).to(DType.FLOAT32), 1));
        assertTrue(layerError.getMessage().contains("was given a float32 input"), layerError.getMessage());
        // the twin checks
        BackpropChecks.assertPasses(BackpropCheck.model(net.float64(), Losses.softmaxCrossEntropy(), random(4, 2, 1), oneHot(4, 2, 1)), "twin");
    }

    @Test
    void mixingDtypesInOneProductIsAClearError() {
        var d = Layers.dense(2, 3, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> d.forward(random(4, 2, 1).to(DType.FLOAT32)));
        assertEquals("Cannot multiply: a float32 4x2 and a float64 2x3 matrix have different dtypes. Build the whole model"
                + " in one dtype (Mlp.of(...).float32(), or model.to(DType.FLOAT32)), or convert a matrix with to(DType.FLOAT32).",
                e.getMessage());
    }

    @Test
    void reluBackwardPassesExactlyWhereTheOutputIsPositiveInBothDtypes() {
        Matrix x = random(8, 9, 3), dy = random(8, 9, 4);
        x.set(0, 0, 0.0);
        x.set(0, 1, -0.0);
        dy.set(1, 1, -0.0);
        for (DType d : DType.values()) {
            var relu = Layers.relu();
            Matrix xd = x.to(d);
            relu.forward(xd);
            Matrix dx = relu.backward(dy.to(d));
            for (int i = 0; i < x.size(); i++) {
                double expected = xd.flat(i) > 0 ? dy.to(d).flat(i) : 0.0;
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(dx.flat(i)), d + " ReLU dx at " + i);
            }
        }
    }

    @Test
    void regularizersAgreeWithFloat64() {
        for (Regularizer r : List.of(Regularizers.l2(0.1), Regularizers.l1(0.1), Regularizers.weightDecay(0.1))) {
            Matrix w = random(3, 4, 1).to(DType.FLOAT32), g = random(3, 4, 2).to(DType.FLOAT32);
            Parameter p32 = new Parameter("W", w.copy(), true), p64 = new Parameter("W", w.to(DType.FLOAT64), true);
            p32.convert(DType.FLOAT32);
            p32.grad().copyFrom(g);
            p64.grad().copyFrom(g);
            descent.Approx.assertClose(r.penalty(p64), r.penalty(p32), 1e-12, r + " penalty (float values summed in double)");
            r.addGradient(p32);
            r.addGradient(p64);
            r.afterUpdate(p32, 0.5);
            r.afterUpdate(p64, 0.5);
            agree(p64.grad(), p32.grad(), r + " gradient");
            agree(p64.value(), p32.value(), r + " after the update");
        }
    }

    // ---------------------------------------------------------------- save and load

    @Test
    void aFloat32ModelRoundTripsBitForBitAsVersion3(@TempDir Path dir) throws Exception {
        var net = Mlp.of(3, 5, 2).batchNorm().dropout(0.2).float32().seed(1);
        net.forward(random(8, 3, 1));   // moves batch norm's statistics and dropout's generator
        Path file = dir.resolve("f32.bin");
        net.save(file);
        assertEquals(ParameterFile.VERSION_WITH_DTYPES, ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8));
        var other = Mlp.of(3, 5, 2).batchNorm().dropout(0.2).float32().seed(2);
        other.load(file);
        Map<String, Matrix> a = net.stateTensors(), b = other.stateTensors();
        a.forEach((name, m) -> assertEquals(m, b.get(name), name + " after save and load"));
        assertEquals(DType.FLOAT32, ParameterFile.read(file).get("0.W").dtype());
        assertEquals(DType.FLOAT64, ParameterFile.read(file).get("1.runningMean").dtype(), "statistics stay float64");
    }

    @Test
    void aFloat64ModelStillWritesVersion2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f64.bin");
        Mlp.of(3, 5, 2).seed(1).save(file);
        assertEquals(ParameterFile.VERSION, ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8));
    }

    @Test
    void loadingAcrossDtypesIsRefusedAndLeavesTheModelUnchanged(@TempDir Path dir) {
        Path f32 = dir.resolve("f32.bin"), f64 = dir.resolve("f64.bin");
        Mlp.of(3, 5, 2).float32().seed(1).save(f32);
        Mlp.of(3, 5, 2).seed(1).save(f64);
        var net64 = Mlp.of(3, 5, 2).seed(2);
        var before = net64.parameters().get(0).value().copy();
        var e = assertThrows(IllegalArgumentException.class, () -> net64.load(f32));
        assertEquals(f32 + ": tensor 0.W is float32 in the file but float64 in the model; it was saved from a float32 model."
                + " Load it into one: build the model with .float32() (or call model.to(DType.FLOAT32)) before load, then convert"
                + " afterwards if you want float64.", e.getMessage());
        assertEquals(before, net64.parameters().get(0).value());
        var net32 = Mlp.of(3, 5, 2).float32().seed(2);
        var e2 = assertThrows(IllegalArgumentException.class, () -> net32.load(f64));
        assertTrue(e2.getMessage().contains("tensor 0.W is float64 in the file but float32 in the model"), e2.getMessage());
    }
}
