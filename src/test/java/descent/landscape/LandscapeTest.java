package descent.landscape;

import descent.Approx;
import descent.data.Datasets;
import descent.fn.Vec;
import descent.nn.Mlp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LandscapeTest {
    private final NetworkLoss f = NetworkLoss.of(Mlp.of(2, 5, 4, 2).relu().seed(3), Datasets.spirals(15, 0.1, 1));

    @Test
    void planeAndLineEqualTheLossAtEachPoint() {
        Vec c = f.point(), d1 = Landscape.filterNormalized(f, c, 1), d2 = Landscape.filterNormalized(f, c, 2);
        Surface s = Landscape.plane(f, c, d1, d2, -1, 1, -0.5, 0.5, 5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                Vec p = c.plus(d1.scale(s.alphas()[i])).plus(d2.scale(s.betas()[j]));
                Approx.assertClose(f.value(p), s.loss(i, j), 1e-12, "loss at grid point (" + i + ", " + j + ")");
                Approx.assertClose(f.evaluate(p).accuracy(), s.accuracy(i, j), 0, "accuracy at grid point (" + i + ", " + j + ")");
            }
        }
        var line = Landscape.line(f, c, d1, -1, 1, 3);
        Approx.assertClose(f.value(c.minus(d1)), line.doubleColumn("loss").get(0), 1e-12, "line at α = -1");
        Approx.assertClose(f.value(c), line.doubleColumn("loss").get(1), 1e-12, "line at α = 0");
    }

    @Test
    void filterNormalizedDirectionsHaveTheWeightsNormPerUnitAndNoBias() {
        Vec c = f.point(), d = Landscape.filterNormalized(f, c, 9);
        for (NetworkLoss.Block b : f.blocks()) {
            for (int j = 0; j < b.cols(); j++) {
                double dn = 0, tn = 0;
                for (int i = 0; i < b.rows(); i++) {
                    int k = b.offset() + i * b.cols() + j;
                    dn += d.get(k) * d.get(k);
                    tn += c.get(k) * c.get(k);
                }
                Approx.assertClose(b.weight() ? Math.sqrt(tn) : 0, Math.sqrt(dn), 1e-12,
                        (b.weight() ? "weights" : "bias") + " block at " + b.offset() + ", unit " + j);
            }
        }
        assertEquals(d, Landscape.filterNormalized(f, c, 9), "same seed, same direction");
    }

    @Test
    void pcaRecoversAPlanarPath() {
        Vec e1 = Vec.of(1, 0, 0, 0), e2 = Vec.of(0, 0, 1, 0), end = Vec.of(1, 2, 3, 4);
        List<Vec> path = new ArrayList<>();
        for (int t = 0; t <= 10; t++) path.add(end.plus(e1.scale(3.0 * (10 - t))).plus(e2.scale(Math.sin(t))));
        var pca = Landscape.pca(path);
        Approx.assertClose(1, pca.explained1() + pca.explained2(), 1e-12, "a path in a plane is fully explained");
        Approx.assertClose(1, Math.hypot(pca.d1().dot(e1), pca.d2().dot(e1)), 1e-12, "e1 lies in the PCA plane");
        Approx.assertClose(1, Math.hypot(pca.d1().dot(e2), pca.d2().dot(e2)), 1e-12, "e2 lies in the PCA plane");
        assertEquals(true, Math.abs(pca.d1().dot(e1)) > 0.99, "the long direction comes first: " + pca.d1());
        Approx.assertClose(0, pca.d1().dot(pca.d2()), 1e-12, "directions orthogonal");
        for (int t = 0; t <= 10; t++) {
            Vec diff = path.get(t).minus(path.get(10));
            double a = pca.path().doubleColumn("alpha").get(t), b = pca.path().doubleColumn("beta").get(t);
            Approx.assertClose(diff.norm(), Math.hypot(a, b), 1e-12, "distance to the end preserved at point " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> Landscape.pca(List.of(end, end.plus(e1), end.plus(e1.scale(2)))));
    }
}
