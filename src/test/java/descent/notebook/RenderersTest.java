package descent.notebook;

import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.plot.FigureHtml;
import descent.plot.Plots;
import org.junit.jupiter.api.BeforeEach;
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
    private static final Pattern DIV_ID = Pattern.compile("<div id=\"descent-fig-\\d+-[0-9a-z]+\"");

    private final Table table = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable();
    private final Figure figure = Plots.contour(Functions.dlfsBowl(),
            Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30));

    @BeforeEach
    void pretendPlotlyIsInThePage() {
        // keeps these outputs small; FigureHtmlTest covers the embedded copy
        Plots.embedPlotly();
    }

    private static void assertTableBundle(String html, String text) {
        assertNotNull(html, "text/html rendered");
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains("<th style=\"padding:2px 8px;text-align:right\" title=\"DOUBLE\">x0</th>"), "column header");
        assertTrue(html.contains(">-6.335</td>"), "data value of step 1");
        assertTrue(html.contains("SGD(lr=0.95): 31 rows x 6 columns"), "caption");
        assertNotNull(text, "text/plain rendered");
        assertTrue(text.startsWith("SGD(lr=0.95): 31 rows x 6 columns\nstep"), text);
    }

    private static void assertFigureBundle(String html, String text) {
        assertNotNull(html);
        assertTrue(DIV_ID.matcher(html).find(), "the figure's div: " + html.substring(0, 200));
        assertTrue(html.contains("\"name\":\"SGD(lr=0.95)\""), "trace data");
        assertTrue(html.contains("-6.335"), "path coordinates");
        assertEquals("Figure 'x²/20 + y²' with 4 traces (x²/20 + y², SGD(lr=0.95), start of SGD(lr=0.95), minimum)", text);
    }

    @Test
    void jjavaRendererShowsTablesAndFigures() {
        var r = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        JJavaExtension.register(r);
        var T = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN;
        var H = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
        var t = r.render(table);
        assertTableBundle((String) t.getData(H), (String) t.getData(T));
        var f = r.render(figure);
        assertFigureBundle((String) f.getData(H), (String) f.getData(T));
        var h = r.render(Plots.embedPlotly());
        assertTrue(((String) h.getData(H)).contains("DecompressionStream"));
        assertTrue(((String) h.getData(T)).startsWith("plotly.js 3.3.1 embedded"));
    }

    @Test
    void ijavaRendererShowsTablesAndFigures() {
        var r = new io.github.spencerpark.jupyter.kernel.display.Renderer();
        IJava.register(r);
        var T = io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN;
        var H = io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
        var t = r.render(table);
        assertTableBundle((String) t.getData(H), (String) t.getData(T));
        var f = r.render(figure);
        assertFigureBundle((String) f.getData(H), (String) f.getData(T));
    }

    @Test
    void firstFigureOfASessionCarriesPlotly() {
        FigureHtml.embedPlotlyAgain();
        var r = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        JJavaExtension.register(r);
        var H = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
        String first = (String) r.render(figure).getData(H);
        String second = (String) r.render(figure).getData(H);
        assertTrue(first.contains("DecompressionStream") && first.length() > 2_000_000, "first carries plotly");
        assertTrue(!second.contains("DecompressionStream") && second.length() < first.length() - 2_000_000,
                "second does not");
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
