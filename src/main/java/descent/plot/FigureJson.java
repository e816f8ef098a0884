package descent.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure as Plotly's own JSON, {@code {"data": [...], "layout": {...}, "config": {...}}}: the
 * {@code application/vnd.plotly.v1+json} output that JupyterLab, Notebook 7 (with the {@code plotly} package's
 * extension) and VS Code draw natively, without any script in the output.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();
 * var fig = Plots.contour(f, Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30));
 * FigureJson.write(fig);   // {"data":[{"type":"contour",...}],"layout":{"title":{"text":...}},"config":{...}}
 * }</pre>
 *
 * <pre>
 *  PlotlyFigure      layout() as is; each PlotlyTrace's attributes(); an AnimatedFigure adds "frames"
 *  other Figures     tablesaw's layout and trace JavaScript, read back with JsLiteral
 *  numbers           rounded to DIGITS significant digits (points and lines: far below a pixel), the cells of a
 *                    2-D grid (contour, heatmap, surface z) to GRID_DIGITS (they become colours); outputs stay small
 * </pre>
 */
public final class FigureJson {
    /** The MIME type of Plotly figure JSON in notebook outputs. */
    public static final String MIME = "application/vnd.plotly.v1+json";
    /** Significant digits kept in a figure's numbers: far below a pixel, and 2-3 times shorter than 17. */
    public static final int DIGITS = 7;
    /** Significant digits kept in the cells of a 2-D grid: a colour scale shows far fewer. */
    public static final int GRID_DIGITS = 4;

    private FigureJson() {
    }

    /** The figure as compact JSON text, numbers rounded to {@value #DIGITS} significant digits. */
    public static String write(Figure figure) {
        return Json.write(rounded(spec(figure)));
    }

    /**
     * The same JSON as a tree of {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double},
     * {@code Boolean} and null: what a kernel's JSON library serializes as a JSON object (not a string).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> tree(Figure figure) {
        return (Map<String, Object>) JsLiteral.parse(write(figure), false);
    }

    /** The figure's data, layout, config (and frames), unrounded. */
    static Map<String, Object> spec(Figure figure) {
        Map<String, Object> spec = new LinkedHashMap<>();
        List<Object> data = new ArrayList<>();
        Trace[] traces = figure.getTraces() == null ? new Trace[0] : figure.getTraces();
        for (int i = 0; i < traces.length; i++) {
            data.add(traces[i] instanceof PlotlyTrace<?> t ? t.attributes() : JsLiteral.parse(traces[i].asJavascript(i), true));
        }
        spec.put("data", data);
        if (figure instanceof PlotlyFigure p) {
            spec.put("layout", p.layout());
        } else {
            spec.put("layout", figure.getLayout() == null ? Map.of()
                    : JsLiteral.parse(figure.getLayout().asJavascript(), true));
        }
        spec.put("config", Json.obj("responsive", true, "displaylogo", false));
        if (figure instanceof AnimatedFigure a) spec.put("frames", a.frames());
        return spec;
    }

    /**
     * A copy of a JSON-like value with every double rounded to {@value #DIGITS} significant digits, and those in
     * rows of a 2-D array ({@code double[][]}) to {@value #GRID_DIGITS}.
     */
    static Object rounded(Object value) {
        if (value instanceof Double || value instanceof Float) return round(((Number) value).doubleValue(), DIGITS);
        if (value instanceof double[] a) return round(a, DIGITS);
        if (value instanceof double[][] grid) {
            List<double[]> rows = new ArrayList<>(grid.length);
            for (double[] row : grid) rows.add(row == null ? null : round(row, GRID_DIGITS));
            return rows;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) r.put(String.valueOf(e.getKey()), rounded(e.getValue()));
            return r;
        }
        if (value instanceof Collection<?> c) {
            List<Object> r = new ArrayList<>(c.size());
            for (Object o : c) r.add(rounded(o));
            return r;
        }
        if (value instanceof Object[] a) return rounded(java.util.Arrays.asList(a));
        return value;
    }

    private static double[] round(double[] a, int digits) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = round(a[i], digits);
        return r;
    }

    /** {@code v} to {@code digits} significant digits; NaN and infinities stay (Json writes them as null). */
    static double round(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) return v;
        return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }
}
