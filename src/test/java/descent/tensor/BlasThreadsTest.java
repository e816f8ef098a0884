package descent.tensor;

import descent.nn.Dense;
import descent.nn.Layers;
import descent.nn.Sequential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Products split in two row blocks: the same bits with one thread or two, and the numbers of one whole BLAS call. */
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

    /** The whole float32 product in one sgemm call, never split. */
    private static Matrix wholeFloat(boolean transA, boolean transB, Matrix a, Matrix b, int m, int n) {
        Matrix c = Matrix.zeros(m, n, DType.FLOAT32);
        int k = transA ? a.rows() : a.cols();
        Blas.instance().sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1f, b.floats(), b.cols(), a.floats(), a.cols(), 0f, c.floats(), n);
        return c;
    }

    private static Matrix whole(DType dtype, boolean transA, boolean transB, Matrix a, Matrix b, int m, int n) {
        return dtype == DType.FLOAT32 ? wholeFloat(transA, transB, a, b, m, n) : whole(transA, transB, a, b, m, n);
    }

    /** A dense layer's three products (forward x·W, weight gradient xᵀ·dy, input gradient dy·Wᵀ) on this many threads. */
    private static List<Matrix> products(Matrix x, Matrix w, Matrix dy, int threads) {
        BlasThreads.threads(threads);
        return List.of(x.times(w), x.transposeTimes(dy), dy.timesTranspose(w));
    }

    private static double[] values(Matrix m) {
        return m.isFloat32() ? m.to(DType.FLOAT64).data() : m.data();
    }

    /**
     * One thread and two give the same bits, whatever kernels OpenBLAS picked: the split depends on the shapes only.
     * Against one whole BLAS call the split agrees to rounding, not always to the bit: OpenBLAS's AVX-512 kernels
     * (SkylakeX) sum a 64-row half and the whole 128 rows differently at the edge of a 100-wide block, so the last
     * bit of some entries differs; its SSE3 (Prescott) kernels happen to agree to the bit.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void oneThreadAndTwoGiveTheSameBitsOnTheNetworkShapes(DType dtype) {
        assumeTrue(Blas.isNative(), "only the native BLAS is split: " + Blas.implementation());
        assumeTrue("1".equals(System.getenv("OPENBLAS_NUM_THREADS")), "OpenBLAS's own threads change bits; the build sets OPENBLAS_NUM_THREADS=1");
        assertTrue(BlasThreads.splits(128, 100, 784), "128x784·784x100 is split in either dtype");
        Random rnd = new Random(3);
        int[][] layers = {{128, 784, 100}, {128, 100, 100}, {128, 100, 10}, {256, 784, 100}, {1000, 100, 10}, {200, 300, 50}};
        String[] names = {"forward x·W", "weight gradient xᵀ·dy", "input gradient dy·Wᵀ"};
        double relative = dtype == DType.FLOAT32 ? 1e-5 : 1e-13;
        for (int[] s : layers) {
            int batch = s[0], in = s[1], out = s[2];
            Matrix x = random(batch, in, rnd).to(dtype), w = random(in, out, rnd).to(dtype), dy = random(batch, out, rnd).to(dtype);
            List<Matrix> one = products(x, w, dy, 1), two = products(x, w, dy, 2);
            List<Matrix> whole = List.of(whole(dtype, false, false, x, w, batch, out), whole(dtype, true, false, x, dy, in, out),
                    whole(dtype, false, true, dy, w, batch, in));
            for (int i = 0; i < 3; i++) {
                String where = dtype + " " + batch + "x" + in + "·" + in + "x" + out + ", " + names[i];
                assertArrayEquals(values(one.get(i)), values(two.get(i)), where + ": 1 thread against 2");
                double[] expected = values(whole.get(i)), actual = values(one.get(i));
                double scale = 0;
                for (double v : expected) scale = Math.max(scale, Math.abs(v));
                double bound = relative * scale;
                for (int j = 0; j < expected.length; j++) {
                    int at = j;
                    assertTrue(Math.abs(expected[j] - actual[j]) <= bound, () -> where + " differs from one whole call at "
                            + at + ": " + actual[at] + " vs " + expected[at] + " (bound " + bound + ")");
                }
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
        assertTrue(BlasThreads.handsOff(128, 100, 784), "128x784·784x100: its second half goes to the other core");
        assertTrue(BlasThreads.handsOff(784, 100, 128), "784x128·128x100 too");
        assertFalse(BlasThreads.handsOff(128, 100, 100), "128x100·100x100: split, but both halves on the caller's core");
        assertEquals(64, BlasThreads.split(128));
        assertEquals(384, BlasThreads.split(784));
        assertEquals(128, BlasThreads.split(300));
    }

    /** A dense layer's backward pass on this many threads: dx, dW, db. */
    private static List<Matrix> denseBackward(Dense layer, Matrix x, Matrix dy, int threads) {
        BlasThreads.threads(threads);
        layer.forward(x);
        Matrix dx = layer.backward(dy).copy();
        return List.of(dx, layer.parameters().get(0).grad().copy(), layer.parameters().get(1).grad().copy());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void denseBackwardOnTwoCoresGivesTheBitsOfOneCore(DType dtype) {
        Random rnd = new Random(5);
        int[][] layers = {{128, 100, 100}, {128, 784, 100}, {200, 300, 50}, {128, 100, 10}, {64, 30, 20}};
        String[] names = {"dx", "dW", "db"};
        for (int[] s : layers) {
            int batch = s[0], in = s[1], out = s[2];
            Dense layer = Layers.dense(in, out, 7);
            if (dtype == DType.FLOAT32) layer = (Dense) Sequential.of(layer).to(DType.FLOAT32).layers().get(0);
            Matrix x = random(batch, in, rnd).to(dtype), dy = random(batch, out, rnd).to(dtype);
            List<Matrix> one = denseBackward(layer, x, dy, 1), two = denseBackward(layer, x, dy, 2);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(values(one.get(i)), values(two.get(i)),
                        dtype + " Dense(" + in + ", " + out + ") on a batch of " + batch + ", " + names[i] + ": 1 thread against 2");
            }
        }
    }

    @Test
    void bothRunsTheSecondOnTheOtherThreadOnlyWithTwoThreads() {
        Thread[] ran = new Thread[2];
        BlasThreads.threads(2);
        Blas.both(() -> ran[0] = Thread.currentThread(), () -> ran[1] = Thread.currentThread());
        assertEquals(Thread.currentThread(), ran[0], "the first runs on the caller's thread");
        assertNotEquals(Thread.currentThread(), ran[1], "with two threads the second runs on the helper thread");
        BlasThreads.threads(1);
        Blas.both(() -> ran[0] = Thread.currentThread(), () -> ran[1] = Thread.currentThread());
        assertEquals(Thread.currentThread(), ran[1], "with one thread both run on the caller's thread");
    }

    @Test
    void bothRethrowsAFailureAfterBothFinishedAndStaysUsable() {
        BlasThreads.threads(2);
        boolean[] finished = new boolean[2];
        IllegalStateException there = assertThrows(IllegalStateException.class, () -> Blas.both(() -> finished[0] = true,
                () -> {
                    throw new IllegalStateException("there failed");
                }));
        assertEquals("there failed", there.getMessage());
        assertTrue(finished[0], "the first still ran");
        IllegalArgumentException here = assertThrows(IllegalArgumentException.class, () -> Blas.both(() -> {
            throw new IllegalArgumentException("here failed");
        }, () -> {
            finished[1] = true;
            throw new IllegalStateException("there failed too");
        }));
        assertEquals("here failed", here.getMessage(), "the caller's own failure comes first");
        assertTrue(finished[1], "the second ran to its end before the rethrow");
        assertEquals("there failed too", here.getSuppressed()[0].getMessage(), "the other failure is kept as suppressed");
        Thread[] ran = new Thread[1];
        Blas.both(() -> { }, () -> ran[0] = Thread.currentThread());
        assertNotEquals(Thread.currentThread(), ran[0], "after failures the helper thread still takes work");
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> Blas.both(null, () -> { }));
        assertTrue(nul.getMessage().contains("here"), nul.getMessage());
    }
}
