package descent.tensor;

import descent.base.Format;
import java.util.Arrays;

/**
 * A dense row-major matrix, batch × features: the one array type layers and datasets share. It stores doubles
 * ({@link DType#FLOAT64}, the default) or floats ({@link DType#FLOAT32}, for {@code Mlp.of(...).float32()}).
 *
 * <pre>{@code
 * var m = Matrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
 * m.rows();      // 2
 * m.get(1, 2);   // 6.0
 * m.to(DType.FLOAT32);  // Matrix(2x3, float32)[[1, 2, 3], [4, 5, 6]]: a rounded copy
 * m              // Matrix(2x3)[[1, 2, 3], [4, 5, 6]]
 * }</pre>
 *
 * The backing array is exposed through {@link #data()} (float64) or {@link #floats()} (float32) on purpose: kernels
 * and optimizers update it in place. Each kernel here has its two loops side by side, the double one first; a
 * product or an elementwise operation never mixes dtypes (it throws, naming both).
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;    // float64, else null
    private final float[] floats;   // float32, else null

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.floats = null;
    }

    private Matrix(int rows, int cols, float[] floats) {
        this.rows = rows;
        this.cols = cols;
        this.data = null;
        this.floats = floats;
    }

    /** A zero matrix of doubles. */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** A zero matrix of this dtype. */
    public static Matrix zeros(int rows, int cols, DType dtype) {
        if (dtype == DType.FLOAT64) return zeros(rows, cols);
        checkShape(rows, cols);
        return new Matrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    /** Wraps a row-major float array without copying: a float32 matrix. Its length must be rows·cols. */
    public static Matrix wrap(int rows, int cols, float[] floats) {
        checkShape(rows, cols);
        checkLength(rows, cols, floats.length);
        return new Matrix(rows, cols, floats);
    }

    private static void checkLength(int rows, int cols, int length) {
        if (length != (long) rows * cols) {
            throw new IllegalArgumentException("Matrix(" + rows + "x" + cols + ") needs " + (long) rows * cols
                    + " values but the array has " + length + ".");
        }
    }

    /** Wraps a row-major array without copying; its length must be rows·cols. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        checkShape(rows, cols);
        checkLength(rows, cols, data.length);
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
        return rows * cols;
    }

    /** What the values are stored as. */
    public DType dtype() {
        return data != null ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** True for a float32 matrix. */
    public boolean isFloat32() {
        return floats != null;
    }

    /** The live row-major backing array of a float64 matrix; a float32 one throws (use {@link #floats()}). */
    public double[] data() {
        if (data == null) {
            throw new IllegalStateException("Matrix(" + shape() + ", float32) holds floats: use floats(), or to(DType.FLOAT64)"
                    + " for a copy in doubles.");
        }
        return data;
    }

    /** The live row-major backing array of a float32 matrix; a float64 one throws (use {@link #data()}). */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("Matrix(" + shape() + ") holds doubles: use data(), or to(DType.FLOAT32) for a"
                    + " copy in floats.");
        }
        return floats;
    }

    /** The live backing array, {@code double[]} or {@code float[]}: for code that copies values without reading them. */
    public Object array() {
        return data != null ? data : floats;
    }

    public double get(int r, int c) {
        return flat(index(r, c));
    }

    public void set(int r, int c, double v) {
        int i = index(r, c);
        if (data != null) data[i] = v;
        else floats[i] = (float) v;
    }

    /** The value at position {@code i} of the row-major storage, as a double (exact for both dtypes). */
    public double flat(int i) {
        return data != null ? data[i] : floats[i];
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("Index (" + r + ", " + c + ") is outside Matrix(" + rows + "x" + cols + ").");
        }
        return r * cols + c;
    }

    /** A copy of row r, as doubles. */
    public double[] row(int r) {
        int o = index(r, 0);
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) out[j] = flat(o + j);
        return out;
    }

    public Matrix copy() {
        return data != null ? new Matrix(rows, cols, data.clone()) : new Matrix(rows, cols, floats.clone());
    }

    /** A copy in {@code dtype}: exact from float32 to float64, rounded to nearest from float64 to float32. */
    public Matrix to(DType dtype) {
        return zeros(rows, cols, dtype).copyFrom(this);
    }

    /** {@code "2x3"}, for error messages that name both shapes. */
    public String shape() {
        return rows + "x" + cols;
    }

    // ---------------------------------------------------------------- matrix products (through Blas)

    /** this·b, a new matrix. */
    public Matrix times(Matrix b) {
        return timesInto(b, zeros(rows, b.cols, dtype()));
    }

    /** out ← this·b, written into a preallocated {@code out}; returns {@code out}. */
    public Matrix timesInto(Matrix b, Matrix out) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("Cannot multiply " + shape() + " by " + b.shape() + ": inner sizes "
                    + cols + " and " + b.rows + " differ.");
        }
        checkOut("this·b", rows, b.cols, out);
        Blas.gemm(false, false, this, b, out);
        return out;
    }

    /** thisᵀ·b, a new matrix: the weight gradient xᵀ·dy of a dense layer. */
    public Matrix transposeTimes(Matrix b) {
        return transposeTimesInto(b, zeros(cols, b.cols, dtype()));
    }

    /** out ← thisᵀ·b into a preallocated {@code out}; returns {@code out}. */
    public Matrix transposeTimesInto(Matrix b, Matrix out) {
        if (rows != b.rows) {
            throw new IllegalArgumentException("Cannot multiply the transpose of " + shape() + " by " + b.shape()
                    + ": both need the same number of rows, but they have " + rows + " and " + b.rows + ".");
        }
        checkOut("thisᵀ·b", cols, b.cols, out);
        Blas.gemm(true, false, this, b, out);
        return out;
    }

    /** this·bᵀ, a new matrix: the input gradient dy·Wᵀ of a dense layer. */
    public Matrix timesTranspose(Matrix b) {
        return timesTransposeInto(b, zeros(rows, b.rows, dtype()));
    }

    /** out ← this·bᵀ into a preallocated {@code out}; returns {@code out}. */
    public Matrix timesTransposeInto(Matrix b, Matrix out) {
        if (cols != b.cols) {
            throw new IllegalArgumentException("Cannot multiply " + shape() + " by the transpose of " + b.shape()
                    + ": both need the same number of columns, but they have " + cols + " and " + b.cols + ".");
        }
        checkOut("this·bᵀ", rows, b.rows, out);
        Blas.gemm(false, true, this, b, out);
        return out;
    }

    private void checkOut(String what, int r, int c, Matrix out) {
        if (out.rows != r || out.cols != c) {
            throw new IllegalArgumentException("Output for " + what + " must be " + r + "x" + c + " but is "
                    + out.shape() + ".");
        }
        if (out.dtype() != dtype()) requireSameDType(out, "write " + what + " into another dtype");   // builds the message only then
    }

    /**
     * Throws, naming both dtypes, unless {@code other} has this one: kernels never mix float32 and float64 (convert
     * the model with {@code .float32()}, or a matrix with {@link #to}).
     */
    public void requireSameDType(Matrix other, String operation) {
        if (other.dtype() != dtype()) {
            throw new IllegalArgumentException("Cannot " + operation + ": a " + dtype() + " " + shape() + " and a "
                    + other.dtype() + " " + other.shape() + " matrix have different dtypes. Build the whole model in one dtype"
                    + " (Mlp.of(...).float32(), or model.to(DType.FLOAT32)), or convert a matrix with to(DType." + dtype().name() + ").");
        }
    }

    // ---------------------------------------------------------------- row vectors, sums, buffers

    /** Adds the 1×cols {@code row} to every row, in place (a bias); returns this. */
    public Matrix addToEachRow(Matrix row) {
        if (row.rows != 1 || row.cols != cols) {
            throw new IllegalArgumentException("Cannot add " + row.shape() + " to each row of " + shape()
                    + "; expected a 1x" + cols + " row.");
        }
        requireSameDType(row, "add a row to each row");
        if (floats != null) RowLoops.addToEachRow(floats, row.floats);
        else RowLoops.addToEachRow(data, row.data);
        return this;
    }

    /** out ← the sum of each column, as a 1×cols row (a bias gradient); returns {@code out}. */
    public Matrix columnSumsInto(Matrix out) {
        checkOut("column sums", 1, cols, out);
        if (floats != null) RowLoops.columnSums(floats, out.floats);
        else RowLoops.columnSums(data, out.data);
        return out;
    }

    /** The sum of each column, a new 1×cols row. */
    public Matrix columnSums() {
        return columnSumsInto(zeros(1, cols, dtype()));
    }

    /** The transpose, a new matrix (for display and tests; products never need it). */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows, dtype());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (data != null) t.data[j * rows + i] = data[i * cols + j];
                else t.floats[j * rows + i] = floats[i * cols + j];
            }
        }
        return t;
    }

    /** Sets every value; returns this. */
    public Matrix fill(double v) {
        if (data != null) Arrays.fill(data, v);
        else Arrays.fill(floats, (float) v);
        return this;
    }

    /**
     * Copies the values of a matrix of the same shape into this one, converting between dtypes (float64 to float32
     * rounds to nearest; float32 to float64 is exact); returns this.
     */
    public Matrix copyFrom(Matrix other) {
        requireSameShape(other, "copy");
        if (other.dtype() == dtype()) {
            System.arraycopy(other.array(), 0, array(), 0, size());
        } else if (floats != null) {
            double[] from = other.data;
            for (int i = 0; i < floats.length; i++) floats[i] = (float) from[i];
        } else {
            float[] from = other.floats;
            for (int i = 0; i < data.length; i++) data[i] = from[i];
        }
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
        return reuse(buffer, rows, cols, DType.FLOAT64);
    }

    /** {@link #reuse(Matrix, int, int)} for a buffer of this dtype: layers take the dtype of their input. */
    public static Matrix reuse(Matrix buffer, int rows, int cols, DType dtype) {
        return buffer != null && buffer.rows == rows && buffer.cols == cols && buffer.dtype() == dtype ? buffer
                : zeros(rows, cols, dtype);
    }

    /** Whether two matrices have the same shape. */
    public boolean sameShape(Matrix other) {
        return other.rows == rows && other.cols == cols;
    }

    /** The column of the largest value in row r (the first one on ties): the predicted class. */
    public int argmaxOfRow(int r) {
        int o = index(r, 0), best = 0;
        for (int j = 1; j < cols; j++) {
            if (flat(o + j) > flat(o + best)) best = j;
        }
        return best;
    }

    /** The Frobenius norm √(Σ v²). */
    public double norm() {
        double s = 0;
        if (data != null) for (double v : data) s += v * v;
        else for (double v : floats) s += v * v;
        return Math.sqrt(s);
    }

    /** The index in {@link #data()} of the first NaN or infinite value, or -1 when all are finite. */
    public int firstNonFinite() {
        if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                if (!Float.isFinite(floats[i])) return i;
            }
            return -1;
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) return i;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data)
                && Arrays.equals(m.floats, floats);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + (data != null ? Arrays.hashCode(data) : Arrays.hashCode(floats));
    }

    /** Small matrices in full; large ones as their shape and the first rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix(").append(shape()).append(floats != null ? ", float32" : "").append(")[");
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
