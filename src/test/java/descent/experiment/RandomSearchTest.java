package descent.experiment;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Splits;
import descent.data.TrainTest;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomSearchTest {
    static final TrainTest DATA = Splits.trainTest(Datasets.blobs(300, 3, 0.4, 2), 0.3, 1);
    static final RandomSearch SMALL = new RandomSearch(new NetSetup(1, 16, Optimizers.sgd(0.1), 30, 8, 0), 12,
            1e-4, 1, 1e-8, 1e-2, 42, 1);

    @Test
    void sameTableWithOneOrTwoThreads() {
        SearchResult one = SMALL.withThreads(1).run(DATA.train(), DATA.test());
        SearchResult two = SMALL.withThreads(2).run(DATA.train(), DATA.test());
        assertEquals(one.trials(), two.trials(), "bit-identical trials whatever the thread timing");
        assertEquals(one.table().toString(), two.table().toString());
        Table t = one.table();
        assertEquals(List.of("trial", "seed", "lr", "weightDecay", "trainAccuracy", "validationAccuracy", "validationLoss", "diverged"), t.columnNames());
        assertEquals(12, t.rowCount());
        assertNotEquals(one.trials(), SMALL.withSeed(43).run(DATA.train(), DATA.test()).trials(), "another seed, other trials");
    }

    @Test
    void samplesLogUniformlyAndSortsBestFirst() {
        SearchResult r = SMALL.withThreads(2).run(DATA.train(), DATA.test());
        Table t = r.table();
        double[] acc = t.doubleColumn("validationAccuracy").asDoubleArray();
        for (int i = 1; i < acc.length; i++) assertTrue(acc[i] <= acc[i - 1], "sorted at row " + i);
        for (Trial x : r.trials()) {
            assertTrue(x.lr() >= 1e-4 && x.lr() <= 1, "lr " + x.lr());
            assertTrue(x.weightDecay() >= 1e-8 && x.weightDecay() <= 1e-2, "wd " + x.weightDecay());
            assertEquals(SMALL.trialSeed(x.trial()), x.seed());
        }
        // the range spans 4 decades: log-uniform sampling puts trials in both halves (uniform would put ~all above 0.01)
        long small = r.trials().stream().filter(x -> x.lr() < 1e-2).count();
        assertTrue(small >= 2 && small <= 10, small + " of 12 below 1e-2");
        // the search finds something: the best learning rates learn these blobs, the tiniest do not
        Trial best = r.best();
        Trial slowest = r.trials().stream().min(java.util.Comparator.comparingDouble(Trial::lr)).orElseThrow();
        assertTrue(best.validationAccuracy() > 0.9, best.toString());
        assertTrue(best.validationAccuracy() > slowest.validationAccuracy(), best + " vs " + slowest);
        assertEquals(2, r.figure().traces().size());
    }

    @Test
    void trialSeedsDependOnlyOnSearchSeedAndIndex() {
        assertEquals(SMALL.trialSeed(3), SMALL.withThreads(2).withTrials(50).trialSeed(3));
        assertNotEquals(SMALL.trialSeed(3), SMALL.trialSeed(4));
        assertNotEquals(SMALL.trialSeed(3), SMALL.withSeed(1).trialSeed(3));
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> SMALL.withLr(0, 1));
        assertTrue(e.getMessage().contains("learning rate range [0.0, 1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SMALL.withThreads(0));
    }

    @SuppressWarnings("unused")
    private static Dataset unused() {
        return DATA.train();
    }
}
