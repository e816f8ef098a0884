package descent.train;

import descent.Approx;
import descent.base.Format;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Mlp;
import descent.nn.Sequential;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.optim.State;
import descent.schedule.Schedule;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a trainer does after a failure, on bad configuration, when trained twice, and when a run diverges slowly. */
class TrainerReliabilityTest {

    /**
     * Adam, except that one chosen update goes wrong: by default it writes NaN into its parameter after updating it
     * (and its state); {@link #throwing()} makes it throw instead, after changing its parameter and state, as a buggy
     * custom optimizer might.
     */
    private static final class FailOnce implements Optimizer {
        private final Optimizer adam = Optimizers.adam(0.01);
        private final int failAt;
        private final boolean throwing;
        private int calls;

        FailOnce(int failAt) {
            this(failAt, false);
        }

        private FailOnce(int failAt, boolean throwing) {
            this.failAt = failAt;
            this.throwing = throwing;
        }

        static FailOnce throwing(int failAt) {
            return new FailOnce(failAt, true);
        }

        public double lr() { return adam.lr(); }
        public Schedule schedule() { return adam.schedule(); }
        public Optimizer withSchedule(Schedule s) { throw new UnsupportedOperationException(); }
        public Optimizer withLr(double lr) { throw new UnsupportedOperationException(); }
        public List<String> stateNames() { return adam.stateNames(); }

        public void update(double[] w, double[] g, State state, double lr) {
            boolean fail = calls++ == failAt;
            adam.update(w, g, state, lr);
            if (fail && throwing) throw new IllegalStateException("update " + failAt + " failed");   // after changing w
            if (fail) w[0] = Double.NaN;
        }

        @Override
        public String toString() {
            return "FailOnce(" + adam + ")";
        }
    }

    /** Every step's loss of {@code trainer} equals the reference run's, bit for bit. */
    private static void assertSameLosses(Trainer reference, Trainer trainer, String what) {
        assertArrayEquals(reference.history().iterations().doubleColumn("loss").asDoubleArray(),
                trainer.history().iterations().doubleColumn("loss").asDoubleArray(), what);
    }

    private static Map<String, Matrix> copyOfState(Sequential net) {
        Map<String, Matrix> m = new LinkedHashMap<>();
        net.stateTensors().forEach((k, v) -> m.put(k, v.copy()));
        return m;
    }

    /**
     * Steps {@code trainer} (3 steps done, one failed and undone) to 20 steps, and checks that its losses and its
     * model {@code failing} are those of a clean Adam run of the same batch-norm network from the same seeds.
     */
    private static void continuesLikeARunWithoutTheFailure(Trainer trainer, Sequential failing, Dataset d) {
        for (int i = 0; i < 17; i++) trainer.step();
        var clean = Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(1);
        var reference = Trainer.of(clean, d, Optimizers.adam(0.01)).batchSize(10).seed(5);
        for (int i = 0; i < 20; i++) reference.step();
        assertSameLosses(reference, trainer, "losses of all 20 steps");
        assertEquals(copyOfState(clean), copyOfState(failing), "weights after 20 steps");
    }

    @Test
    void rollbackRestoresTheModelTheOptimizerStatesAndTheBatchPosition() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        // Mlp(2, 8, 2) with batch norm has 6 parameter tensors: step 3's fourth update fails, after three tensors
        // (and their Adam moments and step counts) were already updated.
        var failing = Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(1);
        var trainer = Trainer.of(failing, d, new FailOnce(3 * 6 + 3)).batchSize(10).seed(5);
        for (int i = 0; i < 3; i++) trainer.step();
        Map<String, Matrix> before = copyOfState(failing);
        var e = assertThrows(ArithmeticException.class, trainer::step);
        assertEquals("Training diverged at iteration 3 (epoch 0): after the update, the value of 1.beta is NaN. The learning"
                + " rate 0.01 of FailOnce(Adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-08)) is probably too high; try one 10"
                + " times smaller. The model, the optimizer's state and the batch order were restored to before this step.", e.getMessage());
        assertEquals(before, copyOfState(failing), "parameters, batch-norm statistics and dropout state as before the step");
        assertEquals(3, trainer.iteration());
        assertEquals(3, trainer.history().size());

        // Continuing gives exactly what a run without the failure gives: same batches, same Adam moments and counts.
        continuesLikeARunWithoutTheFailure(trainer, failing, d);

