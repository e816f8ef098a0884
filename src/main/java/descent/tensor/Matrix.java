package descent.tensor;

import java.util.Arrays;
import java.util.Locale;

/**
 * A dense row-major matrix of doubles, batch × features: the one array type layers and datasets share.
 *
 * <pre>{@code
 * var m = Matrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
 * m.rows()       // 2
 * m.get(1, 2)    // 6.0
 * m              // Matrix(2x3)[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
 * }</pre>
 *
 * The backing array is exposed through {@link #data()} on purpose: kernels and optimizers update it in place.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Wraps a row-major array without copying; its length must be rows·cols. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        checkShape(rows, cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("Matrix(" + rows + "x" + cols + ") needs " + (long) rows * cols
                    + " values but the array has " + data.length + ".");
        }
        return new Matrix(rows, cols, data);
    }

    /** A copy of a rectangular 2-D array. */
    public static Matrix of(double[][] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Matrix.of needs at least one row; got an empty array.");
        }
        int c = values[0].length;
        Matrix m = zeros(values.length, c);
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("Matrix.of: row " + i + " has " + values[i].length
                        + " values but row 0 has " + c + "; rows must have equal length.");
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    private static void checkShape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("Invalid matrix shape " + rows + "x" + cols + "; both sizes must be >= 1.");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of values, rows·cols. */
    public int size() {
        return data.length;
    }

    /** The live row-major backing array. */
    public double[] data() {
        return data;
    }

    public double get(int r, int c) {
        return data[index(r, c)];
    }

    public void set(int r, int c, double v) {
        data[index(r, c)] = v;
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("Index (" + r + ", " + c + ") is outside Matrix(" + rows + "x" + cols + ").");
        }
        return r * cols + c;
    }

    /** A copy of row r. */
    public double[] row(int r) {
        return Arrays.copyOfRange(data, index(r, 0), r * cols + cols);
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** {@code "2x3"}, for error messages that name both shapes. */
    public String shape() {
        return rows + "x" + cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** Small matrices in full; large ones as their shape and the first rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix(").append(shape()).append(")[");
        int shownRows = Math.min(rows, 4), shownCols = Math.min(cols, 6);
        for (int r = 0; r < shownRows; r++) {
            if (r > 0) sb.append(", ");
            sb.append('[');
            for (int c = 0; c < shownCols; c++) {
                if (c > 0) sb.append(", ");
                sb.append(String.format(Locale.ROOT, "%.6g", get(r, c)).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e"));
            }
            if (cols > shownCols) sb.append(", ...");
            sb.append(']');
        }
        if (rows > shownRows) sb.append(", ...");
        return sb.append(']').toString();
    }
}
