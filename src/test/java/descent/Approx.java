package descent;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one tolerance helper: compares numbers and arrays, and on failure names the index and both values.
 *
 * <pre>{@code
 * Approx.assertClose(expected, actual, Approx.TIGHT, "SGD x after step 3");
 * }</pre>
 */
public final class Approx {
    /** Identical up to a few ulps of rounding: reference tables printed by another tool. */
    public static final double EXACT = 1e-12;
    /** Hand calculations carried through a few operations. */
    public static final double TIGHT = 1e-9;
    /** Central differences against analytic or automatic gradients (relative). */
    public static final double GRADIENT = 1e-6;

    private Approx() {
    }

    /** |expected − actual| ≤ tol·max(1, |expected|). */
    public static void assertClose(double expected, double actual, double tol, String where) {
        if (!close(expected, actual, tol)) {
            fail(where + ": expected " + expected + " but got " + actual + " (difference " + Math.abs(expected - actual)
                    + ", tolerance " + tol + ")");
        }
    }

    public static void assertClose(double[] expected, double[] actual, double tol, String where) {
        if (expected.length != actual.length) {
            fail(where + ": expected " + expected.length + " values but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i], tol)) {
                fail(where + " at index " + i + ": expected " + expected[i] + " but got " + actual[i] + " (difference "
                        + Math.abs(expected[i] - actual[i]) + ", tolerance " + tol + ")");
            }
        }
    }

    private static boolean close(double e, double a, double tol) {
        if (Double.isNaN(e) || Double.isNaN(a)) return Double.isNaN(e) && Double.isNaN(a);
        return Math.abs(e - a) <= tol * Math.max(1.0, Math.abs(e));
    }
}
