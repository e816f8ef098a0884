package descent.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tablesaw {@link Figure} whose layout is plain Plotly JSON, so any Plotly layout attribute can be set (equal
 * axes, 3-D scenes, legends) and every string is escaped.
 *
 * <pre>{@code
 * double[] xs = {-2, 0, 2}, ys = {-1, 0, 1};
 * double[][] z = {{1.2, 1, 1.2}, {0.2, 0, 0.2}, {1.2, 1, 1.2}};   // x^2/20 + y^2 at (xs[i], ys[j])
 * var path = LineTrace.of(new double[] {-2, -1, 0}, new double[] {1, -0.5, 0}).name("SGD");
 * var fig = PlotlyFigure.of("x^2/20 + y^2", ContourTrace.of(xs, ys, z), path);
 * fig = fig.withAxisTitles("x0", "x1").withEqualAspect().withLayout("legend.orientation", "h");
 * Plots.show(fig);
 * }</pre>
 *
 * It is a {@code Figure}, so everything that takes tablesaw figures takes it; the difference is
 * {@link #asJavascript(String)}, which writes the layout with {@link Json} instead of tablesaw's templates
 * (tablesaw 0.43.1 puts titles in single-quoted strings unescaped and has no {@code scaleanchor}). Layout keys are
 * Plotly's (https://plotly.com/javascript/reference/layout/); a dotted key sets a nested attribute. Withers return
 * a new figure; this one is not changed.
 */
public class PlotlyFigure extends Figure {
    /** Height in px when none is set; the width follows the notebook cell. */
    public static final int DEFAULT_HEIGHT = 500;

    private final Map<String, Object> layout;

    /** A figure with this layout (Plotly JSON keys) and traces. */
    public PlotlyFigure(Map<String, Object> layout, Trace... traces) {
        super(tablesawLayout(titleOf(layout)), traces.clone());
        this.layout = Collections.unmodifiableMap(layout);
    }

    /** A figure with a title, {@value #DEFAULT_HEIGHT} px high, and these traces. */
    public static PlotlyFigure of(String title, Trace... traces) {
        return new PlotlyFigure(Json.obj("title", Json.obj("text", title), "height", DEFAULT_HEIGHT, "template", NUMBERS), traces);
    }

    /**
     * Tick labels of large and tiny numbers in scientific notation ({@code 1e+31}, {@code 2e-5}), as tables print
     * them (Plotly's default would write {@code 10µ} or {@code 1000000000B}); as a template it reaches every x and y
     * axis, subplots' too, and an axis's own {@code exponentformat} still wins.
     */
    static final Map<String, Object> NUMBERS = Json.obj("layout",
            Json.obj("xaxis", Json.obj("exponentformat", "e"), "yaxis", Json.obj("exponentformat", "e")));

    /** tablesaw's own layout object (its constructor needs one); ours is the JSON map. */
    private static Layout tablesawLayout(String title) {
        return Layout.builder(title).build();
    }

    private static String titleOf(Map<String, Object> layout) {
        Object title = layout.get("title");
        if (title instanceof Map<?, ?> m) title = m.get("text");
        return title == null ? "" : title.toString();
    }

    /** The title text, or "" when there is none. */
    public String title() {
        return titleOf(layout);
    }

    /** The layout as Plotly JSON keys and values. */
    public Map<String, Object> layout() {
        return layout;
    }

    /** The traces, in drawing order. */
    public List<Trace> traces() {
        return List.of(getTraces());
    }

    /** A copy with one layout attribute set; a dotted key ({@code "xaxis.range"}) sets a nested one. */
    public PlotlyFigure withLayout(String key, Object value) {
        return new PlotlyFigure(PlotlyTrace.put(layout, key, value), getTraces());
    }

    /** A copy with another title. */
    public PlotlyFigure withTitle(String title) {
        return withLayout("title.text", title);
    }

    /** A copy with axis titles, e.g. {@code withAxisTitles("x0", "x1")}. */
    public PlotlyFigure withAxisTitles(String x, String y) {
        return withLayout("xaxis.title.text", x).withLayout("yaxis.title.text", y);
    }

    /** A copy where one unit on x is as long as one unit on y, so circles look round. */
    public PlotlyFigure withEqualAspect() {
        return withLayout("yaxis.scaleanchor", "x").withLayout("yaxis.scaleratio", 1);
    }

    /** A copy with a fixed size in px; without a width the figure fills the cell. */
    public PlotlyFigure withSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("PlotlyFigure.withSize(" + width + ", " + height
                    + "): expected sizes > 0 in px, e.g. withSize(700, 500).");
        }
        return withLayout("width", width).withLayout("height", height);
    }

    /** A copy with more traces drawn on top. */
    public PlotlyFigure withTraces(Trace... more) {
        List<Trace> all = new ArrayList<>(Arrays.asList(getTraces()));
        all.addAll(Arrays.asList(more));
        return new PlotlyFigure(layout, all.toArray(Trace[]::new));
    }

    /**
     * The script that draws this figure into the element with id {@code divName}:
     * {@code <script> var layout = {...}; var trace0 = {...}; ... Plotly.newPlot(...) </script>},
     * the same shape as tablesaw's so that {@link FigureHtml} treats every figure alike.
     */
    @Override
    public String asJavascript(String divName) {
        StringBuilder sb = new StringBuilder("<script>\n");
        sb.append("var target = document.getElementById(").append(Json.write(divName)).append(");\n");
        sb.append("var layout = ").append(Json.write(layout)).append(";\n");
        sb.append("var config = {\"responsive\":true,\"displaylogo\":false};\n");
        Trace[] traces = getTraces();
        for (int i = 0; i < traces.length; i++) sb.append(traces[i].asJavascript(i)).append('\n');
        sb.append("var data = [");
        for (int i = 0; i < traces.length; i++) sb.append(i == 0 ? "" : ", ").append("trace").append(i);
        sb.append("];\n");
        sb.append("Plotly.newPlot(target, data, layout, config);\n");
        return sb.append("</script>").toString();
    }

    /** {@code PlotlyFigure('x^2/20 + y^2', [contour(60x60 grid), scatter(name=SGD(lr=0.95), 31 points)])}. */
    @Override
    public String toString() {
        return "PlotlyFigure('" + title() + "', "
                + Arrays.stream(getTraces()).map(Object::toString).collect(Collectors.joining(", ", "[", "]")) + ")";
    }
}
