package descent.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
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
 *  numbers           rounded to DIGITS significant digits: far below a pixel, and 2-3 times shorter than 17
 *  arrays            of at least TYPED_MIN numbers (a path, a loss curve, a contour grid) as Plotly's typed-array spec,
 *                    {"dtype":"f4","bdata":"&lt;base64 of little-endian float32&gt;","shape":"80, 80"}, as plotly.py
 *                    writes numpy arrays: about 7 digits, 5.3 characters a number, and one line in the .ipynb
 *                    (nbformat puts every element of a JSON array on its own indented line)
 * </pre>
 */
public final class FigureJson {
    /** The MIME type of Plotly figure JSON in notebook outputs. */
    public static final String MIME = "application/vnd.plotly.v1+json";
    /** Significant digits kept in a figure's numbers: far below a pixel, and 2-3 times shorter than 17. */
    public static final int DIGITS = 7;
    /** Arrays of at least this many numbers are written as float32 typed arrays (float32 keeps about 7 digits). */
    public static final int TYPED_MIN = 8;

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
     * A copy of a JSON-like value with every double rounded to {@value #DIGITS} significant digits, and every
     * {@code double[]} or rectangular {@code double[][]} of at least {@value #TYPED_MIN} numbers as a typed array.
     */
    static Object rounded(Object value) {
        if (value instanceof Double || value instanceof Float) return round(((Number) value).doubleValue(), DIGITS);
        if (value instanceof double[] a) return a.length >= TYPED_MIN ? typed(new double[][] {a}, false) : round(a, DIGITS);
        if (value instanceof double[][] grid && rectangular(grid) && grid.length * grid[0].length >= TYPED_MIN) {
            return typed(grid, true);
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

    private static boolean rectangular(double[][] grid) {
        if (grid.length == 0 || grid[0] == null) return false;
        for (double[] row : grid) if (row == null || row.length != grid[0].length) return false;
        return true;
    }

    /** Plotly's typed-array spec: float32, little-endian, base64; a grid also gets its shape, "rows, columns". */
    static Map<String, Object> typed(double[][] rows, boolean grid) {
        int n = 0;
        for (double[] row : rows) n += row.length;
        ByteBuffer bytes = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : rows) for (double v : row) bytes.putFloat((float) v);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("dtype", "f4");
        spec.put("bdata", Base64.getEncoder().encodeToString(bytes.array()));
        if (grid) spec.put("shape", rows.length + ", " + rows[0].length);
        return spec;
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
