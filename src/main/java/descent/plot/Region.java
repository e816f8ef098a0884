package descent.plot;

import descent.base.Check;
import descent.base.Format;
import descent.fn.Vec;

import java.util.List;
import java.util.Locale;

/**
 * A rectangle of the plane [xMin, xMax] x [yMin, yMax], where a 2-D function is drawn.
 *
 * <pre>{@code
 * Region.of(-8, 2, -3, 3);                         // Region[x in [-8, 2], y in [-3, 3]]
 * Region.around(List.of(Vec.of(-7, 2), Vec.of(0, 0)), 0.1);   // the points' bounding box, 10% wider each side
 * }</pre>
 */
public record Region(double xMin, double xMax, double yMin, double yMax) {

    public Region {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))
                || !(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("Invalid region x in [" + xMin + ", " + xMax + "], y in [" + yMin + ", "
                    + yMax + "]; expected finite bounds with xMin < xMax and yMin < yMax, e.g. Region.of(-8, 2, -3, 3).");
        }
    }

    /** The rectangle [xMin, xMax] x [yMin, yMax]. */
    public static Region of(double xMin, double xMax, double yMin, double yMax) {
        return new Region(xMin, xMax, yMin, yMax);
    }

    /**
     * The bounding box of 2-D points, widened by {@code margin} times its size on each side (a point or a line
     * gets at least 1 unit around it).
     */
    public static Region around(List<Vec> points, double margin) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("Region.around needs at least one point; got none. "
                    + "Give a path or a Region.of(xMin, xMax, yMin, yMax).");
        }
        Check.nonNegative("margin", margin, "such as 0.1");
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Vec p : points) {
            if (p.dim() != 2) {
                throw new IllegalArgumentException("Region.around takes 2-D points; " + p + " has " + p.dim()
                        + " coordinates.");
            }
            if (!p.isFinite()) continue; // a diverged step should not blow the picture up to infinity
            x0 = Math.min(x0, p.get(0));
            x1 = Math.max(x1, p.get(0));
            y0 = Math.min(y0, p.get(1));
            y1 = Math.max(y1, p.get(1));
        }
        if (x0 > x1) {
            throw new IllegalArgumentException("Region.around: none of the " + points.size()
                    + " points is finite; the run diverged. Give a Region.of(xMin, xMax, yMin, yMax).");
        }
        double dx = Math.max(x1 - x0, 1e-12), dy = Math.max(y1 - y0, 1e-12);
        double mx = Math.max(margin * dx, x1 - x0 < 1e-9 ? 1 : 0), my = Math.max(margin * dy, y1 - y0 < 1e-9 ? 1 : 0);
        return new Region(x0 - mx, x1 + mx, y0 - my, y1 + my);
    }

    /** {@code n} evenly spaced x values from xMin to xMax inclusive. */
    public double[] xs(int n) {
        return linspace(xMin, xMax, n);
    }

    /** {@code n} evenly spaced y values from yMin to yMax inclusive. */
    public double[] ys(int n) {
        return linspace(yMin, yMax, n);
    }

    private static double[] linspace(double a, double b, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("A grid needs at least 2 points per axis; got " + n + ".");
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = a + (b - a) * i / (n - 1);
        return r;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Region[x in [%s, %s], y in [%s, %s]]", Format.number(xMin, 17), Format.number(xMax, 17),
                Format.number(yMin, 17), Format.number(yMax, 17));
    }
}
