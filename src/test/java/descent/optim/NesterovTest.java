package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NesterovTest {

    @Test
    void firstTwoStepsByHand() {
        // bowl, start (-7, 2), g0 = (-0.7, 4); lr 0.1, mu 0.9
        var run = Optimizers.nesterov(0.1).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // v1 = (0.07, −0.4); w1 = w0 + 0.9·v1 − 0.1·g0 = (−7 + 0.063 + 0.07, 2 − 0.36 − 0.4) = (−6.867, 1.24)
        Step s1 = run.step();
        Approx.assertClose(new double[]{-6.867, 1.24}, s1.x().toArray(), Approx.TIGHT, "w1");
        // g1 = (−0.6867, 2.48); v2 = 0.9·(0.07, −0.4) − 0.1·g1 = (0.063 + 0.06867, −0.36 − 0.248) = (0.13167, −0.608)
        // w2 = w1 + 0.9·v2 − 0.1·g1 = (−6.867 + 0.118503 + 0.06867, 1.24 − 0.5472 − 0.248) = (−6.679827, 0.4448)
        Step s2 = run.step();
        Approx.assertClose(new double[]{0.13167, -0.608}, s2.state().get("v").toArray(), Approx.TIGHT, "v2");
        Approx.assertClose(new double[]{-6.679827, 0.4448}, s2.x().toArray(), Approx.TIGHT, "w2");
    }

    @Test
    void matchesPyTorchsNesterovRecursion() {
        // PyTorch: b ← μb + g; w ← w − η(g + μb)
        double lr = 0.05, mu = 0.8;
        var f = Functions.booth();
        var run = Optimizers.nesterov(lr, mu).start(f, Vec.of(-3, 4));
        double[] w = {-3, 4}, b = new double[2];
        for (int t = 1; t <= 30; t++) {
            double[] g = f.gradient(Vec.of(w)).toArray();
            for (int i = 0; i < 2; i++) {
                b[i] = mu * b[i] + g[i];
                w[i] -= lr * (g[i] + mu * b[i]);
            }
            Approx.assertClose(w, run.step().x().toArray(), Approx.TIGHT, "w at step " + t);
        }
    }

    @Test
    void prints() {
        assertEquals("Nesterov(lr=0.1, momentum=0.9)", Optimizers.nesterov(0.1).toString());
    }
}
