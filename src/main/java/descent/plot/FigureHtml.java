package descent.plot;

import descent.base.Escape;
import tech.tablesaw.plotly.components.Figure;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Turns any tablesaw {@link Figure} into HTML: the fallback of a notebook output, or a self-contained page.
 *
 * <pre>{@code
 * var fig = Plots.contour(Functions.dlfsBowl(), Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30));
 * FigureHtml.notebook(fig);   // <div class="descent-figure">(note, later a picture) <script>(JSON slot)</script> ...
 * FigureHtml.page(fig);       // <!DOCTYPE html>... with plotly.js inlined: opens offline in any browser
 * }</pre>
 *
 * A figure's notebook output is a bundle (see {@code descent.notebook.MimeBundle}); this class makes its
 * {@code text/html} part, for the front ends that do not draw {@link FigureJson#MIME} themselves:
 * <pre>
 *  &lt;div class="descent-figure"&gt;
 *    &lt;div class="descent-picture"&gt;&lt;!--descent-picture--&gt; a text note &lt;!--/descent-picture--&gt;&lt;/div&gt;
 *    &lt;script type="application/json" class="descent-figure-json"&gt;&lt;/script&gt;   (empty in the notebook)
 *    &lt;script&gt; if the JSON is there and window.Plotly exists (within 3 s): draw, then remove the picture &lt;/script&gt;
 *  &lt;/div&gt;
 * </pre>
 * {@code ./descent run} stores a picture of the figure (rendered in headless Chromium) as {@code image/png} and removes
 * this {@code text/html}, recognized by its picture comments: viewers that prefer HTML (nbconvert, nbviewer, GitHub)
 * then show the picture, stored once. No output carries plotly.js. {@code ./descent run --html} exports pages whose
 * figures get a {@code text/html} of the same shape, with the picture and the JSON in its slot, and one copy of
 * plotly.js and one drawer per page, so they draw interactively offline. Nothing depends on another output or on what
 * the kernel did before.
 */
public final class FigureHtml {
    /** Marks the start of the part {@code ./descent run} replaces with the figure's picture. */
    public static final String PICTURE_START = "<!--descent-picture-->";
    /** Marks the end of that part. */
    public static final String PICTURE_END = "<!--/descent-picture-->";
    /** How long a fallback waits for window.Plotly before it keeps the picture, in milliseconds. */
    public static final int WAIT_FOR_PLOTLY_MS = 3_000;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");

    private FigureHtml() {
    }

    /**
     * The text/html fallback of a notebook output: a note where the picture will be, an empty slot for the figure's JSON
     * (an exporter fills it; the notebook keeps the JSON once, in {@link FigureJson#MIME}) and a drawer.
     */
    public static String notebook(Figure figure) {
        String id = newDivId();
        return "<div id=\"" + id + "\" class=\"descent-figure\">\n"
                + "<div class=\"descent-picture\">" + PICTURE_START
                + "<div class=\"descent-fallback\" style=\"padding:8px;border:1px dashed #999;color:#444;"
                + "font-family:sans-serif;font-size:13px\">" + escape(fallbackText(figure)) + "</div>"
                + PICTURE_END + "</div>\n"
                + "<script type=\"application/json\" class=\"descent-figure-json\"></script>\n"
                + "<script>\n" + drawIfPlotly(id) + "</script>\n</div>\n";
    }

    /**
     * A complete HTML page with plotly.js inlined (uncompressed, about 11 MB), which opens in any browser
     * without a network.
     */
    public static String page(Figure figure) {
        String id = newDivId();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(titleOf(figure)) + "</title>\n"
                + "<script>\n" + safeInScript(PlotlyJs.source()) + "\n</script>\n</head>\n<body>\n"
                + "<div id=\"" + id + "\" class=\"descent-figure\"></div>\n"
                + "<script>\nPlotly.newPlot(document.getElementById(" + Json.write(id) + "), "
                + safeInScript(FigureJson.write(figure)) + ");\n</script>\n</body>\n</html>\n";
    }

    /**
     * Figures no longer need plotly.js loaded by a cell: each output stands alone. Kept so that old notebooks that
     * call {@code Plots.embedPlotly()} still run; it shows a short note and loads nothing.
     */
    public static Html embedPlotlyHtml() {
        String note = "Nothing to embed: every descent figure draws on its own (plotly.js is no longer embedded).";
        return new Html("<div style=\"font-family:sans-serif;font-size:11px;color:#888\">" + escape(note) + "</div>\n",
                note);
    }

    /**
     * One line for text-only displays: {@code Figure 'x^2/20 + y^2' with 3 traces (x^2/20 + y^2, SGD(lr=0.95), ...)}.
     * A trace without a name shows its type and size when it is one of descent's ({@code heatmap(74x238 grid)}), else
     * its position ({@code trace2}).
     */
    public static String text(Figure figure) {
        var traces = figure.getTraces() == null ? new tech.tablesaw.plotly.traces.Trace[0] : figure.getTraces();
        StringBuilder sb = new StringBuilder("Figure '").append(titleOf(figure)).append("' with ")
                .append(traces.length).append(traces.length == 1 ? " trace" : " traces");
        if (traces.length > 0) {
            sb.append(" (");
            for (int i = 0; i < traces.length; i++) {
                if (i > 0) sb.append(", ");
                String name = traces[i].name();
                boolean named = name != null && !name.isEmpty();
                sb.append(named ? name : traces[i] instanceof PlotlyTrace<?> p ? p.toString() : "trace" + i);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** The note shown where scripts do not run and no picture has been added yet. */
    public static String fallbackText(Figure figure) {
        int n = figure.getTraces() == null ? 0 : figure.getTraces().length;
        return "Plotly figure '" + titleOf(figure) + "' with " + n + (n == 1 ? " trace" : " traces")
                + ": JupyterLab, Notebook 7 and VS Code draw it; ./descent run adds a picture for viewers without"
                + " scripts.";
    }

    /** The figure's title, or "" when it has none. */
    public static String titleOf(Figure figure) {
        if (figure instanceof PlotlyFigure p) return p.title();
        String t = figure.getLayout() == null ? null : figure.getLayout().getTitle();
        return t == null ? "" : t;
    }

    /** A fresh element id: a counter (readable, ordered) plus a random suffix (unique across kernel restarts). */
    static String newDivId() {
        return "descent-fig-" + COUNTER.incrementAndGet() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL, 36);
    }

    /**
     * Draws the figure JSON in the slot next to this script (if an exporter filled it) if window.Plotly appears within {@link #WAIT_FOR_PLOTLY_MS}, then
     * removes the picture; otherwise (or if drawing fails) the picture stays. Finds its own elements through
     * document.currentScript, so a front end that shows one output twice draws both.
     */
    private static String drawIfPlotly(String id) {
        return "(function () {\n"
                + "  var box = document.currentScript ? document.currentScript.parentNode : document.getElementById("
                + Json.write(id) + ");\n"
                + "  if (!box) return;\n"
                + "  var waited = 0;\n"
                + "  (function wait() {\n"
                + "    if (!(window.Plotly && window.Plotly.newPlot)) {\n"
                + "      if ((waited += 100) <= " + WAIT_FOR_PLOTLY_MS + ") setTimeout(wait, 100);\n"
                + "      return;\n"
                + "    }\n"
                + "    var data = box.querySelector('script.descent-figure-json');\n"
                + "    if (!data || !data.textContent.trim()) return;\n"
                + "    var div = document.createElement('div');\n"
                + "    box.appendChild(div);\n"
                + "    try {\n"
                + "      var spec = JSON.parse(data.textContent);\n"
                + "      Promise.resolve(window.Plotly.newPlot(div, spec)).then(function () {\n"
                + "        var picture = box.querySelector('.descent-picture');\n"
                + "        if (picture) picture.remove();\n"
                + "      }, function () { div.remove(); });\n"
                + "    } catch (e) {\n"
                + "      div.remove();\n"
                + "    }\n"
                + "  })();\n"
                + "})();\n";
    }

    /**
     * Makes JavaScript safe inside an HTML script element: {@code </script} would end the element early and
     * {@code <!--} changes how the HTML parser reads the rest. Both can only appear inside JS strings, regexes or
     * comments, where {@code <\/} and {@code <\!} mean the same.
     */
    static String safeInScript(String js) {
        return SCRIPT_END.matcher(js).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
    }

    /** Escapes text for HTML element content and attribute values: {@link Escape#html(String)}. */
    public static String escape(String s) {
        return Escape.html(s);
    }
}
