package descent.plot;

import java.util.Map;

/**
 * A Plotly heatmap: one coloured cell per grid value, e.g. a weight matrix or a loss landscape.
 *
 * <pre>{@code
 * double[][] w = {{0.1, -0.4, 0.3}, {0.8, 0.0, -0.2}};
 * var h = HeatmapTrace.of(new double[] {0, 1, 2}, new double[] {0, 1}, w).colorscale("RdBu").zRange(-1, 1);
 * Plots.show(new Figure(h));
 * }</pre>
 *
 * As in {@link ContourTrace}, {@code z[j][i]} is the value at {@code (x[i], y[j])}; {@link #of(double[][])} numbers
 * the cells 0, 1, 2, ... like matrix indices.
 */
public final class HeatmapTrace extends PlotlyTrace<HeatmapTrace> {

    private HeatmapTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A heatmap of {@code z[j][i] = value at (x[i], y[j])}. */
    public static HeatmapTrace of(double[] x, double[] y, double[][] z) {
        checkGrid("HeatmapTrace", x, y, z);
        return new HeatmapTrace(Json.obj("type", "heatmap", "x", x.clone(), "y", y.clone(), "z", copyOf(z)));
    }

    /** A heatmap of a matrix, cells numbered by column (x) and row (y) index. */
    public static HeatmapTrace of(double[][] z) {
        if (z == null || z.length == 0) {
            throw new IllegalArgumentException("HeatmapTrace.of needs at least one row of values; got "
                    + (z == null ? "null" : "0 rows") + ".");
        }
        return of(indices(z[0].length), indices(z.length), z);
    }

    private static double[] indices(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    @Override
    protected HeatmapTrace copy(Map<String, Object> attributes) {
        return new HeatmapTrace(attributes);
    }

    /** A Plotly colour scale name, e.g. {@code "Viridis"} or {@code "RdBu"}. */
    public HeatmapTrace colorscale(String name) {
        return with("colorscale", name);
    }

    /** Fixes the colour range, e.g. symmetric around 0 for weights. */
    public HeatmapTrace zRange(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("HeatmapTrace.zRange(" + min + ", " + max + "): expected min < max.");
        }
        return with("zmin", min).with("zmax", max);
    }

    /** Whether the colour bar is drawn. */
    public HeatmapTrace showScale(boolean show) {
        return with("showscale", show);
    }

    @Override
    protected String sizeText() {
        double[][] z = (double[][]) get("z");
        return z.length + "x" + (z.length == 0 ? 0 : z[0].length) + " grid";
    }
}
