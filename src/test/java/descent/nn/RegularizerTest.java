package descent.nn;

import descent.Approx;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegularizerTest {

    private static Parameter weight() {
        Parameter p = new Parameter("W", Matrix.of(new double[][]{{1, -2}, {0, 3}}), true);
        p.grad().copyFrom(Matrix.of(new double[][]{{0.5, 0.5}, {0.5, 0.5}}));
        return p;
    }

    @Test
    void l2PenaltyAndGradientByHand() {
        Parameter w = weight();
        var l2 = Regularizers.l2(0.1);
        // λ/2 · (1 + 4 + 0 + 9) = 0.05 · 14
        Approx.assertClose(0.7, l2.penalty(w), Approx.EXACT, "L2 penalty");
        l2.addGradient(w);
        Approx.assertClose(new double[]{0.6, 0.3, 0.5, 0.8}, w.grad().data(), Approx.EXACT, "g + λw");
    }

    @Test
    void l1PenaltyAndGradientByHand() {
        Parameter w = weight();
        var l1 = Regularizers.l1(0.1);
        Approx.assertClose(0.6, l1.penalty(w), Approx.EXACT, "λ · (1 + 2 + 0 + 3)");
        l1.addGradient(w);
        Approx.assertClose(new double[]{0.6, 0.4, 0.5, 0.6}, w.grad().data(), Approx.EXACT, "g + λ·sign(w), sign(0) = 0");
    }

    @Test
    void l2GradientMatchesCentralDifferenceOfItsPenalty() {
        Parameter w = new Parameter("W", BackpropChecks.random(3, 4, 5), true);
        for (Regularizer r : new Regularizer[]{Regularizers.l2(0.3), Regularizers.l1(0.3)}) {
            w.grad().fill(0);
            r.addGradient(w);
            for (int k = 0; k < w.size(); k++) {
                double keep = w.value().data()[k];
                w.value().data()[k] = keep + 1e-6;
                double up = r.penalty(w);
                w.value().data()[k] = keep - 1e-6;
                double down = r.penalty(w);
                w.value().data()[k] = keep;
                Approx.assertClose((up - down) / 2e-6, w.grad().data()[k], 1e-7, r + " at " + k);
            }
        }
    }

    @Test
    void decoupledWeightDecayShrinksAfterTheUpdate() {
        Parameter w = weight();
        var wd = Regularizers.weightDecay(0.5);
        assertEquals(0.0, wd.penalty(w));
        wd.addGradient(w);
        Approx.assertClose(new double[]{0.5, 0.5, 0.5, 0.5}, w.grad().data(), Approx.EXACT, "gradient untouched");
        wd.afterUpdate(w, 0.1); // w ← (1 − 0.1·0.5) w
        Approx.assertClose(new double[]{0.95, -1.9, 0, 2.85}, w.value().data(), Approx.EXACT, "w·(1 − ηλ)");
    }

    @Test
    void biasesAreLeftAloneUnlessAsked() {
        Parameter b = new Parameter("b", Matrix.of(new double[][]{{2, -2}}), false);
        assertEquals(0.0, Regularizers.l2(1).penalty(b));
        Regularizers.l1(1).addGradient(b);
        assertEquals(0.0, b.grad().norm());
        Approx.assertClose(4.0, Regularizers.l2(1).withBiases().penalty(b), Approx.EXACT, "with biases");
        assertEquals("L2(0.0001)", Regularizers.l2(1e-4).toString());
        assertEquals("L1(1e-05, biases too)", Regularizers.l1(1e-5).withBiases().toString());
        assertEquals("WeightDecay(0.01)", Regularizers.weightDecay(0.01).toString());
        assertThrows(IllegalArgumentException.class, () -> Regularizers.l2(-1));
    }
}
