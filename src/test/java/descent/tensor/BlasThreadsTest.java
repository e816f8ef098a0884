package descent.tensor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Products split in two row blocks give the bits of one whole BLAS call, with one thread or two. */
class BlasThreadsTest {
    private final int before = BlasThreads.threads();

    @AfterEach
    void restoreThreads() {
        BlasThreads.threads(before);
    }

    private static Matrix random(int rows, int cols, Random rnd) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) d[i] = rnd.nextGaussian();
        return Matrix.wrap(rows, cols, d);
    }

    /** The whole product in one call of the BLAS, never split. */
    private static Matrix whole(boolean transA, boolean transB, Matrix a, Matrix b, int m, int n) {
        Matrix c = Matrix.zeros(m, n);
        int k = transA ? a.rows() : a.cols();
        Blas.instance().dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b.data(), b.cols(), a.data(), a.cols(), 0.0, c.data(), n);
        return c;
    }

    @Test
    void theNetworkShapesGiveTheBitsOfOneCallWithOneThreadOrTwo() {
        assumeTrue(Blas.isNative(), "only the native BLAS is split: " + Blas.implementation());
        assumeTrue("1".equals(System.getenv("OPENBLAS_NUM_THREADS")), "OpenBLAS's own threads change bits; the build sets OPENBLAS_NUM_THREADS=1");
        Random rnd = new Random(3);
        int[][] layers = {{128, 784, 100}, {128, 100, 100}, {128, 100, 10}, {256, 784, 100}, {1000, 100, 10}, {200, 300, 50}};
        for (int threads = 1; threads <= 2; threads++) {
            BlasThreads.threads(threads);
            for (int[] s : layers) {
                int batch = s[0], in = s[1], out = s[2];
                Matrix x = random(batch, in, rnd), w = random(in, out, rnd), dy = random(batch, out, rnd);
                String where = batch + "x" + in + "·" + in + "x" + out + ", " + threads + " thread(s): ";
                assertArrayEquals(whole(false, false, x, w, batch, out).data(), x.times(w).data(), where + "forward x·W");
                assertArrayEquals(whole(true, false, x, dy, in, out).data(), x.transposeTimes(dy).data(), where + "weight gradient xᵀ·dy");
                assertArrayEquals(whole(false, true, dy, w, batch, in).data(), dy.timesTranspose(w).data(), where + "input gradient dy·Wᵀ");
            }
        }
    }

    @Test
    void onlyLargeProductsAreSplitAtAMultipleOf64Rows() {
        assumeTrue(Blas.isNative(), "only the native BLAS is split: " + Blas.implementation());
        assertTrue(BlasThreads.splits(128, 100, 100), "128x100·100x100");
        assertTrue(BlasThreads.splits(784, 100, 128), "784x128·128x100 (weight gradient)");
        assertFalse(BlasThreads.splits(128, 10, 100), "128x100·100x10: too little work for a hand-off");
        assertFalse(BlasThreads.splits(100, 1000, 1000), "fewer than 128 rows");
        assertEquals(64, BlasThreads.split(128));
        assertEquals(384, BlasThreads.split(784));
        assertEquals(128, BlasThreads.split(300));
    }
}
