package descent.plot;

import descent.base.Check;
import descent.data.Dataset;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pictures of datasets: a scatter of a 2-D set coloured by class, and a grid of images labelled with their class
 * names. {@link Plots#scatter(Dataset)} and {@link Plots#images(Dataset, int)} are the short entry points.
 *
 * <pre>{@code
 * Plots.scatter(Datasets.moons(200, 0.1, 42));                // two colours, legend "upper", "lower"
 * var test = Datasets.fashionMnist().test();
 * Plots.images(test, 16);                                     // 16 images in a 8x2 grid, each titled "Ankle boot", ...
 * DataPlots.images(test, new int[]{3, 17, 42})                // chosen examples
 * }</pre>
 *
 * The image grid is one heatmap of the tiles laid side by side with blank (NaN) gaps and one annotation per tile,
 * not one trace per image, so 64 images stay one small trace. Pixel value 0 is black and 1 white (Plotly's
 * {@code Greys}), the way MNIST is usually shown; the y axis runs downwards so images are upright.
 */
public final class DataPlots {
    /** Plotly's default categorical colours (D3 category10). */
    private static final String[] CLASS_COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    /** Images per grid row. */
    static final int GRID_COLUMNS = 8;
    /** Blank pixels between tiles: narrow across, taller down so each title fits above its image. */
    static final int GAP_X = 2, GAP_Y = 9;

    private DataPlots() {
    }

    /** The colour of class {@code c} in scatter plots. */
    public static String classColor(int c) {
        return CLASS_COLORS[c % CLASS_COLORS.length];
    }

    /** A 2-D dataset as points, x0 across and x1 up, one colour and legend entry per class. */
    public static PlotlyFigure scatter(Dataset d) {
        if (d.features() != 2) {
            throw new IllegalArgumentException("DataPlots.scatter needs 2 features but " + d + " has " + d.features()
                    + "; for images use Plots.images(dataset, 16).");
        }
        List<LineTrace> traces = new ArrayList<>();
        for (int c = 0; c < d.classes(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) if (d.label(i) == c) rows.add(i);
            if (rows.isEmpty()) continue;
            double[] x = new double[rows.size()], y = new double[rows.size()];
            String[] text = new String[rows.size()];
            for (int k = 0; k < x.length; k++) {
                int i = rows.get(k);
                x[k] = d.x().get(i, 0);
                y[k] = d.x().get(i, 1);
                text[k] = "example " + i;
            }
            traces.add(LineTrace.of(x, y).markers().marker("circle", 7, classColor(c)).name(d.classNames().get(c))
                    .text(text).with("marker.line", Json.obj("width", 0.5, "color", "white")));
        }
        return PlotlyFigure.of(d.name(), traces.toArray(LineTrace[]::new)).withAxisTitles("x0", "x1").withEqualAspect();
    }

    /** The first {@code count} examples as square images (784 features → 28×28). */
    public static PlotlyFigure images(Dataset d, int count) {
        Check.atLeast("number of images", count, 1, "such as 16");
        int[] rows = new int[Math.min(count, d.size())];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        return images(d, rows);
    }

    /** The chosen examples as square images. */
    public static PlotlyFigure images(Dataset d, int[] rows) {
        int side = (int) Math.round(Math.sqrt(d.features()));
        if (side * side != d.features()) {
            throw new IllegalArgumentException("DataPlots.images: " + d.features() + " features are not a square image;"
                    + " pass the width: DataPlots.images(dataset, rows, width).");
        }
        return images(d, rows, side);
    }

    /** The chosen examples as images {@code width} pixels wide (height = features / width). */
    public static PlotlyFigure images(Dataset d, int[] rows, int width) {
        if (rows.length == 0 || width < 1 || d.features() % width != 0) {
            throw new IllegalArgumentException("DataPlots.images: expected at least one row and a width dividing "
                    + d.features() + " features; got " + rows.length + " rows and width " + width + ".");
        }
        int height = d.features() / width;
        int cols = Math.min(rows.length, GRID_COLUMNS), gridRows = (rows.length + cols - 1) / cols;
        int zw = cols * (width + GAP_X) - GAP_X, zh = gridRows * (height + GAP_Y);
        double[][] z = new double[zh][zw];
        for (double[] line : z) java.util.Arrays.fill(line, Double.NaN);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        List<Map<String, Object>> titles = new ArrayList<>();
        Matrix pixels = d.x();
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (i < 0 || i >= d.size()) {
                throw new IndexOutOfBoundsException("DataPlots.images: " + d + " has rows 0.." + (d.size() - 1)
                        + "; asked for row " + i + ".");
            }
            int top = (k / cols) * (height + GAP_Y) + GAP_Y, left = (k % cols) * (width + GAP_X);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    double v = pixels.flat(i * d.features() + r * width + c);
                    z[top + r][left + c] = v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            titles.add(Json.obj("x", left + (width - 1) / 2.0, "y", top - 1.0, "text",
                    d.classNames().get(d.label(i)), "showarrow", false, "yanchor", "bottom",
                    "font", Json.obj("size", 11), "hovertext", "example " + i));
        }
        HeatmapTrace tiles = HeatmapTrace.of(z).colorscale("Greys").showScale(false)
                .with("hovertemplate", "%{z:.3f}<extra></extra>").with("hoverongaps", false);
        if (min >= 0 && max <= 1) tiles = tiles.zRange(0, 1);
        Map<String, Object> hidden = Json.obj("visible", false);
        return PlotlyFigure.of(d.name() + " (" + rows.length + " examples)", tiles)
                .withLayout("xaxis", hidden)
                .withLayout("yaxis", Json.obj("visible", false, "autorange", "reversed", "scaleanchor", "x"))
                .withLayout("annotations", titles)
                .withHeight(90 + gridRows * 150)
                .withLayout("plot_bgcolor", "white");
    }
}
