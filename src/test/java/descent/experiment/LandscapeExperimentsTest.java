package descent.experiment;

import descent.Approx;
import descent.data.Datasets;
import descent.landscape.CriticalPoint;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandscapeExperimentsTest {

    @Test
    void lectureSaddle() {
        var s = SaddleEscape.lecture();
        assertEquals(CriticalPoint.Kind.SADDLE, s.point().kind());
        Approx.assertClose(new double[] {-2, 2}, s.point().eigen().values().toArray(), 1e-15, "eigenvalues at the origin");
        var t = s.table();
        Approx.assertClose(1, t.doubleColumn("endLoss").get(0), 0, "GD from the saddle never moves");
        assertEquals(0.0, t.doubleColumn("endDistanceToSaddle").get(0), "GD from the saddle never moves");
        assertTrue(t.doubleColumn("endDistanceToSaddle").get(1) < 1e-5, "the λ_max start walks into the saddle: " + t);
        assertTrue(t.doubleColumn("endLoss").get(2) < 1e-12, "the escaping run reaches the valley: " + t);
        assertEquals("DEGENERATE", t.stringColumn("endKind").get(2));
    }

    @Test
    void tinyNetworkSaddle() {
        var s = SaddleEscape.tinyNetwork();
        assertEquals(CriticalPoint.Kind.SADDLE, s.point().kind());
        Approx.assertClose(3.0 / 7, s.point().minimumRatio(), 1e-15, "minimum ratio at zero weights");
        // at zero weights, H couples W1 and W2 only: eigenvalues ±√(mean(2xy)²·…); the 1-2-1 tanh net gives ±1.25 twice, 0 twice, 2
        Approx.assertClose(new double[] {-1.25, -1.25, 0, 0, 1.25, 1.25, 2}, s.point().eigen().values().toArray(), 1e-12, "eigenvalues");
        Approx.assertClose(0.625, s.table().doubleColumn("endLoss").get(0), 1e-15, "stuck at the saddle");
        assertTrue(s.table().doubleColumn("endLoss").get(2) < 0.01, "escaped: " + s.table());
    }

    @Test
    void momentumBall() {
        var b = MomentumBall.lecture();
        var t = b.table();
        Approx.assertClose(1.3469974, t.doubleColumn("endX").get(0), 1e-6, "SGD stops in the local minimum");
        Approx.assertClose(-1.4729593, t.doubleColumn("endX").get(2), 1e-6, "momentum 0.9 ends in the global minimum");
        assertThrows(IllegalArgumentException.class, () -> MomentumBall.of(2.2, 10));
    }

    /** One hidden layer of 32 ReLU units trained by SGD(lr), the network BatchSizeRun used before it took a NetSetup. */
    private static NetSetup setup(double lr, int epochs, long seed) {
        return NetSetup.book().withHidden(1, 32).withOptimizer(Optimizers.sgd(lr)).withEpochs(epochs).withSeed(seed);
    }

    @Test
    void batchSizeAndLandscapeRunsOnASmallProblem() {
        var data = Datasets.spirals(40, 0.1, 1);
        var bs = BatchSizeRun.of(setup(0.1, 2, 3), data, data, new int[] {1, 40}, 0.99);
        var t = bs.table();
        assertEquals(2, t.rowCount());
        assertEquals(0.0, t.doubleColumn("gradientNoise").get(1), "the full batch has no noise");
        assertTrue(t.doubleColumn("gradientNoise").get(0) > 0.5, "single examples are noisy: " + t);
        assertEquals(80, t.intColumn("updates").get(0), "2 epochs of 40 updates");
        assertEquals(2, t.intColumn("updates").get(1), "2 epochs of 1 update");
        assertThrows(IllegalArgumentException.class, () -> BatchSizeRun.of(setup(0.1, 1, 1), data, data, new int[] {0}, 0.9));

        var land = LandscapeRun.of(data, data, 8, 3, 5, 2);
        assertEquals(9, land.line().rowCount());
        Approx.assertClose(land.train().value(land.train().point()), land.line().doubleColumn("trainLoss").get(4), 1e-12,
                "the middle of the line is the trained weights");
        assertTrue(land.curvature().largest() >= land.curvature().smallest());
        land.lineFigure();
        land.randomFigure();
        land.pcaFigure();
        bs.figure();
    }
}
