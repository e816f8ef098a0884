package descent.tensor;

import descent.Approx;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixOpsTest {

    private static Matrix random(int r, int c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(r, c);
        for (int i = 0; i < m.size(); i++) m.data()[i] = rnd.nextGaussian();
        return m;
    }

    /** An independent reference: the textbook triple loop (used only here, never in the hot path). */
    private static Matrix naive(Matrix a, Matrix b) {
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++)
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int k = 0; k < a.cols(); k++) s += a.get(i, k) * b.get(k, j);
                c.set(i, j, s);
            }
        return c;
    }

    @Test
    void multipliesByHand() {
        Matrix a = Matrix.of(new double[][]{{1, 2}, {3, 4}, {5, 6}});
        Matrix b = Matrix.of(new double[][]{{1, 0, -1}, {2, 1, 0}});
        // rows of a times columns of b
        Approx.assertClose(new double[]{5, 2, -1, 11, 4, -3, 17, 6, -5}, a.times(b).data(), Approx.EXACT, "a·b");
    }

    @Test
    void transposedProductsMatchTheNaiveLoopOnNetworkShapes() {
        Matrix x = random(37, 53, 1), w = random(53, 19, 2), dy = random(37, 19, 3);
        Approx.assertClose(naive(x, w).data(), x.times(w).data(), Approx.EXACT, "x·W");
        Approx.assertClose(naive(x.transpose(), dy).data(), x.transposeTimes(dy).data(), Approx.EXACT, "xᵀ·dy");
        Approx.assertClose(naive(dy, w.transpose()).data(), dy.timesTranspose(w).data(), Approx.EXACT, "dy·Wᵀ");
    }

    @Test
    void intoVariantsWriteIntoTheGivenBufferAndOverwriteIt() {
        Matrix a = random(4, 3, 4), b = random(3, 5, 5);
        Matrix out = Matrix.zeros(4, 5).fill(99);
        assertSame(out, a.timesInto(b, out));
        Approx.assertClose(naive(a, b).data(), out.data(), Approx.EXACT, "timesInto overwrites");
        Matrix t = Matrix.zeros(3, 5).fill(-7);
        assertSame(t, a.transposeTimesInto(random(4, 5, 6), t));
    }

    @Test
    void shapeErrorsNameBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(128, 784).times(Matrix.zeros(100, 10)));
        assertEquals("Cannot multiply 128x784 by 100x10: inner sizes 784 and 100 differ.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, 3).transposeTimes(Matrix.zeros(4, 3)));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("4x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, 3).timesInto(Matrix.zeros(3, 4), Matrix.zeros(2, 5)));
        assertTrue(e.getMessage().contains("must be 2x4 but is 2x5"), e.getMessage());
    }

    @Test
    void rowAndColumnHelpers() {
        Matrix m = Matrix.of(new double[][]{{1, 2}, {3, 4}});
        Approx.assertClose(new double[]{4, 6}, m.columnSums().data(), Approx.EXACT, "column sums");
        m.addToEachRow(Matrix.of(new double[][]{{10, 20}}));
        Approx.assertClose(new double[]{11, 22, 13, 24}, m.data(), Approx.EXACT, "bias added to each row");
        assertEquals(1, m.argmaxOfRow(0));
        assertEquals(Math.sqrt(121 + 484 + 169 + 576), m.norm());
        assertEquals(-1, m.firstNonFinite());
        m.set(1, 0, Double.NaN);
        assertEquals(2, m.firstNonFinite());
        Matrix buf = Matrix.zeros(2, 2);
        assertSame(buf, Matrix.reuse(buf, 2, 2));
        assertEquals("3x2", Matrix.reuse(buf, 3, 2).shape());
    }

    @Test
    void reportsWhichBlasIsUsed() {
        assertTrue(Blas.implementation().contains("Java") || Blas.implementation().contains("native"), Blas.implementation());
    }
}
