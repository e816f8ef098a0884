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

    private static final String SLOT = "<script type=\"application/json\" class=\"descent-figure-json\"></script>";

    @Test
    void notebookFallbackHasNoteJsonAndDrawer() throws Exception {
        String html = FigureHtml.notebook(figure("bowl"));
        assertTrue(Pattern.compile("<div id=\"descent-fig-\\d+-[0-9a-z]+\" class=\"descent-figure\">").matcher(html).find(),
                html.substring(0, 120));
        int start = html.indexOf(FigureHtml.PICTURE_START), end = html.indexOf(FigureHtml.PICTURE_END);
        assertTrue(start > 0 && end > start, "picture markers in order");
        assertTrue(html.substring(start, end).contains("Plotly figure &#39;bowl&#39; with 2 traces"), "note between the markers");
        assertEquals(1, count(html, SLOT), "an empty slot for exporters to put the JSON in (the notebook keeps it once)");
        assertTrue(html.contains("window.Plotly.newPlot(div, spec)"), "draws only where plotly is in the page");
        assertTrue(html.contains("if (!data || !data.textContent.trim()) return;"), "and only when the slot is filled");
        assertEquals(2, count(html, "<script"), "a data script and the drawer");
        assertEquals(2, count(html, "</script>"));
        assertFalse(html.contains("plotly.js v"), "no copy of plotly.js in an output");
        assertFalse(html.contains("embedPlotly"), "no advice about loading plotly");
    }

    @Test
    void noteMentionsNoKernelState() {
        // the same figure gives the same output apart from its element id, however many figures came before
        String a = FigureHtml.notebook(figure("a")), b = FigureHtml.notebook(figure("a"));
        Pattern id = Pattern.compile("descent-fig-\\d+-[0-9a-z]+");
        assertFalse(a.equals(b), "fresh element ids");
        assertEquals(id.matcher(a).replaceAll("ID"), id.matcher(b).replaceAll("ID"));
    }

    @Test
    void titleWithScriptTagCannotCloseTheScriptEarly() throws Exception {
        String evil = "x</script><b>\"q\" \\ 'single' <!-- &";
        String html = FigureHtml.notebook(figure(evil));
        assertEquals(2, count(html, "</script>"), "only our own closing tags:\n" + html);
        assertFalse(html.contains("<!-- &"), "no comment opener from data");
        assertTrue(html.contains("Plotly figure &#39;x&lt;/script&gt;&lt;b&gt;&quot;q&quot; \\ &#39;single&#39; &lt;!-- &amp;&#39;"),
                "note is HTML-escaped");
        String json = FigureJson.write(figure(evil));
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), "JSON is safe in any script element");
        assertEquals(evil, JSON.readTree(json).at("/layout/title/text").asText(), "JSON keeps the title exact");
    }

    @Test
    void tablesawFiguresBecomePlotlyJsonToo() throws Exception {
        var fig = new Figure(Layout.builder("plain </script> it's").build(),
                tech.tablesaw.plotly.traces.ScatterTrace.builder(new double[] {1, 2.5}, new double[] {3, 4}).name("a'b").build(),
                LineTrace.of(new double[] {1, 2}, new double[] {3, 4}));
        var spec = JSON.readTree(FigureJson.write(fig));
        assertEquals("plain </script> it's", spec.at("/layout/title").asText(), "tablesaw's HTML entities decoded");
        assertEquals("scatter", spec.at("/data/0/type").asText());
        assertEquals("a'b", spec.at("/data/0/name").asText());
        assertEquals(2.5, spec.at("/data/0/x/1").asDouble(), 0.0, "tablesaw writes numbers as strings; Plotly reads them");
        assertEquals(4, spec.at("/data/1/y/1").asDouble(), 0.0);
        String html = FigureHtml.notebook(fig);
        assertEquals(2, count(html, "</script>"), html);
    }

    @Test
    void pageIsSelfContained() {
        String page = FigureHtml.page(figure("page"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(1, count(page, "plotly.js v" + PlotlyJs.VERSION), "one copy of plotly.js");
        assertTrue(page.contains("Plotly.newPlot(document.getElementById("));
        assertFalse(page.contains("<script src"), "no network needed");
        assertTrue(page.contains("<title>page</title>"));
        assertTrue(page.length() > 10_000_000, "plotly inlined uncompressed");
    }

    @Test
    void textNamesTitleAndTraces() {
        String contour = ContourTrace.of(TracesTest.XS, TracesTest.YS, TracesTest.Z).toString();
        assertTrue(contour.startsWith("contour("), contour);
        assertEquals("Figure 'bowl' with 2 traces (" + contour + ", SGD(lr=0.95))", FigureHtml.text(figure("bowl")),
                "an unnamed descent trace shows its type and size, a named one its name");
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
