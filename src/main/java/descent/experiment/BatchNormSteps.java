package descent.experiment;

import descent.base.Check;
import descent.nn.BatchNorm;
import descent.nn.Layers;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Batch normalization of one small batch, step by step, with a real {@link BatchNorm} layer: what it computes in
 * training, what it remembers, and what it does in evaluation.
 *
 * <pre>
 *   training, per feature j over the N rows:
 *     μ_j = mean(z_j),  σ²_j = mean((z_j − μ_j)²)                    (biased variance)
 *     z̃ = (z − μ) / √(σ² + ε)                                         ε = 1e-5
 *     ẑ = γ·z̃ + β
 *     running_mean ← 0.9·running_mean + 0.1·μ,  running_var likewise   (start at 0 and 1)
 *   evaluation: z̃ = (z − running_mean) / √(running_var + ε), so each example is normalized on its own
 * </pre>
 *
 * Hung-yi Lee, ML2021 P9 (z̃ = (z − μ)/σ, ẑ = γ ⊙ z̃ + β, moving averages for testing); Deep Learning from Scratch §6.3.1.
 *
 * <pre>{@code
 * var bn = BatchNormSteps.of(Matrix.of(new double[][] {{1, 100, -3}, {2, 300, -1}, {3, 200, 0}, {6, 400, 4}}),
 *         new double[] {1, 2, 1}, new double[] {0, 0, 5});
 * bn.statistics();    // feature, mean, variance, std, gamma, beta, runningMean, runningVar
 * bn.normalized();    // z̃: every column has mean 0 and variance 1 (up to ε)
 * bn.output();        // ẑ = γ·z̃ + β
 * bn.running(20);     // the running statistics after each of 20 training passes over the same batch
 * bn.evaluation(50)   // the batch in evaluation mode after 1 and after 50 training passes, next to training mode
 * }</pre>
 */
public final class BatchNormSteps {
    private final Matrix z;
    private final double[] gamma;
    private final double[] beta;
    private final BatchNorm layer;
    private final Matrix normalized;
    private final Matrix output;

    private BatchNormSteps(Matrix z, double[] gamma, double[] beta) {
        this.z = z.copy();
        this.gamma = gamma.clone();
        this.beta = beta.clone();
        this.layer = fresh();
        this.output = layer.forward(this.z).copy();
        // z̃ is ẑ with γ = 1, β = 0: recover it exactly from a second layer instead of dividing by γ
        BatchNorm plain = Layers.batchNorm(z.cols());
        this.normalized = plain.forward(this.z).copy();
    }

    /** One training pass of a BatchNorm layer with these γ and β over the batch {@code z} (one example per row). */
    public static BatchNormSteps of(Matrix z, double[] gamma, double[] beta) {
        int c = z.cols();
        if (gamma.length != c || beta.length != c) {
            throw new IllegalArgumentException("BatchNormSteps: the batch has " + c + " features but gamma has " + gamma.length
                    + " and beta " + beta.length + " values; give one γ and one β per feature (column).");
        }
        if (z.rows() < 2) {
            throw new IllegalArgumentException("BatchNormSteps: a batch of " + z.rows() + " example has no variance; give at least 2 rows.");
        }
        return new BatchNormSteps(z, gamma, beta);
    }

    /** With γ = 1 and β = 0 (a freshly created layer). */
    public static BatchNormSteps of(Matrix z) {
        double[] ones = new double[z.cols()];
        java.util.Arrays.fill(ones, 1);
        return of(z, ones, new double[z.cols()]);
    }

    private BatchNorm fresh() {
        BatchNorm bn = Layers.batchNorm(z.cols());
        System.arraycopy(gamma, 0, bn.gamma().data(), 0, gamma.length);
        System.arraycopy(beta, 0, bn.beta().data(), 0, beta.length);
        return bn;
    }

    /** The batch itself: example, z0, z1, ... */
    public Table input() {
        return matrixTable("batch z (one example per row)", z, "z");
    }

