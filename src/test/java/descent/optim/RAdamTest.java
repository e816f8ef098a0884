package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RAdamTest {

    @Test
    void firstTwoStepsAreMomentumStepsByHand() {
        // ρ∞ = 2/(1 − 0.999) − 1 = 1999; ρ1 = 1999 − 2·1·0.999/0.001 = 1 ≤ 5: no adaptive step yet
        RAdam r = Optimizers.radam(0.1);
        Approx.assertClose(1, r.rho(1), 1e-9, "rho1");
        var run = r.start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // w1 = w0 − η·m̂1 = w0 − 0.1·g0 = (−7 + 0.07, 2 − 0.4)
        Approx.assertClose(new double[]{-6.93, 1.6}, run.step().x().toArray(), Approx.TIGHT, "w1");
        // g1 = (−0.693, 3.2); m2 = 0.9·0.1·g0 + 0.1·g1 = (−0.063 − 0.0693, 0.36 + 0.32) = (−0.1323, 0.68); m̂2 = m2/0.19
        Step s2 = run.step();
        Approx.assertClose(new double[]{-6.93 + 0.01323 / 0.19, 1.6 - 0.068 / 0.19}, s2.x().toArray(), Approx.TIGHT, "w2");
        Approx.assertClose(new double[]{0.1, 0.1}, s2.effectiveLr().toArray(), Approx.TIGHT, "effLr = lr while unrectified");
    }

    @Test
    void theAdaptiveStepStartsAtUpdateSixWithTheRectification() {
        RAdam r = Optimizers.radam(0.1);
        assertTrue(r.rho(5) <= 5 && r.rho(6) > 5, "rho5=" + r.rho(5) + ", rho6=" + r.rho(6));
        assertTrue(Double.isNaN(r.rectification(5)));
        var run = r.start(Functions.dlfsBowl(), Vec.of(-7, 2));
        for (int i = 0; i < 5; i++) run.step();
        Step s5 = run.trajectory().last();
        // update 6 by the formula, from the state after update 5
        double rho6 = 1999 - 2 * 6 * Math.pow(0.999, 6) / (1 - Math.pow(0.999, 6));
        double rect = Math.sqrt((rho6 - 4) * (rho6 - 2) * 1999 / ((1999 - 4) * (1999 - 2) * rho6));
        Approx.assertClose(rect, r.rectification(6), Approx.TIGHT, "r6");
        double c1 = 1 - Math.pow(0.9, 6), c2 = 1 - Math.pow(0.999, 6);
        double[] w6 = new double[2];
        for (int i = 0; i < 2; i++) {
            double g = s5.gradient().get(i);
            double m = 0.9 * s5.state().get("m").get(i) + 0.1 * g;
            double v = 0.999 * s5.state().get("v").get(i) + 0.001 * g * g;
            w6[i] = s5.x().get(i) - 0.1 * rect * (m / c1) * Math.sqrt(c2) / (Math.sqrt(v) + 1e-8);
        }
        Approx.assertClose(w6, run.step().x().toArray(), Approx.TIGHT, "w6");
    }

    @Test
    void prints() {
        assertEquals("RAdam(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08)", Optimizers.radam(0.1).toString());
    }
}
