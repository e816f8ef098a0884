package descent.train;

import descent.base.Check;
import descent.data.Batches;
import descent.data.Dataset;
import descent.nn.BatchNorm;
import descent.nn.Layer;
import descent.nn.Sequential;
import descent.tensor.DType;
import descent.tensor.Matrix;

/**
 * The trainer's mini-batches: row indices from {@link Batches}, gathered into reused buffers (inputs {@code x},
 * one-hot targets {@code t}, {@code labels}), so that a step allocates no arrays. After a failed step
 * {@link #repeat()} hands out the same batch again, which puts the batch position back where it was.
 */
final class BatchLoader {
    final Matrix x;
    final Matrix t;
    final int[] labels;
    private final int[] rows;
    private final Dataset data;
    private final Batches batches;
    private boolean repeat;

    /** Batches of {@code data} with inputs in {@code dtype}, the model's: a float32 model gets float32 rows, copied
     *  from float32 features ({@link Dataset#to}) or rounded while they are gathered from float64 ones. */
    BatchLoader(Dataset data, int batchSize, long seed, boolean replacement, DType dtype) {
        this.data = data;
        batches = replacement ? Batches.withReplacement(data.size(), batchSize, seed) : Batches.shuffled(data.size(), batchSize, seed);
        int b = batches.batchSize();
        x = Matrix.zeros(b, data.features(), dtype);
        t = Matrix.zeros(b, data.classes());
        labels = new int[b];
        rows = new int[b];
    }

    /** Fills x, t and labels with the next batch (the same one again after {@link #repeat()}). */
    void next() {
        if (!repeat) batches.next(rows);
        repeat = false;
        gather(data, rows, 0, rows.length, x, t, labels);
    }

    /** The row indices of the current batch (live: the next batch overwrites them). */
    int[] rows() {
        return rows;
    }

    /** Fills x, t and labels with these rows (a batch handed out before: the trainer's replay after a failure). */
    void load(int[] batchRows) {
        gather(data, batchRows, 0, batchRows.length, x, t, labels);
    }

    /** Makes the next call of {@link #next()} give the current batch again, as if it had not been drawn. */
    void repeat() {
        repeat = true;
    }

    int batchesPerEpoch() {
        return batches.batchesPerEpoch();
    }

    /**
     * Copies rows[from..from+count) of d into x, their one-hot labels into t and their labels into ys. Rows of the
     * same dtype are copied as they are; float64 features are rounded into a float32 x, float32 ones widened
     * (exactly) into a float64 x.
     */
    static void gather(Dataset d, int[] rows, int from, int count, Matrix x, Matrix t, int[] ys) {
        int c = d.features();
        Matrix features = d.x();
        boolean sameType = features.dtype() == x.dtype();
        t.fill(0);
        for (int k = 0; k < count; k++) {
            int r = rows[from + k];
            if (sameType) {
                System.arraycopy(features.array(), r * c, x.array(), k * c, c);
            } else if (x.isFloat32()) {
                double[] src = features.data();
                float[] dst = x.floats();
                for (int j = 0, a = r * c, b = k * c; j < c; j++) dst[b + j] = (float) src[a + j];
            } else {
                float[] src = features.floats();
                double[] dst = x.data();
                for (int j = 0, a = r * c, b = k * c; j < c; j++) dst[b + j] = src[a + j];
            }
            ys[k] = d.label(r);
            t.set(k, ys[k], 1.0);
        }
    }

    /** Returns d, or throws, naming the value and a fix, unless it fits the model: input width, one output per class, finite values. */
    static Dataset check(Sequential model, Dataset d, String role) {
        Check.notNull(role.toLowerCase() + " data", d, "for example Datasets.spirals(400, 0.05, 1)");
        int in = model.inputWidth().orElse(-1);
        if (in > 0 && in != d.features()) {
            throw new IllegalArgumentException(model.layer(0) + " expects input width " + in + " but got " + d.features()
                    + "; did you leave the label column in x?");
        }
        int out = in > 0 ? model.outputWidth(in) : -1;
        if (out > 0 && out != d.classes()) {
            throw new IllegalArgumentException(model + " gives " + out + " outputs but " + role.toLowerCase() + " data " + d
                    + " has " + d.classes() + " classes; the last layer needs one output per class.");
        }
        int bad = d.x().firstNonFinite();
        if (bad >= 0) {
            int c = d.features();
            throw new IllegalArgumentException(role + " data " + d + " has " + d.x().flat(bad) + " at row " + bad / c
                    + ", column " + bad % c + "; remove or impute non-finite values before training.");
        }
        return d;
    }

    /** Throws unless batches of this size (cut to the data set's size) suit the model's batch-norm layers. */
    static void checkBatchSize(Sequential model, int batchSize, Dataset d) {
        int b = Math.min(batchSize, d.size());
        for (Layer l : model.layers()) {
            if (l instanceof BatchNorm && b < 2) {
                throw new IllegalArgumentException(l + " needs at least 2 examples per batch to estimate a variance, but "
                        + "this trainer's batches would have " + b + " (batch size " + batchSize + ", " + d.size()
                        + " training examples); use a batch size of 2 or more, such as batchSize(32).");
            }
        }
    }
}
