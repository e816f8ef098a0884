package descent.experiment;

import descent.base.Check;
import descent.base.Format;
import descent.data.Dataset;
import descent.fn.Vec;
import descent.landscape.Landscape;
import descent.landscape.Lanczos;
import descent.landscape.NetworkLoss;
import descent.landscape.Surface;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.plot.ContourTrace;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss landscape around a network trained on real data: a 1-D slice and a 2-D slice along filter-normalized random
 * directions, a 2-D slice along the two principal directions of the training path with the path drawn on it, and the
 * extreme curvatures (Hessian eigenvalues by {@link Lanczos}) at the trained weights.
 *
 * <pre>
 *   train  Mlp.of(in, hidden, classes).relu(), SGD(lr = 0.1), batches of 50, recording θ four times per epoch
 *   1-D    L(θ* + α·d),            d filter-normalized, α ∈ [−1, 1]     (training and test loss)
 *   2-D    L(θ* + α·d1 + β·d2),    d1, d2 filter-normalized, α, β ∈ [−1, 1]
 *   PCA    L(θ* + α·p1 + β·p2),    p1, p2 the principal directions of θ_t − θ*, with the path (α_t, β_t)
 * </pre>
 *
 * Li et al., "Visualizing the Loss Landscape of Neural Nets" (NeurIPS 2018), §4 (filter normalization) and §7
 * (trajectories). Each grid is evaluated in parallel over its points ({@link Landscape}).
 *
 * <pre>{@code
 * var fashion = Datasets.fashionMnist();
 * var run = LandscapeRun.of(fashion.train().sample(300, 42), fashion.test().sample(300, 42), 16, 2, 7, 7);   // notebook 09: 1000, 1000, 32, 10, 21, 7
 * run.table();           // quantity, value: losses, accuracies, λ_max, λ_min, PCA variance explained
 * run.lineFigure();  run.randomFigure();  run.pcaFigure()
 * }</pre>
 *
 * @param train     the training loss as a function of the parameters
 * @param test      the test loss as a function of the same parameters
 * @param line      the 1-D slice: alpha, trainLoss, trainAccuracy, testLoss, testAccuracy
 * @param random    the 2-D slice along two filter-normalized random directions
 * @param pca       the 2-D slice along the principal directions of the training path
 * @param path      the principal directions and the path's coordinates
 * @param curvature λ_min and λ_max of the training loss's Hessian at the trained weights
 * @param table     the numbers in one place
 */
