package descent.notebook;

import descent.plot.FigureHtml;
import descent.plot.FigureJson;
import descent.plot.Html;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notebook shows for descent's rich types, independent of the kernel: one display bundle per value, keyed by
 * MIME type, most preferred first.
 *
 * <pre>{@code
 * import descent.notebook.MimeBundle;
 * var f = Functions.dlfsBowl();
 * var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * MimeBundle.of(path.toTable()).keySet();           // [text/html, text/plain]
 * MimeBundle.of(Plots.contour(f, path)).keySet();   // [application/vnd.plotly.v1+json, text/html, text/plain]
 * }</pre>
 *
 * <pre>
 *  Table  -> text/html (TableFormat.html), text/plain (TableFormat.text)
 *  Figure -> application/vnd.plotly.v1+json (FigureJson.tree: a JSON object, never a string),
 *            text/html (FigureHtml.notebook: a note; ./descent run replaces it with image/png, the picture),
 *            text/plain (FigureHtml.text)
 *  Html   -> text/html, text/plain
 * </pre>
 * Every bundle stands alone: it carries no plotly.js and does not depend on earlier outputs. {@link JJavaExtension}
 * and {@link IJava} register it for their kernels through {@link #mimeTypes(Class)} and {@link #of(Object)}.
 */
public final class MimeBundle {
    public static final String TEXT_HTML = "text/html";
    public static final String TEXT_PLAIN = "text/plain";
    public static final String PLOTLY_JSON = FigureJson.MIME;

    /** The types that get rich output, most specific first. */
    public static final List<Class<?>> TYPES = List.of(Table.class, Figure.class, Html.class);

    private MimeBundle() {
    }

    /** The MIME types a value of this type gets, most preferred first. */
    public static List<String> mimeTypes(Class<?> type) {
        if (Figure.class.isAssignableFrom(type)) return List.of(PLOTLY_JSON, TEXT_HTML, TEXT_PLAIN);
        if (Table.class.isAssignableFrom(type) || Html.class.isAssignableFrom(type)) return List.of(TEXT_HTML, TEXT_PLAIN);
        throw unsupported(type.getName());
    }

    /**
     * The whole bundle, in the order of {@link #mimeTypes(Class)}. Values are Strings, except the Plotly JSON: a
     * tree of Map, List, String, Long, Double, Boolean and null, which a kernel writes as a JSON object.
     */
    public static Map<String, Object> of(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (value instanceof Figure f) {
            m.put(PLOTLY_JSON, FigureJson.tree(f));
            m.put(TEXT_HTML, FigureHtml.notebook(f));
            m.put(TEXT_PLAIN, FigureHtml.text(f));
        } else {
            m.put(TEXT_HTML, html(value));
            m.put(TEXT_PLAIN, text(value));
        }
        return m;
    }

    /** The text/html for a Table, Figure or Html. */
    public static String html(Object value) {
        if (value instanceof Table t) return TableFormat.html(t);
        if (value instanceof Figure f) return FigureHtml.notebook(f);
        if (value instanceof Html h) return h.html();
        throw unsupported(value == null ? "null" : value.getClass().getName());
    }

    /** The text/plain for a Table, Figure or Html. */
    public static String text(Object value) {
        if (value instanceof Table t) return TableFormat.text(t);
        if (value instanceof Figure f) return FigureHtml.text(f);
        if (value instanceof Html h) return h.text();
        throw unsupported(value == null ? "null" : value.getClass().getName());
    }

    private static IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("MimeBundle renders " + TYPES.stream().map(Class::getSimpleName).toList()
                + "; got " + what + ". Turn results into a Table first, e.g. trajectory.toTable().");
    }
}
