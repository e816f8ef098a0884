package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumTest {

    @Test
    void firstTwoStepsByHand() {
        // bowl x^2/20 + y^2, gradient (x/10, 2y); start (-7, 2), g0 = (-0.7, 4); lr 0.1, mu 0.9
        var run = Optimizers.momentum(0.1).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // v1 = 0.9·0 − 0.1·(−0.7, 4) = (0.07, −0.4); w1 = (−6.93, 1.6)
        Step s1 = run.step();
        Approx.assertClose(new double[]{0.07, -0.4}, s1.state().get("v").toArray(), Approx.TIGHT, "v1");
        Approx.assertClose(new double[]{-6.93, 1.6}, s1.x().toArray(), Approx.TIGHT, "w1");
        // g1 = (−0.693, 3.2); v2 = 0.9·(0.07, −0.4) − 0.1·(−0.693, 3.2) = (0.063 + 0.0693, −0.36 − 0.32) = (0.1323, −0.68)
        // w2 = (−6.93 + 0.1323, 1.6 − 0.68) = (−6.7977, 0.92)
        Step s2 = run.step();
        Approx.assertClose(new double[]{0.1323, -0.68}, s2.state().get("v").toArray(), Approx.TIGHT, "v2");
        Approx.assertClose(new double[]{-6.7977, 0.92}, s2.x().toArray(), Approx.TIGHT, "w2");
    }

    @Test
    void theBooksFormEqualsPyTorchsFormForAConstantRate() {
        // PyTorch: b ← μb + g, w ← w − ηb. Run it by hand beside ours: v = −η·b at every step.
        double lr = 0.1, mu = 0.9;
        var f = Functions.dlfsBowl();
        var run = Optimizers.momentum(lr, mu).start(f, Vec.of(-7, 2));
        double[] w = {-7, 2}, b = new double[2];
        for (int t = 1; t <= 40; t++) {
            double[] g = f.gradient(Vec.of(w)).toArray();
            for (int i = 0; i < 2; i++) {
                b[i] = mu * b[i] + g[i];
                w[i] -= lr * b[i];
            }
            Step s = run.step();
            Approx.assertClose(w, s.x().toArray(), Approx.TIGHT, "w at step " + t);
            Approx.assertClose(new double[]{-lr * b[0], -lr * b[1]}, s.state().get("v").toArray(), Approx.TIGHT, "v = -lr·b at step " + t);
        }
    }

    @Test
    void zeroMomentumIsSGD() {
        var f = Functions.rosenbrock();
        var a = Optimizers.momentum(1e-3, 0).minimize(f, Vec.of(-1, 1), 20).last().x();
        var b = Optimizers.sgd(1e-3).minimize(f, Vec.of(-1, 1), 20).last().x();
        assertEquals(b, a);
    }

    @Test
    void validatesAndPrints() {
        assertEquals("Momentum(lr=0.1, momentum=0.9)", Optimizers.momentum(0.1).toString());
        assertEquals("Momentum(lr=0.01, momentum=0.5)", Optimizers.momentum(0.1).withMomentum(0.5).withLr(0.01).toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0.1, 1.0));
        assertTrue(e.getMessage().contains("Invalid momentum: 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0.1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.momentum(0));
    }
}
