package descent.schedule;

import java.util.Locale;

/** Validation and number formatting shared by the schedules, in the same words as the optimizers'. */
final class Num {
    private Num() {
    }

    static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("Invalid " + name + ": " + v + "; expected a whole number >= 1.");
        }
        return v;
    }

    /** A decay factor in (0, 1]. */
    static double decay(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + v + "; expected a number in (0, 1], such as 0.5.");
        }
        return v;
    }

    /** A factor in [0, 1]. */
    static double fraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + v + "; expected a number in [0, 1], such as 0.01.");
        }
        return v;
    }

    static double positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + v + "; expected a finite number > 0.");
        }
        return v;
    }

    /** {@code 0.95}, {@code 1e-08}: as the optimizers print numbers (PyTorch's style for small ones). */
    static String format(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + (exp < 0 ? "e-" : "e+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
}
