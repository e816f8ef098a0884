package descent.optim;

import descent.fn.Functions;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.schedule.Schedules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run does when a step fails: issue 11, items 2, 4, 5 and 6 (the optimizer side). */
class DescentFailureTest {

    /** Everything a user can see of a run, to compare before and after a failure. */
    private record Seen(Vec x, int t, List<Step> steps, String state, String stopReason) {
        static Seen of(Descent run) {
            return new Seen(run.x(), run.t(), run.trajectory().steps(), run.state().toString(), run.trajectory().stopReason());
        }

        /** The same run, now ending with this reason (a divergence). */
        Seen endedBy(String reason) {
            return new Seen(x, t, steps, state, reason);
        }
    }

    @Test
    void aStepThatDivergesLeavesTheRunAsBeforeAndMarked() {
        // issue 11 item 2: sgd(100) on the bowl; step 2 reaches f = 6.3e9, past Divergence.GROWTH
        var run = Optimizers.momentum(100, 0.5).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        run.step();
        Seen before = Seen.of(run);
        var e = assertThrows(ArithmeticException.class, () -> run.run(200));
        assertTrue(e.getMessage().startsWith("Momentum(lr=100.0, momentum=0.5) diverged at step 2: f = "), e.getMessage());
        assertEquals(before.endedBy(e.getMessage()), Seen.of(run), "x, t, trajectory and state as before the failing step");
        assertTrue(run.diverged(), "diverged() reflects the failure");
        assertTrue(run.trajectory().diverged());
        assertEquals(e.getMessage(), run.trajectory().stopReason());
        // the next step does not apply the gradient of the point it did not keep: it refuses until reset()
        var again = assertThrows(IllegalStateException.class, run::step);
        assertEquals("This run diverged (" + e.getMessage() + "); call reset() to start again.", again.getMessage());
        assertEquals(before.endedBy(e.getMessage()), Seen.of(run));
        assertEquals(0, run.reset().t());
        assertFalse(run.diverged());
    }

    @Test
    void anOverflowOrANaNLeavesTheRunAsBeforeToo() {
        // overflow: f = Infinity after the first update
        var big = Optimizers.rmsProp(1e200).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        Seen start = Seen.of(big);
        var e = assertThrows(ArithmeticException.class, () -> big.run(5));
        assertTrue(e.getMessage().endsWith("= Infinity; try a smaller learning rate."), e.getMessage());
        assertEquals(start.endedBy(e.getMessage()), Seen.of(big), "state buffers h untouched by the update that was not kept");
        assertTrue(big.diverged());
        // NaN: a function that is not defined past x = -6.75 (sqrt of a negative); the first step lands at x = -6.5
        var f = Functions.of("sqrt", (x, y) -> Math.sqrt(-x - 6.75) + y * y);
        var r = Optimizers.sgd(0.5).start(f, Vec.of(-7, 2));
        start = Seen.of(r);
        e = assertThrows(ArithmeticException.class, r::step);
        assertTrue(e.getMessage().startsWith("SGD(lr=0.5) diverged at step 1: f at Vec[-6.4999999"), e.getMessage());
        assertTrue(e.getMessage().endsWith("= NaN; sqrt is not defined at that finite point (such as log or sqrt of a negative"
                + " number, 0/0): check the function, or try a smaller learning rate if the step jumped there."), e.getMessage());
        assertEquals(start.endedBy(e.getMessage()), Seen.of(r));
        assertTrue(r.diverged());
    }

