package descent.nn;

import descent.tensor.Matrix;

/**
 * How a float32 model runs the kernels whose cost is not in memory traffic (batch norm's statistics, softmax and
 * the losses, a few values per example): the same double code on widened copies of the float inputs, its outputs
 * rounded to float32 once. For float64 matrices it hands out their live arrays, so the double code runs unchanged.
 *
 * <pre>
 *   var wide = new Widening(2);
 *   double[] in = wide.in(x, 0);      // x.data(), or x's floats widened into slot 0
 *   double[] out = wide.out(y, 1);    // y.data(), or a double scratch in slot 1
 *   ... compute out from in, in doubles, as for float64 ...
 *   Widening.narrow(out, y);          // float32: y ← (float) out; float64: nothing to do
 * </pre>
 */
final class Widening {
    private final double[][] slots;

    Widening(int slots) {
        this.slots = new double[slots][];
    }

    /** m's values as doubles: its live array for float64, else its floats widened into slot {@code slot}. */
    double[] in(Matrix m, int slot) {
        if (!m.isFloat32()) return m.data();
        double[] s = scratch(slot, m.size());
        float[] f = m.floats();
        for (int i = 0; i < f.length; i++) s[i] = f[i];
        return s;
    }

    /** Where to compute m's values in doubles: m's live array for float64, else the scratch of slot {@code slot}. */
    double[] out(Matrix m, int slot) {
        return m.isFloat32() ? scratch(slot, m.size()) : m.data();
    }

    private double[] scratch(int slot, int size) {
        if (slots[slot] == null || slots[slot].length != size) slots[slot] = new double[size];
        return slots[slot];
    }

    /** m ← values: rounded once for float32, copied for float64 unless they are m's own array; returns m. */
    static Matrix narrow(double[] values, Matrix m) {
        if (m.isFloat32()) {
            float[] f = m.floats();
            for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        } else if (values != m.data()) {
            System.arraycopy(values, 0, m.data(), 0, values.length);
        }
        return m;
    }
}
