package descent.tensor;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link RowLoops} against the plain loops it replaces, bit for bit: the bias add and the column sums, in both dtypes,
 * on batch shapes, on one row or one column, on shapes that do not fill the tile by doubling evenly, and past
 * {@link RowLoops#TILE_LIMIT} (the plain path).
 */
class RowLoopsTest {
    private static final int[][] SHAPES = {
            {128, 100}, {128, 10}, {1, 100}, {100, 1}, {3, 7}, {129, 33}, {1000, 100}, {700, 100}, {1, 70000}, {70000, 1}};

    @Test
    void theBiasAddGivesTheBitsOfThePlainLoop() {
        for (int[] s : SHAPES) {
            int rows = s[0], cols = s[1];
            SplittableRandom rnd = new SplittableRandom(rows * 31L + cols);
            double[] y = gaussian(rnd, rows * cols), b = gaussian(rnd, cols);
            double[] want = y.clone();
            for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) want[r * cols + j] += b[j];
            Matrix got = Matrix.wrap(rows, cols, y.clone()).addToEachRow(Matrix.wrap(1, cols, b.clone()));
            sameBits(want, got.data(), "float64 bias add, " + rows + "x" + cols);

            float[] yf = floats(y), bf = floats(b), wantF = yf.clone();
            for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) wantF[r * cols + j] += bf[j];
            Matrix gotF = Matrix.wrap(rows, cols, yf.clone()).addToEachRow(Matrix.wrap(1, cols, bf.clone()));
            sameBits(wantF, gotF.floats(), "float32 bias add, " + rows + "x" + cols);
        }
    }

    @Test
    void theColumnSumsGiveTheBitsOfThePlainLoop() {
        for (int[] s : SHAPES) {
            int rows = s[0], cols = s[1];
            SplittableRandom rnd = new SplittableRandom(rows * 17L + cols);
            double[] a = gaussian(rnd, rows * cols);
            double[] want = new double[cols];
            for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) want[j] += a[r * cols + j];
            Matrix out = Matrix.zeros(1, cols).fill(99);     // stale values must not leak into the sums
            sameBits(want, Matrix.wrap(rows, cols, a).columnSumsInto(out).data(), "float64 column sums, " + rows + "x" + cols);

            float[] af = floats(a), wantF = new float[cols];
            for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) wantF[j] += af[r * cols + j];
            Matrix outF = Matrix.zeros(1, cols, DType.FLOAT32).fill(99);
            sameBits(wantF, Matrix.wrap(rows, cols, af).columnSumsInto(outF).floats(), "float32 column sums, " + rows + "x" + cols);
        }
    }

    @Test
    void aSmallMatrixAfterALargeOneUsesOnlyItsOwnPartOfTheScratch() {
        // the tile grows to the largest matrix seen; a smaller one must not add the larger one's stale tile
        Matrix big = Matrix.zeros(600, 100).addToEachRow(Matrix.zeros(1, 100).fill(5));
        assertEquals(5.0, big.get(599, 99), "the last entry of the large matrix");
        Matrix small = Matrix.zeros(2, 3).addToEachRow(Matrix.of(new double[][]{{1, 2, 3}}));
        sameBits(new double[]{1, 2, 3, 1, 2, 3}, small.data(), "2x3 after 600x100");
    }

    private static double[] gaussian(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextGaussian() * 1e3;
        return v;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private static void sameBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            if (Double.doubleToRawLongBits(want[i]) != Double.doubleToRawLongBits(got[i])) {
                fail(what + ": entry " + i + " is " + got[i] + ", the plain loop gives " + want[i]);
            }
        }
    }

    private static void sameBits(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(what + ": entry " + i + " is " + got[i] + ", the plain loop gives " + want[i]);
            }
        }
    }
}
