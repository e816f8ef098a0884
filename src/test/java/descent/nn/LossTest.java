package descent.nn;

import descent.Approx;
import descent.tensor.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static descent.nn.BackpropChecks.oneHot;
import static descent.nn.BackpropChecks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossTest {

    /** Central difference of the loss with respect to each output. */
    private static void assertGradient(Loss loss, Matrix y, Matrix t) {
        loss.forward(y, t);
        double[] analytic = loss.backward().data().clone();
        double[] numeric = new double[y.size()];
        double h = 1e-5;
        for (int k = 0; k < y.size(); k++) {
            double keep = y.data()[k];
            y.data()[k] = keep + h;
            double up = loss.forward(y, t);
            y.data()[k] = keep - h;
            double down = loss.forward(y, t);
            y.data()[k] = keep;
            numeric[k] = (up - down) / (2 * h);
        }
        double diff = 0, na = 0, nn = 0;
        for (int k = 0; k < numeric.length; k++) {
            diff += (analytic[k] - numeric[k]) * (analytic[k] - numeric[k]);
            na += analytic[k] * analytic[k];
            nn += numeric[k] * numeric[k];
        }
        double rel = na + nn == 0 ? 0 : Math.sqrt(diff) / (Math.sqrt(na) + Math.sqrt(nn));
        assertTrue(rel < 1e-6, loss + " " + y.shape() + ": relative error " + rel);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "1, 3, 2", "4, 3, 3", "16, 10, 4"})
    void gradientsMatchCentralDifferences(int rows, int cols, long seed) {
        assertGradient(Losses.mse(), random(rows, cols, seed), random(rows, cols, seed + 1));
        assertGradient(Losses.softmaxCrossEntropy(), random(rows, cols, seed), oneHot(rows, cols, seed + 1));
    }

    @Test
    void mseByHand() {
        // rows (1,2) vs (0,0): 1 + 4 = 5;  (0,1) vs (0,0): 1  → mean over 2 rows = 3
        Matrix y = Matrix.of(new double[][]{{1, 2}, {0, 1}});
        var mse = Losses.mse();
        Approx.assertClose(3.0, mse.forward(y, Matrix.zeros(2, 2)), Approx.EXACT, "MSE");
        Approx.assertClose(new double[]{1, 2, 0, 1}, mse.backward().data(), Approx.EXACT, "2(y − t)/N");
    }

    @Test
    void crossEntropyByHand() {
        // log-sum-exp(2, 1, 0) = 2 + log(1 + e^-1 + e^-2); loss = lse − 2
        double expected = Math.log(1 + Math.exp(-1) + Math.exp(-2));
        var ce = Losses.softmaxCrossEntropy();
        Approx.assertClose(expected, ce.forward(Matrix.of(new double[][]{{2, 1, 0}}), Matrix.of(new double[][]{{1, 0, 0}})),
                Approx.TIGHT, "cross-entropy");
        double z = 1 + Math.exp(-1) + Math.exp(-2);
        Approx.assertClose(new double[]{1 / z - 1, Math.exp(-1) / z, Math.exp(-2) / z}, ce.backward().data(), Approx.TIGHT, "p − t");
    }

    @Test
    void crossEntropyIsStableForLargeLogits() {
        var ce = Losses.softmaxCrossEntropy();
        Matrix t = Matrix.of(new double[][]{{1, 0}, {1, 0}});
        double l = ce.forward(Matrix.of(new double[][]{{1000, 0}, {0, 1000}}), t);
        // first row: confident and right (loss ~e^-1000 = 0); second: confident and wrong (loss 1000)
        Approx.assertClose(500.0, l, Approx.EXACT, "mean of 0 and 1000");
        Approx.assertClose(new double[]{0, 0, -0.5, 0.5}, ce.backward().data(), Approx.EXACT, "(p − t)/N");
        assertTrue(Double.isFinite(ce.forward(Matrix.of(new double[][]{{-1e300, 1e300}, {1e300, 1e300}}), t)));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy().forward(Matrix.zeros(128, 10), Matrix.zeros(128, 9)));
        assertTrue(e.getMessage().contains("128x10") && e.getMessage().contains("128x9"), e.getMessage());
        assertEquals("SoftmaxCrossEntropy", Losses.softmaxCrossEntropy().toString());
    }
}
