package descent.experiment;

import descent.Approx;
import descent.data.Datasets;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FeatureScaling, BatchNormSteps and BatchNormSweep (notebook 04). */
class NormalizationExperimentsTest {

    @Test
    void standardizingMakesTheSurfaceRound() {
        FeatureScaling s = FeatureScaling.of(100, 100, 42);
        Table t = s.table();
        assertEquals(List.of("features", "std1", "std2", "lambdaMin", "lambdaMax", "condition", "lr", "stepsTo1e-3", "excessLoss"), t.columnNames());
        assertTrue(t.doubleColumn("condition").get(0) > 1000, t.toString());
        assertTrue(t.doubleColumn("condition").get(1) < 1.5, t.toString());
        // raw: the flat direction is not solved in 100 steps; standardized: solved well within them
        assertTrue(t.intColumn("stepsTo1e-3").isMissing(0), t.toString());
        assertTrue(t.intColumn("stepsTo1e-3").get(1) < 30, t.toString());
        // the Hessian 2·Cov: λmax + λmin = trace = 2(var1 + var2); standardized: = 4
        Approx.assertClose(2 * (Math.pow(t.doubleColumn("std1").get(0), 2) + Math.pow(t.doubleColumn("std2").get(0), 2)),
                t.doubleColumn("lambdaMin").get(0) + t.doubleColumn("lambdaMax").get(0), 1e-9, "trace of the raw Hessian");
        Approx.assertClose(4, t.doubleColumn("lambdaMin").get(1) + t.doubleColumn("lambdaMax").get(1), Approx.TIGHT, "trace of the standardized Hessian");
        // the minimum is where the gradient vanishes
        Approx.assertClose(new double[] {0, 0}, s.standardized().gradient(s.standardized().minima().get(0)).toArray(), 1e-9, "gradient at the minimum");
    }

    @Test
    void batchNormStepByStepByHand() {
        // feature 0: 1, 2, 3, 6 -> μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5
        Matrix z = Matrix.of(new double[][] {{1, 100}, {2, 300}, {3, 200}, {6, 400}});
        BatchNormSteps bn = BatchNormSteps.of(z, new double[] {2, 1}, new double[] {0, 5});
        Table st = bn.statistics();
        assertEquals(List.of("feature", "mean", "variance", "std", "gamma", "beta", "runningMean", "runningVar"), st.columnNames());
        Approx.assertClose(3, st.doubleColumn("mean").get(0), Approx.EXACT, "μ0");
        Approx.assertClose(3.5, st.doubleColumn("variance").get(0), Approx.EXACT, "σ²0");
        Approx.assertClose(250, st.doubleColumn("mean").get(1), Approx.EXACT, "μ1");
        Approx.assertClose(12500, st.doubleColumn("variance").get(1), Approx.TIGHT, "σ²1");
        // running statistics after one pass: 0.9·0 + 0.1·μ and 0.9·1 + 0.1·σ²
        Approx.assertClose(0.3, st.doubleColumn("runningMean").get(0), Approx.EXACT, "running mean");
        Approx.assertClose(0.9 + 0.35, st.doubleColumn("runningVar").get(0), Approx.TIGHT, "running var");
        double s0 = Math.sqrt(3.5 + 1e-5);
        Approx.assertClose(-2 / s0, bn.normalized().doubleColumn("zt0").get(0), Approx.TIGHT, "z̃ of example 0");
        Approx.assertClose(2 * (-2 / s0), bn.output().doubleColumn("zh0").get(0), Approx.TIGHT, "γ·z̃ + β, feature 0");
        Approx.assertClose((100 - 250) / Math.sqrt(12500 + 1e-5) + 5, bn.output().doubleColumn("zh1").get(0), Approx.TIGHT, "γ·z̃ + β, feature 1");
        // after k passes over the same batch: running_mean = (1 − 0.9^k)·μ
        Table r = bn.running(10);
        Approx.assertClose((1 - Math.pow(0.9, 10)) * 3, r.doubleColumn("runningMean0").get(9), Approx.TIGHT, "running mean after 10 passes");
        Approx.assertClose(Math.pow(0.9, 10) + (1 - Math.pow(0.9, 10)) * 3.5, r.doubleColumn("runningVar0").get(9), Approx.TIGHT, "running var after 10");
        // evaluation: after 1 pass far from the training output, after 200 passes equal to it up to 0.9^200
        Table e = bn.evaluation(200);
        assertEquals(12, e.rowCount());
        double train = e.doubleColumn("zh0").get(0), evalOne = e.doubleColumn("zh0").get(4), evalMany = e.doubleColumn("zh0").get(8);
        Approx.assertClose(2 * (1 - 0.3) / Math.sqrt(1.25 + 1e-5), evalOne, Approx.TIGHT, "eval after one pass");
        Approx.assertClose(train, evalMany, 1e-6, "eval after 200 passes");
        assertThrows(IllegalArgumentException.class, () -> BatchNormSteps.of(z, new double[] {1}, new double[] {0, 0}));
    }

    @Test
    void batchNormLearnsWhereThePlainNetworkCannot() {
        var train = Datasets.blobs(300, 3, 0.3, 4);
        BatchNormSweep s = BatchNormSweep.run(BatchNormSweep.bookSetup(), train, 0.01);
        Table t = s.table();
        assertEquals(List.of("scale", "plainAccuracy", "batchNormAccuracy", "plainDivergedAt", "batchNormDivergedAt"), t.columnNames());
        double plain = t.doubleColumn("plainAccuracy").get(0), bn = t.doubleColumn("batchNormAccuracy").get(0);
        assertTrue(bn > plain + 0.2, "weight scale 0.01: batch norm " + bn + " vs plain " + plain);
        assertEquals(2 * 21, s.curves().rowCount()); // epochs 0..20, with and without
        Approx.assertClose(new double[] {1, 0.1, 0.01, 0.001, 0.0001}, BatchNormSweep.logspace(0, -4, 5), 1e-15, "logspace");
        assertEquals(16, BatchNormSweep.bookScales().length);
    }
}
