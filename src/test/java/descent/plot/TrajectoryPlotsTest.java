package descent.plot;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.optim.Trajectory;
import descent.schedule.Schedules;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrajectoryPlotsTest {
    private final Trajectory sgd = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
    private final Trajectory adam = Optimizers.adam(0.3).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);

    @Test
    void surfaceHasTheFunctionAndEachPathAtItsHeight() {
        PlotlyFigure fig = TrajectoryPlots.surface(Functions.dlfsBowl(), sgd, adam);
        assertEquals(3, fig.traces().size());
        Line3dTrace path = (Line3dTrace) fig.traces().get(1);
        assertEquals("SGD(lr=0.95)", path.name());
        double[] z = (double[]) path.get("z");
        assertEquals(31, z.length);
        Approx.assertClose(6.45, z[0], Approx.EXACT, "f at the start (-7, 2)");
        assertEquals("surface", ((SurfaceTrace) fig.traces().get(0)).get("type"));
    }

    @Test
    void gradientFieldArrowsPointDownhillAndTheLongestFillsNineTenthsOfACell() {
        Region r = Region.of(-10, 10, -5, 5);
        PlotlyFigure fig = TrajectoryPlots.gradientField(Functions.dlfsBowl(), r);
        LineTrace arrows = (LineTrace) fig.traces().get(0);
        double[] x = (double[]) arrows.get("x"), y = (double[]) arrows.get("y");
        // each arrow is 7 points: tail, tip, head stroke, gap, tip, head stroke, gap
        assertEquals(0, x.length % 7);
        double cell = Math.min(20.0 / 19, 10.0 / 19), longest = 0;
        for (int a = 0; a < x.length; a += 7) {
            double dx = x[a + 1] - x[a], dy = y[a + 1] - y[a];
            longest = Math.max(longest, Math.hypot(dx, dy));
            // −∇f = (−x/10, −2y) points towards the origin: along each axis the arrow moves towards 0
            assertTrue(dx * x[a] <= 1e-12 && dy * y[a] <= 1e-12, "arrow at (" + x[a] + ", " + y[a] + ") points away");
        }
        Approx.assertClose(0.9 * cell, longest, 1e-12, "longest arrow");
        assertTrue(fig.traces().stream().anyMatch(t -> "minimum".equals(t.name())));
    }

    @Test
    void curvesHaveFAndGradientNormPerPath() {
        PlotlyFigure fig = TrajectoryPlots.curves(sgd, adam);
        assertEquals(4, fig.traces().size());
        LineTrace f = (LineTrace) fig.traces().get(0), g = (LineTrace) fig.traces().get(1);
        Approx.assertClose(sgd.get(5).f(), ((double[]) f.get("y"))[5], Approx.EXACT, "f at step 5");
        Approx.assertClose(sgd.get(5).gradNorm(), ((double[]) g.get("y"))[5], Approx.EXACT, "|grad| at step 5");
        assertEquals("y2", g.get("yaxis"));
        assertEquals("log", ((Map<?, ?>) fig.layout().get("yaxis2")).get("type"));
        assertThrows(IllegalArgumentException.class, TrajectoryPlots::curves);
    }

    @Test
    void effectiveLrHasOneLinePerCoordinate() {
        Trajectory ada = Optimizers.adaGrad(1.5).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 5);
        PlotlyFigure fig = TrajectoryPlots.effectiveLr(ada);
        assertEquals(2, fig.traces().size());
        double[] y = (double[]) ((LineTrace) fig.traces().get(1)).get("y");
        assertTrue(Double.isNaN(y[0]), "no σ before the first update");
        Approx.assertClose(1.5 / 4, y[1], 1e-9, "1.5/(|g0_y| + eps) after update 1");
    }

    @Test
    void scheduleCurvesAreTheFactorsTimesTheBase() {
        PlotlyFigure fig = SchedulePlots.curves(10, 0.1, Schedules.stepDecay(5, 0.5), Schedules.constant());
        assertEquals(2, fig.traces().size());
        double[] y = (double[]) ((LineTrace) fig.traces().get(0)).get("y");
        Approx.assertClose(new double[]{0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05}, y, Approx.EXACT, "lr");
        assertEquals("StepDecay(stepSize=5, gamma=0.5)", fig.traces().get(0).name());
        assertThrows(IllegalArgumentException.class, () -> SchedulePlots.curves(10));
    }

    @Test
    void onlyTwoDimensionalFunctions() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryPlots.surface(Functions.rastrigin(3), Region.of(-1, 1, -1, 1)));
        assertTrue(e.getMessage().contains("takes 3"), e.getMessage());
    }
}
