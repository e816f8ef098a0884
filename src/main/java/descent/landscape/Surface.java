package descent.landscape;

import descent.base.Format;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;


/**
 * A 2-D slice of a loss landscape: loss and accuracy at θ + α·d1 + β·d2 on a grid of (α, β).
 *
 * <pre>{@code
 * var f = NetworkLoss.of(Mlp.of(2, 8, 2).relu().seed(1), Datasets.spirals(50, 0.1, 1));
 * var theta = f.point();
 * var d1 = Landscape.filterNormalized(f, theta, 1);
 * var d2 = Landscape.filterNormalized(f, theta, 2);
 * var s = Landscape.plane(f, theta, d1, d2, -1, 1, -1, 1, 21);
 * s.loss(10, 10);     // the loss at the centre (α = β = 0)
 * s.toTable()         // alpha, beta, loss, accuracy: one row per grid point
 * }</pre>
 */
public final class Surface {
    private final String title;
    private final double[] alphas;
    private final double[] betas;
    private final double[][] loss;
    private final double[][] accuracy;

    Surface(String title, double[] alphas, double[] betas, double[][] loss, double[][] accuracy) {
        this.title = title;
        this.alphas = alphas;
        this.betas = betas;
        this.loss = loss;
        this.accuracy = accuracy;
    }

    public String title() {
        return title;
    }

    /** The α values (along d1), a copy. */
    public double[] alphas() {
        return alphas.clone();
    }

    /** The β values (along d2), a copy. */
    public double[] betas() {
        return betas.clone();
    }

    /** The loss at α_i, β_j. */
    public double loss(int i, int j) {
        return loss[i][j];
    }

    public double accuracy(int i, int j) {
        return accuracy[i][j];
    }

    /** The loss grid indexed [β][α] (rows along d2), as contour plots want it; a copy. */
    public double[][] lossGrid() {
        double[][] z = new double[betas.length][alphas.length];
        for (int i = 0; i < alphas.length; i++) for (int j = 0; j < betas.length; j++) z[j][i] = loss[i][j];
        return z;
    }

    /** One row per grid point: alpha, beta, loss, accuracy. */
    public Table toTable() {
        DoubleColumn a = DoubleColumn.create("alpha"), b = DoubleColumn.create("beta");
        DoubleColumn l = DoubleColumn.create("loss"), acc = DoubleColumn.create("accuracy");
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < betas.length; j++) {
                a.append(alphas[i]);
                b.append(betas[j]);
                l.append(loss[i][j]);
                acc.append(accuracy[i][j]);
            }
        }
        return Table.create(title, a, b, l, acc);
    }

    @Override
    public String toString() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : loss) for (double v : row) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return "Surface(" + title + ", " + alphas.length + "x" + betas.length + " points, loss " + Format.number(min) + ".."
                + Format.number(max) + ")";
    }
}
