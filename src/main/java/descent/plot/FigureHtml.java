package descent.plot;

import descent.base.Escape;
import tech.tablesaw.plotly.components.Figure;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Turns any tablesaw {@link Figure} into HTML: a fragment for notebook outputs, or a self-contained page.
 *
 * <pre>{@code
 * var fig = Plots.contour(Functions.dlfsBowl(), Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30));
 * FigureHtml.notebook(fig);   // <div id="descent-fig-1-...">fallback text</div><script>...</script>
 * FigureHtml.page(fig);       // <!DOCTYPE html>... with plotly.js inlined: opens offline in any browser
 * }</pre>
 *
 * How a notebook fragment draws:
 * <pre>
 *  1. the first fragment of a JVM (= kernel session) also carries plotly.js, gzipped and base64-encoded
 *     (about 2.6 MB instead of 11 MB); the browser inflates it with DecompressionStream('gzip') and runs it as a
 *     script element, once per page (guarded by window.descentPlotlyLoading), which sets window.Plotly;
 *  2. every fragment is a div holding a visible text fallback, then a script that wraps the figure's own
 *     asJavascript(divId) in a function (its var layout / var trace0 stay local, so figures don't collide),
 *     waits up to 20 s for window.Plotly, clears the fallback and calls Plotly.newPlot;
 *  3. if plotly never arrives (a page reloaded without re-running the first figure's cell), the fallback
 *     becomes a message saying to run Plots.embedPlotly() in a cell.
 * </pre>
 * Where scripts do not run (GitHub's static view, an untrusted notebook) the fallback text stays. No RequireJS
 * and no CDN are involved.
 */
public final class FigureHtml {
    /** How long a figure waits for plotly.js before showing how to load it, in milliseconds. */
    public static final int WAIT_FOR_PLOTLY_MS = 20_000;

    private static final AtomicBoolean EMBEDDED = new AtomicBoolean();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");

    private FigureHtml() {
    }

    /**
     * The HTML fragment for a notebook output; the first call in this JVM also embeds plotly.js
     * (see {@link #plotlyEmbedded()}).
     */
    public static String notebook(Figure figure) {
        return fragment(figure, !EMBEDDED.getAndSet(true));
    }

    /** The fragment, with or without the plotly.js loader in front of it. */
    public static String fragment(Figure figure, boolean withPlotly) {
        String id = newDivId();
        String fallback = escape(fallbackText(figure));
        return (withPlotly ? plotlyLoader() : "")
                + "<div id=\"" + id + "\" class=\"descent-figure\">"
                + "<div class=\"descent-fallback\" style=\"padding:8px;border:1px dashed #999;color:#444;"
                + "font-family:sans-serif;font-size:13px\">" + fallback + "</div></div>\n"
                + "<script>\n" + waitAndDraw(id, script(figure, id)) + "</script>\n";
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
                + "<script>\n(function () {\n" + script(figure, id) + "\n})();\n</script>\n</body>\n</html>\n";
    }

    /**
     * The script element that loads descent's copy of plotly.js into the page, unless a copy is already there.
     * Put it before the first figure; {@link Plots#embedPlotly()} wraps it for a notebook cell.
     */
    public static String plotlyLoader() {
        return "<script>\n(function () {\n"
                + "  if (window.Plotly || window.descentPlotlyLoading) return;\n"
                + "  window.descentPlotlyLoading = true;\n"
                + "  window.descentPlotlyError = undefined;\n"
                + "  function failed(e) {\n"
                + "    window.descentPlotlyLoading = false;\n"
                + "    window.descentPlotlyError = 'descent could not load its copy of plotly.js " + PlotlyJs.VERSION
                + " (' + e + '); this browser needs DecompressionStream (Chrome 80+, Firefox 113+, Safari 16.4+).';\n"
                + "  }\n"
                + "  try {\n"
                + "    var b64 = \"" + PlotlyJs.gzipBase64() + "\";\n"
                + "    var bin = atob(b64), bytes = new Uint8Array(bin.length);\n"
                + "    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n"
                + "    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
                + "    new Response(stream).text().then(function (src) {\n"
                + "      if (window.Plotly) return;\n"
                + "      var s = document.createElement('script');\n"
                + "      s.textContent = src;\n"
                + "      document.head.appendChild(s);\n"
                + "      if (!window.Plotly) failed('the script ran but did not define window.Plotly');\n"
                + "    }).catch(failed);\n"
                + "  } catch (e) {\n"
                + "    failed(e);\n"
                + "  }\n"
                + "})();\n</script>\n";
    }

    /**
     * {@link #plotlyLoader()} as an {@link Html} that notebooks display, with a short visible note; afterwards
     * figures in this JVM no longer carry their own copy.
     */
    public static Html embedPlotlyHtml() {
        EMBEDDED.set(true);
        String note = "plotly.js " + PlotlyJs.VERSION + " embedded (descent's offline copy, "
                + String.format(Locale.ROOT, "%.1f", PlotlyJs.gzipBase64().length() / 1e6) + " MB gzip+base64)";
        return new Html(plotlyLoader() + "<div style=\"font-family:sans-serif;font-size:11px;color:#888\">"
                + escape(note) + "</div>\n", note);
    }

    /** True once a notebook fragment in this JVM has carried plotly.js. */
    public static boolean plotlyEmbedded() {
        return EMBEDDED.get();
    }

    /** Makes the next {@link #notebook(Figure)} fragment carry plotly.js again; for tests and page reloads. */
    public static void embedPlotlyAgain() {
        EMBEDDED.set(false);
    }

    /**
     * The JavaScript that draws the figure into the element {@code divId}, without script tags: tablesaw's
     * {@code figure.asJavascript(divId)} with its outer {@code <script>} tags removed and any {@code </script}
     * inside it made harmless.
     */
    public static String script(Figure figure, String divId) {
        String js = figure.asJavascript(divId).strip();
        int open = js.toLowerCase(Locale.ROOT).startsWith("<script") ? js.indexOf('>') + 1 : 0;
        int close = js.toLowerCase(Locale.ROOT).endsWith("</script>") ? js.length() - "</script>".length() : js.length();
        return safeInScript(js.substring(open, Math.max(open, close)).strip());
    }

    /** One line for text-only displays: {@code Figure 'x^2/20 + y^2' with 3 traces (contour, scatter, scatter)}. */
    public static String text(Figure figure) {
        var traces = figure.getTraces() == null ? new tech.tablesaw.plotly.traces.Trace[0] : figure.getTraces();
        StringBuilder sb = new StringBuilder("Figure '").append(titleOf(figure)).append("' with ")
                .append(traces.length).append(traces.length == 1 ? " trace" : " traces");
        if (traces.length > 0) {
            sb.append(" (");
            for (int i = 0; i < traces.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(traces[i].name() == null || traces[i].name().isEmpty() ? "trace" + i : traces[i].name());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** The text shown where scripts do not run. */
    public static String fallbackText(Figure figure) {
        int n = figure.getTraces() == null ? 0 : figure.getTraces().length;
        return "Interactive Plotly figure '" + titleOf(figure) + "' with " + n + (n == 1 ? " trace" : " traces")
                + "; it draws where JavaScript runs: JupyterLab, Notebook 7, VS Code, exported HTML. "
                + "In JupyterLab, if you see this text, trust the notebook.";
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

    /** Waits for window.Plotly, then runs {@code drawJs} in its own function scope. */
    private static String waitAndDraw(String id, String drawJs) {
        String idJs = Json.write(id);
        return "(function () {\n"
                + "  var id = " + idJs + ", waited = 0;\n"
                + "  function say(message) {\n"
                + "    var el = document.getElementById(id);\n"
                + "    if (!el) return;\n"
                + "    var box = document.createElement('div');\n"
                + "    box.style.cssText = 'padding:8px;border:1px solid #c33;color:#a00;font-family:sans-serif;font-size:13px';\n"
                + "    box.textContent = message;\n"
                + "    el.replaceChildren(box);\n"
                + "  }\n"
                + "  function draw() {\n"
                + "    var el = document.getElementById(id);\n"
                + "    if (!el) return;\n"
                + "    el.replaceChildren();\n"
                + "    try {\n"
                + drawJs + "\n"
                + "    } catch (e) {\n"
                + "      say('Plotly could not draw this figure: ' + e);\n"
                + "    }\n"
                + "  }\n"
                + "  (function wait() {\n"
                + "    if (window.Plotly && window.Plotly.newPlot) return draw();\n"
                + "    if (window.descentPlotlyError) return say(window.descentPlotlyError);\n"
                + "    if (waited >= " + WAIT_FOR_PLOTLY_MS + ") return say('plotly.js did not load within "
                + (WAIT_FOR_PLOTLY_MS / 1000) + " s. Run Plots.embedPlotly() in a cell (it embeds descent\\'s offline "
                + "copy of plotly.js " + PlotlyJs.VERSION + "), then run this cell again.');\n"
                + "    waited += 100;\n"
                + "    setTimeout(wait, 100);\n"
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
