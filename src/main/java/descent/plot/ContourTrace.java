package descent.plot;

import java.util.Map;

/**
 * A Plotly contour trace of values z on a grid: filled bands or contour lines.
 *
 * <pre>{@code
 * double[] xs = {-2, -1, 0, 1, 2}, ys = {-1, 0, 1};
 * double[][] z = new double[3][5];                        // z[j][i] = f(xs[i], ys[j])
 * for (int j = 0; j < 3; j++) for (int i = 0; i < 5; i++) z[j][i] = xs[i] * xs[i] / 20 + ys[j] * ys[j];
 * var c = ContourTrace.of(xs, ys, z).levels(0, 1, 0.1).colorscale("Viridis").lines();
 * Plots.show(new Figure(c));
 * }</pre>
 *
 * Plotly's convention: {@code z[j][i]} is the value at {@code (x[i], y[j])}, one row per y value.
 * Levels are evenly spaced ({@code contours.start/end/size}); for uneven levels (log spacing around a minimum)
 * contour a transformed z, as {@link Plots#contour} does, and show the original values with {@link #hoverValues}.
 */
public final class ContourTrace extends PlotlyTrace<ContourTrace> {

    private ContourTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A filled contour of {@code z[j][i] = value at (x[i], y[j])}, with Plotly's automatic levels. */
    public static ContourTrace of(double[] x, double[] y, double[][] z) {
        checkGrid("ContourTrace", x, y, z);
        return new ContourTrace(Json.obj("type", "contour", "x", x.clone(), "y", y.clone(), "z", copyOf(z)));
    }

    @Override
    protected ContourTrace copy(Map<String, Object> attributes) {
        return new ContourTrace(attributes);
    }

    /** Evenly spaced levels from {@code start} to {@code end} with step {@code size}. */
    public ContourTrace levels(double start, double end, double size) {
        if (!(end > start) || !(size > 0) || !Double.isFinite(end - start)) {
            throw new IllegalArgumentException("ContourTrace.levels(" + start + ", " + end + ", " + size
                    + "): expected finite start < end and size > 0, e.g. levels(0, 10, 0.5).");
        }
        return with("autocontour", false).with("contours.start", start).with("contours.end", end)
                .with("contours.size", size);
    }

    /** Filled bands between levels (the default). */
    public ContourTrace filled() {
        return with("contours.coloring", "fill");
    }

    /** Coloured contour lines on a white background. */
    public ContourTrace lines() {
        return with("contours.coloring", "lines");
    }

    /** Prints each level's value on its line. */
    public ContourTrace showLabels(boolean show) {
        return with("contours.showlabels", show);
    }

    /** A Plotly colour scale name, e.g. {@code "Viridis"}, {@code "Blues"}, {@code "RdBu"}. */
    public ContourTrace colorscale(String name) {
        return with("colorscale", name);
    }

    /** Reverses the colour scale. */
    public ContourTrace reverseScale(boolean reverse) {
        return with("reversescale", reverse);
    }

    /** Whether the colour bar is drawn. */
    public ContourTrace showScale(boolean show) {
        return with("showscale", show);
    }

    /** Title of the colour bar. */
    public ContourTrace colorbarTitle(String title) {
        return with("colorbar.title.text", title);
    }

    /**
     * Values shown on hover instead of z, same shape as z: useful when z is transformed (e.g. a logarithm) to
     * place the levels, but the reader wants the function's own value. {@code label} names it, e.g. {@code "f"}.
     * Values equal to z are not stored twice: the hover then shows {@code %{z}}.
     */
    public ContourTrace hoverValues(String label, double[][] values) {
        double[][] z = (double[][]) get("z");
        boolean sameShape = values != null && values.length == z.length;
        for (int j = 0; sameShape && j < z.length; j++) sameShape = values[j].length == z[j].length;
        if (!sameShape) {
            throw new IllegalArgumentException("ContourTrace.hoverValues: expected an array shaped like z ("
                    + sizeText() + "); got " + (values == null ? "null" : values.length + " rows")
                    + ". Compute it on the same grid as z.");
        }
        // values equal to z need no second copy: the hover reads z itself
        String value = java.util.Arrays.deepEquals(values, z) ? "%{z:.6g}" : "%{customdata:.6g}";
        return with("customdata", value.startsWith("%{z") ? null : copyOf(values))
                .with("hovertemplate", "x0=%{x:.4g}<br>x1=%{y:.4g}<br>" + label + "=" + value + "<extra></extra>");
    }

    @Override
    protected String sizeText() {
        double[][] z = (double[][]) get("z");
        return z.length + "x" + (z.length == 0 ? 0 : z[0].length) + " grid";
    }
}
