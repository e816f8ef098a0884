package descent.plot;

import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of descent's Plotly traces: an immutable, ordered map of Plotly attributes written as JSON.
 *
 * <pre>{@code
 * double[] xs = {-1, 0, 1}, ys = {-1, 1};
 * double[][] z = {{2, 1, 2}, {2, 1, 2}};                    // z[j][i] = f(xs[i], ys[j])
 * var t = ContourTrace.of(xs, ys, z).name("loss").with("opacity", 0.8);
 * t.asJavascript(2);    // var trace2 = {"type":"contour",...,"name":"loss","opacity":0.8};
 * var fig = new Figure(t, LineTrace.of(new double[] {-1, 0}, new double[] {1, 0}));   // any tablesaw Figure
 * }</pre>
 *
 * Each attribute is a Plotly.js trace attribute (https://plotly.com/javascript/reference/), keyed by its JSON name;
 * nested attributes use dotted keys, {@code with("marker.size", 8)}. Subclasses add typed withers for the
 * attributes descent uses and keep {@link #with(String, Object)} as the escape hatch for all others.
 *
 * <p>{@link #asJavascript(int)} emits {@code var trace<i> = {...};} with the index the figure passes in, so any
 * number of our traces, and tablesaw's own scatter traces, can share one figure. (tablesaw-jsplot 0.43.1 names
 * every contour and heatmap variable {@code trace0}, which breaks a contour followed by other traces.)
 *
 * @param <T> the concrete trace type, so that withers return it
 */
public abstract class PlotlyTrace<T extends PlotlyTrace<T>> implements Trace {
    private final Map<String, Object> attributes;

    protected PlotlyTrace(Map<String, Object> attributes) {
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    /** A copy of this trace with other attributes; subclasses return their own type. */
    protected abstract T copy(Map<String, Object> attributes);

    /**
     * A copy with one Plotly attribute set; a dotted key sets a nested attribute, {@code null} removes it.
     * Values may be anything {@link Json#write(Object)} understands.
     */
    public T with(String key, Object value) {
        return copy(put(attributes, key, value));
    }

    /** The attribute set by {@link #with}, or null; dotted keys read nested attributes. */
    public Object get(String key) {
        Object node = attributes;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) return null;
            node = m.get(part);
        }
        return node;
    }

    /** All attributes, in the order they were set. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The legend entry. */
    public T name(String name) {
        return with("name", name);
    }

    /** Whether this trace gets a legend entry. */
    public T showLegend(boolean show) {
        return with("showlegend", show);
    }

    /** This trace as a JSON object. */
    public String toJson() {
        return Json.write(attributes);
    }

    @Override
    public String asJavascript(int i) {
        return "var trace" + i + " = " + toJson() + ";";
    }

    @Override
    public String name() {
        Object n = attributes.get("name");
        return n == null ? "" : n.toString();
    }

    /** Hover labels are set through {@code with("hoverlabel", ...)}; tablesaw's object is not used. */
    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return !Boolean.FALSE.equals(attributes.get("showlegend"));
    }

    /** {@code contour(name=loss, 60x60)}: the type, the name and the data size. */
    @Override
    public String toString() {
        String n = name();
        return attributes.get("type") + "(" + (n.isEmpty() ? "" : "name=" + n + ", ") + sizeText() + ")";
    }

    /** The data size for {@link #toString()}, e.g. {@code 31 points}. */
    protected abstract String sizeText();

    /** A deep-enough copy of {@code attrs} with {@code key} (possibly dotted) set to {@code value}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> put(Map<String, Object> attrs, String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A Plotly attribute name must not be empty; got '" + key
                    + "'. Use names from https://plotly.com/javascript/reference/, e.g. \"opacity\" or \"marker.size\".");
        }
        Map<String, Object> copy = new LinkedHashMap<>(attrs);
        int dot = key.indexOf('.');
        if (dot < 0) {
            if (value == null) copy.remove(key);
            else copy.put(key, value);
            return copy;
        }
        String head = key.substring(0, dot);
        Object child = copy.get(head);
        Map<String, Object> childMap = child instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        copy.put(head, put(childMap, key.substring(dot + 1), value));
        return copy;
    }

    /** Checks that a grid has one z row per y value and one column per x value (Plotly's z[row = y][col = x]). */
    static void checkGrid(String what, double[] x, double[] y, double[][] z) {
        if (x == null || y == null || z == null) {
            throw new IllegalArgumentException(what + " needs x, y and z; got x=" + (x == null ? "null" : x.length)
                    + ", y=" + (y == null ? "null" : y.length) + ", z=" + (z == null ? "null" : z.length + " rows") + ".");
        }
        if (z.length != y.length) {
            throw new IllegalArgumentException(what + ": z has " + z.length + " rows but y has " + y.length
                    + " values; z[j][i] must be the value at (x[i], y[j]), one row per y.");
        }
        for (int j = 0; j < z.length; j++) {
            if (z[j].length != x.length) {
                throw new IllegalArgumentException(what + ": z row " + j + " has " + z[j].length + " values but x has "
                        + x.length + "; z[j][i] must be the value at (x[i], y[j]), one column per x.");
            }
        }
    }

    static double[][] copyOf(double[][] z) {
        double[][] r = new double[z.length][];
        for (int j = 0; j < z.length; j++) r[j] = z[j].clone();
        return r;
    }
}