    @Test
    void growthIsCaughtBeforeOverflow() {
        // issue 11 item 4: SGD at lr 1.5 on the bowl used to return f = 6.4e60 after 100 steps, unflagged
        var t = Optimizers.sgd(1.5).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), Stop.after(100).markDiverged());
        assertTrue(t.diverged(), t.toString());
        // y_t = 2·(−2)^t, so f ≈ 4^(t+1); the first step with f − 6.45 > 1e6·6.45 is t = 11
        assertEquals(10, t.size(), "kept the steps before the one past the limit");
        assertTrue(t.stopReason().startsWith("SGD(lr=1.5) diverged at step 11: f = "), t.stopReason());
        assertTrue(t.last().f() < Divergence.GROWTH * 6.45 + 6.45);
        // the table prints huge and tiny values in scientific notation, with every digit still in the cells
        var table = Optimizers.sgd(1.05).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable();
        // x_t = −7·0.895^t, y_t = 2·(−1.1)^t
        double f30 = Math.pow(7 * Math.pow(0.895, 30), 2) / 20 + Math.pow(2 * Math.pow(1.1, 30), 2);
        assertEquals(f30, table.doubleColumn("f").get(30), 1e-9 * f30, "f at step 30");
        assertTrue(table.print().contains(descent.base.Format.number(f30)), table.print());
        var tiny = Optimizers.adaGrad(1.5).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable().print();
        assertTrue(tiny.contains("2.486e-17"), tiny);
        var e = assertThrows(ArithmeticException.class, () -> Optimizers.sgd(1.5).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 100));
        assertEquals(t.stopReason(), e.getMessage());
        // the rule: f − f0 > GROWTH·max(1, |f0|)
        assertFalse(Divergence.grewTooFar(6.45, 6.45 + 6.45e6));
        assertTrue(Divergence.grewTooFar(6.45, 6.45 + 6.45e6 * (1 + 1e-15) + 1));
        assertTrue(Divergence.grewTooFar(-0.5, 1e6));
        assertFalse(Divergence.grewTooFar(-0.5, 1e6 - 1));
        assertTrue(Divergence.grewTooFar(0, Double.NaN));
        // lr 1.05 grows f about 190-fold in 30 steps: a run to look at, not flagged
        assertFalse(Optimizers.sgd(1.05).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), Stop.after(30).markDiverged()).diverged());
    }

    @Test
    void aBadLambdaScheduleFailsAtItsStepNamingIt() {
        // issue 11 item 5: a negative factor used to run gradient ascent; now the step that would use it fails
        var negative = Optimizers.sgd(0.1).withSchedule(step -> -1);
        assertEquals("SGD(lr=0.1, schedule=Schedule(lambda))", negative.toString());
        var e = assertThrows(IllegalStateException.class, () -> negative.minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 10));
        assertEquals("Schedule(lambda) returned the factor -1.0 at step 0; a schedule must return a finite factor >= 0 for every"
                + " step (a negative factor would climb the loss: gradient ascent). Check its formula at step 0.", e.getMessage());
        // NaN at step 3: the run stops before the update that would use it, with t = 2 and nothing half-done
        var nan = Optimizers.momentum(0.1).withSchedule(Schedules.of("nan from 3", step -> step < 3 ? 1 : Double.NaN));
        assertEquals("Momentum(lr=0.1, momentum=0.9, schedule=Schedule(nan from 3))", nan.toString());
        var run = nan.start(Functions.dlfsBowl(), Vec.of(-7, 2));
        run.run(2);
        Seen before = Seen.of(run);
        e = assertThrows(IllegalStateException.class, () -> run.run(5));
        assertEquals("Schedule(nan from 3) returned the factor NaN at step 3; a schedule must return a finite factor >= 0 for"
                + " every step. Check its formula at step 3.", e.getMessage());
        assertFalse(e.getMessage().contains("learning rate"), "not blamed on the learning rate");
        assertEquals(before, Seen.of(run));
        assertThrows(IllegalStateException.class, () -> run.run(Stop.after(5).markDiverged()), "a schedule error is not a divergence");
        assertEquals(before, Seen.of(run));
        assertFalse(run.diverged(), "a broken schedule is not a divergence");
        // an infinite factor and a factor that overflows the rate
        e = assertThrows(IllegalStateException.class, () -> Optimizers.sgd(0.1).withSchedule(t -> Double.POSITIVE_INFINITY).lrAt(4));
        assertTrue(e.getMessage().startsWith("Schedule(lambda) returned the factor Infinity at step 4"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Optimizers.sgd(10).withSchedule(t -> 1e308).lrAt(0));
        assertTrue(e.getMessage().startsWith("The learning rate at step 0 is Infinity = 10.0 × 1e+308 from Schedule(lambda)"), e.getMessage());
        // zero pauses the updates, as cosine annealing to 0 does at its end
        assertEquals(0.0, Optimizers.sgd(0.1).withSchedule(Schedules.cosine(10)).lrAt(10));
    }

    @Test
    void hintsNameTheFunctionAtTheStartNotTheLearningRate() {
        // issue 11 item 6: f NaN at the start point
        Objective logF = Functions.of("log", (x, y) -> Math.log(x) + y * y);
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(0.1).start(logF, Vec.of(-1, 2)));
        assertEquals("f = NaN at the start point Vec[-1.0, 2.0], before any update (so not the learning rate): log is not"
                + " defined there; check the function or start elsewhere.", e.getMessage());
        // a gradient lambda that returns NaN at the start
        Objective badGrad = Functions.of("q", (x, y) -> x * x + y * y, (x, y) -> Vec.of(Double.NaN, 2 * y));
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.1).start(badGrad, Vec.of(1, 2)));
        assertTrue(e.getMessage().startsWith("the gradient of q is Vec[NaN, 4.0] at the start point Vec[1.0, 2.0], before any update"
                + " (so not the learning rate)"), e.getMessage());
        // NaN weights (a NaN start point) say so
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(0.1).start(Functions.dlfsBowl(), Vec.of(Double.NaN, 2)));
        assertTrue(e.getMessage().startsWith("Start point Vec[NaN, 2.0] has a NaN or infinite coordinate"), e.getMessage());
        // a gradient that turns NaN later, at a finite point where f is fine, names the gradient
        Objective later = Functions.of("later", (x, y) -> x * x + y * y, (x, y) -> x < 0.5 ? Vec.of(Double.NaN, 0) : Vec.of(2 * x, 2 * y));
        var r = Optimizers.sgd(0.3).start(later, Vec.of(1, 0));
        var d = assertThrows(ArithmeticException.class, r::step);
        assertTrue(d.getMessage().startsWith("SGD(lr=0.3) diverged at step 1: the gradient of later at Vec[0.4, 0.0] is Vec[NaN, 0.0];"
                + " later is not defined at that finite point"), d.getMessage());
    }
}
