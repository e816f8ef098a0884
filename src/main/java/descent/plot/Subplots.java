package descent.plot;

import descent.base.Check;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several figures side by side in one: a grid of panels, each with its own axes and title.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();
 * var sgd = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * var adam = Optimizers.adam(0.3).minimize(f, Vec.of(-7, 2), 30);
 * Subplots.of("two optimizers on one bowl", 2, Plots.contour(f, sgd), Plots.contour(f, adam))   // one row of two panels
 * }</pre>
 *
 * <pre>
 *   panel k (0-based) sits in row k / cols, column k % cols; its traces are drawn on axes x(k+1), y(k+1)
 *   each panel keeps its own axis titles and ranges; its figure title becomes the panel's title, wrapped at spaces
 *     to the panel's width (in an 800 px figure)
 *   traces named alike share one legend entry (legendgroup), so a legend toggles them in every panel
 *   contour and heatmap colour bars sit beside their own panel (the gap between panels widens for them)
 *   the legend runs horizontally under the grid
 * </pre>
 *
 * Plotly's subplot layout (https://plotly.com/javascript/subplots/) written by hand: one {@code xaxisN}/{@code yaxisN}
 * per panel with a {@code domain}, and panel titles as paper-anchored annotations.
 */
public final class Subplots {
    /** Height of one row of panels in px. */
    public static final int ROW_HEIGHT = 300;
    private static final double HGAP = 0.07;
    /** The gap when panels carry colour bars: room for the bar and its tick labels before the next panel. */
    private static final double HGAP_COLORBAR = 0.15;
    private static final double VGAP = 0.09;
    /** The width of an average character of a 13 px panel title, in px. */
    private static final double PANEL_TITLE_CHAR_PX = 6.5;
    /** The height of one more line of a panel title, in px. */
    private static final int PANEL_TITLE_LINE_PX = 17;

    private Subplots() {
    }

    /** The panels in a grid with {@code cols} columns (rows as needed), under one title. */
    public static PlotlyFigure of(String title, int cols, PlotlyFigure... panels) {
        return of(title, cols, List.of(panels));
    }

    /** As {@link #of(String, int, PlotlyFigure...)} from a list. */
    public static PlotlyFigure of(String title, int cols, List<PlotlyFigure> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("Subplots.of needs at least one panel; got none.");
        }
        Check.atLeast("number of columns", cols, 1, "such as 2");
        int n = panels.size(), c = Math.min(cols, n), rows = (n + c - 1) / c;
        boolean bars = panels.stream().flatMap(p -> p.traces().stream()).anyMatch(Subplots::hasColorbar);
        double gap = bars ? HGAP_COLORBAR : HGAP;
        double w = (1 - gap * (c - 1) - (bars ? 0.06 : 0)) / c, h = (1 - VGAP * (rows - 1)) / rows;
        Map<String, Object> layout = new LinkedHashMap<>(Json.obj("title", Json.obj("text", MathText.of(title)),
                "height", Math.max(PlotlyFigure.DEFAULT_HEIGHT, ROW_HEIGHT * rows + 80), "template", PlotlyFigure.NUMBERS));
        List<Object> annotations = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int k = 0; k < n; k++) {
            PlotlyFigure p = panels.get(k);
            int row = k / c, col = k % c;
            double x0 = col * (w + gap), x1 = x0 + w;
            double y1 = 1 - row * (h + VGAP), y0 = y1 - h;
            String sx = k == 0 ? "" : Integer.toString(k + 1);
            layout.put("xaxis" + sx, axis(p.layout().get("xaxis"), "y" + sx, x0, x1, k + 1));
            layout.put("yaxis" + sx, axis(p.layout().get("yaxis"), "x" + sx, y0, y1, k + 1));
            if (!p.title().isEmpty()) {
                // a panel title wider than its panel would run into its neighbours' titles: wrap it at spaces
                int chars = Math.max(12, (int) (w * FigureJson.TITLE_WIDTH / PANEL_TITLE_CHAR_PX));
                annotations.add(Json.obj("text", String.join("<br>", TitleWrap.balanced(p.title(), chars)), "xref", "paper", "yref", "paper", "x", (x0 + x1) / 2,
                        "y", y1, "xanchor", "center", "yanchor", "bottom", "showarrow", false, "font", Json.obj("size", 13)));
            }
            for (Trace t : p.traces()) {
                if (!(t instanceof PlotlyTrace<?> pt)) {
                    throw new IllegalArgumentException("Subplots takes descent's traces (LineTrace, ContourTrace, ...); panel '"
                            + p.title() + "' has a " + t.getClass().getSimpleName() + ".");
                }
                traces.add(place(pt, "x" + sx, "y" + sx, x1, y0, y1, named));
            }
        }
        if (!annotations.isEmpty()) layout.put("annotations", annotations);
        // panel titles of several lines grow upwards from their panel: make room above the first row
        int lines = annotations.stream().mapToInt(a -> ((String) ((Map<?, ?>) a).get("text")).split("<br>").length).max().orElse(1);
        if (lines > 1) layout.put("margin", Json.obj("t", FigureJson.DEFAULT_TOP_MARGIN + PANEL_TITLE_LINE_PX * (lines - 1)));
        // the legend goes under the grid: on the right it would cover colour bars
        return new PlotlyFigure(layout, traces.toArray(Trace[]::new)).withLegendBelow();
    }

    private static boolean hasColorbar(Trace t) {
        if (!(t instanceof PlotlyTrace<?> p)) return false;
        Object type = p.get("type");
        return ("contour".equals(type) || "heatmap".equals(type)) && !Boolean.FALSE.equals(p.get("showscale"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> axis(Object source, String anchor, double from, double to, int k) {
        Map<String, Object> a = source instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        if (a.get("scaleanchor") != null) a.put("scaleanchor", "x" + (k == 1 ? "" : Integer.toString(k)));
        a.put("anchor", anchor);
        a.put("domain", new double[] {from, to});
        return a;
    }

    private static PlotlyTrace<?> place(PlotlyTrace<?> t, String xa, String ya, double right, double y0, double y1,
                                        Set<String> named) {
        PlotlyTrace<?> r = t.with("xaxis", xa).with("yaxis", ya);
        if (hasColorbar(t)) {
            r = r.with("colorbar.x", right + 0.01).with("colorbar.xanchor", "left").with("colorbar.y", (y0 + y1) / 2)
                    .with("colorbar.len", y1 - y0).with("colorbar.thickness", 12).with("colorbar.tickfont.size", 10);
        }
        String name = t.name();
        if (!name.isEmpty() && t.showLegend()) {
            r = r.with("legendgroup", name);
            if (!named.add(name)) r = r.with("showlegend", false);
        }
        return r;
    }
}
