package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {
    // the book's bowl x^2/20 + y^2 from (-7, 2): g0 = (-0.7, 4)
    private static final double[] G0 = {-0.7, 4};

    @Test
    void firstTwoStepsByHandPyTorchForm() {
        double lr = 0.3, eps = 1e-8;
        var run = Optimizers.adam(lr).start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // m1 = 0.1·g0 = (−0.07, 0.4); v1 = 0.001·g0² = (0.00049, 0.016); m̂1 = g0, v̂1 = g0²
        // so the first step is 0.3·g0/(|g0| + ε): 0.3 against the sign of each gradient
        double x1 = -7 + lr * 0.7 / (0.7 + eps), y1 = 2 - lr * 4 / (4 + eps);   // ≈ (−6.7, 1.7)
        Step s1 = run.step();
        Approx.assertClose(new double[]{-0.07, 0.4}, s1.state().get("m").toArray(), Approx.TIGHT, "m1");
        Approx.assertClose(new double[]{0.00049, 0.016}, s1.state().get("v").toArray(), Approx.TIGHT, "v1");
        Approx.assertClose(new double[]{x1, y1}, s1.x().toArray(), Approx.TIGHT, "w1");
        // g1 = (x1/10, 2·y1) ≈ (−0.67, 3.4); m2 = 0.9·m1 + 0.1·g1 ≈ (−0.13, 0.7); v2 = 0.999·v1 + 0.001·g1²
        // bias corrections 1 − 0.9² = 0.19 and 1 − 0.999² = 0.001999
        double[] g1 = {x1 / 10, 2 * y1};
        double[] w2 = new double[2], m2 = new double[2], v2 = new double[2];
        double[] w1 = {x1, y1};
        for (int i = 0; i < 2; i++) {
            m2[i] = 0.9 * (0.1 * G0[i]) + 0.1 * g1[i];
            v2[i] = 0.999 * (0.001 * G0[i] * G0[i]) + 0.001 * g1[i] * g1[i];
            w2[i] = w1[i] - lr * (m2[i] / 0.19) / (Math.sqrt(v2[i] / 0.001999) + eps);
        }
        Step s2 = run.step();
        Approx.assertClose(m2, s2.state().get("m").toArray(), Approx.TIGHT, "m2");
        Approx.assertClose(new double[]{-0.13, 0.7}, s2.state().get("m").toArray(), 1e-8, "m2 rounded");
        Approx.assertClose(v2, s2.state().get("v").toArray(), Approx.TIGHT, "v2");
        Approx.assertClose(w2, s2.x().toArray(), Approx.TIGHT, "w2");
        // effective rate on m̂: η/(√v̂ + ε)
        Approx.assertClose(new double[]{lr / (Math.sqrt(v2[0] / 0.001999) + eps), lr / (Math.sqrt(v2[1] / 0.001999) + eps)},
                s2.effectiveLr().toArray(), Approx.TIGHT, "effLr2");
    }

    @Test
    void firstTwoStepsByHandBookForm() {
        double lr = 0.3, eps = 1e-7;
        var run = Optimizers.adam(lr).bookForm().start(Functions.dlfsBowl(), Vec.of(-7, 2));
        // lr_1 = 0.3·√(1 − 0.999)/(1 − 0.9); w1 = w0 − lr_1·m1/(√v1 + 1e-7), m1 = 0.1·g0, √v1 = √0.001·|g0|
        double lr1 = lr * Math.sqrt(0.001) / 0.1;
        double x1 = -7 - lr1 * (0.1 * G0[0]) / (Math.sqrt(0.001) * 0.7 + eps);
        double y1 = 2 - lr1 * (0.1 * G0[1]) / (Math.sqrt(0.001) * 4 + eps);
        Step s1 = run.step();
        Approx.assertClose(new double[]{x1, y1}, s1.x().toArray(), Approx.TIGHT, "w1");
        // lr_2 = 0.3·√0.001999/0.19; w2 = w1 − lr_2·m2/(√v2 + 1e-7)
        double lr2 = lr * Math.sqrt(0.001999) / 0.19;
        double[] g1 = {x1 / 10, 2 * y1}, w1 = {x1, y1}, w2 = new double[2];
        for (int i = 0; i < 2; i++) {
            double m2 = 0.9 * (0.1 * G0[i]) + 0.1 * g1[i];
            double v2 = 0.999 * (0.001 * G0[i] * G0[i]) + 0.001 * g1[i] * g1[i];
            w2[i] = w1[i] - lr2 * m2 / (Math.sqrt(v2) + eps);
        }
        Approx.assertClose(w2, run.step().x().toArray(), Approx.TIGHT, "w2");
    }

    @Test
    void theTwoFormsDifferOnlyThroughEpsilon() {
        // with a vanishing ε both forms are the same algebra: η·m̂/√v̂ = η·√(1−β2^t)/(1−β1^t)·m/√v
        var f = Functions.rosenbrock();
        var a = Optimizers.adam(0.01).withEps(1e-300).minimize(f, Vec.of(-1, 1), 50).last().x();
        var b = Optimizers.adam(0.01).withEps(1e-300).withForm(Adam.Form.BOOK).minimize(f, Vec.of(-1, 1), 50).last().x();
        Approx.assertClose(a.toArray(), b.toArray(), 1e-12, "forms with eps -> 0");
        // where √v̂ is comparable to ε they differ: gradients of 1e-6 on a flat bowl
        var flat = Functions.of("flat", (x, y) -> 1e-6 * (x * x + y * y) / 2, (x, y) -> Vec.of(1e-6 * x, 1e-6 * y));
        var p = Optimizers.adam(0.1).withEps(1e-7).start(flat, Vec.of(1, 1)).step().x().get(0);
        var q = Optimizers.adam(0.1).bookForm().start(flat, Vec.of(1, 1)).step().x().get(0);
        // PyTorch: 1 − 0.1·1e-6/(1e-6 + 1e-7) = 1 − 0.1/1.1; book: ε acts as 1e-7/√0.001 = 3.16e-6 on √v̂
        Approx.assertClose(1 - 0.1 / 1.1, p, Approx.TIGHT, "PyTorch form");
        Approx.assertClose(1 - 0.1 * 1e-6 / (1e-6 + 1e-7 / Math.sqrt(0.001)), q, Approx.TIGHT, "book form");
    }

    @Test
    void validatesBetasAndPrints() {
        assertEquals("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)", Optimizers.adam(0.3).toString());
        assertEquals("Adam(lr=0.3, beta1=0.9, beta2=0.99, eps=1e-08)", Optimizers.adam(0.3).withBetas(0.9, 0.99).toString());
        assertEquals("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-07, form=BOOK)", Optimizers.adam(0.3).bookForm().toString());
        assertEquals("Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08)", Optimizers.adam().toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.3).withBetas(0.9, 1.0));
        assertTrue(e.getMessage().contains("Invalid beta2: 1.0") && e.getMessage().contains("[0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0.3).withBetas(-0.1, 0.9));
        assertTrue(e.getMessage().contains("Invalid beta1: -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(Double.NaN));
        assertTrue(e.getMessage().contains("Invalid learning rate: NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(Double.POSITIVE_INFINITY));
    }
}
