package descent.landscape;

import descent.Approx;
import descent.data.Datasets;
import descent.fn.Functions;
import descent.fn.Var;
import descent.fn.Vec;
import descent.nn.Mlp;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EigenTest {

    @Test
    void jacobiReconstructsARandomSymmetricMatrix() {
        int n = 12;
        SplittableRandom r = new SplittableRandom(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = r.nextDouble(-3, 3);
        Eigen e = Eigen.of(a);
        for (int k = 0; k < n; k++) {
            Vec v = e.vector(k);
            Approx.assertClose(1, v.norm(), 1e-13, "norm of eigenvector " + k);
            double[] av = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) av[i] += a[i][j] * v.get(j);
            Approx.assertClose(v.scale(e.value(k)).toArray(), av, 1e-12, "A·v = λ·v for eigenvalue " + k);
            if (k > 0) assertTrue(e.value(k) >= e.value(k - 1), "ascending order at " + k);
        }
        double trace = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
            sum += e.value(i);
        }
        Approx.assertClose(trace, sum, 1e-12, "sum of eigenvalues = trace");
    }

    @Test
    void knownTwoByTwo() {
        Eigen e = Eigen.of(new double[][] {{0, -2}, {-2, 0}});
        Approx.assertClose(new double[] {-2, 2}, e.values().toArray(), 1e-15, "eigenvalues of the lecture's saddle");
        Approx.assertClose(1, Math.abs(e.vector(0).dot(Vec.of(1, 1).scale(1 / Math.sqrt(2)))), 1e-15, "eigenvector of -2");
    }

    @Test
    void refusesNonSymmetric() {
        var ex = assertThrows(IllegalArgumentException.class, () -> Eigen.of(new double[][] {{1, 2}, {0, 1}}));
        assertTrue(ex.getMessage().contains("symmetric"), ex.getMessage());
    }

    @Test
    void lanczosExtremesAgreeWithFullEigendecomposition() {
        var f = NetworkLoss.of(Mlp.of(2, 6, 6, 2).tanh().seed(3), Datasets.spirals(10, 0.1, 2));
        Vec theta = f.point();
        Eigen full = Hessian.of(f, theta).eigen();
        var ext = Lanczos.extremes(v -> f.hvp(theta, v), f.dim(), f.dim(), 1);
        Approx.assertClose(full.largest(), ext.largest(), 1e-9, "largest eigenvalue, Lanczos vs Jacobi (n = " + f.dim() + ")");
        Approx.assertClose(full.smallest(), ext.smallest(), 1e-9, "smallest eigenvalue, Lanczos vs Jacobi");
        // with fewer steps than n the extremes still converge
        var short40 = Lanczos.extremes(v -> f.hvp(theta, v), f.dim(), 40, 1);
        Approx.assertClose(full.largest(), short40.largest(), 1e-6, "largest after 40 of " + f.dim() + " steps");
        Approx.assertClose(1, Math.abs(short40.largestVector().dot(full.vector(full.size() - 1))), 1e-6, "top Ritz vector");
    }

    @Test
    void classifiesHandMadeCases() {
        var saddle = CriticalPoint.classify(Functions.saddle(), Vec.of(0, 0));
        assertEquals(CriticalPoint.Kind.SADDLE, saddle.kind());
        Approx.assertClose(0.5, saddle.minimumRatio(), 0, "minimum ratio of the saddle");
        Approx.assertClose(1, Math.abs(saddle.escapeDirection().get(1)), 1e-12, "escape along y");
        assertTrue(Functions.saddle().value(saddle.escape(0.1)) < 0, "escaping lowers f");

        var bowl = Functions.auto("bowl", (x, y) -> x.square().plus(y.square().times(3)));
        var min = CriticalPoint.classify(bowl, Vec.of(0, 0));
        assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM, min.kind());
        Approx.assertClose(1, min.minimumRatio(), 0, "minimum ratio at a minimum");
        assertNull(min.escapeDirection());
        assertThrows(IllegalStateException.class, () -> min.escape(1));

        var cap = Functions.auto("cap", (x, y) -> x.square().plus(y.square()).neg());
        assertEquals(CriticalPoint.Kind.LOCAL_MAXIMUM, CriticalPoint.classify(cap, Vec.of(0, 0)).kind());
        assertEquals(CriticalPoint.Kind.NOT_CRITICAL, CriticalPoint.classify(bowl, Vec.of(1, 0)).kind());

        // the lecture's network y = w1·w2·x on one example (x = 1, ŷ = 1): L = (1 − w1 w2)²
        var lecture = Functions.auto("(1 - w1 w2)^2", (a, b) -> Var.of(1).minus(a.times(b)).square());
        var origin = CriticalPoint.classify(lecture, Vec.of(0, 0));
        assertEquals(CriticalPoint.Kind.SADDLE, origin.kind());
        Approx.assertClose(new double[] {-2, 2}, origin.eigen().values().toArray(), 1e-15, "H = [[0, -2], [-2, 0]]");
        // on the valley w1 w2 = 1 one eigenvalue is 0: the second-order test cannot decide
        assertEquals(CriticalPoint.Kind.DEGENERATE, CriticalPoint.classify(lecture, Vec.of(1, 1)).kind());
    }
}
