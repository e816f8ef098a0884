package descent.train;

import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The float32 sums behind the Trainer's finiteness check and layer statistics: fast float blocks, double's answers. */
class LayerStatsRecorderTest {

    private static float[] gaussian(int n, double scale, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextGaussian() * scale);
        return a;
    }

    private static double sumSquares(float[] g, float[] w) {
        return LayerStatsRecorder.sumSquares(Matrix.wrap(1, g.length, g), Matrix.wrap(1, w.length, w));
    }

    /** The reference: the float64 code on the same values, widened exactly. */
    private static double widenedSumSquares(float[] g, float[] w) {
        return LayerStatsRecorder.sumSquares(Matrix.wrap(1, g.length, g).to(DType.FLOAT64), Matrix.wrap(1, w.length, w).to(DType.FLOAT64));
    }

    private static void widenedSums(float[] a, double[] out) {
        LayerStatsRecorder.sums(Matrix.wrap(1, a.length, a).to(DType.FLOAT64), out);
    }

    @Test
    void float32SumOfSquaresAgreesWithTheWidenedSum() {
        // sizes around the block of 512 and the eight-way unrolling, and the benchmark's 784x100 weights
        for (int n : new int[]{1, 7, 8, 9, 511, 512, 513, 1000, 78_400, 78_403}) {
            float[] g = gaussian(n, 1e-3, n), w = gaussian(n, 1, n + 1);
            double widened = widenedSumSquares(g, w);
            assertEquals(widened, sumSquares(g, w), 1e-7 * widened, "Σg² of " + n + " float32 values");
        }
    }

    @Test
    void float32SumOfSquaresIsNotFiniteExactlyWhenAValueIsNot() {
        float[] g = gaussian(1000, 1, 1), w = gaussian(1000, 1, 2);
        w[700] = Float.POSITIVE_INFINITY;
        assertTrue(Double.isNaN(sumSquares(g, w)), "an infinite weight makes w·0 NaN");
        w[700] = 0.5f;
        g[3] = Float.NaN;
        assertTrue(Double.isNaN(sumSquares(g, w)), "a NaN gradient");
        g[3] = Float.NEGATIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, sumSquares(g, w), "an infinite gradient");
        // 1e20² overflows float but not double: the block sum is redone in double, finite
        g[3] = 1e20f;
        double widened = widenedSumSquares(g, w);
        assertTrue(Double.isFinite(widened), "1e40 is a double");
        assertEquals(widened, sumSquares(g, w), "an overflowing float sum falls back to the widened one");
    }

    @Test
    void float32ActivationSumsAgreeWithTheWidenedSums() {
        double[] fast = new double[2], widened = new double[2];
        for (int n : new int[]{1, 3, 4, 5, 512, 12_800, 12_803}) {
            float[] a = gaussian(n, 2, n);
            for (int i = 0; i < a.length; i += 3) a[i] = Math.abs(a[i]) + 1;   // a mean away from 0, like ReLU outputs
            LayerStatsRecorder.sums(Matrix.wrap(1, n, a), fast);
            widenedSums(a, widened);
            double scale = 0;
            for (float v : a) scale += Math.abs(v);
            assertEquals(widened[0], fast[0], 1e-7 * scale, "Σv of " + n + " values");
            assertEquals(widened[1], fast[1], 1e-7 * widened[1], "Σv² of " + n + " values");
        }
        float[] big = gaussian(600, 1, 9);
        big[10] = 3e19f;                                         // its square overflows float
        LayerStatsRecorder.sums(Matrix.wrap(1, big.length, big), fast);
        widenedSums(big, widened);
        assertEquals(widened[1], fast[1], "an overflowing float sum of squares falls back to the widened one");
        assertTrue(Double.isFinite(fast[1]), "9e38 is a finite double");
    }
}
