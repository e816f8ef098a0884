package descent.plot;

import descent.data.Dataset;
import descent.nn.Sequential;
import descent.tensor.DType;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision regions of a 2-D classifier: the predicted class over the plane as coloured cells, the data points on
 * top in the colour of their true class.
 *
 * <pre>{@code
 * var spirals = Datasets.spirals(200, 0.05, 1);
 * var net = Mlp.of(2, 16, 16, 2).seed(1);
 * Trainer.of(net, spirals, Optimizers.adam(0.01)).batchSize(20).fit(20);
 * Plots.decisionBoundary(net, spirals)
 * }</pre>
 *
 * <pre>
 *   region   = bounding box of the points, 10% wider on each side
 *   z[j][i]  = argmax_c model(x_i, y_j)_c on a GRID x GRID grid (evaluation mode: running batch-norm statistics)
 * </pre>
 * A point drawn on a cell of another colour is misclassified.
 */
public final class DecisionBoundary {
    /** Grid points per axis. */
    public static final int GRID = 100;
    /** Class colours (Plotly's default sequence). */
    static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String[] LIGHT = {"#c6dbef", "#fdd0a2", "#c7e9c0", "#fcbba1", "#dadaeb", "#e0cfc9",
            "#f9d3ea", "#d9d9d9", "#eeeeb0", "#c2eef3"};

    private DecisionBoundary() {
    }

    /** The figure for a model with 2 inputs and one output per class of {@code data}. */
    public static PlotlyFigure figure(Sequential model, Dataset data, String title) {
        if (data.features() != 2) {
            throw new IllegalArgumentException("A decision boundary is drawn in the plane; " + data + " has "
                    + data.features() + " features. Use a 2-D data set such as Datasets.spirals(400, 0.05, 1).");
        }
        int k = data.classes();
        if (k > COLORS.length) {
            throw new IllegalArgumentException("DecisionBoundary colours up to " + COLORS.length + " classes; " + data
                    + " has " + k + ".");
        }
        double[] x = data.to(DType.FLOAT64).x().data();   // float32 features are read as doubles
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int i = 0; i < data.size(); i++) {
            x0 = Math.min(x0, x[2 * i]);
            x1 = Math.max(x1, x[2 * i]);
            y0 = Math.min(y0, x[2 * i + 1]);
            y1 = Math.max(y1, x[2 * i + 1]);
        }
        double mx = Math.max(0.1 * (x1 - x0), 1e-3), my = Math.max(0.1 * (y1 - y0), 1e-3);
        Region r = Region.of(x0 - mx, x1 + mx, y0 - my, y1 + my);
        double[] xs = r.xs(GRID), ys = r.ys(GRID);
        double[] grid = new double[GRID * GRID * 2];
        for (int j = 0, p = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++, p += 2) {
                grid[p] = xs[i];
                grid[p + 1] = ys[j];
            }
        }
        Matrix out = model.predict(Matrix.wrap(GRID * GRID, 2, grid));
        if (out.cols() != k) {
            throw new IllegalArgumentException(model + " gives " + out.cols() + " outputs but " + data + " has " + k
                    + " classes; the model needs one output per class.");
        }
        double[][] z = new double[GRID][GRID];
        for (int j = 0; j < GRID; j++) for (int i = 0; i < GRID; i++) z[j][i] = out.argmaxOfRow(j * GRID + i);
        List<Object> scale = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            // a step colour scale: class c owns the band [c/k, (c+1)/k] of the normalized z range [-0.5, k-0.5]
            scale.add(List.of((double) c / k, LIGHT[c]));
            scale.add(List.of((double) (c + 1) / k, LIGHT[c]));
        }
        HeatmapTrace cells = HeatmapTrace.of(xs, ys, z).with("colorscale", scale).zRange(-0.5, k - 0.5)
                .showScale(false).name("predicted class").showLegend(false).with("hoverinfo", "skip");
        PlotlyFigure fig = PlotlyFigure.of(title, cells).withAxisTitles("x0", "x1").withRanges(r);
        for (int c = 0; c < k; c++) {
            int count = 0;
            for (int i = 0; i < data.size(); i++) if (data.label(i) == c) count++;
            double[] px = new double[count], py = new double[count];
            for (int i = 0, m = 0; i < data.size(); i++) {
                if (data.label(i) != c) continue;
                px[m] = x[2 * i];
                py[m++] = x[2 * i + 1];
            }
            fig = fig.withTraces(LineTrace.of(px, py).markers().marker("circle", 5, COLORS[c])
                    .with("marker.line.color", "white").with("marker.line.width", 0.5)
                    .name("class " + data.classNames().get(c)));
        }
        return fig;
    }
}
