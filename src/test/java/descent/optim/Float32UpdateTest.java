package descent.optim;

import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optimizer.update on float32 tensors: the float64 formula evaluated in float32 arithmetic with a float32 state; over a
 * few steps it stays within float32 rounding (relative 1e-6 of each weight) of the float64 trajectory.
 */
class Float32UpdateTest {
    private static final List<Optimizer> ALL = List.of(Optimizers.sgd(0.1), Optimizers.momentum(0.1), Optimizers.nesterov(0.1),
            Optimizers.adaGrad(0.1), Optimizers.rmsProp(0.01), Optimizers.adam(0.01), Optimizers.adamW(0.01), Optimizers.radam(0.01));

    private static Matrix random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(1, n);
        for (int i = 0; i < n; i++) m.data()[i] = r.nextGaussian();
        return m.to(DType.FLOAT32);
    }

    @Test
    void sgdByHand() {
        var w = Matrix.of(new double[][]{{1, 2}}).to(DType.FLOAT32);
        var g = Matrix.of(new double[][]{{0.5, -0.5}}).to(DType.FLOAT32);
        Optimizers.sgd(0.1).update(w, g, State.of(DType.FLOAT32, 2), 0.1);
        assertArrayEquals(new float[]{0.95f, 2.05f}, w.floats());
    }

    @Test
    void adamIsTheFloat64FormulaEvaluatedInFloat() {
        Matrix w = random(20, 1), g = random(20, 2);
        var adam = Optimizers.adam(0.01);
        float[] m = new float[20], v = new float[20], expected = w.floats().clone();
        State s = adam.newState(w);
        for (int t = 1; t <= 3; t++) {
            adam.update(w, g, s, 0.01);
            float a = (float) (0.01 / (1 - Math.pow(0.9, t))), sc = (float) (1 / Math.sqrt(1 - Math.pow(0.999, t)));
            for (int i = 0; i < 20; i++) {   // the class's pseudocode, in float
                m[i] = 0.9f * m[i] + 0.1f * g.floats()[i];
                v[i] = 0.999f * v[i] + (float) (1 - 0.999) * g.floats()[i] * g.floats()[i];
                expected[i] -= a * m[i] / ((float) Math.sqrt(v[i]) * sc + 1e-8f);
            }
            assertArrayEquals(expected, w.floats(), "Adam float32 step " + t);
            assertArrayEquals(m, s.floats("m"), "first moment, step " + t);
        }
    }

    @Test
    void fiveStepsStayWithinFloat32RoundingOfFloat64() {
        for (Optimizer opt : ALL) {
            Matrix w = random(50, 1), w64 = w.to(DType.FLOAT64);
            State s = opt.newState(w), s64 = opt.newState(w64);
            assertEquals(DType.FLOAT32, s.dtype());
            for (int step = 0; step < 5; step++) {
                Matrix g = random(50, 10 + step);
                opt.update(w, g, s, opt.lrAt(step));
                opt.update(w64, g.to(DType.FLOAT64), s64, opt.lrAt(step));
            }
            for (int i = 0; i < 50; i++) {
                descent.Approx.assertClose(w64.data()[i], w.floats()[i], 1e-6, opt + " coordinate " + i);
            }
        }
    }

    @Test
    void aGradientOfAnotherDtypeOrSizeIsRefused() {
        Matrix w = random(3, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.sgd(0.1).update(w, w.to(DType.FLOAT64), State.of(DType.FLOAT32, 3), 0.1));
        assertTrue(e.getMessage().startsWith("Cannot update a parameter from its gradient: a float32 1x3 and a float64 1x3"),
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(0.1).update(w, w, State.of(DType.FLOAT32, 4), 0.1));
        assertTrue(e2.getMessage().startsWith("This optimizer state belongs to a parameter of 4 values, but got 1x3"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(0.1).update(w, w, State.of(3), 0.1));
        assertEquals("This optimizer state is float64 but the parameter is float32; make the state with optimizer.newState(parameter),"
                + " after converting the model.", e3.getMessage());
    }
}
