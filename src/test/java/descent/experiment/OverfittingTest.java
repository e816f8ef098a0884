package descent.experiment;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Splits;
import descent.data.TrainTest;
import descent.nn.Regularizers;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static descent.Approx.EXACT;
import static descent.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverfittingTest {
    /** Noisy overlapping blobs: 40 training points a wide network can memorise, 400 to test on. */
    static TrainTest noisy() {
        Dataset d = Datasets.blobs(440, 3, 0.7, 3);
        return new TrainTest(d.head(40), d.rows(java.util.stream.IntStream.range(40, 440).toArray()));
    }

    static final NetSetup SMALL = new NetSetup(2, 64, Optimizers.sgd(0.3), 10, 150, 1);

    @Test
    void earlyStoppingRestoresTheBestValidationEpoch() {
        TrainTest d = noisy();
        EarlyStoppingRun r = Overfitting.earlyStopping(SMALL, d.train(), d.test(), 5);
        Table t = r.table();
        assertEquals(List.of("epoch", "loss", "validationLoss", "validationAccuracy", "beforeStop", "best"), t.columnNames());
        assertTrue(r.stoppedEarly(), r.toString());
        assertEquals(r.bestEpoch() + 5, r.stoppedAfter(), "stops `patience` epochs after the best");
        assertEquals(SMALL.epochs(), t.rowCount(), "the comparison run does not stop");
        double[] val = t.doubleColumn("validationLoss").asDoubleArray();
        // the best epoch is the lowest validation loss up to the stop, and the restored network has exactly that loss
        for (int e = 1; e <= r.stoppedAfter(); e++) assertTrue(val[e - 1] >= val[r.bestEpoch() - 1], "epoch " + e);
        assertClose(val[r.bestEpoch() - 1], r.restoredValidationLoss(), EXACT, "restored validation loss");
        // without stopping, the validation loss ends higher: this network overfits
        assertTrue(val[val.length - 1] > r.restoredValidationLoss() + 0.05, "final " + val[val.length - 1] + " vs " + r.restoredValidationLoss());
    }

    @Test
    void weightDecayShrinksTheTrainTestGapAndL1MakesZeros() {
        TrainTest d = noisy();
        RegularizationRun r = Overfitting.regularization(SMALL.withEpochs(60), d.train(), d.test(), Regularizers.l2(0.1), Regularizers.l1(0.01));
        assertEquals(List.of("regularizer", "epoch", "trainAccuracy", "testAccuracy", "gap"), r.table().columnNames());
        assertEquals(3 * 61, r.table().rowCount(), "epochs 0..60 for none, L2, L1");
        Table s = r.summary();
        assertEquals(List.of("regularizer", "trainAccuracy", "testAccuracy", "gap", "meanAbsWeight", "maxAbsWeight", "nearZero"), s.columnNames());
        assertEquals(List.of("none", "L2(0.1)", "L1(0.01)"), s.stringColumn("regularizer").asList());
        double gapNone = s.doubleColumn("gap").get(0), gapL2 = s.doubleColumn("gap").get(1);
        assertTrue(gapL2 < gapNone, "L2 gap " + gapL2 + " should be below the unregularized " + gapNone);
        assertTrue(s.doubleColumn("meanAbsWeight").get(1) < s.doubleColumn("meanAbsWeight").get(0), "L2 shrinks the weights");
        // the lecture: L1 subtracts the same amount from every weight, so many end at 0 while some stay large;
        // L2 shrinks in proportion, so its largest weights are small
        assertTrue(s.doubleColumn("nearZero").get(2) > 10 * s.doubleColumn("nearZero").get(0), "L1 puts weights at 0: " + s);
        assertTrue(s.doubleColumn("maxAbsWeight").get(2) > 2 * s.doubleColumn("maxAbsWeight").get(1), "L1 keeps large weights, L2 does not: " + s);
        Table h = r.histogram(10);
        assertEquals(List.of("regularizer", "from", "to", "count"), h.columnNames());
        int weights = 2 * 64 + 64 * 64 + 64 * 3;
        assertEquals(weights, (int) h.where(h.stringColumn("regularizer").isEqualTo("none")).intColumn("count").sum());
        assertEquals(3 * 2 * 61, r.figure().traces().size() * 61);
    }

    @Test
    void bothDropoutConventionsTrainAndTheScaledNetworkApproximatesTheEnsemble() {
        TrainTest d = noisy();
        DropoutRun r = Overfitting.dropout(SMALL.withEpochs(40), d.train(), d.test(), 0.3);
        assertEquals(List.of("dropout", "epoch", "trainAccuracy", "testAccuracy", "gap"), r.table().columnNames());
        assertEquals(List.of("no dropout", "inverted", "scaleAtTest"), r.summary().stringColumn("dropout").asList());
        for (double a : r.summary().doubleColumn("testAccuracy")) assertTrue(a > 0.6, "every variant learns: " + r.summary());

        DropoutEnsemble e = r.ensemble(d.test(), 64, 7);
        Table t = e.table();
        assertEquals(List.of("dropout", "members", "ensembleAccuracy", "scaledAccuracy"), t.columnNames());
        assertEquals(2 * 64, t.rowCount());
        for (String conv : List.of("inverted", "scaleAtTest")) {
            Table c = t.where(t.stringColumn("dropout").isEqualTo(conv));
            double many = c.doubleColumn("ensembleAccuracy").get(63), scaled = c.doubleColumn("scaledAccuracy").get(0);
            assertTrue(Math.abs(many - scaled) < 0.03, conv + ": 64 thinned networks " + many + " vs scaled " + scaled);
        }
        assertEquals(t.toString(), r.ensemble(d.test(), 64, 7).table().toString(), "same seed, same ensemble");
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new NetSetup(2, 0, Optimizers.sgd(0.1), 10, 5, 1));
        assertTrue(e.getMessage().contains("Invalid hidden layer width: 0;"), e.getMessage());
        assertFalse(NetSetup.book().toString().isEmpty());
        assertEquals("NetSetup(6x100 ReLU, SGD(lr=0.01), batchSize=100, epochs=200, seed=1)", NetSetup.book().toString());
    }

    @SuppressWarnings("unused")
    private static TrainTest split(Dataset d) {
        return Splits.trainTest(d, 0.5, 1);
    }
}
