package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RMSPropTest {

    @Test
    void firstTwoStepsByHand() {
        double eps = 1e-8;
        // bowl, start (-7, 2), g0 = (-0.7, 4); lr 0.1, alpha 0.99
        var run = Optimizers.rmsProp(0.1).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // h1 = 0.01·g0² = (0.0049, 0.16), √h1 = (0.07, 0.4); w1 = (−7 + 0.1·0.7/0.07, 2 − 0.1·4/0.4) ≈ (−6, 1)
        Step s1 = run.step();
        Approx.assertClose(new double[]{0.0049, 0.16}, s1.state().get("h").toArray(), Approx.TIGHT, "h1");
        Approx.assertClose(new double[]{-7 + 0.07 / (0.07 + eps), 2 - 0.4 / (0.4 + eps)}, s1.x().toArray(), Approx.TIGHT, "w1");
        // g1 = (x1/10, 2·y1) ≈ (−0.6, 2); h2 = 0.99·(0.0049, 0.16) + 0.01·g1² ≈ (0.008451, 0.1984)
        // w2 = w1 − 0.1·g1/(√h2 + ε) ≈ (−6 + 0.1·0.6/√0.008451, 1 − 0.1·2/√0.1984)
        double x1 = -7 + 0.07 / (0.07 + eps), y1 = 2 - 0.4 / (0.4 + eps);
        double[] g1 = {x1 / 10, 2 * y1};
        double[] h2 = {0.99 * 0.0049 + 0.01 * g1[0] * g1[0], 0.99 * 0.16 + 0.01 * g1[1] * g1[1]};
        Step s2 = run.step();
        Approx.assertClose(h2, s2.state().get("h").toArray(), Approx.TIGHT, "h2");
        Approx.assertClose(new double[]{0.008451, 0.1984}, h2, 1e-7, "h2 rounded");
        Approx.assertClose(new double[]{x1 - 0.1 * g1[0] / (Math.sqrt(h2[0]) + eps), y1 - 0.1 * g1[1] / (Math.sqrt(h2[1]) + eps)},
                s2.x().toArray(), Approx.TIGHT, "w2");
        Approx.assertClose(new double[]{0.1 / (Math.sqrt(h2[0]) + eps), 0.1 / (Math.sqrt(h2[1]) + eps)}, s2.effectiveLr().toArray(), Approx.TIGHT, "effLr2");
    }

    @Test
    void validatesAndPrints() {
        assertEquals("RMSProp(lr=0.1, alpha=0.99, eps=1e-08)", Optimizers.rmsProp(0.1).toString());
        assertEquals("RMSProp(lr=0.1, alpha=0.9, eps=1e-07)", Optimizers.rmsProp(0.1).withAlpha(0.9).withEps(1e-7).toString());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.rmsProp(0.1).withAlpha(1));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.rmsProp(0.1).withAlpha(-0.1));
    }
}
