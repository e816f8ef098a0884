package descent.plot;

import descent.base.Check;
import java.util.Map;

/**
 * A Plotly 2-D scatter trace: a path as lines and markers, or markers alone (a start point, a known minimum).
 *
 * <pre>{@code
 * var path = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * var line = LineTrace.of(path.coordinate(0), path.coordinate(1)).name(path.name()).color("#d62728");
 * var start = LineTrace.of(new double[] {-7}, new double[] {2}).markers().marker("star", 14, "black");
 * start = start.name("start").showLegend(false);
 * Plots.show(new Figure(line, start));
 * }</pre>
 *
 * Plotly type {@code scatter}; the default mode is {@code lines+markers}. Names are escaped as JSON, so quotes,
 * backslashes and {@code </script>} in a legend are safe (tablesaw's own ScatterTrace does not escape them).
 */
public final class LineTrace extends PlotlyTrace<LineTrace> {

    private LineTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** Points {@code (x[k], y[k])} joined in order, drawn as lines and markers. */
    public static LineTrace of(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("LineTrace.of needs x and y of the same length; got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length) + " values.");
        }
        return new LineTrace(Json.obj("type", "scatter", "mode", "lines+markers", "x", x.clone(), "y", y.clone()));
    }

    @Override
    protected LineTrace copy(Map<String, Object> attributes) {
        return new LineTrace(attributes);
    }

    /** Plotly's mode: {@code "lines"}, {@code "markers"}, {@code "lines+markers"}, {@code "lines+markers+text"}. */
    public LineTrace mode(String mode) {
        return with("mode", mode);
    }

    /** Only lines. */
    public LineTrace lines() {
        return mode("lines");
    }

    /** Only markers. */
    public LineTrace markers() {
        return mode("markers");
    }

    /** Colour of line and markers, any CSS colour: {@code "#1f77b4"}, {@code "red"}, {@code "rgba(0,0,0,0.5)"}. */
    public LineTrace color(String color) {
        return with("line.color", color).with("marker.color", color);
    }

    /** Marker symbol (e.g. {@code "circle"}, {@code "x"}, {@code "star"}, {@code "diamond"}), size in px, colour. */
    public LineTrace marker(String symbol, double size, String color) {
        Check.positive("marker size", size, "in px, such as 8");
        return with("marker.symbol", symbol).with("marker.size", size).with("marker.color", color);
    }

    /** Line width in px. */
    public LineTrace width(double px) {
        return with("line.width", px);
    }

    /** Line dash: {@code "solid"}, {@code "dot"}, {@code "dash"}, {@code "dashdot"}. */
    public LineTrace dash(String dash) {
        return with("line.dash", dash);
    }

    /** One hover text per point. */
    public LineTrace text(String... text) {
        return with("text", text.clone());
    }

    @Override
    protected String sizeText() {
        int n = ((double[]) get("x")).length;
        return n + (n == 1 ? " point" : " points");
    }
}
