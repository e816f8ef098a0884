package descent.base;

/**
 * Argument checks with one wording, so every bad value is reported the same way: the name, the value, what was
 * expected and, where it helps, a hint.
 *
 * <pre>{@code
 * double lr = Check.positive("learning rate", 0.3, "typically between 1e-4 and 1");   // 0.3
 * Check.closedOpen("beta1", 0.9, 0, 1);  // 0.9; with 1.0: Invalid beta1: 1.0; expected a number in [0, 1).
 * Check.atLeast("batch size", 32, 1);    // 32;  with 0:   Invalid batch size: 0; expected a whole number >= 1.
 * // with null: Invalid schedule: null; expected a value, not null; use Schedules.constant() for a fixed ...
 * Check.notNull("schedule", Schedules.constant(), "use Schedules.constant() for a fixed learning rate");
 * }</pre>
 *
 * <pre>
 *  message : Invalid NAME: VALUE; expected EXPECTATION[; HINT].      (PyTorch: "Invalid learning rate: -1")
 *  VALUE   : doubles as Format.repr prints them (-1.0, NaN, 1e-05), so the value shown is the value passed
 *  NaN     : fails every check (no comparison with NaN is true)
 * </pre>
 *
 * Each check returns its argument, so a constructor can check and assign in one line. All throw
 * {@link IllegalArgumentException}.
 */
public final class Check {
    private Check() {
    }

    /** A finite number: not NaN, not infinite. */
    public static double finite(String name, double v) {
        return finite(name, v, "");
    }

    public static double finite(String name, double v, String hint) {
        if (!Double.isFinite(v)) throw invalid(name, v, "a finite number", hint);
        return v;
    }

    /** A finite number {@code > 0}. */
    public static double positive(String name, double v) {
        return positive(name, v, "");
    }

    public static double positive(String name, double v, String hint) {
        if (!(v > 0) || !Double.isFinite(v)) throw invalid(name, v, "a finite number > 0", hint);
        return v;
    }

    /** A finite number {@code >= 0}. */
    public static double nonNegative(String name, double v) {
        return nonNegative(name, v, "");
    }

    public static double nonNegative(String name, double v, String hint) {
        if (!(v >= 0) || !Double.isFinite(v)) throw invalid(name, v, "a finite number >= 0", hint);
        return v;
    }

    /** A whole number {@code >= min}. */
    public static int atLeast(String name, int v, int min) {
        return atLeast(name, v, min, "");
    }

    public static int atLeast(String name, int v, int min, String hint) {
        if (v < min) throw invalid(name, String.valueOf(v), "a whole number >= " + min, hint);
        return v;
    }

    /** A whole number {@code >= 1}. */
    public static int positive(String name, int v) {
        return atLeast(name, v, 1, "");
    }

    /** A whole number {@code >= 0}. */
    public static int nonNegative(String name, int v) {
        return atLeast(name, v, 0, "");
    }

    /** A number in {@code [lo, hi]}. */
    public static double closed(String name, double v, double lo, double hi) {
        return closed(name, v, lo, hi, "");
    }

    public static double closed(String name, double v, double lo, double hi, String hint) {
        if (!(v >= lo && v <= hi)) throw invalid(name, v, interval('[', lo, hi, ']'), hint);
        return v;
    }

    /** A number in {@code [lo, hi)}: a momentum, a decay rate, a dropout probability. */
    public static double closedOpen(String name, double v, double lo, double hi) {
        return closedOpen(name, v, lo, hi, "");
    }

    public static double closedOpen(String name, double v, double lo, double hi, String hint) {
        if (!(v >= lo && v < hi)) throw invalid(name, v, interval('[', lo, hi, ')'), hint);
        return v;
    }

    /** A number in {@code (lo, hi]}: a decay factor. */
    public static double openClosed(String name, double v, double lo, double hi) {
        return openClosed(name, v, lo, hi, "");
    }

    public static double openClosed(String name, double v, double lo, double hi, String hint) {
        if (!(v > lo && v <= hi)) throw invalid(name, v, interval('(', lo, hi, ']'), hint);
        return v;
    }

    /** A number in {@code (lo, hi)}. */
    public static double open(String name, double v, double lo, double hi) {
        return open(name, v, lo, hi, "");
    }

    public static double open(String name, double v, double lo, double hi, String hint) {
        if (!(v > lo && v < hi)) throw invalid(name, v, interval('(', lo, hi, ')'), hint);
        return v;
    }

    /** A probability: a number in {@code [0, 1]}. */
    public static double probability(String name, double p) {
        return closed(name, p, 0, 1, "");
    }

    /** Not null. */
    public static <T> T notNull(String name, T value) {
        return notNull(name, value, "");
    }

    public static <T> T notNull(String name, T value, String hint) {
        if (value == null) throw invalid(name, "null", "a value, not null", hint);
        return value;
    }

    /** Fails unless {@code ok}, with the same wording: for expectations no method above names. */
    public static void that(boolean ok, String name, Object value, String expectation, String hint) {
        if (!ok) throw invalid(name, value instanceof Double d ? Format.repr(d) : String.valueOf(value), expectation, hint);
    }

    /** The exception the checks throw, for callers that test a condition of their own. */
    public static IllegalArgumentException invalid(String name, double value, String expectation, String hint) {
        return invalid(name, Format.repr(value), expectation, hint);
    }

    /** The message: {@code Invalid NAME: VALUE; expected EXPECTATION[; HINT].} */
    public static IllegalArgumentException invalid(String name, String value, String expectation, String hint) {
        StringBuilder sb = new StringBuilder("Invalid ").append(name).append(": ").append(value)
                .append("; expected ").append(expectation);
        if (hint != null && !hint.isBlank()) sb.append("; ").append(hint.strip());
        char last = sb.charAt(sb.length() - 1);
        if (last != '.' && last != '?' && last != '!') sb.append('.');
        return new IllegalArgumentException(sb.toString());
    }

    private static String interval(char open, double lo, double hi, char close) {
        return "a number in " + open + Format.number(lo, 17) + ", " + Format.number(hi, 17) + close;
    }
}
