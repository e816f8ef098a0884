package descent.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.optim.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Trajectory sgd() {
        return Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
    }

    private static List<JsonNode> traces(PlotlyFigure fig) throws Exception {
        return TracesTest.traceVars(fig.asJavascript("d")).stream().map(v -> {
            try {
                return JSON.readTree(v[1]);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void contourFramesThePathAndTheMinimum() throws Exception {
        var fig = Plots.contour(Functions.dlfsBowl(), sgd());
        assertEquals("x²/20 + y²", fig.title(), "the function's name x^2/20 + y^2 with superscripts");
        List<JsonNode> t = traces(fig);
        // contour, path, start marker, minimum
        assertEquals(List.of("contour", "scatter", "scatter", "scatter"),
                t.stream().map(n -> n.get("type").asText()).toList());
        JsonNode contour = t.get(0);
        // path x in [-7, 0] (the minimum at 0 included), y in [-1.8, 2]; 10% margin each side
        Approx.assertClose(-7.7, contour.at("/x/0").asDouble(), Approx.TIGHT, "grid x min");
        Approx.assertClose(0.7, contour.at("/x/" + (Contours.GRID - 1)).asDouble(), Approx.TIGHT, "grid x max");
        Approx.assertClose(-1.8 - 0.38, contour.at("/y/0").asDouble(), Approx.TIGHT, "grid y min");
        Approx.assertClose(2 + 0.38, contour.at("/y/" + (Contours.GRID - 1)).asDouble(), Approx.TIGHT, "grid y max");
        // hover shows f itself: at grid (0, 0) that is (-7.7)^2/20 + (-2.18)^2
        Approx.assertClose(7.7 * 7.7 / 20 + 2.18 * 2.18, contour.at("/customdata/0/0").asDouble(), 1e-6, "f at corner (6 digits)");
        JsonNode path = t.get(1);
        assertEquals("SGD(lr=0.95)", path.get("name").asText());
        assertEquals("lines+markers", path.get("mode").asText());
        assertEquals(31, path.get("x").size());
        Approx.assertClose(-6.335, path.at("/x/1").asDouble(), Approx.EXACT, "first SGD step");
        assertEquals(-7.0, t.get(2).at("/x/0").asDouble(), "start marked");
        assertEquals("minimum", t.get(3).get("name").asText());
        assertEquals("star", t.get(3).at("/marker/symbol").asText());
        var layout = fig.layout();
        assertEquals("x0", ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) layout.get("xaxis"))
                .get("title"))).get("text"));
    }

    @Test
    void levelsAreLogSpacedSoTheBowlShowsManyRings() throws Exception {
        JsonNode contour = traces(Plots.contour(Functions.dlfsBowl(), sgd())).get(0);
        double start = contour.at("/contours/start").asDouble(), end = contour.at("/contours/end").asDouble();
        double size = contour.at("/contours/size").asDouble();
        Approx.assertClose(Contours.LEVELS, (end - start) / size, Approx.TIGHT, "number of levels");
        assertEquals(0.0, start, "levels run over the codes 0..CODES of [log10(delta), log10(fmax - fmin + delta)]");
        assertEquals(Contours.CODES, end, 0.0);
        // z is log10(f - fmin + delta), fmin = 0 (the known minimum), delta = 1e-3 (fmax - fmin);
        // fmax is at the corner (-7.7, 2.38), f at the first grid point (-7.7, -2.18)
        double fmax = 7.7 * 7.7 / 20 + 2.38 * 2.38;
        double f = 7.7 * 7.7 / 20 + 2.18 * 2.18;
        double delta = fmax * 1e-3;
        double t0 = Math.log10(delta), t1 = Math.log10(fmax + delta);
        assertEquals(Math.round((Math.log10(f + delta) - t0) / (t1 - t0) * Contours.CODES), contour.at("/z/0/0").asDouble(), 0.0,
                "the log level of the first grid point, as a code");
        assertEquals(Contours.CODES, contour.at("/z/" + (Contours.GRID - 1) + "/0").asDouble(), 0.0,
                "fmax, at the corner (-7.7, 2.38), has the top code");
        assertEquals(0.0, contour.at("/colorbar/tickvals/0").asDouble(), 0.0, "colour bar ticks in codes too");
        assertEquals("0", contour.at("/colorbar/ticktext/0").asText(), "labelled with f: the minimum's value");
    }

    @Test
    void contourLinesDrawLevelLinesWithTheSamePaths() throws Exception {
        var adam = Optimizers.sgd(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 10);
        List<JsonNode> t = traces(Plots.contourLines(Functions.dlfsBowl(), sgd(), adam));
        assertEquals("lines", t.get(0).at("/contours/coloring").asText());
        assertEquals(List.of("SGD(lr=0.95)", "start of SGD(lr=0.95)", "SGD(lr=0.1)", "start of SGD(lr=0.1)", "minimum"),
                t.subList(1, t.size()).stream().map(n -> n.get("name").asText()).toList());
        assertTrue(!t.get(1).at("/line/color").asText().equals(t.get(3).at("/line/color").asText()),
                "paths get different colours");
    }

    @Test
    void contourOverAGivenRegionWithoutPaths() throws Exception {
        var fig = Plots.contour(Functions.of("saddle", (x, y) -> x * x - y * y), Region.of(-1, 1, -2, 2));
        JsonNode contour = traces(fig).get(0);
        assertEquals(-2.0, contour.at("/y/0").asDouble());
        assertEquals(1, traces(fig).size(), "no minimum known, no path");
    }

    @Test
    void contourWithoutAnythingToFrameSaysWhatToPass() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.contour(Functions.of("saddle", (x, y) -> x * x - y * y)));
        assertTrue(e.getMessage().contains("Region.of"), e.getMessage());
    }

    @Test
    void showInHeadlessModeWritesAFileAndPrintsItsPath(@TempDir Path dir) throws Exception {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "surefire runs headless");
        String old = System.getProperty(FigureFiles.DIR_PROPERTY);
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(FigureFiles.DIR_PROPERTY, dir.toString());
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Path file;
        try {
            file = Plots.show(Plots.contour(Functions.dlfsBowl(), sgd()));
        } finally {
            System.setOut(out);
            if (old == null) System.clearProperty(FigureFiles.DIR_PROPERTY);
            else System.setProperty(FigureFiles.DIR_PROPERTY, old);
        }
        assertEquals(dir, file.getParent());
        assertTrue(file.getFileName().toString().startsWith("x2-20-y2-"), file.toString());
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains(file.toString()), "prints the path");
        String html = Files.readString(file);
        assertTrue(html.contains("plotly.js v" + PlotlyJs.VERSION) && html.contains("SGD(lr=0.95)"));
    }

    @Test
    void colourBarTicksAreCompact() {
        // the colour bar's tick text: Format.number with three significant digits
        assertEquals("0", descent.base.Format.number(0.0, 3));
        assertEquals("0.0187", descent.base.Format.number(0.018734, 3));
        assertEquals("8.63", descent.base.Format.number(8.6289, 3));
        assertEquals("2", descent.base.Format.number(2.0004, 3));
        assertEquals("1.5e-05", descent.base.Format.number(1.5e-5, 3));
    }

    @Test
    void regionAroundPoints() {
        Region r = Region.around(List.of(Vec.of(-7, 2), Vec.of(0, 0)), 0.1);
        Approx.assertClose(-7.7, r.xMin(), Approx.TIGHT, "xMin");
        Approx.assertClose(0.7, r.xMax(), Approx.TIGHT, "xMax");
        Approx.assertClose(-0.2, r.yMin(), Approx.TIGHT, "yMin");
        Approx.assertClose(2.2, r.yMax(), Approx.TIGHT, "yMax");
        Region single = Region.around(List.of(Vec.of(1, 1)), 0.1);
        assertEquals(Region.of(0, 2, 0, 2), single, "a single point gets one unit around it");
        assertThrows(IllegalArgumentException.class, () -> Region.of(1, 0, 0, 1));
    }
}
