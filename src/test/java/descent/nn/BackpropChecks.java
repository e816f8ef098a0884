package descent.nn;

import descent.tensor.Matrix;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: random matrices and the assertion that every tensor passes the gradient check. */
final class BackpropChecks {
    static final double LIMIT = 1e-6;

    private BackpropChecks() {
    }

    static Matrix random(int r, int c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(r, c);
        for (int i = 0; i < m.size(); i++) m.data()[i] = rnd.nextGaussian();
        return m;
    }

    static Matrix oneHot(int rows, int classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix t = Matrix.zeros(rows, classes);
        for (int i = 0; i < rows; i++) t.set(i, rnd.nextInt(classes), 1);
        return t;
    }

    static void assertPasses(BackpropCheck check, String where) {
        for (BackpropCheck.Result r : check.results()) {
            assertTrue(r.relativeError() < LIMIT, where + ": tensor " + r.tensor() + " " + r.shape()
                    + " has relative error " + r.relativeError() + "\n" + check.toTable());
        }
    }
}
