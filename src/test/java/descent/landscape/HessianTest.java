package descent.landscape;

import descent.Approx;
import descent.data.Datasets;
import descent.fn.AutoHessian;
import descent.fn.Functions;
import descent.fn.Objective;
import descent.fn.Var;
import descent.fn.Vec;
import descent.nn.Layers;
import descent.nn.Losses;
import descent.nn.Mlp;
import descent.nn.Sequential;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianTest {
    /** The bar for exact Hessians of quadratics. */
    static final double HESSIAN_EXACT = 1e-10;

    static void assertMatrix(double[][] expected, Hessian h, double tol, String where) {
        assertEquals(expected.length, h.dim(), where + ": size");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) Approx.assertClose(expected[i][j], h.get(i, j), tol, where + " entry (" + i + ", " + j + ")");
        }
    }

    @Test
    void quadraticIsExactByAutodiff() {
        // f = x²/2 + 3xy + 2y² − z² + yz : H = [[1, 3, 0], [3, 4, 1], [0, 1, -2]] everywhere
        Objective f = Functions.auto("quadratic", 3, v -> Var.sum(v[0].square().times(0.5), v[0].times(v[1]).times(3),
                v[1].square().times(2), v[2].square().neg(), v[1].times(v[2])));
        Hessian h = Hessian.of(f, Vec.of(0.3, -1.7, 2.5));
        assertTrue(h.method().startsWith("exact"), h.method());
        assertMatrix(new double[][] {{1, 3, 0}, {3, 4, 1}, {0, 1, -2}}, h, HESSIAN_EXACT, "quadratic");
    }

    @Test
    void saddleIsExact() {
        Hessian h = Hessian.of(Functions.saddle(), Vec.of(0, 0));
        assertMatrix(new double[][] {{2, 0}, {0, -2}}, h, HESSIAN_EXACT, "x² − y² (analytic gradient)");
        Hessian auto = Hessian.of(Functions.auto("saddle", (x, y) -> x.square().minus(y.square())), Vec.of(0.7, -3));
        assertMatrix(new double[][] {{2, 0}, {0, -2}}, auto, HESSIAN_EXACT, "x² − y² (autodiff)");
        Approx.assertClose(new double[] {-2, 2}, h.eigenvalues().toArray(), HESSIAN_EXACT, "saddle eigenvalues");
    }

    @Test
    void autodiffMatchesHandDerivedRosenbrockAndOtherOps() {
        // Rosenbrock (1−x)² + 100(y−x²)²: H = [[2 − 400y + 1200x², −400x], [−400x, 200]]
        double x = -0.8, y = 1.3;
        Objective rosenbrock = Functions.auto("Rosenbrock", (a, b) -> Var.of(1).minus(a).square()
                .plus(b.minus(a.square()).square().times(100)));
        Hessian h = Hessian.of(rosenbrock, Vec.of(x, y));
        assertMatrix(new double[][] {{2 - 400 * y + 1200 * x * x, -400 * x}, {-400 * x, 200}}, h, 1e-12, "Rosenbrock");
        // every other Var operation, checked against central differences of the exact gradient
        Objective g = Functions.auto("all ops", 2, v -> Var.sum(v[0].div(v[1]), v[0].pow(3.5), v[0].pow(v[1]),
                v[1].sqrt(), v[0].exp().times(v[1]), v[1].log(), v[0].sin().times(v[1].cos()), v[0].tanh().times(v[1]),
                v[1].sigmoid().times(v[0]), v[0].minus(v[1]).abs(), v[0].plus(1).relu(), v[0].neg().times(2).div(3)));
        Vec p = Vec.of(0.6, 1.4);
        Hessian exact = Hessian.of(g, p);
        double[][] fd = Hessian.centralDifference(g, p, 1e-5);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++)
            Approx.assertClose(fd[i][j], exact.get(i, j), Approx.GRADIENT, "all ops entry (" + i + ", " + j + ")");
    }

    @Test
    void powAtZeroFailsClearly() {
        Objective f = Functions.auto("x^3", x -> x.pow(3));
        var e = assertThrows(IllegalArgumentException.class, () -> AutoHessian.hvp(f, Vec.of(0), Vec.of(1)));
        assertTrue(e.getMessage().contains("x.pow(p) at x = 0"), e.getMessage());
    }

    @Test
    void tinyNetworkHessianMatchesCentralDifferencesOfBackprop() {
        for (String act : new String[] {"tanh", "sigmoid", "relu"}) {
            Mlp net = Mlp.of(2, 3, 3, 2).seed(5);
            net = act.equals("tanh") ? net.tanh() : act.equals("sigmoid") ? net.sigmoid() : net.relu();
            var data = Datasets.spirals(6, 0.1, 3);
            NetworkLoss f = NetworkLoss.of(net, data);
            Vec theta = f.point();
            Hessian h = Hessian.of(f, theta);
            // the reference: central differences of the gradient that the network's own backward pass computes
            double[][] fd = Hessian.centralDifference(new BackpropObjective(net, data.x(), data.oneHot()), theta, 1e-5);
            double scale = 0;
            for (double[] row : fd) for (double v : row) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < h.dim(); i++) {
                for (int j = 0; j < h.dim(); j++) {
                    double err = Math.abs(h.get(i, j) - fd[i][j]) / scale;
                    assertTrue(err < 1e-6, act + " network: H(" + i + ", " + j + ") = " + h.get(i, j)
                            + " but central differences of backprop give " + fd[i][j] + " (relative error " + err + ")");
                }
            }
        }
    }

    @Test
    void networkGradientAndLossEqualBackprop() {
        Mlp net = Mlp.of(2, 4, 2).tanh().seed(2);
        var data = Datasets.spirals(5, 0.1, 1);
        NetworkLoss f = NetworkLoss.of(net, data);
        var ref = new BackpropObjective(net, data.x(), data.oneHot());
        Vec theta = f.point();
        Approx.assertClose(ref.value(theta), f.value(theta), 1e-14, "loss");
        Approx.assertClose(ref.gradient(theta).toArray(), f.gradient(theta).toArray(), 1e-14, "gradient");
    }

    @Test
    void mseNetworkAndHvpAgreeWithFullHessian() {
        Sequential net = Sequential.of(Layers.dense(3, 4, 1), Layers.sigmoid(), Layers.dense(4, 2, 2));
        Matrix x = Matrix.of(new double[][] {{0.1, -0.4, 0.9}, {1.2, 0.3, -0.5}, {-0.7, 0.8, 0.2}});
        Matrix t = Matrix.of(new double[][] {{1, 0}, {0.5, -1}, {0, 2}});
        NetworkLoss f = NetworkLoss.of(net, Losses.mse(), x, t);
        Vec theta = f.point();
        Hessian h = Hessian.of(f, theta);
        double[][] fd = Hessian.centralDifference(new BackpropObjective(net, Losses.mse(), x, t), theta, 1e-5);
        for (int i = 0; i < h.dim(); i++) for (int j = 0; j < h.dim(); j++)
            Approx.assertClose(fd[i][j], h.get(i, j), 1e-6, "MSE network H(" + i + ", " + j + ")");
        Vec v = Vec.of(new java.util.SplittableRandom(3).doubles(f.dim(), -1, 1).toArray());
        Approx.assertClose(h.times(v).toArray(), f.hvp(theta, v).toArray(), 1e-13, "H·v against the full Hessian times v");
    }

    @Test
    void unsupportedLayersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> NetworkLoss.of(Mlp.of(2, 3, 2).relu().batchNorm().seed(1), Datasets.spirals(4, 0.1, 1)));
        assertTrue(e.getMessage().contains("BatchNorm"), e.getMessage());
    }

    @Test
    void evaluatingDoesNotChangeTheNetworkAndBadPointsLeaveItUnchanged() {
        Mlp net = Mlp.of(2, 3, 2).relu().seed(4);
        NetworkLoss f = NetworkLoss.of(net, Datasets.spirals(4, 0.1, 1));
        Vec before = f.point();
        f.hvp(before.scale(2), before);
        assertEquals(before, f.point(), "hvp must not write into the network");
        double[] bad = before.toArray();
        bad[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> f.setPoint(Vec.of(bad)));
        assertEquals(before, f.point(), "a rejected setPoint leaves the network as it was");
    }
}
