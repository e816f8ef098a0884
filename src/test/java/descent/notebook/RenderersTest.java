package descent.notebook;

import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.plot.Plots;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both kernels' Renderer classes, constructed directly: no running kernel needed. */
class RenderersTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Pattern DIV_ID = Pattern.compile("<div id=\"descent-fig-\\d+-[0-9a-z]+\"");

    private final Table table = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable();
    private final Figure figure = Plots.contour(Functions.dlfsBowl(),
            Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30));

    private static void assertTableBundle(String html, String text) {
        assertNotNull(html, "text/html rendered");
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains("<th style=\"padding:2px 8px;text-align:right\" title=\"DOUBLE\">x0</th>"), "column header");
        assertTrue(html.contains(">-6.335</td>"), "data value of step 1");
        assertTrue(html.contains("SGD(lr=0.95): 31 rows x 6 columns"), "caption");
        assertNotNull(text, "text/plain rendered");
        assertTrue(text.startsWith("SGD(lr=0.95): 31 rows x 6 columns\nstep"), text);
    }

    private static void assertFigureBundle(Object plotly, String html, String text) throws Exception {
        assertTrue(plotly instanceof java.util.Map<?, ?>, "plotly JSON is an object, not a string: " + plotly);
        // what the kernel sends: Gson writes the tree as a JSON object
        var spec = JSON.readTree(new com.google.gson.Gson().toJson(plotly));
        assertTrue(spec.isObject());
        assertEquals(java.util.List.of("data", "layout", "config"), iterate(spec.fieldNames()));
        assertEquals("SGD(lr=0.95)", spec.at("/data/1/name").asText());
        assertEquals(-6.335, descent.plot.FigureJsonTest.numbers(spec.at("/data/1/x"))[1], 1e-6, "SGD's first step, x0");
        assertEquals(false, spec.at("/config/displaylogo").asBoolean(true));
        assertNotNull(html);
        assertTrue(DIV_ID.matcher(html).find(), "the figure's div: " + html.substring(0, 200));
        assertTrue(html.contains("Plotly figure &#39;x^2/20 + y^2&#39; with 4 traces"), "the note names the figure");
        assertTrue(!html.contains("plotly.js v") && html.length() < 5_000, "no plotly.js, no data: " + html.length() + " chars");
        assertEquals("Figure 'x^2/20 + y^2' with 4 traces (x^2/20 + y^2, SGD(lr=0.95), start of SGD(lr=0.95), minimum)", text);
    }

    private static java.util.List<String> iterate(java.util.Iterator<String> it) {
        var list = new java.util.ArrayList<String>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void bundleKeysInPreferenceOrder() {
        assertEquals(java.util.List.of(MimeBundle.PLOTLY_JSON, "text/html", "text/plain"),
                java.util.List.copyOf(MimeBundle.of(figure).keySet()));
        assertEquals(java.util.List.of("text/html", "text/plain"), java.util.List.copyOf(MimeBundle.of(table).keySet()));
        var e = assertThrows(IllegalArgumentException.class, () -> MimeBundle.of("text"));
        assertTrue(e.getMessage().contains("got java.lang.String"), e.getMessage());
    }

    @Test
    void jjavaRendererShowsTablesAndFigures() throws Exception {
        var r = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        JJavaExtension.register(r);
        var T = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN;
        var H = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
        var t = r.render(table);
        assertTableBundle((String) t.getData(H), (String) t.getData(T));
        var f = r.render(figure);
        assertFigureBundle(f.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(MimeBundle.PLOTLY_JSON)),
                (String) f.getData(H), (String) f.getData(T));
        var h = r.render(Plots.embedPlotly());
        assertTrue(((String) h.getData(T)).startsWith("Nothing to embed"), "embedPlotly is harmless now");
        assertTrue(!((String) h.getData(H)).contains("<script"));
    }

    @Test
    void ijavaRendererShowsTablesAndFigures() throws Exception {
        var r = new io.github.spencerpark.jupyter.kernel.display.Renderer();
        IJava.register(r);
        var T = io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN;
        var H = io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
        var t = r.render(table);
        assertTableBundle((String) t.getData(H), (String) t.getData(T));
        var f = r.render(figure);
        assertFigureBundle(f.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(MimeBundle.PLOTLY_JSON)),
                (String) f.getData(H), (String) f.getData(T));
    }

    @Test
    void ijavaInstallOutsideIJavaSaysSo() {
        var e = assertThrows(IllegalStateException.class, IJava::install);
        assertTrue(e.getMessage().contains("inside the IJava kernel"), e.getMessage());
    }

    @Test
    void extensionIsListedForJJava() throws Exception {
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/org.dflib.jjava.jupyter.Extension")) {
            assertEquals(JJavaExtension.class.getName(), new String(in.readAllBytes()).strip());
        }
        var loaded = java.util.ServiceLoader.load(org.dflib.jjava.jupyter.Extension.class).findFirst();
        assertTrue(loaded.isPresent() && loaded.get() instanceof JJavaExtension);
    }

}