public record LandscapeRun(NetworkLoss train, NetworkLoss test, Table line, Surface random, Surface pca,
                           Landscape.Pca path, Lanczos.Extremes curvature, Table table) {

    /**
     * Trains {@code Mlp.of(features, hidden, classes).relu()} for {@code epochs} epochs and slices its landscape on
     * {@code grid}×{@code grid} points; {@code seed} fixes the weights, the batch order and the directions.
     */
    public static LandscapeRun of(Dataset train, Dataset test, int hidden, int epochs, int grid, long seed) {
        Check.atLeast("hidden width", hidden, 1, "such as 32");
        Check.atLeast("number of epochs", epochs, 1, "such as 10");
        Check.atLeast("grid size", grid, 3, "points per axis, such as 21");
        Mlp net = Mlp.of(train.features(), hidden, train.classes()).relu().seed(seed);
        NetworkLoss fTrain = NetworkLoss.of(net, train), fTest = NetworkLoss.of(net, test);
        int batch = Math.min(50, train.size());
        Trainer trainer = Trainer.of(net, train, Optimizers.sgd(0.1)).batchSize(batch).seed(seed).layerStats(false);
        int perEpoch = (train.size() + batch - 1) / batch, every = Math.max(1, perEpoch / 4);
        List<Vec> path = new ArrayList<>();
        path.add(fTrain.point());
        for (int it = 1; it <= epochs * perEpoch; it++) {
            trainer.step();
            if (it % every == 0) path.add(fTrain.point());
        }
        Vec theta = fTrain.point();
        if (!theta.equals(path.get(path.size() - 1))) path.add(theta);

        Vec d = Landscape.filterNormalized(fTrain, theta, seed + 1);
        Table a = Landscape.line(fTrain, theta, d, -1, 1, 2 * grid - 1);
        Table b = Landscape.line(fTest, theta, d, -1, 1, 2 * grid - 1);
        Table line = Table.create("loss along a filter-normalized random direction d: L(θ* + α·d)", a.doubleColumn("alpha"),
                a.doubleColumn("loss").copy().setName("trainLoss"), a.doubleColumn("accuracy").copy().setName("trainAccuracy"),
                b.doubleColumn("loss").copy().setName("testLoss"), b.doubleColumn("accuracy").copy().setName("testAccuracy"));
        Surface random = Landscape.plane(fTrain, theta, d, Landscape.filterNormalized(fTrain, theta, seed + 2), -1, 1, -1, 1, grid);
        Landscape.Pca pc = Landscape.pca(path);
        double[] xs = pc.path().doubleColumn("alpha").asDoubleArray(), ys = pc.path().doubleColumn("beta").asDoubleArray();
        double r1 = 1.25 * Math.max(maxAbs(xs), 1e-3), r2 = 1.25 * Math.max(maxAbs(ys), 1e-3);
        Surface pca = Landscape.plane(fTrain, theta, pc.d1(), pc.d2(), -r1, r1, -r2, r2, grid);
        Lanczos.Extremes ext = Lanczos.extremes(v -> fTrain.hvp(theta, v), fTrain.dim(), 20, seed);

        StringColumn q = StringColumn.create("quantity");
        DoubleColumn v = DoubleColumn.create("value");
        NetworkLoss.Evaluated tr = fTrain.evaluate(theta), te = fTest.evaluate(theta);
        add(q, v, "parameters", fTrain.dim());
        add(q, v, "training loss at θ*", tr.loss());
        add(q, v, "training accuracy at θ*", tr.accuracy());
        add(q, v, "test loss at θ*", te.loss());
        add(q, v, "test accuracy at θ*", te.accuracy());
        add(q, v, "‖∇L(θ*)‖ (full training set)", fTrain.gradient(theta).norm());
        add(q, v, "λ_max of the Hessian (Lanczos, 20 H·v)", ext.largest());
        add(q, v, "λ_min of the Hessian", ext.smallest());
        add(q, v, "training loss at α = ±0.5 (mean, random direction)", (a.doubleColumn("loss").get(grid / 2) + a.doubleColumn("loss").get(3 * grid / 2 - 1)) / 2);
        add(q, v, "PCA: share of the path explained by p1", pc.explained1());
        add(q, v, "PCA: share explained by p2", pc.explained2());
        add(q, v, "path points recorded", path.size());
        Table table = Table.create("Landscape of " + net + " on " + train.size() + " training images after " + epochs + " epochs", q, v);
        return new LandscapeRun(fTrain, fTest, line, random, pca, pc, ext, table);
    }

    private static void add(StringColumn q, DoubleColumn v, String name, double value) {
        q.append(name);
        v.append(value);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    /** Training and test loss (left) and accuracy (right) along the random direction. */
    public PlotlyFigure lineFigure() {
        double[] al = line.doubleColumn("alpha").asDoubleArray();
        PlotlyFigure loss = PlotlyFigure.of("loss", LineTrace.of(al, line.doubleColumn("trainLoss").asDoubleArray()).name("training").color("#1f77b4"),
                LineTrace.of(al, line.doubleColumn("testLoss").asDoubleArray()).name("test").color("#d62728")).withAxisTitles("α", "loss");
        PlotlyFigure acc = PlotlyFigure.of("accuracy", LineTrace.of(al, line.doubleColumn("trainAccuracy").asDoubleArray()).name("training").color("#1f77b4"),
                LineTrace.of(al, line.doubleColumn("testAccuracy").asDoubleArray()).name("test").color("#d62728")).withAxisTitles("α", "accuracy");
        return Subplots.of("1-D slice L(θ* + α·d) along a filter-normalized random direction", 2, loss, acc);
    }

    /** Contours of the 2-D random slice (log scale of the loss: the basin is a small part of the range). */
    public PlotlyFigure randomFigure() {
        return contour(random, "2-D slice along two filter-normalized random directions", "d1", "d2", null, null)
                .withHeight(520);
    }

    /** Contours along the path's principal directions, with the path. */
    public PlotlyFigure pcaFigure() {
        double[] xs = path.path().doubleColumn("alpha").asDoubleArray(), ys = path.path().doubleColumn("beta").asDoubleArray();
        return contour(pca, "The training path on its two principal directions ("
                + Format.percent(path.explained1()) + " + " + Format.percent(path.explained2()) + " of its variance)", "p1", "p2", xs, ys).withHeight(520);
    }

    private static PlotlyFigure contour(Surface s, String title, String x, String y, double[] px, double[] py) {
        double[][] z = s.lossGrid();
        for (double[] row : z) for (int i = 0; i < row.length; i++) row[i] = Math.log10(row[i]);
        ContourTrace c = ContourTrace.of(s.alphas(), s.betas(), z).colorscale("Viridis").colorbarTitle("log10 loss")
                .hoverValues("loss", s.lossGrid()).name("log10 training loss");
        PlotlyFigure f = px == null ? PlotlyFigure.of(title, c)
                : PlotlyFigure.of(title, c, LineTrace.of(px, py).name("training path (start → θ*)").mode("lines+markers")
                        .color("#ff4136").width(2));
        return f.withAxisTitles(x, y);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
