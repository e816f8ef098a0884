package descent.plot;

import descent.base.Check;
import descent.base.Format;
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
 * var fig = PlotlyFigure.of("x^2/20 + y^2", ContourTrace.of(xs, ys, z), path);   // title shows x²/20 + y²
 * fig = fig.withAxisTitles("x0", "x1").withEqualAspect().withLegendBelow();
 * Plots.show(fig);
 * PlotlyFigure.of("loss", LineTrace.of(new double[] {1, 2, 3}, new double[] {1, 0.1, 0.01})).withLogY()
 * }</pre>
 *
 * <p>What descent's own figures share, one method each: {@link #withLegendBelow()} (a horizontal legend under the
 * plot, never over the title or the data), {@link #withLogX()}/{@link #withLogY()}, {@link #withXRange}/
 * {@link #withYRange}, {@link #withHeight(int)} with one height per kind of figure ({@link #DEFAULT_HEIGHT} for one
 * plot, {@link #TALL_HEIGHT} for two stacked plots, a 3-D scene or a plot with a slider). Titles go through
 * {@link MathText#of}: {@code x^2} shows as {@code x²}. {@link #withLayout(String, Object)} sets anything else.
 *
 * It is a {@code Figure}, so everything that takes tablesaw figures takes it; the difference is
 * {@link #asJavascript(String)}, which writes the layout with {@link Json} instead of tablesaw's templates
 * (tablesaw 0.43.1 puts titles in single-quoted strings unescaped and has no {@code scaleanchor}). Layout keys are
 * Plotly's (https://plotly.com/javascript/reference/layout/); a dotted key sets a nested attribute. Withers return
 * a new figure; this one is not changed.
 */
public class PlotlyFigure extends Figure {
    /** Height in px of a figure with one plot; the width follows the notebook cell. */
    public static final int DEFAULT_HEIGHT = 500;
    /** Height in px of two plots stacked, a 3-D scene, or a plot with a slider and buttons under it. */
    public static final int TALL_HEIGHT = 600;

    private final Map<String, Object> layout;

    /** A figure with this layout (Plotly JSON keys) and traces. */
    public PlotlyFigure(Map<String, Object> layout, Trace... traces) {
        super(tablesawLayout(titleOf(layout)), traces.clone());
        this.layout = Collections.unmodifiableMap(layout);
    }

    /** A figure with a title ({@code ^} exponents shown as superscripts), {@value #DEFAULT_HEIGHT} px high. */
    public static PlotlyFigure of(String title, Trace... traces) {
        return new PlotlyFigure(Json.obj("title", Json.obj("text", MathText.of(title)), "height", DEFAULT_HEIGHT,
                "template", NUMBERS), traces);
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

    /**
     * The title as text-only outputs show it, or "" when there is none: the markup descent's own titles use is
     * turned into text ({@code <br>} into {@code " · "}, {@code <span ...>} and {@code <sup>} tags dropped); any other
     * text is kept as it is. The layout keeps the markup.
     */
    public String title() {
        return plain(titleOf(layout));
    }

    static String plain(String markup) {
        if (markup.indexOf('<') < 0) return markup;
        return markup.replaceAll("(?i)<br\\s*/?>", " · ").replaceAll("(?i)</?(span|sup)(\\s[^>]*)?>", "");
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

    /** A copy with another title ({@code ^} exponents shown as superscripts). */
    public PlotlyFigure withTitle(String title) {
        return withLayout("title.text", MathText.of(title));
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

    /** A copy {@code px} high (the width still follows the cell). */
    public PlotlyFigure withHeight(int px) {
        Check.atLeast("figure height", px, 1, "a size in px, e.g. withHeight(" + DEFAULT_HEIGHT + ")");
        return withLayout("height", px);
    }

    /**
     * A copy with the legend in rows under the plot, left-aligned: the figure grows a bottom margin for it (Plotly
     * measures the legend), and the x-axis titles keep their place between tick labels and legend, so long names
     * such as {@code Adam(lr=0.3, beta1=0.9, ...)} cover neither the title nor the data.
     */
    public PlotlyFigure withLegendBelow() {
        PlotlyFigure r = withLayout("legend", LEGEND_BELOW);
        for (String key : layout.keySet()) {
            if (key.matches("xaxis\\d*")) r = r.withLayout(key + ".automargin", true);
        }
        return r.withLayout("xaxis.automargin", true);
    }

    /** The legend of {@link #withLegendBelow()}: anchored to the bottom of the whole figure, not of the plot. */
    static final Map<String, Object> LEGEND_BELOW = Collections.unmodifiableMap(Json.obj("orientation", "h",
            "x", 0, "xanchor", "left", "yref", "container", "y", 0, "yanchor", "bottom"));

    /** A copy with a logarithmic x axis. */
    public PlotlyFigure withLogX() {
        return withLayout("xaxis.type", "log");
    }

    /** A copy with a logarithmic y axis. */
    public PlotlyFigure withLogY() {
        return withLayout("yaxis.type", "log");
    }

    /** A copy showing x from {@code min} to {@code max}. */
    public PlotlyFigure withXRange(double min, double max) {
        return withLayout("xaxis.range", range("withXRange", min, max));
    }

    /** A copy showing y from {@code min} to {@code max}. */
    public PlotlyFigure withYRange(double min, double max) {
        return withLayout("yaxis.range", range("withYRange", min, max));
    }

    /** A copy showing the region's x and y ranges. */
    public PlotlyFigure withRanges(Region region) {
        return withXRange(region.xMin(), region.xMax()).withYRange(region.yMin(), region.yMax());
    }

    private static double[] range(String method, double min, double max) {
        Check.that(min < max && Double.isFinite(min) && Double.isFinite(max), method + " range",
                "(" + Format.repr(min) + ", " + Format.repr(max) + ")", "finite min < max", "e.g. " + method + "(0, 1)");
        return new double[] {min, max};
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
        return scriptDeclaring(divName) + "Plotly.newPlot(target, data, layout, config);\n</script>";
    }

    /** {@code <script>} and the variables target, layout, config, trace0..n and data, for {@link #asJavascript}. */
    String scriptDeclaring(String divName) {
        StringBuilder sb = new StringBuilder("<script>\n");
        sb.append("var target = document.getElementById(").append(Json.write(divName)).append(");\n");
        sb.append("var layout = ").append(Json.write(layout())).append(";\n");
        sb.append("var config = {\"responsive\":true,\"displaylogo\":false};\n");
        Trace[] traces = getTraces();
        for (int i = 0; i < traces.length; i++) sb.append(traces[i].asJavascript(i)).append('\n');
        sb.append("var data = [");
        for (int i = 0; i < traces.length; i++) sb.append(i == 0 ? "" : ", ").append("trace").append(i);
        return sb.append("];\n").toString();
    }

    /** {@code PlotlyFigure('x^2/20 + y^2', [contour(60x60 grid), scatter(name=SGD(lr=0.95), 31 points)])}. */
    @Override
    public String toString() {
        return "PlotlyFigure('" + title() + "', "
                + Arrays.stream(getTraces()).map(Object::toString).collect(Collectors.joining(", ", "[", "]")) + ")";
    }
}
