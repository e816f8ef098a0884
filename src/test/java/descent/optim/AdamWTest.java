package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdamWTest {

    @Test
    void firstTwoStepsByHand() {
        double lr = 0.1, wd = 0.01, eps = 1e-8;
        double[] g0 = {-0.7, 4};
        var run = Optimizers.adamW(lr).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // decay first: w ← w·(1 − 0.1·0.01) = (−6.993, 1.998); then Adam's first step, 0.1 against sign(g0)
        double x1 = -7 * (1 - lr * wd) + lr * 0.7 / (0.7 + eps);   // ≈ −6.893
        double y1 = 2 * (1 - lr * wd) - lr * 4 / (4 + eps);        // ≈ 1.898
        Approx.assertClose(new double[]{x1, y1}, run.step().x().toArray(), Approx.TIGHT, "w1");
        Approx.assertClose(new double[]{-6.893, 1.898}, new double[]{x1, y1}, 1e-8, "w1 rounded");
        // step 2: decay w1 by 0.999, then η·m̂2/(√v̂2 + ε) with m2 = 0.9·0.1·g0 + 0.1·g1, v2 = 0.999·0.001·g0² + 0.001·g1²
        double[] g1 = {x1 / 10, 2 * y1}, w1 = {x1, y1}, w2 = new double[2];
        for (int i = 0; i < 2; i++) {
            double m2 = 0.09 * g0[i] + 0.1 * g1[i];
            double v2 = 0.999 * 0.001 * g0[i] * g0[i] + 0.001 * g1[i] * g1[i];
            w2[i] = w1[i] * (1 - lr * wd) - lr * (m2 / 0.19) / (Math.sqrt(v2 / 0.001999) + eps);
        }
        Approx.assertClose(w2, run.step().x().toArray(), Approx.TIGHT, "w2");
    }

    @Test
    void withoutDecayItIsAdam() {
        var f = Functions.beale();
        var a = Optimizers.adamW(0.01).withWeightDecay(0).minimize(f, Vec.of(1, 1), 50).last().x();
        var b = Optimizers.adam(0.01).minimize(f, Vec.of(1, 1), 50).last().x();
        assertEquals(b, a);
    }

    @Test
    void validatesAndPrints() {
        assertEquals("AdamW(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-08, weightDecay=0.01)", Optimizers.adamW(0.1).toString());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adamW(0.1).withWeightDecay(-1));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adamW(0.1).withBetas(1.2, 0.9));
    }
}