        State s = Optimizers.adam(0.1).newState(2);
        s.advance();
        var bad = assertThrows(IllegalArgumentException.class, () -> s.rewind(2));
        assertEquals("Cannot rewind a state at t=1 to t=2; expected 0 <= t <= 1.", bad.getMessage());
        assertEquals(1, s.t(), "unchanged");
    }

    @Test
    void dataChangedToNaNAfterTheCheckIsNamedAndTheStepUndone() {
        // The trainer checks its data once and then skips forward's per-batch check; a value made NaN afterwards must
        // still be found and named, with the step undone (batch norm's running statistics included).
        Dataset d = Datasets.spirals(20, 0.05, 2);
        var net = Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(1);
        var trainer = Trainer.of(net, d, Optimizers.adam(0.01)).batchSize(20).replacement(false).seed(5);   // every row, every step
        for (int i = 0; i < 3; i++) trainer.step();
        Map<String, Matrix> before = copyOfState(net);
        double saved = d.x().get(7, 1);
        d.x().set(7, 1, Double.NaN);
        var e = assertThrows(IllegalStateException.class, trainer::step);
        assertTrue(e.getMessage().startsWith("Training data Dataset(spirals(n=20, noise=0.05, seed=2), 20 examples x 2 features, 2 classes) has NaN at row 7,"
                + " column 1 (iteration 3), but was finite when the trainer checked it"), e.getMessage());
        assertEquals(before, copyOfState(net), "parameters, batch-norm statistics and dropout state as before the step");
        assertEquals(3, trainer.iteration());

        d.x().set(7, 1, saved);   // fixed: training goes on as if nothing had happened
        for (int i = 0; i < 3; i++) trainer.step();
        var clean = Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(1);
        var reference = Trainer.of(clean, d, Optimizers.adam(0.01)).batchSize(20).replacement(false).seed(5);
        for (int i = 0; i < 6; i++) reference.step();
        assertSameLosses(reference, trainer, "losses of all 6 steps");
        assertEquals(copyOfState(clean), copyOfState(net), "weights after 6 steps");

        d.x().set(3, 0, Double.POSITIVE_INFINITY);   // evaluating the changed data names the value too, instead of a NaN loss
        var ev = assertThrows(IllegalArgumentException.class, () -> trainer.evaluate(d));
        assertTrue(ev.getMessage().contains("has Infinity at row 3, column 0"), ev.getMessage());
        d.x().set(3, 0, saved);
    }

    @Test
    void aFailureLongAfterTheCheckpointReplaysEveryStepSinceAndRestoresExactly() {
        Dataset d = Datasets.spirals(2000, 0.05, 2);   // 200 batches per epoch: the checkpoint is the one of step 0 ... 64 ...
        // Mlp(2, 8, 8, 2) has 6 parameter tensors: iteration 100's third update fails, 36 steps after the checkpoint of step 64
        var failing = Mlp.of(2, 8, 8, 2).dropout(0.2).seed(3);
        var trainer = Trainer.of(failing, d, new FailOnce(100 * 6 + 2)).batchSize(10).seed(8).replacement(true);
        for (int i = 0; i < 100; i++) trainer.step();
        Map<String, Matrix> before = copyOfState(failing);
        var e = assertThrows(ArithmeticException.class, trainer::step);
        assertTrue(e.getMessage().startsWith("Training diverged at iteration 100 (epoch 0): after the update, the value of 3.W is NaN."), e.getMessage());
        assertTrue(e.getMessage().endsWith("restored to before this step."), e.getMessage());
        assertEquals(before, copyOfState(failing), "weights and dropout state after replaying 36 steps");
        for (int i = 0; i < 30; i++) trainer.step();
        var reference = Trainer.of(Mlp.of(2, 8, 8, 2).dropout(0.2).seed(3), d, Optimizers.adam(0.01)).batchSize(10).seed(8).replacement(true);
        for (int i = 0; i < 130; i++) reference.step();
        assertSameLosses(reference, trainer, "losses of all 130 steps");
    }

    @Test
    void aNonFiniteGradientIsNamedAndTheStepUndoneAlthoughItIsFoundAfterTheFirstUpdates() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        // a "regularizer" whose gradient is NaN for the last weight in step 2 (call 9 of addGradient: 4 per step)
        var nanOnce = new descent.nn.Regularizer() {
            int calls;
            public double penalty(descent.nn.Parameter p) { return 0; }
            public void addGradient(descent.nn.Parameter p) { if (calls++ == 2 * 4 + 2) p.grad().data()[1] = Double.NaN; }
            public boolean biases() { return true; }
            public descent.nn.Regularizer withBiases() { return this; }
        };
        var net = Mlp.of(2, 8, 2).seed(1);
        var trainer = Trainer.of(net, d, Optimizers.momentum(0.1, 0.9)).batchSize(10).seed(5).regularizer(nanOnce);
        for (int i = 0; i < 2; i++) trainer.step();
        Map<String, Matrix> before = copyOfState(net);
        var e = assertThrows(ArithmeticException.class, trainer::step);
        assertTrue(e.getMessage().startsWith("Training diverged at iteration 2 (epoch 0): the gradient of 2.W is NaN. "), e.getMessage());
        assertTrue(e.getMessage().endsWith("restored to before this step."), e.getMessage());
        assertEquals(before, copyOfState(net), "0.W and 0.b were updated before the NaN was found, and put back");
        for (int i = 0; i < 8; i++) trainer.step();
        var reference = Trainer.of(Mlp.of(2, 8, 2).seed(1), d, Optimizers.momentum(0.1, 0.9)).batchSize(10).seed(5);
        for (int i = 0; i < 10; i++) reference.step();
        assertSameLosses(reference, trainer, "losses of all 10 steps");
    }

    @Test
    void aModelChangedOutsideTheTrainerCannotBeReplayedAndTheExceptionSaysSo() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var net = Mlp.of(2, 8, 2).seed(1);
        var trainer = Trainer.of(net, d, new FailOnce(3 * 4 + 1)).batchSize(10).seed(5);
        for (int i = 0; i < 3; i++) trainer.step();
        net.stateTensors().get("0.W").data()[0] += 1;      // a change the trainer does not know of
        Map<String, Matrix> changed = copyOfState(net);
        var e = assertThrows(ArithmeticException.class, trainer::step);
        assertTrue(e.getMessage().endsWith("The model could not be restored: it was changed outside this trainer since iteration 0,"
                + " so replaying the steps since then did not reproduce it; it is left as the failed update left it."), e.getMessage());
        assertEquals(3, trainer.iteration());
        assertNotEquals(changed, copyOfState(net), "the first two tensors were updated");
        assertTrue(Double.isNaN(net.stateTensors().get("0.b").data()[0]), "the failed update's NaN is still there");
    }

    @Test
    void anUpdateThatThrowsIsUndoneNamedAndGivesTheSecondCoreBack() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        // Mlp(2, 8, 2) with batch norm has 6 parameter tensors: step 3's fourth update changes its tensor and state,
        // then throws, after three tensors (and their Adam moments and step counts) were updated.
        var failing = Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(1);
        var trainer = Trainer.of(failing, d, FailOnce.throwing(3 * 6 + 3)).batchSize(10).seed(5);
        for (int i = 0; i < 3; i++) trainer.step();
        Map<String, Matrix> before = copyOfState(failing);
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::step);
        assertEquals("Updating 1.beta at iteration 3 with FailOnce(Adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-08)) threw"
                + " java.lang.IllegalStateException: update 21 failed. The model, the optimizer's state and the batch order"
                + " were restored to before this step; fix the update, then train on.", e.getMessage());
        assertEquals("update 21 failed", e.getCause().getMessage(), "the optimizer's own exception is the cause");
        assertEquals(before, copyOfState(failing), "parameters, batch-norm statistics and dropout state as before the step");
        assertEquals(3, trainer.iteration());
        // The statistics that ran beside the updates were awaited: nothing holds the second core now.
        boolean free = descent.base.HelperThread.tryAcquire();
        if (free) descent.base.HelperThread.release();
        assertTrue(free || descent.tensor.Blas.threads() == 1, "the trainer still holds the helper thread after the failure");

        // Continuing gives exactly what a run without the failure gives: same batches, same Adam moments and counts.
        continuesLikeARunWithoutTheFailure(trainer, failing, d);
    }

    @Test
    void anUpdateThatThrowsOnAModelChangedOutsideTheTrainerSaysItCouldNotBeRestored() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var net = Mlp.of(2, 8, 2).seed(1);
        var trainer = Trainer.of(net, d, FailOnce.throwing(3 * 4 + 1)).batchSize(10).seed(5);
        for (int i = 0; i < 3; i++) trainer.step();
        net.stateTensors().get("0.W").data()[0] += 1;      // a change the trainer does not know of
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::step);
        assertTrue(e.getMessage().startsWith("Updating 0.b at iteration 3 with FailOnce("), e.getMessage());
        assertTrue(e.getMessage().endsWith("The model could not be restored: it was changed outside this trainer since iteration 0,"
                + " so replaying the steps since then did not reproduce it; it is left as the failed update left it."), e.getMessage());
        assertEquals(3, trainer.iteration());
        assertTrue(Double.isFinite(trainer.step().loss()), "the trainer steps on, from a new checkpoint");
    }

    @Test
    void aLossFarAboveItsStartIsFlagged() {
        Dataset d = Datasets.spirals(300, 0.05, 1);
        var h = Trainer.of(Mlp.of(2, 32, 32, 2).relu().seed(1), d, Optimizers.sgd(50)).batchSize(30).seed(2).fit(20);
        double start = h.loss(0), epoch0 = h.epochResults().get(0).loss();
        assertTrue(epoch0 > 3 * start, "epoch 0 loss " + epoch0 + " vs start " + start);
        String expected = "diverging: the training loss " + Format.number(epoch0) + " of epoch 0 is more than 3 times its start "
                + Format.number(start) + "; the learning rate of SGD(lr=50.0) is probably too high, try one 10 times smaller";
        assertEquals(expected, h.warning());
        assertTrue(h.toString().endsWith("; warning: " + expected + ")"), h.toString());
        // the loss stays far above its start: the network is not learning (the rule flags the first such epoch)
        assertTrue(h.lastEpoch().loss() > 3 * start, h.epochs().toString());

        var fine = Trainer.of(Mlp.of(2, 32, 32, 2).relu().seed(1), d, Optimizers.sgd(0.5)).batchSize(30).seed(2).fit(20);
        assertNull(fine.warning(), fine.toString());
    }

    @Test
    void aLossThatKeepsGrowingIsFlagged() {
        List<EpochResult> epochs = new ArrayList<>();
        for (int e = 0; e < 12; e++) epochs.add(new EpochResult(e, 10 * (e + 1), e < 2 ? 1.0 - e * 0.1 : 0.9 + 0.01 * e, 0.5, Double.NaN, Double.NaN, 0.1));
        assertNull(DivergenceRule.check(1.0, epochs.subList(0, 11), "SGD(lr=0.1)"), "rising for 9 epochs only");
        assertEquals("diverging: the training loss rose in each of the 10 epochs up to epoch 11, to 1.01; the learning rate"
                + " of SGD(lr=0.1) is probably too high, try one 10 times smaller", DivergenceRule.check(1.0, epochs, "SGD(lr=0.1)"));
    }

    @Test
    void batchNormWithBatchesOfOneAsksForALargerBatch() {
        Dataset d = Datasets.spirals(20, 0.05, 2);
        var trainer = Trainer.of(Mlp.of(2, 4, 2).batchNorm().seed(1), d, Optimizers.sgd(0.1));
        String before = trainer.toString();
        var e = assertThrows(IllegalArgumentException.class, () -> trainer.batchSize(1));
        assertEquals("BatchNorm(4, train) needs at least 2 examples per batch to estimate a variance, but this trainer's"
                + " batches would have 1 (batch size 1, 20 training examples); use a batch size of 2 or more, such as batchSize(32).", e.getMessage());
        assertEquals(before, trainer.toString(), "batch size unchanged");
        Dataset one = d.head(1);
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Mlp.of(2, 4, 2).batchNorm(), one, Optimizers.sgd(0.1)));
        assertTrue(e.getMessage().contains("would have 1 (batch size 100, 1 training examples)"), e.getMessage());
        Trainer.of(Mlp.of(2, 4, 2).batchNorm().seed(1), d, Optimizers.sgd(0.1)).batchSize(2).step();   // 2 is enough
    }

    @Test
    void nullsAreRejectedWhenConfiguring() {
        Dataset d = Datasets.spirals(20, 0.05, 2);
        var net = Mlp.of(2, 4, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net, d, null));
        assertEquals("Invalid optimizer: null; expected a value, not null; for example Optimizers.sgd(0.1).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net, null, Optimizers.sgd(0.1)));
        assertEquals("Invalid training data: null; expected a value, not null; for example Datasets.spirals(400, 0.05, 1).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(null, d, Optimizers.sgd(0.1)));
        assertEquals("Invalid model: null; expected a value, not null; for example Mlp.of(2, 16, 2).", e.getMessage());

        var t = Trainer.of(net, d, Optimizers.sgd(0.1));
        String before = t.toString();
        e = assertThrows(IllegalArgumentException.class, () -> t.loss(null));
        assertEquals("Invalid loss: null; expected a value, not null; for example Losses.softmaxCrossEntropy().", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.validation(null));
        assertEquals("Invalid validation data: null; expected a value, not null; for example Datasets.spirals(400, 0.05, 1).", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.regularizer(null));
        assertThrows(IllegalArgumentException.class, () -> t.earlyStopping(null));
        e = assertThrows(IllegalArgumentException.class, () -> t.progress(null));
        assertEquals("Invalid progress: null; expected a value, not null; for example Progress.console(), or Progress.none() for silence.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(net, null));
        assertEquals("Invalid evaluation data: null; expected a value, not null; for example Datasets.spirals(400, 0.05, 1).", e.getMessage());
        assertEquals(before, t.toString(), "configuration unchanged");
        t.step();   // and it still trains
    }

    @Test
    void evaluationNeedsNoTrainerAndDoesNotStartOne() {
        Dataset d = Datasets.spirals(150, 0.05, 2);
        var net = Mlp.of(2, 8, 2).seed(1);
        var t = Trainer.of(net, d, Optimizers.sgd(0.1));
        assertEquals(Evaluation.of(net, d), t.evaluate(d), "the trainer's default batch size is Evaluation's chunk");
        t.batchSize(10).seed(3);      // configuring after an evaluation is fine
        t.fit(2);
        var after = Evaluation.of(net, d);
        assertNotEquals(Evaluation.of(Mlp.of(2, 8, 2).seed(1), d), after, "trained");
        Approx.assertClose(after.loss(), t.evaluate(d).loss(), Approx.EXACT, "evaluation by chunks of 100 vs of 10");
    }

    @Test
    void fitContinuesWhereTheLastLeftOffAndReturnsASnapshot() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var once = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(5), d, Optimizers.adam(0.01)).batchSize(10).seed(6).fit(5);
        var twice = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(5), d, Optimizers.adam(0.01)).batchSize(10).seed(6);
        History first = twice.fit(2);
        String firstText = first.toString();
        History second = twice.fit(3);
        assertArrayEquals(once.iterations().doubleColumn("loss").asDoubleArray(), second.iterations().doubleColumn("loss").asDoubleArray(),
                "fit(2) then fit(3) is fit(5)");
        assertEquals(once.epochs().toString(), second.epochs().toString());
        assertEquals(20, first.size(), "the first fit's history does not grow");
        assertEquals(2, first.epochs().rowCount());
        assertEquals(firstText, first.toString());
        assertEquals(50, second.size());
    }

    @Test
    void earlyStoppingStartsAfreshAtEachFit() {
        var run = new WobblingRun();
        var trainer = run.trainer;
        History first = trainer.fit(200);
        assertTrue(first.stoppedEarly(), first.toString());
        int firstEpochs = first.epochs().rowCount();
        History second = trainer.fit(200);
        assertTrue(second.stoppedEarly(), second.toString());
        int best = second.bestEpoch();
        assertTrue(best >= firstEpochs, "the best epoch " + best + " is one of this fit's, which started at epoch " + firstEpochs);
        var v = second.epochs().doubleColumn("validationLoss");
        for (int e = firstEpochs; e < v.size(); e++) assertTrue(v.get(e) >= v.get(best), "epoch " + best + " is this fit's best");
        assertEquals(best + 4, v.size(), "stopped 3 epochs after this fit's best, patience counted afresh");
        assertEquals(run.weightsAtEpochEnd.get(best), run.net.namedParameters().get("0.W").value(), "this fit's best weights restored");
        assertEquals("stopped early after epoch " + (best + 3) + ": no validation loss improvement for 3 epochs; restored the"
                + " weights of epoch " + best, second.stopReason());
        assertEquals(firstEpochs, first.epochs().rowCount(), "the first fit's history is unchanged");
    }

    @Test
    void sameSeedsAfterAReloadGiveTheSameLoss(@TempDir Path dir) {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var net = Mlp.of(2, 16, 2).dropout(0.3).seed(4);
        Path file = dir.resolve("net.bin");
        net.save(file);
        double first = Trainer.of(net, d, Optimizers.sgd(0.1)).batchSize(10).seed(7).fit(1).lastEpoch().loss();
        net.load(file);
        double again = Trainer.of(net, d, Optimizers.sgd(0.1)).batchSize(10).seed(7).fit(1).lastEpoch().loss();
        assertEquals(first, again, "same weights, same dropout state, same batch seed");
    }

    @Test
    void replacementIsConfiguredLikeEverythingElse() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var a = Trainer.of(Mlp.of(2, 8, 2).seed(1), d, Optimizers.sgd(0.1)).batchSize(10).replacement(true);
        assertTrue(a.toString().endsWith(", SGD(lr=0.1), SoftmaxCrossEntropy, batchSize=10, replacement, seed=0)"), a.toString());
        double withReplacement = a.fit(1).lastEpoch().loss();
        double shuffled = Trainer.of(Mlp.of(2, 8, 2).seed(1), d, Optimizers.sgd(0.1)).batchSize(10).fit(1).lastEpoch().loss();
        assertNotEquals(withReplacement, shuffled, "other batches");
    }
}
