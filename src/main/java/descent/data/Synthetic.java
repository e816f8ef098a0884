package descent.data;

import descent.base.Format;
import descent.base.Check;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small 2-D classification sets for decision-boundary pictures. Every generator takes the total size {@code n}, a
 * noise level (the standard deviation of Gaussian noise added to each coordinate) and a seed; the rows come out
 * shuffled so that any prefix or batch holds every class. Same arguments, same numbers, bit for bit.
 *
 * <pre>
 * spirals  class c, point i of m:  u = i/m,  θ = 3π·u + c·π,  x = u·(cos θ, sin θ) + noise·N(0, I)
 * moons    upper: (cos t, sin t);  lower: (1 − cos t, 0.5 − sin t);  t evenly in [0, π]    (sklearn make_moons)
 * circles  outer: (cos t, sin t);  inner: 0.5·(cos t, sin t);  t evenly in [0, 2π)         (sklearn make_circles)
 * xor      p uniform in [−1, 1]²;  class = 0 if p0·p1 ≥ 0 else 1;  x = p + noise·N(0, I)
 * blobs    class c of k: center (cos 2πc/k, sin 2πc/k) (the origin when k = 1);  x = center + noise·N(0, I)
 * linear   p uniform in [−1, 1]²;  class = 1 if p1 > p0 else 0;  x = p + noise·N(0, I)
 * </pre>
 * Classes get sizes as equal as possible (the first classes get one more when n does not divide). Gaussian numbers come
 * from the Box–Muller transform written out below (not {@code Random.nextGaussian}) with {@code StrictMath}, so they are
 * the same on every JDK and platform.
 */
final class Synthetic {
    private Synthetic() {
    }

    static Dataset spirals(int n, double noise, long seed) {
        check("spirals", n, 2, noise);
        Gen g = new Gen(n, seed);
        int[] sizes = sizes(n, 2);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                double u = (double) i / sizes[c];
                double theta = 3 * Math.PI * u + c * Math.PI;
                g.add(u * StrictMath.cos(theta), u * StrictMath.sin(theta), noise, c);
            }
        }
        return g.dataset(spec("spirals", n, noise, seed), List.of("spiral 0", "spiral 1"));
    }

    static Dataset moons(int n, double noise, long seed) {
        check("moons", n, 2, noise);
        Gen g = new Gen(n, seed);
        int[] sizes = sizes(n, 2);
        for (int i = 0; i < sizes[0]; i++) {
            double t = Math.PI * between(i, sizes[0]);
            g.add(StrictMath.cos(t), StrictMath.sin(t), noise, 0);
        }
        for (int i = 0; i < sizes[1]; i++) {
            double t = Math.PI * between(i, sizes[1]);
            g.add(1 - StrictMath.cos(t), 0.5 - StrictMath.sin(t), noise, 1);
        }
        return g.dataset(spec("moons", n, noise, seed), List.of("upper", "lower"));
    }

    static Dataset circles(int n, double noise, long seed) {
        check("circles", n, 2, noise);
        Gen g = new Gen(n, seed);
        int[] sizes = sizes(n, 2);
        for (int c = 0; c < 2; c++) {
            double r = c == 0 ? 1.0 : 0.5;
            for (int i = 0; i < sizes[c]; i++) {
                double t = 2 * Math.PI * i / sizes[c];
                g.add(r * StrictMath.cos(t), r * StrictMath.sin(t), noise, c);
            }
        }
        return g.dataset(spec("circles", n, noise, seed), List.of("outer", "inner"));
    }

    static Dataset xor(int n, double noise, long seed) {
        check("xor", n, 2, noise);
        Gen g = new Gen(n, seed);
        for (int i = 0; i < n; i++) {
            double a = g.uniform(), b = g.uniform();
            g.add(a, b, noise, a * b >= 0 ? 0 : 1);
        }
        return g.dataset(spec("xor", n, noise, seed), List.of("same sign", "opposite signs"));
    }

    static Dataset blobs(int n, int k, double noise, long seed) {
        Check.that(k >= 1 && k <= 100, "number of blobs", k, "a whole number in [1, 100]", "such as 3");
        check("blobs", n, k, noise);
        Gen g = new Gen(n, seed);
        int[] sizes = sizes(n, k);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double cx = k == 1 ? 0 : StrictMath.cos(2 * Math.PI * c / k), cy = k == 1 ? 0 : StrictMath.sin(2 * Math.PI * c / k);
            for (int i = 0; i < sizes[c]; i++) g.add(cx, cy, noise, c);
            names.add("blob " + c);
        }
        return g.dataset("blobs(n=" + n + ", k=" + k + ", noise=" + noise + ", seed=" + seed + ")", names);
    }

    static Dataset linear(int n, double noise, long seed) {
        check("linear", n, 2, noise);
        Gen g = new Gen(n, seed);
        for (int i = 0; i < n; i++) {
            double a = g.uniform(), b = g.uniform();
            g.add(a, b, noise, b > a ? 1 : 0);
        }
        return g.dataset(spec("linear", n, noise, seed), List.of("below", "above"));
    }

    /** i/(m−1), evenly from 0 to 1 inclusive (0 when m = 1), like numpy's linspace. */
    private static double between(int i, int m) {
        return m == 1 ? 0 : (double) i / (m - 1);
    }

    private static int[] sizes(int n, int k) {
        int[] s = new int[k];
        for (int c = 0; c < k; c++) s[c] = n / k + (c < n % k ? 1 : 0);
        return s;
    }

    private static String spec(String name, int n, double noise, long seed) {
        return name + "(n=" + n + ", noise=" + Format.repr(noise) + ", seed=" + seed + ")";
    }

    private static void check(String name, int n, int classes, double noise) {
        if (n < classes) {
            throw new IllegalArgumentException("Invalid size for " + name + ": n=" + n + "; expected at least " + classes
                    + " (one example per class), such as 200.");
        }
        Check.nonNegative("noise for " + name, noise, "a standard deviation, such as 0.1");
    }

    /** Collects points, then shuffles them with the same seeded generator. */
    private static final class Gen {
        private final SplittableRandom random;
        private final double[] x;
        private final int[] y;
        private int count;
        private double spare;
        private boolean hasSpare;

        Gen(int n, long seed) {
            random = new SplittableRandom(seed);
            x = new double[2 * n];
            y = new int[n];
        }

        double uniform() {
            return 2 * random.nextDouble() - 1;
        }

        void add(double a, double b, double noise, int label) {
            x[2 * count] = a + noise * gaussian();
            x[2 * count + 1] = b + noise * gaussian();
            y[count++] = label;
        }

        /** Box–Muller: two uniforms give two independent standard normals; the second is kept for the next call. */
        double gaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2 * StrictMath.log(u1));
            spare = r * StrictMath.sin(2 * Math.PI * u2);
            hasSpare = true;
            return r * StrictMath.cos(2 * Math.PI * u2);
        }

        Dataset dataset(String name, List<String> classNames) {
            int n = y.length;
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t0 = x[2 * i], t1 = x[2 * i + 1];
                x[2 * i] = x[2 * j];
                x[2 * i + 1] = x[2 * j + 1];
                x[2 * j] = t0;
                x[2 * j + 1] = t1;
                int ty = y[i];
                y[i] = y[j];
                y[j] = ty;
            }
            return new Dataset(name, Matrix.wrap(n, 2, x), y, classNames);
        }
    }
}
