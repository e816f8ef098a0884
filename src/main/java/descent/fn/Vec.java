package descent.fn;

import descent.base.Format;
import descent.base.Check;

import java.util.Arrays;

/**
 * An immutable point or direction in R^n, small enough to print.
 *
 * <pre>{@code
 * var p = Vec.of(-7, 2);
 * p.plus(Vec.of(1, 1)).scale(2);  // Vec[-12.0, 6.0]
 * p.norm()                        // 7.280109889280518
 * }</pre>
 *
 * Arrays go in and out by copy, so a {@code Vec} never changes under you.
 */
public final class Vec {
    private final double[] values;

    private Vec(double[] values) {
        this.values = values;
    }

    /** A vector with these coordinates. */
    public static Vec of(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Vec.of() needs at least one coordinate; got none. Try Vec.of(-7, 2).");
        }
        return new Vec(values.clone());
    }

    /** The zero vector of dimension n. */
    public static Vec zeros(int n) {
        Check.positive("dimension", n);
        return new Vec(new double[n]);
    }

    /** Wraps without copying; only for arrays nobody else holds. */
    static Vec wrap(double[] values) {
        return new Vec(values);
    }

    public int dim() {
        return values.length;
    }

    public double get(int i) {
        if (i < 0 || i >= values.length) {
            throw new IndexOutOfBoundsException("Vec has " + values.length + " coordinates (0.." + (values.length - 1)
                    + "); asked for coordinate " + i + ".");
        }
        return values[i];
    }

    /** A copy of the coordinates. */
    public double[] toArray() {
        return values.clone();
    }

    public Vec plus(Vec o) {
        checkSameDim(o, "plus");
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) r[i] = values[i] + o.values[i];
        return new Vec(r);
    }

    public Vec minus(Vec o) {
        checkSameDim(o, "minus");
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) r[i] = values[i] - o.values[i];
        return new Vec(r);
    }

    public Vec scale(double s) {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) r[i] = values[i] * s;
        return new Vec(r);
    }

    public double dot(Vec o) {
        checkSameDim(o, "dot");
        double s = 0;
        for (int i = 0; i < values.length; i++) s += values[i] * o.values[i];
        return s;
    }

    /** Euclidean length. */
    public double norm() {
        double s = 0;
        for (double v : values) s += v * v;
        return Math.sqrt(s);
    }

    public double distanceTo(Vec o) {
        return minus(o).norm();
    }

    /** True when every coordinate is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (double v : values) if (!Double.isFinite(v)) return false;
        return true;
    }

    private void checkSameDim(Vec o, String op) {
        if (o.values.length != values.length) {
            throw new IllegalArgumentException("Vec." + op + ": dimensions differ, " + values.length + " vs " + o.values.length
                    + "; both vectors must have the same number of coordinates.");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vec v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** {@code Vec[-7.0, 2.0]}: shortest text that reads back to the same doubles ({@link Format#repr}). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Vec[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(Format.repr(values[i]));
        }
        return sb.append(']').toString();
    }
}
