package descent.train;

import descent.Approx;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Layers;
import descent.nn.Losses;
import descent.nn.Mlp;
import descent.nn.Regularizers;
import descent.nn.Sequential;
import descent.optim.Optimizers;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    @Test
    void twoHiddenLayerMlpLearnsTheTwoSpirals() {
        Dataset spirals = Datasets.spirals(400, 0.02, 1);
        var net = Mlp.of(2, 32, 32, 2).relu().seed(3);
        var history = Trainer.of(net, spirals, Optimizers.sgd(0.3)).batchSize(20).seed(4).fit(150);
        Evaluation e = Trainer.of(net, spirals, Optimizers.sgd(0.3)).evaluate(spirals);
        assertTrue(e.accuracy() >= 0.97, "training accuracy " + e.accuracy() + "\n" + history.epochs().last(5));
        // the data set is not linearly separable: a network without hidden layers stays far below
        var linear = Mlp.of(2, 2).seed(3);
        Trainer.of(linear, spirals, Optimizers.sgd(0.3)).batchSize(20).seed(4).fit(50);
        double linearAccuracy = Trainer.of(linear, spirals, Optimizers.sgd(0.3)).evaluate(spirals).accuracy();
        assertTrue(linearAccuracy < 0.75, "linear model accuracy " + linearAccuracy);
    }

    @Test
    void adamTrainsThroughTheSameOptimizerInterface() {
        Dataset spirals = Datasets.spirals(400, 0.02, 1);
        var net = Mlp.of(2, 32, 32, 2).seed(3);
        var trainer = Trainer.of(net, spirals, Optimizers.adam(0.01)).batchSize(20).seed(4);
        trainer.fit(60);
        assertTrue(trainer.evaluate(spirals).accuracy() >= 0.97, trainer.history().toString());
    }

    @Test
    void sameSeedsGiveABitIdenticalHistory() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        Table a = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(5), d, Optimizers.sgd(0.1)).batchSize(10).seed(6).fit(3).iterations();
        Table b = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(5), d, Optimizers.sgd(0.1)).batchSize(10).seed(6).fit(3).iterations();
        assertEquals(30, a.rowCount());
        assertArrayEquals(a.doubleColumn("loss").asDoubleArray(), b.doubleColumn("loss").asDoubleArray());
        assertArrayEquals(a.doubleColumn("accuracy").asDoubleArray(), b.doubleColumn("accuracy").asDoubleArray());
        Table c = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(5), d, Optimizers.sgd(0.1)).batchSize(10).seed(7).fit(3).iterations();
        assertTrue(c.doubleColumn("loss").get(1) != a.doubleColumn("loss").get(1), "another batch seed, other batches");
    }

    @Test
    void firstStepByHandOnATinyNetwork() {
        // one Dense(1, 2) with zero weights: scores 0, p = (½, ½), loss ln 2; dW = xᵀ(p − t)/N
        Matrix x = Matrix.of(new double[][]{{2}});
        Dataset d = new Dataset("one", x, new int[]{1}, List.of("a", "b"));
        Sequential net = Sequential.of(Layers.dense(1, 2, descent.nn.Initializers.zeros(), 0));
        var s = Trainer.of(net, d, Optimizers.sgd(0.5)).batchSize(1).step();
        Approx.assertClose(Math.log(2), s.loss(), Approx.EXACT, "ln 2");
        assertEquals(0, s.iteration());
        // W ← 0 − 0.5 · 2 · (½, −½) = (−0.5, 0.5);  b ← 0 − 0.5 · (½, −½)
        Approx.assertClose(new double[]{-0.5, 0.5}, net.namedParameters().get("0.W").value().data(), Approx.EXACT, "W after one step");
        Approx.assertClose(new double[]{-0.25, 0.25}, net.namedParameters().get("0.b").value().data(), Approx.EXACT, "b after one step");
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        // a run that overfits and wobbles; the weights recorded at each epoch end are compared with what is restored
        var run = new WobblingRun();
        var trainer = run.trainer;
        var net = run.net;
        List<Matrix> snapshots = run.weightsAtEpochEnd;
        History h = trainer.fit(200);
        assertTrue(h.stoppedEarly(), h.toString());
        int best = h.bestEpoch();
        Table epochs = h.epochs();
        double bestLoss = epochs.doubleColumn("validationLoss").get(best);
        for (int e = 0; e < epochs.rowCount(); e++) {
            assertTrue(epochs.doubleColumn("validationLoss").get(e) >= bestLoss, "epoch " + best + " has the lowest validation loss");
        }
        assertEquals(best + 4, epochs.rowCount(), "stopped after 3 epochs without improvement");
        assertEquals(snapshots.get(best), net.namedParameters().get("0.W").value(), "weights of the best epoch restored");
        Approx.assertClose(bestLoss, trainer.evaluate(run.validation).loss(), Approx.EXACT, "validation loss of the restored model");
        assertTrue(h.stopReason().contains("restored the weights of epoch " + best), h.stopReason());
    }

    @Test
    void divergenceStopsWithAMessageAndLeavesTheModelUnchanged() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var net = Mlp.of(2, 16, 2).batchNorm().seed(1);
        var trainer = Trainer.of(net, d, Optimizers.sgd(1e300)).batchSize(10);
        ArithmeticException e = null;
        Matrix before = null, beforeRunning = null;
        for (int i = 0; i < 50 && e == null; i++) {
            before = net.namedParameters().get("0.W").value().copy();
            beforeRunning = net.buffers().get("1.runningMean").copy();
            try {
                trainer.step();
            } catch (ArithmeticException ex) {
                e = ex;
            }
        }
        assertTrue(e != null, "a learning rate of 1e300 must diverge");
        assertTrue(e.getMessage().startsWith("Training diverged at iteration " + trainer.iteration()), e.getMessage());
        assertTrue(e.getMessage().contains("probably too high"), e.getMessage());
        assertEquals(before, net.namedParameters().get("0.W").value(), "the bad update was not applied");
        assertEquals(beforeRunning, net.buffers().get("1.runningMean"), "batch-norm statistics restored");
    }

    @Test
    void badInputsAreClearErrors() {
        Dataset d = Datasets.spirals(20, 0.05, 2);
        Matrix withLabel = Matrix.zeros(20, 3);
        Dataset three = new Dataset("with label", withLabel, d.labels(), d.classNames());
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Mlp.of(2, 16, 2), three, Optimizers.sgd(0.1)));
        assertEquals("Dense(2, 16) expects input width 2 but got 3; did you leave the label column in x?", e.getMessage());
        assertTrue(e.getMessage().endsWith("did you leave the label column in x?"), e.getMessage());

        Matrix nan = d.x().copy();
        nan.set(4, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Mlp.of(2, 4, 2), new Dataset("bad", nan, d.labels(), d.classNames()), Optimizers.sgd(0.1)));
        assertTrue(e.getMessage().contains("NaN at row 4, column 1"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Mlp.of(2, 4, 3), d, Optimizers.sgd(0.1)));
        assertTrue(e.getMessage().contains("3 outputs") && e.getMessage().contains("2 classes"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Mlp.of(2, 4, 2), d, Optimizers.sgd(0.1)).batchSize(0));
        assertTrue(e.getMessage().contains("Invalid batch size: 0"), e.getMessage());

        var t = Trainer.of(Mlp.of(2, 4, 2), d, Optimizers.sgd(0.1));
        t.step();
        assertThrows(IllegalStateException.class, () -> t.batchSize(5));
    }

    @Test
    void historyTablesAndLayerStatisticsShowVanishingGradients() {
        Dataset d = Datasets.spirals(200, 0.05, 3);
        var deepSigmoid = Mlp.of(2, 20, 20, 20, 20, 20, 2).sigmoid().init(descent.nn.Initializers.normal(1)).seed(4);
        var h = Trainer.of(deepSigmoid, d, Optimizers.sgd(0.1)).batchSize(50).validation(d).fit(2);
        Table layers = h.layers();
        assertEquals(2 * deepSigmoid.size(), layers.rowCount());
        // gradient norms of the Dense layers shrink from the output (index 10) towards the input (index 0)
        double first = layers.doubleColumn("gradNorm").get(0), last = layers.doubleColumn("gradNorm").get(10);
        assertTrue(first < last / 10, "first layer " + first + " vs last " + last + "\n" + layers);
        assertEquals(List.of("epoch", "iterations", "loss", "accuracy", "validationLoss", "validationAccuracy", "lr"), h.epochs().columnNames());
        assertEquals(List.of("iteration", "epoch", "loss", "accuracy", "lr"), h.iterations().columnNames());
        assertEquals(8, h.size());
        assertTrue(h.toString().startsWith("History(2 epochs, 8 iterations"), h.toString());
    }

    @Test
    void regularizationAddsItsPenaltyToTheLoss() {
        Dataset d = Datasets.spirals(20, 0.05, 2);
        var plain = Trainer.of(Mlp.of(2, 4, 2).seed(1), d, Optimizers.sgd(0.1)).batchSize(20).step();
        var net = Mlp.of(2, 4, 2).seed(1);
        double penalty = 0;
        for (var p : net.parameters()) if (p.isWeight()) penalty += 0.5 * 0.1 * Math.pow(p.value().norm(), 2);
        var l2 = Trainer.of(net, d, Optimizers.sgd(0.1)).batchSize(20).regularizer(Regularizers.l2(0.1)).step();
        Approx.assertClose(plain.loss() + penalty, l2.loss(), Approx.EXACT, "loss + λ/2 Σw²");
    }

    @Test
    void consoleProgressDrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Dataset d = Datasets.spirals(40, 0.05, 2);
        Trainer.of(Mlp.of(2, 4, 2), d, Optimizers.sgd(0.1)).batchSize(10).loss(Losses.softmaxCrossEntropy())
                .progress(new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0)).fit(2);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\repoch 1 ["), out);
        assertTrue(out.contains("100%  it 8/8"), out);
        assertTrue(out.contains("History(2 epochs, 8 iterations"), out);
    }
}
