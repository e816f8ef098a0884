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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *                    (nbformat puts every element of a JSON array on its own indented line); arrays of whole numbers
 *                    (class indices, steps) in the smallest integer type that holds them exactly: u1/i1, u2/i2, u4/i4
 *  long lines        a line trace (scatter, lines only) of more than LINE_MAX_POINTS points keeps the points that draw
 *                    it at LINE_BUCKETS px: the ends of flat runs, then per bucket the first, last, lowest and highest
 *                    ({@link Decimation}, M4); an evenly spaced x (0, 1, 2, ...) becomes Plotly's x0 and dx
 *  titles            lines longer than {@link TitleWrap#LINE} characters (in an 800 px figure) wrapped ({@link TitleWrap})
 * </pre>
 * Traces that animation frames replace keep all their points and their x.
 */
public final class FigureJson {
    /** The MIME type of Plotly figure JSON in notebook outputs. */
    public static final String MIME = "application/vnd.plotly.v1+json";
    /** Significant digits kept in a figure's numbers: far below a pixel, and 2-3 times shorter than 17. */
    public static final int DIGITS = 7;
    /** Arrays of at least this many numbers are written as float32 typed arrays (float32 keeps about 7 digits). */
    public static final int TYPED_MIN = 8;
    /** Buckets across a long line's x range: one or more per pixel column of a plot up to this many px wide. */
    public static final int LINE_BUCKETS = 1000;
    /** Line traces with more points than this are decimated to at most 4 per bucket ({@link Decimation}). */
    public static final int LINE_MAX_POINTS = 2 * LINE_BUCKETS;
    /** The width in px titles are wrapped for when a figure has no width of its own (it then follows the cell). */
    static final int TITLE_WIDTH = 800;

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
        Set<Integer> framed = figure instanceof AnimatedFigure a ? framedTraces(a) : Set.of();
        for (int i = 0; i < traces.length; i++) {
            if (traces[i] instanceof PlotlyTrace<?> t) data.add(framed.contains(i) ? t.attributes() : compactLine(t.attributes()));
            else data.add(JsLiteral.parse(traces[i].asJavascript(i), true));
        }
        spec.put("data", data);
        Object layout;
        if (figure instanceof PlotlyFigure p) {
            layout = p.layout();
        } else {
            layout = figure.getLayout() == null ? Map.of() : JsLiteral.parse(figure.getLayout().asJavascript(), true);
        }
        int width = layout instanceof Map<?, ?> m && m.get("width") instanceof Number w ? w.intValue() : TITLE_WIDTH;
        spec.put("layout", wrappedTitle(layout, width, true));
        spec.put("config", Json.obj("responsive", true, "displaylogo", false));
        if (figure instanceof AnimatedFigure a) {
            List<Object> frames = new ArrayList<>();
            for (Map<String, Object> frame : a.frames()) {
                frames.add(frame.get("layout") == null ? frame : PlotlyTrace.put(frame, "layout", wrappedTitle(frame.get("layout"), width, false)));
            }
            spec.put("frames", frames);
        }
        return spec;
    }

    /** The indices of the traces some animation frame replaces. */
    private static Set<Integer> framedTraces(AnimatedFigure a) {
        Set<Integer> r = new HashSet<>();
        for (Map<String, Object> frame : a.frames()) {
            if (frame.get("traces") instanceof int[] ix) for (int i : ix) r.add(i);
            else if (frame.get("traces") instanceof Collection<?> c) for (Object i : c) if (i instanceof Number n) r.add(n.intValue());
        }
        return r;
    }

    /**
     * A layout (or frame layout) whose title.text is wrapped for a figure {@code width} px wide; {@code grow}: with a
     * top margin a line taller for each line the wrap added (a frame keeps the figure's margins).
     */
    @SuppressWarnings("unchecked")
    private static Object wrappedTitle(Object layout, int width, boolean grow) {
        if (!(layout instanceof Map<?, ?> m)) return layout;
        Object title = m.get("title");
        String text = title instanceof Map<?, ?> t && t.get("text") instanceof String s ? s : title instanceof String s ? s : null;
        if (text == null) return layout;
        String wrapped = TitleWrap.wrap(text, Math.max(20, TitleWrap.LINE * width / TITLE_WIDTH));
        if (wrapped.equals(text)) return layout;
        Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) m);
        r = title instanceof Map<?, ?> ? PlotlyTrace.put(r, "title.text", wrapped) : PlotlyTrace.put(r, "title", wrapped);
        if (!grow) return r;
        // Plotly centres the title in the top margin: grow it by a line for each line the wrap added
        int added = breaks(wrapped) - breaks(text);
        Object top = r.get("margin") instanceof Map<?, ?> margin ? margin.get("t") : null;
        return PlotlyTrace.put(r, "margin.t", (top instanceof Number n ? n.intValue() : DEFAULT_TOP_MARGIN) + TITLE_LINE_PX * added);
    }

    /** Plotly's default top margin, in px. */
    static final int DEFAULT_TOP_MARGIN = 100;
    /** The height of one more title line, in px (17 px type, Plotly's line spacing 1.3). */
    static final int TITLE_LINE_PX = 22;

    private static int breaks(String markup) {
        return markup.split("(?i)<br\\s*/?>", -1).length - 1;
    }

    /**
     * A scatter trace's attributes with a long line decimated (see {@link Decimation}) and an evenly spaced x written
     * as x0 and dx; any other trace as it is.
     */
    static Map<String, Object> compactLine(Map<String, Object> trace) {
        if (!"scatter".equals(trace.getOrDefault("type", "scatter")) || !(trace.get("x") instanceof double[] x)
                || !(trace.get("y") instanceof double[] y) || x.length != y.length) {
            return trace;
        }
        Map<String, Object> r = trace;
        if (x.length > LINE_MAX_POINTS && decimable(trace, x, y)) {
            int[] keep = Decimation.keep(x, y, LINE_BUCKETS);
            r = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : trace.entrySet()) {
                r.put(e.getKey(), PER_POINT.contains(e.getKey()) ? select(e.getValue(), keep) : e.getValue());
            }
            x = (double[]) r.get("x");
        }
        if (x.length >= TYPED_MIN && evenlySpaced(x)) {
            Map<String, Object> even = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : r.entrySet()) {
                if (!e.getKey().equals("x")) {
                    even.put(e.getKey(), e.getValue());
                    continue;
                }
                even.put("x0", x[0]);
                even.put("dx", x[1] - x[0]);
            }
            r = even;
        }
        return r;
    }

    /** Attributes with one value per point that decimation keeps in step with x and y. */
    private static final Set<String> PER_POINT = Set.of("x", "y", "text", "hovertext", "customdata");

    /**
     * Lines only (no markers or text drawn per point), straight segments, x ascending, every value finite, and no
     * per-point array other than {@link #PER_POINT}: then dropping points changes no pixel.
     */
    private static boolean decimable(Map<String, Object> trace, double[] x, double[] y) {
        Object mode = trace.get("mode");
        if (mode != null && !"lines".equals(mode)) return false;
        Object shape = trace.get("line") instanceof Map<?, ?> line ? line.get("shape") : null;
        if (shape != null && !"linear".equals(shape)) return false;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || (i > 0 && x[i] < x[i - 1])) return false;
        }
        for (Map.Entry<String, Object> e : trace.entrySet()) {
            if (PER_POINT.contains(e.getKey())) {
                if (length(e.getValue()) != x.length && length(e.getValue()) >= 0) return false;
            } else if (hasArrayOfLength(e.getValue(), x.length)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasArrayOfLength(Object value, int n) {
        if (length(value) == n) return true;
        if (value instanceof Map<?, ?> m) for (Object v : m.values()) if (hasArrayOfLength(v, n)) return true;
        return false;
    }

    /** The length of an array or list, or -1 for anything else. */
    private static int length(Object value) {
        if (value instanceof double[] a) return a.length;
        if (value instanceof Object[] a) return a.length;
        if (value instanceof int[] a) return a.length;
        if (value instanceof List<?> l) return l.size();
        return -1;
    }

    private static Object select(Object value, int[] keep) {
        if (value instanceof double[] a) {
            double[] r = new double[keep.length];
            for (int k = 0; k < keep.length; k++) r[k] = a[keep[k]];
            return r;
        }
        if (value instanceof Object[] a) {
            Object[] r = new Object[keep.length];
            for (int k = 0; k < keep.length; k++) r[k] = a[keep[k]];
            return r;
        }
        if (value instanceof List<?> l) {
            List<Object> r = new ArrayList<>(keep.length);
            for (int k : keep) r.add(l.get(k));
            return r;
        }
        return value;
    }

    /** x[i] == x[0] + i·(x[1] − x[0]) exactly, as Plotly computes x from x0 and dx, with both exact after rounding. */
    static boolean evenlySpaced(double[] x) {
        double x0 = x[0], dx = x[1] - x[0];
        if (!(dx != 0) || !Double.isFinite(dx) || round(x0, DIGITS) != x0 || round(dx, DIGITS) != dx) return false;
        for (int i = 2; i < x.length; i++) if (x[i] != x0 + i * dx) return false;
        return true;
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

    /**
     * Plotly's typed-array spec, little-endian, base64: whole numbers in the smallest integer type that holds them
     * all ({@link #integerType}), others as float32; a grid also gets its shape, "rows, columns".
     */
    static Map<String, Object> typed(double[][] rows, boolean grid) {
        int n = 0;
        for (double[] row : rows) n += row.length;
        String dtype = integerType(rows);
        int size = switch (dtype) {
            case "u1", "i1" -> 1;
            case "u2", "i2" -> 2;
            default -> 4;
        };
        ByteBuffer bytes = ByteBuffer.allocate(size * n).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : rows) {
            for (double v : row) {
                switch (dtype) {
                    case "u1", "i1" -> bytes.put((byte) (long) v);
                    case "u2", "i2" -> bytes.putShort((short) (long) v);
                    case "u4", "i4" -> bytes.putInt((int) (long) v);
                    default -> bytes.putFloat((float) v);
                }
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("dtype", dtype);
        spec.put("bdata", Base64.getEncoder().encodeToString(bytes.array()));
        if (grid) spec.put("shape", rows.length + ", " + rows[0].length);
        return spec;
    }

    /**
     * "u1", "i1", "u2", "i2", "u4" or "i4" when every value is a whole number in that type's range (the smallest
     * such type; unsigned when none is negative), else "f4".
     */
    static String integerType(double[][] rows) {
        double lo = 0, hi = 0;
        for (double[] row : rows) {
            for (double v : row) {
                if (v != Math.rint(v) || !Double.isFinite(v)) return "f4";
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo >= 0) return hi <= 0xff ? "u1" : hi <= 0xffff ? "u2" : hi <= 0xffffffffL ? "u4" : "f4";
        if (lo >= Byte.MIN_VALUE && hi <= Byte.MAX_VALUE) return "i1";
        if (lo >= Short.MIN_VALUE && hi <= Short.MAX_VALUE) return "i2";
        return lo >= Integer.MIN_VALUE && hi <= Integer.MAX_VALUE ? "i4" : "f4";
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
