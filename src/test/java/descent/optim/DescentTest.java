package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescentTest {

    static Stream<Optimizer> all() {
        return Stream.of(Optimizers.sgd(0.1), Optimizers.momentum(0.1), Optimizers.nesterov(0.1), Optimizers.adaGrad(1.5),
                Optimizers.rmsProp(0.1), Optimizers.adam(0.3), Optimizers.adam(0.3).bookForm(), Optimizers.adamW(0.3), Optimizers.radam(0.1));
    }

    @ParameterizedTest
    @MethodSource("all")
    void resetAndReplayIsBitIdentical(Optimizer opt) {
        var run = opt.start(Functions.dlfsBowl(), Vec.of(-7, 2));
        List<Step> first = run.run(25).steps();
        List<Step> second = run.reset().run(25).steps();
        for (int i = 0; i <= 25; i++) {
            assertEquals(first.get(i).x(), second.get(i).x(), opt + " x at step " + i);
            assertEquals(first.get(i).state(), second.get(i).state(), opt + " state at step " + i);
        }
        // and a second run from the same optimizer object is independent of the first
        assertEquals(first.get(25).x(), opt.minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 25).last().x());
    }

    @Test
    void stateTableHasOneRowPerCoordinate() {
        var run = Optimizers.adam(0.3).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        run.step();
        Table t = run.stateTable();
        assertEquals(List.of("i", "x", "g", "m", "v", "effLr"), t.columnNames());
        assertEquals(2, t.rowCount());
        // after update 1: g is the gradient at the start, m = 0.1·g, v = 0.001·g², effLr = 0.3/(|g| + 1e-8)
        Approx.assertClose(new double[]{-0.7, 4}, t.doubleColumn("g").asDoubleArray(), Approx.TIGHT, "g");
        Approx.assertClose(new double[]{-0.07, 0.4}, t.doubleColumn("m").asDoubleArray(), Approx.TIGHT, "m");
        Approx.assertClose(new double[]{0.3 / (0.7 + 1e-8), 0.3 / (4 + 1e-8)}, t.doubleColumn("effLr").asDoubleArray(), Approx.TIGHT, "effLr");
        assertTrue(t.name().startsWith("Adam(lr=0.3") && t.name().endsWith("after update 1"), t.name());
        assertEquals(List.of("i", "x", "g", "effLr"), Optimizers.sgd(0.1).start(Functions.dlfsBowl(), Vec.of(1, 1)).stateTable().columnNames());
    }

    @Test
    void trajectoryTableHasStateNorms() {
        Table t = Optimizers.momentum(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 2).toTable();
        assertEquals(List.of("step", "x0", "x1", "f", "gradNorm", "lr", "|v|"), t.columnNames());
        // |v2| = |(0.1323, −0.68)|
        Approx.assertClose(Math.hypot(0.1323, -0.68), t.doubleColumn("|v|").get(2), Approx.TIGHT, "|v| at step 2");
    }

    @Test
    void stopsEarlyOnGradientNormAndOnFChange() {
        Trajectory t = Optimizers.momentum(1e-3).minimize(Functions.rosenbrock(), Vec.of(-1.2, 1), Stop.after(100_000).gradNormBelow(1e-6));
        assertTrue(t.last().gradNorm() < 1e-6 && t.size() < 100_000, t.stopReason());
        assertTrue(t.get(t.size() - 1).gradNorm() >= 1e-6, "stops at the first point below the tolerance");
        assertTrue(t.stopReason().startsWith("gradNorm"), t.stopReason());
        Trajectory u = Optimizers.sgd(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), Stop.after(10_000).fChangeBelow(1e-9));
        int n = u.size();
        assertTrue(Math.abs(u.get(n).f() - u.get(n - 1).f()) < 1e-9 && Math.abs(u.get(n - 1).f() - u.get(n - 2).f()) >= 1e-9, u.stopReason());
        assertFalse(u.diverged());
    }

    @Test
    void divergenceThrowsByDefaultNamingStepPointAndValue() {
        var e = assertThrows(ArithmeticException.class, () -> Optimizers.sgd(1e200).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 200));
        assertTrue(e.getMessage().matches("SGD\\(lr=1e\\+200\\) diverged at step 1: f at Vec\\[.*\\] = Infinity; try a smaller learning rate."), e.getMessage());
    }

    @Test
    void divergenceCanEndTheTrajectoryMarked() {
        Trajectory t = Optimizers.sgd(100).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), Stop.after(200).markDiverged());
        assertTrue(t.diverged());
        assertTrue(t.stopReason().contains("diverged at step " + (t.size() + 1)), t.stopReason());
        for (Step s : t.steps()) assertTrue(Double.isFinite(s.f()) && s.x().isFinite(), "only finite points are kept");
        assertTrue(t.toString().endsWith(", diverged)"), t.toString());
        // a point that overflows while f stays finite (a plateau) is caught too
        var flat = Functions.of("flat", (x, y) -> Math.tanh(x * x + y * y), (x, y) -> Vec.of(-1e308, 1e308));
        assertTrue(Optimizers.sgd(10).minimize(flat, Vec.of(1, 1), Stop.after(5).markDiverged()).diverged());
    }

    @Test
    void stopValidatesAndPrints() {
        assertEquals("Stop(after=500, gradNorm<1e-06, markDiverged)", Stop.after(500).gradNormBelow(1e-6).markDiverged().toString());
        assertThrows(IllegalArgumentException.class, () -> Stop.after(-1));
        assertThrows(IllegalArgumentException.class, () -> Stop.after(10).gradNormBelow(Double.NaN));
    }

    @Test
    void scheduledRateIsAskedAtEveryStep() {
        var opt = Optimizers.sgd(0.1).withSchedule(step -> step < 1 ? 1.0 : 0.5);
        var t = opt.minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 2);
        // update 1 at lr 0.1: y 2 → 2 − 0.1·4 = 1.6; update 2 at lr 0.05: y → 1.6 − 0.05·3.2 = 1.44
        Approx.assertClose(1.44, t.last().x().get(1), Approx.TIGHT, "y after a scheduled step");
        assertEquals(0.05, t.get(1).lr());
        assertEquals("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08, schedule=StepDecay(stepSize=10, gamma=0.5))",
                Optimizers.adam(0.3).withSchedule(descent.schedule.Schedules.stepDecay(10, 0.5)).toString());
        assertEquals(0.15, Optimizers.adam(0.3).withSchedule(descent.schedule.Schedules.stepDecay(10, 0.5)).lrAt(10));
    }
}
