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
 * Optimizer.update on float32 tensors: each step is the float64 formula from the same float32 weights and gradient,
 * rounded to float32 once; over a few steps it stays within float32 rounding of the float64 trajectory.
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
        Optimizers.sgd(0.1).update(w, g, State.of(2), 0.1);
        assertArrayEquals(new float[]{0.95f, 2.05f}, w.floats());
    }

    @Test
    void eachStepIsTheFloat64FormulaRoundedOnce() {
        for (Optimizer opt : ALL) {
            Matrix w = random(50, 1), wRef = w.to(DType.FLOAT64);
            State s = opt.newState(50), sRef = opt.newState(50);
            for (int step = 0; step < 5; step++) {
                Matrix g = random(50, 10 + step);
                opt.update(w, g, s, opt.lrAt(step));
                // reference: double update from the same float32 values, then the nearest float
                double[] wd = wRef.data();
                opt.update(wd, g.to(DType.FLOAT64).data(), sRef, opt.lrAt(step));
                for (int i = 0; i < wd.length; i++) {
                    wd[i] = (float) wd[i];
                    assertEquals((float) wd[i], w.floats()[i], opt + " step " + step + " coordinate " + i);
                }
            }
            assertEquals(sRef.t(), s.t(), opt + " counts its updates");
        }
    }

    @Test
    void fiveStepsStayWithinFloat32RoundingOfFloat64() {
        for (Optimizer opt : ALL) {
            Matrix w = random(50, 1), w64 = w.to(DType.FLOAT64);
            State s = opt.newState(50), s64 = opt.newState(50);
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
                () -> Optimizers.sgd(0.1).update(w, w.to(DType.FLOAT64), State.of(3), 0.1));
        assertTrue(e.getMessage().startsWith("Cannot update a parameter from its gradient: a float32 1x3 and a float64 1x3"),
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(0.1).update(w, w, State.of(4), 0.1));
        assertTrue(e2.getMessage().startsWith("This optimizer state belongs to a parameter of 4 values, but got 1x3"), e2.getMessage());
    }
}
