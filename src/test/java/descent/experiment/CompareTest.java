package descent.experiment;

import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {

    @Test
    void tableRowsMatchTheTrajectories() {
        var c = Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 30, 0.5,
                Optimizers.sgd(0.95), Optimizers.sgd(1.05), Optimizers.adam(0.3));
        Table t = c.table();
        assertEquals(List.of("optimizer", "finalF", "distToMin", "stepsToTol", "diverged", "gradNorm"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("SGD(lr=0.95)", t.stringColumn("optimizer").get(0));
        var sgd = c.trajectories().get(0);
        assertEquals(sgd.last().f(), t.doubleColumn("finalF").get(0));
        assertEquals(sgd.last().x().norm(), t.doubleColumn("distToMin").get(0), 1e-15);
        // y_t = (1 − 2·0.95)^t·2 = (−0.9)^t·2 and x_t = 0.905^t·(−7): first within 0.5 of the origin by direct search
        int expected = -1;
        for (int k = 0; k <= 30 && expected < 0; k++) if (Math.hypot(7 * Math.pow(0.905, k), 2 * Math.pow(0.9, k)) < 0.5) expected = k;
        assertEquals(expected, t.intColumn("stepsToTol").get(0));
        // SGD 1.05: |1 − 2.1| = 1.1 > 1, y grows, never reaches; not diverged in 30 steps (finite)
        assertTrue(t.intColumn("stepsToTol").isMissing(1));
        assertFalse(t.booleanColumn("diverged").get(1));
    }

    @Test
    void figureOverlaysEveryPath() {
        var c = Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 10, Optimizers.sgd(0.95), Optimizers.adam(0.3));
        var names = c.figure().traces().stream().map(t -> t.name()).toList();
        assertTrue(names.contains("SGD(lr=0.95)") && names.contains("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)"), names.toString());
    }

    @Test
    void aDivergingRunIsMarkedNotThrown() {
        var c = Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 200, Optimizers.sgd(100), Optimizers.sgd(0.1));
        assertTrue(c.table().booleanColumn("diverged").get(0));
        assertFalse(c.table().booleanColumn("diverged").get(1));
    }

    @Test
    void growthCountsAsDivergenceInTheTable() {
        // issue 11 item 4: SGD at lr 1.5 on the bowl used to end at f = 6.4e60 and lr 2 at 1e121 with diverged=false
        var c = Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 100, Optimizers.sgd(1.5), Optimizers.sgd(2), Optimizers.sgd(0.95));
        Table t = c.table();
        assertEquals(List.of(true, true, false), List.of(t.booleanColumn("diverged").get(0), t.booleanColumn("diverged").get(1),
                t.booleanColumn("diverged").get(2)));
        for (int row = 0; row < 2; row++) {
            double f = t.doubleColumn("finalF").get(row);
            assertTrue(f <= 6.45 + 6.45 * descent.optim.Divergence.GROWTH, "row " + row + " ends before the limit: " + f);
        }
        assertTrue(c.trajectories().get(0).stopReason().startsWith("SGD(lr=1.5) diverged at step 11"), c.trajectories().get(0).stopReason());
        // printed, tiny and large numbers read as powers of ten (SGD 0.95 ends near 1e-5 after 100 steps)
        String printed = t.toString();
        assertFalse(printed.contains("0.00000"), printed);
        assertTrue(printed.contains("e-0") || printed.contains("e-1"), printed);
    }

    @Test
    void rejectsNoOptimizers() {
        assertThrows(IllegalArgumentException.class, () -> Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 10));
        assertThrows(IllegalArgumentException.class, () -> Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 10, -1, Optimizers.sgd(0.1)));
        var e = assertThrows(IllegalArgumentException.class, () -> Compare.optimizers(Functions.dlfsBowl(), Vec.of(-7, 2), 10, Optimizers.sgd(0.1), null));
        assertEquals("Invalid optimizer 1: null; expected a value, not null; such as Optimizers.sgd(0.1).", e.getMessage());
    }
}
