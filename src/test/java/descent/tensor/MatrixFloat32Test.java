package descent.tensor;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** float32 matrices: sgemm against dgemm on the same (float-representable) values, conversions, messages. */
class MatrixFloat32Test {
    /** Relative error in the Frobenius norm of a float32 product of ≤ 784-term sums against float64. */
    private static final double FLOAT32 = 1e-5;

    private static Matrix random(int r, int c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(r, c, DType.FLOAT32);
        for (int i = 0; i < m.size(); i++) m.floats()[i] = (float) rnd.nextGaussian();
        return m;
    }

    private static void agree(Matrix f64, Matrix f32, String where) {
        assertEquals(DType.FLOAT32, f32.dtype(), where);
        double d = 0;
        for (int i = 0; i < f64.size(); i++) d += Math.pow(f32.flat(i) - f64.flat(i), 2);
        double rel = Math.sqrt(d) / f64.norm();
        if (rel > FLOAT32) fail(where + ": relative error " + rel + " > " + FLOAT32);
    }

    @Test
    void sgemmAgreesWithDgemmInAllThreeForms() {
        Matrix a = random(128, 784, 1), w = random(784, 100, 2), dy = random(128, 100, 3);
        Matrix a64 = a.to(DType.FLOAT64), w64 = w.to(DType.FLOAT64), dy64 = dy.to(DType.FLOAT64);
        agree(a64.times(w64), a.times(w), "x·W");
        agree(a64.transposeTimes(dy64), a.transposeTimes(dy), "xᵀ·dy");
        agree(dy64.timesTranspose(w64), dy.timesTranspose(w), "dy·Wᵀ");
        agree(dy64.columnSums(), dy.columnSums(), "column sums");
        agree(a64.times(w64).addToEachRow(dy64.columnSums()), a.times(w).addToEachRow(dy.columnSums()), "bias");
    }

    @Test
    void conversionsRoundToNearestAndWidenExactly() {
        Matrix m = Matrix.of(new double[][]{{0.1, 1.0 / 3}});
        Matrix f = m.to(DType.FLOAT32);
        assertArrayEquals(new float[]{0.1f, 1f / 3}, f.floats());
        assertArrayEquals(new double[]{0.1f, 1f / 3}, f.to(DType.FLOAT64).data());
        assertEquals(f, f.to(DType.FLOAT64).to(DType.FLOAT32), "float → double → float is the identity");
        assertNotEquals(m, f, "equal values in another dtype are another matrix");
        assertEquals("Matrix(1x2, float32)[[0.1, 0.333333]]", f.toString());
        assertEquals(0.1f, f.get(0, 0));
        assertEquals(1, f.argmaxOfRow(0));
    }

    @Test
    void theWrongArrayAccessorSaysWhichToUse() {
        var e = assertThrows(IllegalStateException.class, () -> Matrix.zeros(2, 3, DType.FLOAT32).data());
        assertEquals("Matrix(2x3, float32) holds floats: use floats(), or to(DType.FLOAT64) for a copy in doubles.", e.getMessage());
        var e2 = assertThrows(IllegalStateException.class, () -> Matrix.zeros(2, 3).floats());
        assertEquals("Matrix(2x3) holds doubles: use data(), or to(DType.FLOAT32) for a copy in floats.", e2.getMessage());
    }

    @Test
    void nonFiniteFloatsAreFound() {
        Matrix m = Matrix.zeros(2, 2, DType.FLOAT32);
        m.floats()[3] = Float.NaN;
        assertEquals(3, m.firstNonFinite());
    }
}
