package descent.fn;

import descent.base.Check;
import descent.base.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How far two gradient sources for the same function disagree, over some points.
 *
 * <pre>{@code
 * var f = Functions.rosenbrock();                          // analytic gradient
 * GradientCheck.of(f, Vec.of(0.5, 0.5));                   // vs central difference, h = 1e-4: maxRelError=3.92e-08
 * var auto = Functions.auto("rosen", (x, y) -> x.minus(1).square().plus(y.minus(x.square()).square().times(100)));
 * GradientCheck.of(f, auto, Vec.of(-1, 2));                // analytic vs automatic: maxAbsError=0
 * GradientCheck.random(f, Gradients.numerical(f), 20, 2.0, 42)   // 20 random points in [-2, 2]^2
 * }</pre>
 *
 * <pre>
 *   absolute error = max_i |a_i − b_i|
 *   relative error = max_i |a_i − b_i| / max(|a_i|, |b_i|)     (0 where both are 0)
 * </pre>
 * taken over every coordinate of every point; {@code worstAt} is the point with the largest relative error. A point
 * with a NaN or infinite coordinate, or a source whose gradient is not finite at a point, is an error naming both.
 * The relative definition is CS231n's "gradient check"; values below ~1e-7 mean the two sources agree.
 *
 * @param a          the first source (its toString)
 * @param b          the second source
 * @param points     how many points were compared
 * @param maxAbsError largest absolute difference of a partial derivative
 * @param maxRelError largest relative difference of a partial derivative
 * @param worstAt    where the largest relative difference occurred
 */
public record GradientCheck(String a, String b, int points, double maxAbsError, double maxRelError, Vec worstAt) {

    /** f's own gradient against a central difference with the book's h = 1e-4. */
    public static GradientCheck of(Objective f, Vec... points) {
        return of(f, Gradients.numerical(f), points);
    }

    /** Two gradient sources of the same function (e.g. analytic vs automatic) at these points. */
    public static GradientCheck of(Objective a, Objective b, Vec... points) {
        return of(a, b, List.of(points));
    }

    /** Two gradient sources at these points. */
    public static GradientCheck of(Objective a, Objective b, List<Vec> points) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("Cannot compare gradients of functions with " + a.dim() + " and " + b.dim()
                    + " inputs; both sources must describe the same function.");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("GradientCheck needs at least one point; got none. Try Vec.of(0.5, -1).");
        }
        double maxAbs = 0, maxRel = 0;
        Vec worst = points.get(0);
        for (Vec p : points) {
            a.checkInput(p);
            if (!p.isFinite()) {
                throw new IllegalArgumentException("GradientCheck at " + p + ": the point has a NaN or infinite coordinate, where"
                        + " every gradient is meaningless; use finite points such as Vec.of(0.5, -1).");
            }
            Vec ga = finiteGradient(a, p), gb = finiteGradient(b, p);
            for (int i = 0; i < ga.dim(); i++) {
                double x = ga.get(i), y = gb.get(i);
                double abs = Math.abs(x - y);
                double scale = Math.max(Math.abs(x), Math.abs(y));
                double rel = abs == 0 ? 0 : abs / scale;
                maxAbs = Math.max(abs, maxAbs);
                if (rel > maxRel) {
                    maxRel = rel;
                    worst = p;
                }
            }
        }
        return new GradientCheck(a.toString(), b.toString(), points.size(), maxAbs, maxRel, worst);
    }

    /** The gradient of f at p, checked where it is used: a NaN or infinite partial derivative names f and p. */
    private static Vec finiteGradient(Objective f, Vec p) {
        Vec g = f.gradient(p);
        if (!g.isFinite()) {
            double v = f.value(p);
            throw new IllegalArgumentException("GradientCheck: the gradient of " + f + " at " + p + " is " + g
                    + (Double.isFinite(v) ? " although f = " + v + " there; check the gradient function."
                            : " and f = " + v + " there: the function is not defined at this point; use points inside its domain."));
        }
        return g;
    }

    /**
     * Two sources at {@code count} points drawn uniformly from the box [−radius, radius]^n with this seed
     * (same seed, same points).
     */
    public static GradientCheck random(Objective a, Objective b, int count, double radius, long seed) {
        Check.positive("number of points", count);
        Check.positive("radius", radius, "such as 2.0");
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Vec> pts = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] p = new double[a.dim()];
            for (int i = 0; i < p.length; i++) p[i] = rnd.nextDouble(-radius, radius);
            pts.add(Vec.of(p));
        }
        return of(a, b, pts);
    }

    /** True when the relative error is below {@code tolerance}. */
    public boolean passes(double tolerance) {
        return maxRelError < tolerance;
    }

    @Override
    public String toString() {
        return "GradientCheck(" + a + " vs " + b + ", " + points + " points, maxAbsError=" + Format.number(maxAbsError, 3)
                + ", maxRelError=" + Format.number(maxRelError, 3) + ", worstAt=" + worstAt + ")";
    }
}
