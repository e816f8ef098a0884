package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaGradTest {

    @Test
    void firstTwoStepsByHand() {
        double eps = 1e-10;
        // bowl, start (-7, 2), g0 = (-0.7, 4); lr 1.5 (the book's setting)
        var run = Optimizers.adaGrad(1.5).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // h1 = g0² = (0.49, 16); w1 = w0 − 1.5·g0/(√h1 + ε) = (−7 + 1.5·0.7/0.7, 2 − 1.5·4/4) ≈ (−5.5, 0.5)
        Step s1 = run.step();
        Approx.assertClose(new double[]{0.49, 16}, s1.state().get("h").toArray(), Approx.TIGHT, "h1");
        Approx.assertClose(new double[]{-7 + 1.5 * 0.7 / (0.7 + eps), 2 - 1.5 * 4 / (4 + eps)}, s1.x().toArray(), Approx.TIGHT, "w1");
        // effective rate of update 1: 1.5/(√h1 + ε) = (1.5/0.7, 1.5/4)
        Approx.assertClose(new double[]{1.5 / 0.7, 0.375}, s1.effectiveLr().toArray(), Approx.TIGHT, "effLr1");
        // g1 = (−0.55, 1.0); h2 = (0.49 + 0.3025, 16 + 1) = (0.7925, 17)
        // w2 = (−5.5 + 1.5·0.55/√0.7925, 0.5 − 1.5·1/√17)
        Step s2 = run.step();
        Approx.assertClose(new double[]{0.7925, 17}, s2.state().get("h").toArray(), Approx.TIGHT, "h2");
        Approx.assertClose(new double[]{-5.5 + 1.5 * 0.55 / Math.sqrt(0.7925), 0.5 - 1.5 / Math.sqrt(17)}, s2.x().toArray(), Approx.TIGHT, "w2");
    }

    @Test
    void theBooksEpsilonIsAWither() {
        assertEquals("AdaGrad(lr=1.5, eps=1e-10)", Optimizers.adaGrad(1.5).toString());
        assertEquals("AdaGrad(lr=1.5, eps=1e-07)", Optimizers.adaGrad(1.5).withEps(1e-7).toString());
        assertEquals("AdaGrad(lr=0.01, eps=1e-10)", Optimizers.adaGrad().toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adaGrad(1).withEps(-1));
        assertTrue(e.getMessage().contains("Invalid eps: -1.0"), e.getMessage());
    }

    @Test
    void effectiveRateIsUndefinedBeforeTheFirstUpdate() {
        var run = Optimizers.adaGrad(1.5).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        assertTrue(Double.isNaN(run.trajectory().get(0).effectiveLr().get(0)));
    }
}