    /** Per feature: batch mean and variance, √(σ² + ε), γ, β, and the running statistics after this one pass. */
    public Table statistics() {
        int n = z.rows(), c = z.cols();
        IntColumn f = IntColumn.create("feature");
        DoubleColumn mean = DoubleColumn.create("mean"), var = DoubleColumn.create("variance"), std = DoubleColumn.create("std");
        DoubleColumn g = DoubleColumn.create("gamma"), b = DoubleColumn.create("beta");
        DoubleColumn rm = DoubleColumn.create("runningMean"), rv = DoubleColumn.create("runningVar");
        for (int j = 0; j < c; j++) {
            double m = 0, v = 0;
            for (int i = 0; i < n; i++) m += z.get(i, j);
            m /= n;
            for (int i = 0; i < n; i++) v += (z.get(i, j) - m) * (z.get(i, j) - m);
            v /= n;
            f.append(j);
            mean.append(m);
            var.append(v);
            std.append(Math.sqrt(v + BatchNorm.DEFAULT_EPS));
            g.append(gamma[j]);
            b.append(beta[j]);
            rm.append(layer.runningMean().get(0, j));
            rv.append(layer.runningVar().get(0, j));
        }
        return Table.create("batch statistics (" + n + " examples), " + layer, f, mean, var, std, g, b, rm, rv);
    }

    /** z̃ = (z − μ) / √(σ² + ε): each column now has mean 0 and variance σ²/(σ² + ε) ≈ 1. */
    public Table normalized() {
        return matrixTable("normalized z̃ = (z − μ) / √(σ² + ε)", normalized, "zt");
    }

    /** ẑ = γ·z̃ + β, what the layer passes on. */
    public Table output() {
        return matrixTable("output ẑ = γ·z̃ + β", output, "zh");
    }

    /** The running mean and variance of every feature after each of {@code passes} training passes over this batch. */
    public Table running(int passes) {
        Check.atLeast("number of passes", passes, 1, "such as 20");
        BatchNorm bn = fresh();
        Table t = Table.create("running statistics, momentum 0.1 (the weight of each new batch)", IntColumn.create("pass"));
        for (int j = 0; j < z.cols(); j++) {
            t.addColumns(DoubleColumn.create("runningMean" + j), DoubleColumn.create("runningVar" + j));
        }
        for (int p = 1; p <= passes; p++) {
            bn.forward(z);
            t.intColumn("pass").append(p);
            for (int j = 0; j < z.cols(); j++) {
                t.doubleColumn("runningMean" + j).append(bn.runningMean().get(0, j));
                t.doubleColumn("runningVar" + j).append(bn.runningVar().get(0, j));
            }
        }
        return t;
    }

    /**
     * The same batch through the layer in evaluation mode, after 1 and after {@code passes} training passes, next to
     * the training-mode output: with few passes the running statistics are still near their start (0 and 1) and the
     * evaluation output is far from the training one; with many it converges to it.
     */
    public Table evaluation(int passes) {
        Check.atLeast("number of passes", passes, 1, "such as 50");
        BatchNorm bn = fresh();
        bn.forward(z);
        bn.setTraining(false);
        Matrix afterOne = bn.forward(z).copy();
        bn.setTraining(true);
        for (int p = 1; p < passes; p++) bn.forward(z);
        bn.setTraining(false);
        Matrix afterMany = bn.forward(z).copy();
        StringColumn mode = StringColumn.create("mode");
        IntColumn example = IntColumn.create("example");
        Table t = Table.create("training vs evaluation outputs", mode, example);
        for (int j = 0; j < z.cols(); j++) t.addColumns(DoubleColumn.create("zh" + j));
        String[] modes = {"train (batch statistics)", "eval after 1 pass", "eval after " + passes + " passes"};
        Matrix[] ms = {output, afterOne, afterMany};
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < z.rows(); i++) {
                mode.append(modes[k]);
                example.append(i);
                for (int j = 0; j < z.cols(); j++) t.doubleColumn("zh" + j).append(ms[k].get(i, j));
            }
        }
        return t;
    }

    /** The layer after its one training pass (live). */
    public BatchNorm layer() {
        return layer;
    }

    private static Table matrixTable(String name, Matrix m, String prefix) {
        Table t = Table.create(name, IntColumn.indexColumn("example", m.rows(), 0));
        for (int j = 0; j < m.cols(); j++) {
            double[] col = new double[m.rows()];
            for (int i = 0; i < col.length; i++) col[i] = m.get(i, j);
            t.addColumns(DoubleColumn.create(prefix + j, col));
        }
        return t;
    }

    @Override
    public String toString() {
        return "BatchNormSteps(" + z.rows() + " examples x " + z.cols() + " features, " + layer + ")";
    }
}
