package descent.data;

import descent.base.Check;
import descent.tensor.DType;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled examples for classification: one row of {@code x} per example and an integer class label for each.
 *
 * <pre>{@code
 * var d = new Dataset("toy", Matrix.of(new double[][]{{0, 0}, {1, 1}}), new int[]{0, 1}, List.of("no", "yes"));
 * d;           // Dataset(toy, 2 examples x 2 features, 2 classes)
 * d.oneHot();  // Matrix(2x2)[[1, 0], [0, 1]]
 * d.toTable(); // x0, x1, label, class
 * Datasets.fashionMnist().train().sample(1000, 42);  // 1000 random examples, the same ones for seed 42
 * Datasets.fashionMnist().train().to(DType.FLOAT32)   // a copy with float features (half the bytes), for a float32 model
 * }</pre>
 *
 * <p>The features are float64 unless {@link #to} made a float32 copy. A float32 model trains on either; from float32
 * features its batches are plain copies instead of a rounding of each value, as numpy's or PyTorch's float32 arrays
 * are (docs/performance.md, "float32 training").
 */
public final class Dataset {
    private final String name;
    private final Matrix x;
    private final int[] labels;
    private final List<String> classNames;

    /** Keeps {@code x} as given (not copied) and a copy of the labels; labels must lie in [0, classNames.size()). */
    public Dataset(String name, Matrix x, int[] labels, List<String> classNames) {
        if (x.rows() != labels.length) {
            throw new IllegalArgumentException("Dataset '" + name + "' has " + x.rows() + " rows of features but "
                    + labels.length + " labels; each example needs exactly one label.");
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("Dataset '" + name + "' needs at least one class name.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Dataset '" + name + "': label " + labels[i] + " of example " + i
                        + " is outside [0, " + classNames.size() + "); expected one of the " + classNames.size() + " classes.");
            }
        }
        this.name = name;
        this.x = x;
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    /** The features' element type: {@link DType#FLOAT64} unless they were made float32 ({@link #to}). */
    public DType dtype() {
        return x.dtype();
    }

    /**
     * The same examples with the features in {@code dtype}: this data set itself if they already are, else a copy
     * (float64 to float32 rounds each value to the nearest float). Scalers and plots read either.
     */
    public Dataset to(DType dtype) {
        Check.notNull("dtype", dtype, "DType.FLOAT32 or DType.FLOAT64");
        return dtype == x.dtype() ? this : new Dataset(name, x.to(dtype), labels, classNames);
    }

    public String name() {
        return name;
    }

    /** The features, one example per row (the live matrix). */
    public Matrix x() {
        return x;
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    public int label(int i) {
        return labels[i];
    }

    public int size() {
        return labels.length;
    }

    public int features() {
        return x.cols();
    }

    public int classes() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Labels as one-hot rows: example i has a 1 in column labels[i]. */
    public Matrix oneHot() {
        Matrix m = Matrix.zeros(size(), classes());
        for (int i = 0; i < labels.length; i++) m.set(i, labels[i], 1.0);
        return m;
    }

    /** The examples at these row indices, copied, in this order (indices may repeat). */
    public Dataset rows(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("Dataset '" + name + "': cannot take an empty selection of rows; pick at least one index.");
        }
        int c = x.cols();
        Matrix picked = Matrix.zeros(indices.length, c, x.dtype());
        int[] ys = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("Dataset '" + name + "' has rows 0.." + (size() - 1) + "; asked for row " + i + ".");
            }
            System.arraycopy(x.array(), i * c, picked.array(), k * c, c);   // double[] or float[], as x holds them
            ys[k] = labels[i];
        }
        return new Dataset(name, picked, ys, classNames);
    }

    /** The first {@code n} examples (all of them if there are fewer). */
    public Dataset head(int n) {
        Check.atLeast("head size", n, 1, "for Dataset '" + name + "'");
        int m = Math.min(n, size());
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) idx[i] = i;
        return rows(idx);
    }

    /**
     * {@code n} distinct examples drawn at random (a seeded partial Fisher–Yates shuffle), in the order drawn;
     * the same seed picks the same examples.
     */
    public Dataset sample(int n, long seed) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("Dataset '" + name + "': cannot sample " + n + " distinct examples from "
                    + size() + "; expected 1.." + size() + ".");
        }
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return rows(Arrays.copyOf(order, n));
    }

    /** The same examples under another name (shares the feature matrix). */
    public Dataset withName(String newName) {
        return new Dataset(newName, x, labels, classNames);
    }

    /** The same labels and class names with other features, e.g. scaled ones; {@code newX} needs one row per example. */
    public Dataset withX(Matrix newX) {
        return new Dataset(name, newX, labels, classNames);
    }

    /**
     * One row per example: feature columns {@code x0, x1, ...}, then {@code label} and {@code class} (its name).
     * Meant for small sets such as the 2-D ones; Fashion-MNIST would give 786 columns.
     */
    public Table toTable() {
        Table t = Table.create(name);
        int c = x.cols();
        for (int j = 0; j < c; j++) {
            double[] col = new double[size()];
            for (int i = 0; i < col.length; i++) col[i] = x.get(i, j);
            t.addColumns(DoubleColumn.create("x" + j, col));
        }
        t.addColumns(IntColumn.create("label", labels.clone()));
        StringColumn names = StringColumn.create("class");
        for (int y : labels) names.append(classNames.get(y));
        t.addColumns(names);
        return t;
    }

    /** Number of examples of each class, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int y : labels) counts[y]++;
        return counts;
    }

    @Override
    public String toString() {
        return "Dataset(" + name + ", " + size() + " examples x " + features() + " features, " + classes() + " classes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && d.name.equals(name) && d.x.equals(x) && Arrays.equals(d.labels, labels)
                && d.classNames.equals(classNames);
    }

    @Override
    public int hashCode() {
        return 31 * x.hashCode() + Arrays.hashCode(labels);
    }
}
