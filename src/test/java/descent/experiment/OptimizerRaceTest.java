package descent.experiment;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.optim.Optimizers;
import descent.schedule.Schedules;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static descent.Approx.EXACT;
import static descent.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerRaceTest {
    static final Dataset DATA = Datasets.blobs(400, 4, 0.3, 5);
    static final OptimizerRace SMALL = new OptimizerRace(new NetSetup(2, 16, Optimizers.sgd(0.01), 32, 1, 1), 150, 2);

    @Test
    void adamBeatsSgdAfterTheSameNumberOfUpdates() {
        RaceResult r = SMALL.run(DATA, DATA, Optimizers.sgd(0.01), Optimizers.momentum(0.01, 0.9), Optimizers.adam(0.01));
        Table t = r.table();
        assertEquals(List.of("optimizer", "finalLoss", "minSmoothedLoss", "testAccuracy", "diverged"), t.columnNames());
        assertEquals(List.of("optimizer", "iteration", "loss", "smoothedLoss", "lr"), r.curves().columnNames());
        assertEquals(3 * 150, r.curves().rowCount());
        double sgd = t.doubleColumn("finalLoss").get(0), momentum = t.doubleColumn("finalLoss").get(1), adam = t.doubleColumn("finalLoss").get(2);
        assertTrue(adam < sgd / 2, "Adam " + adam + " vs SGD " + sgd);
        assertTrue(momentum < sgd, "Momentum " + momentum + " vs SGD " + sgd);
        // every optimizer starts from the same weights and sees the same first batch: the same first loss
        Table c = r.curves().where(r.curves().intColumn("iteration").isEqualTo(0));
        assertClose(c.doubleColumn("loss").get(0), c.doubleColumn("loss").get(2), EXACT, "first loss");
    }

    @Test
    void warmupShowsInTheLearningRateAndThreadsDoNotChangeResults() {
        var plain = Optimizers.adam(0.01);
        var warm = Optimizers.adam(0.01).withSchedule(Schedules.warmupConstant(50));
        RaceResult one = SMALL.withThreads(1).run(DATA, null, plain, warm);
        RaceResult two = SMALL.withThreads(2).run(DATA, null, plain, warm);
        assertEquals(one.curves().toString(), two.curves().toString());
        for (int i = 0; i < 150; i++) {
            assertEquals(one.curves().doubleColumn("loss").get(i), two.curves().doubleColumn("loss").get(i), 0.0, "iteration " + i);
        }
        Table lr = one.curves().where(one.curves().stringColumn("optimizer").isEqualTo(warm.toString()));
        assertTrue(lr.doubleColumn("lr").get(0) < 0.001, "warm-up starts small: " + lr.doubleColumn("lr").get(0));
        assertClose(0.01, lr.doubleColumn("lr").get(149), EXACT, "after warm-up");
        assertFalse(one.table().booleanColumn("diverged").get(0));
        assertTrue(Double.isNaN(one.table().doubleColumn("testAccuracy").getDouble(0)), "no test set, no accuracy");
    }

    @Test
    void smoothingIsACentredMovingAverage() {
        double[] s = RaceResult.smooth(new double[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        assertClose(10, s[10], EXACT, "middle: mean of 5..15");
        assertClose(2.5, s[0], EXACT, "edge: mean of 0..5");
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> SMALL.withIterations(0));
        assertTrue(e.getMessage().contains("iterations: 0"), e.getMessage());
        assertEquals("OptimizerRace(2x16 ReLU, batchSize=32, iterations=150, seed=1, threads=2)", SMALL.toString());
        assertThrows(IllegalArgumentException.class, () -> SMALL.run(DATA, DATA));
    }
}
