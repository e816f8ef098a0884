package descent.tensor;

import descent.base.Format;
import java.util.Arrays;

/**
 * A dense row-major matrix of doubles, batch × features: the one array type layers and datasets share.
 *
 * <pre>{@code
 * var m = Matrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
 * m.rows();      // 2
 * m.get(1, 2);   // 6.0
 * m              // Matrix(2x3)[[1, 2, 3], [4, 5, 6]]
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

    // ---------------------------------------------------------------- matrix products (through Blas)

    /** this·b, a new matrix. */
    public Matrix times(Matrix b) {
        return timesInto(b, zeros(rows, b.cols));
    }

    /** out ← this·b, written into a preallocated {@code out}; returns {@code out}. */
    public Matrix timesInto(Matrix b, Matrix out) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("Cannot multiply " + shape() + " by " + b.shape() + ": inner sizes "
                    + cols + " and " + b.rows + " differ.");
        }
        checkOut("this·b", rows, b.cols, out);
        Blas.gemm(false, false, 1.0, this, b, 0.0, out);
        return out;
    }

    /** thisᵀ·b, a new matrix: the weight gradient xᵀ·dy of a dense layer. */
    public Matrix transposeTimes(Matrix b) {
        return transposeTimesInto(b, zeros(cols, b.cols));
    }

    /** out ← thisᵀ·b into a preallocated {@code out}; returns {@code out}. */
    public Matrix transposeTimesInto(Matrix b, Matrix out) {
        if (rows != b.rows) {
            throw new IllegalArgumentException("Cannot multiply the transpose of " + shape() + " by " + b.shape()
                    + ": both need the same number of rows, but they have " + rows + " and " + b.rows + ".");
        }
        checkOut("thisᵀ·b", cols, b.cols, out);
        Blas.gemm(true, false, 1.0, this, b, 0.0, out);
        return out;
    }

    /** this·bᵀ, a new matrix: the input gradient dy·Wᵀ of a dense layer. */
    public Matrix timesTranspose(Matrix b) {
        return timesTransposeInto(b, zeros(rows, b.rows));
    }

    /** out ← this·bᵀ into a preallocated {@code out}; returns {@code out}. */
    public Matrix timesTransposeInto(Matrix b, Matrix out) {
        if (cols != b.cols) {
            throw new IllegalArgumentException("Cannot multiply " + shape() + " by the transpose of " + b.shape()
                    + ": both need the same number of columns, but they have " + cols + " and " + b.cols + ".");
        }
        checkOut("this·bᵀ", rows, b.rows, out);
        Blas.gemm(false, true, 1.0, this, b, 0.0, out);
        return out;
    }

    private static void checkOut(String what, int r, int c, Matrix out) {
        if (out.rows != r || out.cols != c) {
            throw new IllegalArgumentException("Output for " + what + " must be " + r + "x" + c + " but is "
                    + out.shape() + ".");
        }
    }

    // ---------------------------------------------------------------- row vectors, sums, buffers

    /** Adds the 1×cols {@code row} to every row, in place (a bias); returns this. */
    public Matrix addToEachRow(Matrix row) {
        if (row.rows != 1 || row.cols != cols) {
            throw new IllegalArgumentException("Cannot add " + row.shape() + " to each row of " + shape()
                    + "; expected a 1x" + cols + " row.");
        }
        double[] r = row.data;
        for (int i = 0, o = 0; i < rows; i++, o += cols) {
            for (int j = 0; j < cols; j++) data[o + j] += r[j];
        }
        return this;
    }

    /** out ← the sum of each column, as a 1×cols row (a bias gradient); returns {@code out}. */
    public Matrix columnSumsInto(Matrix out) {
        checkOut("column sums", 1, cols, out);
        double[] s = out.data;
        java.util.Arrays.fill(s, 0.0);
        for (int i = 0, o = 0; i < rows; i++, o += cols) {
            for (int j = 0; j < cols; j++) s[j] += data[o + j];
        }
        return out;
    }

    /** The sum of each column, a new 1×cols row. */
    public Matrix columnSums() {
        return columnSumsInto(zeros(1, cols));
    }

    /** The transpose, a new matrix (for display and tests; products never need it). */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) t.data[j * rows + i] = data[i * cols + j];
        }
        return t;
    }

    /** Sets every value; returns this. */
    public Matrix fill(double v) {
        Arrays.fill(data, v);
        return this;
    }

    /** Copies the values of a matrix of the same shape into this one; returns this. */
    public Matrix copyFrom(Matrix other) {
        requireSameShape(other, "copy");
        System.arraycopy(other.data, 0, data, 0, data.length);
        return this;
    }

    /** Throws, naming both shapes, unless {@code other} has this shape. */
    public void requireSameShape(Matrix other, String operation) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("Cannot " + operation + " " + other.shape() + " and " + shape()
                    + ": the shapes differ.");
        }
    }

    /**
     * {@code buffer} when it already has this shape, else a new zero matrix: how layers keep their output and
     * gradient buffers across steps while the batch shape stays the same.
     */
    public static Matrix reuse(Matrix buffer, int rows, int cols) {
        return buffer != null && buffer.rows == rows && buffer.cols == cols ? buffer : zeros(rows, cols);
    }

    /** Whether two matrices have the same shape. */
    public boolean sameShape(Matrix other) {
        return other.rows == rows && other.cols == cols;
    }

    /** The column of the largest value in row r (the first one on ties): the predicted class. */
    public int argmaxOfRow(int r) {
        int o = index(r, 0), best = 0;
        for (int j = 1; j < cols; j++) {
            if (data[o + j] > data[o + best]) best = j;
        }
        return best;
    }

    /** The Frobenius norm √(Σ v²). */
    public double norm() {
        double s = 0;
        for (double v : data) s += v * v;
        return Math.sqrt(s);
    }

    /** The index in {@link #data()} of the first NaN or infinite value, or -1 when all are finite. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) return i;
        }
        return -1;
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
                sb.append(Format.number(get(r, c), 6));
            }
            if (cols > shownCols) sb.append(", ...");
            sb.append(']');
        }
        if (rows > shownRows) sb.append(", ...");
        return sb.append(']').toString();
    }
}
