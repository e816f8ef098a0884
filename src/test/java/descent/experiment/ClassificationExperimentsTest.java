package descent.experiment;

import descent.Approx;
import descent.data.Datasets;
import descent.data.Splits;
import descent.fn.Gradients;
import descent.fn.Vec;
import descent.nn.Initializers;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LossSurfaces and LossComparison (notebook 03). */
class ClassificationExperimentsTest {

    @Test
    void crossEntropyIsSteepWhereMseIsFlat() {
        LossSurfaces s = LossSurfaces.lecture();
        Table t = s.table();
        assertEquals(List.of("point", "z1", "z2", "p1", "mse", "crossEntropy", "mseGradNorm", "ceGradNorm"), t.columnNames());
        // undecided (0, 0) with z3 = −1000: p = (1/2, 1/2, 0), MSE = 1/4 + 1/4, CE = ln 2, both gradients (−1/2, 1/2)
        Approx.assertClose(0.5, t.doubleColumn("p1").get(1), Approx.EXACT, "p1 at (0, 0)");
        Approx.assertClose(0.5, t.doubleColumn("mse").get(1), Approx.EXACT, "MSE at (0, 0)");
        Approx.assertClose(Math.log(2), t.doubleColumn("crossEntropy").get(1), Approx.EXACT, "CE at (0, 0)");
        Approx.assertClose(Math.sqrt(0.5), t.doubleColumn("ceGradNorm").get(1), Approx.EXACT, "CE gradient at (0, 0)");
        // MSE gradient: 2 p_k((p_k − t_k) − Σ(p_j − t_j)p_j) = 2·½·(−½ − 0) = −½ for z1
        Approx.assertClose(Math.sqrt(0.5), t.doubleColumn("mseGradNorm").get(1), Approx.EXACT, "MSE gradient at (0, 0)");
        // wrong and confident (−5, 5): CE's gradient is thousands of times MSE's
        double ratio = t.doubleColumn("ceGradNorm").get(2) / t.doubleColumn("mseGradNorm").get(2);
        assertTrue(ratio > 1000, "CE/MSE gradient ratio at (−5, 5) is " + ratio);
        // the same start: descent on CE ends right and confident, on MSE still wrong
        assertTrue(s.cePath().last().x().get(0) > 2 && t.doubleColumn("p1").get(5) > 0.99, t.toString());
        assertTrue(t.doubleColumn("p1").get(4) < 0.01, t.toString());
        assertEquals(2, s.figure().layout().get("annotations") instanceof List<?> l ? l.size() : -1);
    }

    @Test
    void analyticGradientsMatchCentralDifferences() {
        LossSurfaces s = LossSurfaces.of(0.5, Vec.of(-1, 2), 0.1, 3);
        for (Vec p : List.of(Vec.of(0.3, -0.7), Vec.of(-2, 1.5), Vec.of(4, 3))) {
            Approx.assertClose(Gradients.centralDifference(s.mse(), p, 1e-5).toArray(), s.mse().gradient(p).toArray(), Approx.GRADIENT, "MSE at " + p);
            Approx.assertClose(Gradients.centralDifference(s.ce(), p, 1e-5).toArray(), s.ce().gradient(p).toArray(), Approx.GRADIENT, "CE at " + p);
        }
        assertThrows(IllegalArgumentException.class, () -> LossSurfaces.of(Double.NaN, Vec.of(0, 0), 1, 1));
    }

    @Test
    void threeSetupsFromTheSameWeights() {
        var split = Splits.trainTest(Datasets.blobs(120, 2, 0.3, 5), 0.25, 1);
        var c = LossComparison.run(new NetSetup(1, 8, Optimizers.sgd(0.5), 10, 15, 2), split.train(), split.test());
        Table t = c.table();
        assertEquals(List.of("setup", "loss", "trainLoss", "trainAccuracy", "testAccuracy", "epochTo90", "divergedAt"), t.columnNames());
        assertEquals(LossComparison.SETUPS, t.stringColumn("setup").asList());
        // two well separated blobs: every setup learns them
        for (int s = 0; s < 3; s++) assertTrue(t.doubleColumn("testAccuracy").get(s) > 0.9, t.toString());
        assertEquals(3 * 15, c.epochs().rowCount());
        assertEquals("Softmax", c.models().get(1).layer(c.models().get(1).size() - 1).toString());
        // same seeds, same numbers
        var again = LossComparison.run(new NetSetup(1, 8, Optimizers.sgd(0.5), 10, 15, 2), split.train(), split.test());
        assertEquals(t.toString(), again.table().toString());
    }

    @Test
    void fromAConfidentStartCrossEntropyTrainsAndMseStalls() {
        // weights with std 1 give large scores: many spiral points start confidently wrong, on MSE's plateau
        var split = Splits.trainTest(Datasets.spirals(200, 0.05, 1), 0.25, 2);
        var setup = new NetSetup(2, 32, Optimizers.sgd(0.1), 32, 40, 1).withInit(Initializers.normal(1.0));
        var c = LossComparison.run(setup, split.train(), split.test());
        Table t = c.table();
        double regression = t.doubleColumn("trainAccuracy").get(0), mse = t.doubleColumn("trainAccuracy").get(1),
                ce = t.doubleColumn("trainAccuracy").get(2);
        assertTrue(ce > 0.85 && ce > mse + 0.15 && ce > regression + 0.3, t.toString());
    }

    @Test
    void aDivergingSetupIsReportedNotThrown() {
        var split = Splits.trainTest(Datasets.blobs(120, 2, 0.3, 5), 0.25, 1);
        var c = LossComparison.run(new NetSetup(2, 64, Optimizers.sgd(50), 10, 5, 3), split.train(), split.test());
        assertTrue(c.table().stringColumn("divergedAt").get(0).startsWith("iteration "), c.table().toString());
    }
}
