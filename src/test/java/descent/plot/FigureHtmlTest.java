package descent.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlotlyFigure figure(String title) {
        return PlotlyFigure.of(title, ContourTrace.of(TracesTest.XS, TracesTest.YS, TracesTest.Z),
                LineTrace.of(new double[] {-2, 0}, new double[] {1, 0}).name("SGD(lr=0.95)"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void fragmentHasFallbackDivAndWrappedScript() {
        String html = FigureHtml.fragment(figure("bowl"), false);
        Matcher id = Pattern.compile("<div id=\"(descent-fig-\\d+-[0-9a-z]+)\"").matcher(html);
        assertTrue(id.find(), html);
        assertTrue(html.contains("Interactive Plotly figure &#39;bowl&#39; with 2 traces"), "visible fallback text");
        assertTrue(html.contains("trust the notebook"));
        assertTrue(html.contains("document.getElementById(\"" + id.group(1) + "\")"), "draws into its own div");
        assertTrue(html.contains("var trace1 = "), "figure JS inside");
        assertTrue(html.contains("Plots.embedPlotly()"), "says how to load plotly when it is missing");
        assertEquals(1, count(html, "<script>"), "one script element");
        assertEquals(1, count(html, "</script>"), "closed once");
        assertFalse(html.contains("b64"), "no plotly copy when not asked");
    }

    @Test
    void eachFragmentGetsItsOwnId() {
        String a = FigureHtml.fragment(figure("a"), false), b = FigureHtml.fragment(figure("a"), false);
        Pattern p = Pattern.compile("<div id=\"([^\"]+)\"");
        Matcher ma = p.matcher(a), mb = p.matcher(b);
        assertTrue(ma.find() && mb.find());
        assertFalse(ma.group(1).equals(mb.group(1)));
    }

    @Test
    void titleWithScriptTagCannotCloseTheScriptEarly() {
        String evil = "x</script><b>\"q\" \\ 'single'";
        String html = FigureHtml.fragment(figure(evil), false);
        assertEquals(1, count(html, "</script>"), "only our own closing tag:\n" + html);
        assertTrue(html.contains("Interactive Plotly figure &#39;x&lt;/script&gt;&lt;b&gt;&quot;q&quot; \\ &#39;single&#39;&#39;"),
                "fallback text is HTML-escaped");
    }

    @Test
    void tablesawFiguresAreWrappedToo() {
        // tablesaw writes its title into a single-quoted JS string; we still must not let </script> through
        var fig = new Figure(Layout.builder("plain </script> tablesaw").build(),
                LineTrace.of(new double[] {1, 2}, new double[] {3, 4}));
        String html = FigureHtml.fragment(fig, false);
        assertEquals(1, count(html, "</script>"), html);
        assertTrue(html.contains("Interactive Plotly figure &#39;plain &lt;/script&gt; tablesaw&#39; with 1 trace;"));
        assertTrue(html.contains("var trace0 ="));
    }

    @Test
    void firstNotebookFragmentCarriesPlotlyOnce() throws Exception {
        FigureHtml.embedPlotlyAgain();
        String first = FigureHtml.notebook(figure("one"));
        String second = FigureHtml.notebook(figure("two"));
        assertTrue(FigureHtml.plotlyEmbedded());
        assertTrue(first.contains("DecompressionStream('gzip')"));
        assertTrue(first.contains("window.descentPlotlyLoading"), "guard against a second copy in the page");
        assertFalse(second.contains("DecompressionStream"), "second figure reuses the page's plotly");
        Matcher b64 = Pattern.compile("var b64 = \"([A-Za-z0-9+/=]+)\";").matcher(first);
        assertTrue(b64.find());
        byte[] gz = java.util.Base64.getDecoder().decode(b64.group(1));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            String js = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(js.startsWith("/**\n* plotly.js v" + PlotlyJs.VERSION), js.substring(0, 40));
            assertTrue(js.contains("window.Plotly = Plotly;"), "v3 sets the global itself");
        }
    }

    @Test
    void pageIsSelfContained() {
        String page = FigureHtml.page(figure("page"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("plotly.js v" + PlotlyJs.VERSION));
        assertFalse(page.contains("<script src"), "no network needed");
        assertTrue(page.contains("<title>page</title>"));
        assertTrue(page.length() > 10_000_000, "plotly inlined uncompressed");
    }

    @Test
    void textNamesTitleAndTraces() {
        assertEquals("Figure 'bowl' with 2 traces (trace0, SGD(lr=0.95))", FigureHtml.text(figure("bowl")));
    }

    @Test
    void layoutIsJsonEvenWithQuotesInTitles() throws Exception {
        var fig = figure("it's \"f\"").withAxisTitles("x0", "x1").withEqualAspect().withSize(600, 400);
        Matcher m = Pattern.compile("(?m)^var layout = (.*);$").matcher(fig.asJavascript("d"));
        assertTrue(m.find());
        var layout = JSON.readTree(m.group(1));
        assertEquals("it's \"f\"", layout.at("/title/text").asText());
        assertEquals("x", layout.at("/yaxis/scaleanchor").asText());
        assertEquals("x1", layout.at("/yaxis/title/text").asText());
        assertEquals(600, layout.get("width").asInt());
    }
}
