package descent.notebook;

import descent.plot.FigureHtml;
import descent.plot.Html;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notebook shows for descent's rich types, independent of the kernel: text/html and text/plain.
 *
 * <pre>{@code
 * import descent.notebook.MimeBundle;
 * var f = Functions.dlfsBowl();
 * var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * MimeBundle.of(path.toTable());           // {text/html=<table ...>, text/plain=SGD(lr=0.95): 31 rows x 6 columns ...}
 * MimeBundle.of(Plots.contour(f, path));   // {text/html=<div id="descent-fig-..."> <script>..., text/plain=Figure '...'}
 * }</pre>
 *
 * <pre>
 *  Table  -> TableFormat.html / TableFormat.text
 *  Figure -> FigureHtml.notebook (the first one per JVM also carries plotly.js) / FigureHtml.text
 *  Html   -> its html / its text
 * </pre>
 * {@link JJavaExtension} and {@link IJava} register these for their kernels.
 */
public final class MimeBundle {
    public static final String TEXT_HTML = "text/html";
    public static final String TEXT_PLAIN = "text/plain";

    /** The types that get rich output, most specific first. */
    public static final List<Class<?>> TYPES = List.of(Table.class, Figure.class, Html.class);

    private MimeBundle() {
    }

    /** The text/html for a Table, Figure or Html. */
    public static String html(Object value) {
        if (value instanceof Table t) return TableFormat.html(t);
        if (value instanceof Figure f) return FigureHtml.notebook(f);
        if (value instanceof Html h) return h.html();
        throw unsupported(value);
    }

    /** The text/plain for a Table, Figure or Html. */
    public static String text(Object value) {
        if (value instanceof Table t) return TableFormat.text(t);
        if (value instanceof Figure f) return FigureHtml.text(f);
        if (value instanceof Html h) return h.text();
        throw unsupported(value);
    }

    /** Both representations, keyed by MIME type. */
    public static Map<String, String> of(Object value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TEXT_HTML, html(value));
        m.put(TEXT_PLAIN, text(value));
        return m;
    }

    private static IllegalArgumentException unsupported(Object value) {
        return new IllegalArgumentException("MimeBundle renders " + TYPES.stream().map(Class::getSimpleName).toList()
                + "; got " + (value == null ? "null" : value.getClass().getName())
                + ". Turn results into a Table first, e.g. trajectory.toTable().");
    }
}
