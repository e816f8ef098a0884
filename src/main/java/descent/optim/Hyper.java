package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

/** Checks and formats hyperparameters, so every optimizer rejects bad values with the same words. */
final class Hyper {
    private Hyper() {
    }

    static double learningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr
                    + "; expected a finite number > 0, typically between 1e-4 and 1.");
        }
        return lr;
    }

    /** A decay rate or momentum in [0, 1). */
    static double unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + "; expected a number in [0, 1), such as 0.9.");
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + "; expected a finite number >= 0.");
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + "; expected a finite number > 0, such as 1e-8.");
        }
        return value;
    }

    /** Deep Learning from Scratch's epsilon ({@code 1e-7} in common/optimizer.py), for the book's forms. */
    static final double BOOK_EPS = 1e-7;

    /** A buffer of NaN: "no value yet" (Tablesaw shows it as an empty cell). */
    static double[] nan(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, Double.NaN);
        return r;
    }

    static Schedule schedule(Schedule s) {
        if (s == null) {
            throw new IllegalArgumentException("Schedule is null; use Schedules.constant() for a fixed learning rate.");
        }
        return s;
    }

    /** {@code 0.95}, {@code 1e-08}: short, and the same text for the same double. */
    static String format(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        // Java prints 1.0E-8; PyTorch prints 1e-08. Keep every significant digit, use the familiar form.
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + (exp < 0 ? "e-" : "e+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
    }

    static String scheduleSuffix(Schedule s) {
        return s instanceof descent.schedule.Constant ? "" : ", schedule=" + s;
    }
}
