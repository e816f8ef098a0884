package descent.schedule;

import descent.Approx;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulesTest {

    @Test
    void constant() {
        assertEquals(1.0, Schedules.constant().factor(0));
        assertEquals(1.0, Schedules.constant().factor(1000));
        assertEquals("Constant()", Schedules.constant().toString());
    }

    @Test
    void stepDecayByHand() {
        var s = Schedules.stepDecay(10, 0.5);
        // 0.5^⌊t/10⌋: steps 0..9 → 1, 10..19 → 0.5, 25 → 0.25
        assertEquals(1.0, s.factor(9));
        assertEquals(0.5, s.factor(10));
        assertEquals(0.25, s.factor(25));
        assertEquals("StepDecay(stepSize=10, gamma=0.5)", s.toString());
    }

    @Test
    void exponentialByHand() {
        // 0.9^3 = 0.729
        Approx.assertClose(0.729, Schedules.exponential(0.9).factor(3), Approx.EXACT, "0.9^3");
        assertEquals(1.0, Schedules.exponential(0.9).factor(0));
    }

    @Test
    void inverseTimeByHand() {
        // 1/(1 + 0.5·4) = 1/3;  (1 + 3)^-0.5 = 0.5
        Approx.assertClose(1 / 3.0, Schedules.inverseTime(0.5).factor(4), Approx.EXACT, "1/(1+0.5·4)");
        Approx.assertClose(0.5, Schedules.inverseTime(1, 0.5).factor(3), Approx.EXACT, "1/sqrt(4)");
        assertEquals("InverseTime(decay=0.5, power=1.0)", Schedules.inverseTime(0.5).toString());
    }

    @Test
    void linearByHand() {
        // 1 − (1 − 0.1)·25/100 = 0.775; flat at 0.1 after step 100
        Approx.assertClose(0.775, Schedules.linear(100, 0.1).factor(25), Approx.EXACT, "linear at 25");
        Approx.assertClose(0.1, Schedules.linear(100, 0.1).factor(150), Approx.EXACT, "linear after the end");
    }

    @Test
    void cosineByHand() {
        var s = Schedules.cosine(100);
        // (1 + cos(π·t/100))/2: t=0 → 1, t=50 → 0.5, t=25 → (1 + √2/2)/2, t=100 and later → 0
        assertEquals(1.0, s.factor(0));
        Approx.assertClose(0.5, s.factor(50), Approx.EXACT, "cos at 50");
        Approx.assertClose((1 + Math.sqrt(2) / 2) / 2, s.factor(25), Approx.EXACT, "cos at 25");
        Approx.assertClose(0, s.factor(100), Approx.EXACT, "cos at 100");
        Approx.assertClose(0, s.factor(130), Approx.EXACT, "held after the period");
        // with a floor of 0.1: 0.1 + 0.9·0.5 = 0.55 at the middle
        Approx.assertClose(0.55, Schedules.cosine(100, 0.1).factor(50), Approx.EXACT, "cos with minFactor");
    }

    @Test
    void cosineRestartsByHand() {
        var s = Schedules.cosineRestarts(10, 2);
        // periods 10, 20, 40: restarts at 10 and 30; middle of the second period is 10 + 10 = 20
        assertEquals(1.0, s.factor(10));
        assertEquals(1.0, s.factor(30));
        Approx.assertClose(0.5, s.factor(5), Approx.EXACT, "middle of period 1");
        Approx.assertClose(0.5, s.factor(20), Approx.EXACT, "middle of period 2");
        Approx.assertClose(0.5, s.factor(50), Approx.EXACT, "middle of period 3 (30 + 20)");
    }

    @Test
    void warmupByHand() {
        var s = Schedules.warmupCosine(10, 110);
        // (t+1)/10 for t < 10, then cosine over 100 steps
        Approx.assertClose(0.1, s.factor(0), Approx.EXACT, "first warm-up step");
        Approx.assertClose(0.5, s.factor(4), Approx.EXACT, "warm-up step 4");
        assertEquals(1.0, s.factor(9));
        assertEquals(1.0, s.factor(10));
        Approx.assertClose(0.5, s.factor(60), Approx.EXACT, "cosine middle at 10 + 50");
        Approx.assertClose(0.5, Schedules.warmupLinear(10, 110).factor(60), Approx.EXACT, "linear middle");
        assertEquals(1.0, Schedules.warmupConstant(5).factor(500));
        assertEquals("Warmup(steps=10, then=Cosine(period=100, minFactor=0.0))", s.toString());
    }

    @Test
    void transformerByHand() {
        var s = Schedules.transformer(512, 4000);
        // peak at s = t + 1 = 4000: 512^-0.5 · 4000^-0.5
        Approx.assertClose(Math.pow(512, -0.5) * Math.pow(4000, -0.5), s.factor(3999), Approx.EXACT, "peak");
        // warm-up side, s = 1: 512^-0.5 · 1 · 4000^-1.5
        Approx.assertClose(Math.pow(512, -0.5) * Math.pow(4000, -1.5), s.factor(0), Approx.EXACT, "first step");
        // decay side, s = 16000: 512^-0.5 · 16000^-0.5 = half the peak
        Approx.assertClose(s.factor(3999) / 2, s.factor(15999), Approx.EXACT, "1/sqrt decay");
        assertEquals("Transformer(dModel=512, warmup=4000)", s.toString());
    }

    @Test
    void oneCycleByHand() {
        var s = Schedules.oneCycle(100);
        // e1 = 0.3·100 − 1 = 29, e2 = 99; starts at 1/25, peaks at 1 at step 29, ends at 1/(25·1e4) at step 99
        Approx.assertClose(0.04, s.factor(0), Approx.EXACT, "start");
        Approx.assertClose(1, s.factor(29), Approx.EXACT, "peak");
        Approx.assertClose(4e-6, s.factor(99), Approx.EXACT, "end");
        // rising at t = 10: 1 + (0.04 − 1)(1 + cos(π·10/29))/2
        Approx.assertClose(1 + (0.04 - 1) * (1 + Math.cos(Math.PI * 10 / 29)) / 2, s.factor(10), Approx.EXACT, "rising");
        // halfway down: t = 29 + 35 = 64 → 4e-6 + (1 − 4e-6)/2
        Approx.assertClose(4e-6 + (1 - 4e-6) / 2, s.factor(64), Approx.EXACT, "falling");
        Approx.assertClose(4e-6, s.factor(500), Approx.EXACT, "held after the end");
    }

    @Test
    void tablesHaveStepFactorAndLr() {
        Table t = Schedules.stepDecay(2, 0.5).toTable(5, 0.1);
        assertEquals(List.of("step", "factor", "lr"), t.columnNames());
        Approx.assertClose(new double[]{1, 1, 0.5, 0.5, 0.25}, t.doubleColumn("factor").asDoubleArray(), Approx.EXACT, "factors");
        Approx.assertClose(new double[]{0.1, 0.1, 0.05, 0.05, 0.025}, t.doubleColumn("lr").asDoubleArray(), Approx.EXACT, "lr");
        assertEquals("StepDecay(stepSize=2, gamma=0.5)", t.name());
        Schedule lambda = step -> 1.0 / (step + 1);
        assertEquals(3, lambda.toTable(3).rowCount());
    }

    @Test
    void lambdasPrintReadablyAndAreCheckedWhereUsed() {
        // issue 11 item 5: a lambda printed as REPL.$JShell$...$$Lambda...
        Schedule lambda = step -> 1.0 / Math.sqrt(step + 1);
        assertEquals("Schedule(lambda)", Schedules.name(lambda));
        assertEquals("Schedule(lambda)", lambda.toTable(3).name());
        var named = Schedules.of("1/sqrt(t+1)", lambda);
        assertEquals("Schedule(1/sqrt(t+1))", named.toString());
        assertEquals(0.5, named.factor(3));
        assertEquals("Cosine(period=10, minFactor=0.0)", Schedules.name(Schedules.cosine(10)));
        assertEquals("Warmup(steps=2, then=Schedule(lambda))", Schedules.warmup(2, lambda).toString());
        // factors() and toTable() use checkedFactor: a negative factor fails naming the step and the schedule
        Schedule bad = Schedules.of("drops below 0", t -> 1 - 0.5 * t);
        var e = assertThrows(IllegalStateException.class, () -> bad.toTable(5));
        assertEquals("Schedule(drops below 0) returned the factor -0.5 at step 3; a schedule must return a finite factor >= 0 for"
                + " every step (a negative factor would climb the loss: gradient ascent). Check its formula at step 3.", e.getMessage());
        assertEquals(0.0, bad.checkedFactor(2), "zero pauses the updates and is allowed");
        assertThrows(IllegalArgumentException.class, () -> Schedules.of(" ", lambda));
        assertThrows(IllegalArgumentException.class, () -> Schedules.of("x", null));
    }

    @Test
    void badArgumentsAreRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Schedules.stepDecay(0, 0.5));
        assertTrue(e.getMessage().contains("Invalid stepSize: 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.exponential(1.5));
        assertTrue(e.getMessage().contains("Invalid gamma: 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedules.exponential(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Schedules.cosine(100, 2));
        assertThrows(IllegalArgumentException.class, () -> Schedules.warmupCosine(100, 50));
        assertThrows(IllegalArgumentException.class, () -> Schedules.transformer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(100, 1.5, 25, 1e4));
        assertThrows(IllegalArgumentException.class, () -> Schedules.oneCycle(2));
        assertThrows(IllegalArgumentException.class, () -> Schedules.constant().toTable(5, -1));
        assertThrows(IllegalArgumentException.class, () -> Schedules.warmup(5, null));
    }
}
