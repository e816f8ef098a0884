package descent.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static descent.Approx.TIGHT;
import static descent.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.*;

class SyntheticTest {
    /** "label:(x, y)" with coordinates rounded to 1e-9, sorted: compares point sets regardless of shuffling. */
    private static TreeSet<String> points(Dataset d) {
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < d.size(); i++) {
            // cos(3π/2) is −1.8e−16, which prints as −0.000000000: treat it as the 0 it stands for
            s.add(String.format(Locale.ROOT, "%d:(%.9f, %.9f)", d.label(i), d.x().get(i, 0), d.x().get(i, 1))
                    .replace("-0.000000000", "0.000000000"));
        }
        return s;
    }

    private static TreeSet<String> set(String... s) {
        return new TreeSet<>(List.of(s));
    }

    @Test
    void noiselessShapesMatchTheFormulasByHand() {
        // spirals, 2 points per class: u = 0, 1/2; θ = 3π·u + c·π → (0,0), (0,−1/2) for class 0; (0,0), (0,1/2) for class 1
        assertEquals(set("0:(0.000000000, 0.000000000)", "0:(0.000000000, -0.500000000)",
                "1:(0.000000000, 0.000000000)", "1:(0.000000000, 0.500000000)"), points(Datasets.spirals(4, 0, 1)));
        // moons: upper t = 0, π → (1,0), (−1,0); lower (1 − cos t, 0.5 − sin t) → (0, 0.5), (2, 0.5)
        assertEquals(set("0:(1.000000000, 0.000000000)", "0:(-1.000000000, 0.000000000)",
                "1:(0.000000000, 0.500000000)", "1:(2.000000000, 0.500000000)"), points(Datasets.moons(4, 0, 1)));
        // circles: t = 0, π on radius 1 and 0.5
        assertEquals(set("0:(1.000000000, 0.000000000)", "0:(-1.000000000, 0.000000000)",
                "1:(0.500000000, 0.000000000)", "1:(-0.500000000, 0.000000000)"), points(Datasets.circles(4, 0, 1)));
        // blobs with k = 4 and no noise sit on their centres (cos 2πc/4, sin 2πc/4)
        assertEquals(set("0:(1.000000000, 0.000000000)", "1:(0.000000000, 1.000000000)",
                "2:(-1.000000000, 0.000000000)", "3:(0.000000000, -1.000000000)"), points(Datasets.blobs(4, 4, 0, 1)));
    }

    @Test
    void xorAndLinearLabelsFollowTheirRuleWithoutNoise() {
        Dataset xor = Datasets.xor(500, 0, 3), lin = Datasets.linear(500, 0, 3);
        for (int i = 0; i < 500; i++) {
            double a = xor.x().get(i, 0), b = xor.x().get(i, 1);
            assertEquals(a * b >= 0 ? 0 : 1, xor.label(i), "xor example " + i);
            assertTrue(Math.abs(a) <= 1 && Math.abs(b) <= 1);
            assertEquals(lin.x().get(i, 1) > lin.x().get(i, 0) ? 1 : 0, lin.label(i), "linear example " + i);
        }
        assertEquals(List.of("same sign", "opposite signs"), xor.classNames());
        assertEquals(List.of("below", "above"), lin.classNames());
    }

    @Test
    void gaussianNoiseHasTheRequestedStandardDeviation() {
        Dataset b = Datasets.blobs(20000, 1, 0.5, 11);
        double[] v = b.x().data();
        double sum = 0, sq = 0;
        for (double x : v) {
            sum += x;
            sq += x * x;
        }
        double mean = sum / v.length, std = Math.sqrt(sq / v.length - mean * mean);
        // 40,000 draws: the mean's standard error is 0.5/200 = 0.0025; allow 4 of them
        assertEquals(0, mean, 0.01);
        assertEquals(0.5, std, 0.01);
    }

    @Test
    void noiseIsBoxMullerOnTheSeededGenerator() {
        // one point of one blob at the origin: (r cos 2πu2, r sin 2πu2) with r = sqrt(−2 ln(1 − u1))
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double u1 = 1.0 - random.nextDouble(), u2 = random.nextDouble();
        double r = Math.sqrt(-2 * StrictMath.log(u1));
        Dataset one = Datasets.blobs(1, 1, 1.0, 7);
        assertEquals(r * StrictMath.cos(2 * Math.PI * u2), one.x().get(0, 0));
        assertEquals(r * StrictMath.sin(2 * Math.PI * u2), one.x().get(0, 1));
    }

    @Test
    void sameSeedSameBitsAndRowsAreShuffled() {
        assertEquals(Datasets.spirals(300, 0.1, 42), Datasets.spirals(300, 0.1, 42));
        assertNotEquals(Datasets.spirals(300, 0.1, 42), Datasets.spirals(300, 0.1, 43));
        Dataset m = Datasets.moons(301, 0.1, 42);
        assertArrayEquals(new int[]{151, 150}, m.classCounts());
        List<Integer> firstTen = new ArrayList<>();
        for (int i = 0; i < 10; i++) firstTen.add(m.label(i));
        assertTrue(firstTen.contains(0) && firstTen.contains(1), "first ten labels " + firstTen);
    }

    @Test
    void namesTellTheSpec() {
        assertEquals("Dataset(spirals(n=200, noise=0.1, seed=42), 200 examples x 2 features, 2 classes)",
                Datasets.spirals(200, 0.1, 42).toString());
        assertEquals("Dataset(blobs(n=90, k=3, noise=0.3, seed=1), 90 examples x 2 features, 3 classes)",
                Datasets.blobs(90, 3, 0.3, 1).toString());
        assertEquals(List.of("blob 0", "blob 1", "blob 2"), Datasets.blobs(90, 3, 0.3, 1).classNames());
        assertEquals(List.of("outer", "inner"), Datasets.circles(10, 0, 1).classNames());
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.moons(1, 0.1, 1));
        assertTrue(e.getMessage().contains("n=1; expected at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.circles(100, -0.1, 1));
        assertTrue(e.getMessage().contains("Invalid noise for circles: -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.xor(100, Double.NaN, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(100, 0, 0.1, 1));
        assertTrue(e.getMessage().contains("Invalid number of blobs: 0"), e.getMessage());
    }

    @Test
    void spiralRadiusGrowsWithAngleWhenNoiseless() {
        Dataset s = Datasets.spirals(200, 0, 5);
        for (int i = 0; i < s.size(); i++) {
            double r = Math.hypot(s.x().get(i, 0), s.x().get(i, 1));
            assertTrue(r < 1.0, "radius " + r);
            // each point is u·(cos θ, sin θ) with θ = 3π·u + cπ: recover u from r and check the angle
            double theta = 3 * Math.PI * r + s.label(i) * Math.PI;
            if (r > 0) {
                assertClose(r * Math.cos(theta), s.x().get(i, 0), TIGHT, "spiral x of example " + i);
                assertClose(r * Math.sin(theta), s.x().get(i, 1), TIGHT, "spiral y of example " + i);
            }
        }
    }
}
