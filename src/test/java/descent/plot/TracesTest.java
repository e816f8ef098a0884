package descent.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRACE_VAR = Pattern.compile("(?m)^var trace(\\d+) = (.*);$");

    static final double[] XS = {-2, 0, 2};
    static final double[] YS = {-1, 1};
    /** z[j][i] = x_i^2/20 + y_j^2, computed by hand. */
    static final double[][] Z = {{1.2, 1.0, 1.2}, {1.2, 1.0, 1.2}};

    /** The (index, JSON body) of every {@code var traceN = {...};} line. */
    static List<String[]> traceVars(String js) {
        List<String[]> r = new ArrayList<>();
        Matcher m = TRACE_VAR.matcher(js);
        while (m.find()) r.add(new String[] {m.group(1), m.group(2)});
        return r;
    }

    private static void assertContourThenTwoScattersIsOneValidFigure(Figure fig) throws Exception {
        String js = fig.asJavascript("fig1");
        List<String[]> vars = traceVars(js);
        assertEquals(3, vars.size(), "three trace variables in:\n" + js);
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(i), vars.get(i)[0], "trace variables are numbered in order");
            JsonNode node = JSON.readTree(vars.get(i)[1]);  // throws if the body is not JSON
            assertTrue(node.isObject(), "trace" + i + " is a JSON object");
        }
        assertEquals("contour", JSON.readTree(vars.get(0)[1]).get("type").asText());
        assertEquals("scatter", JSON.readTree(vars.get(1)[1]).get("type").asText());
        assertTrue(js.replace(" ", "").contains("vardata=[trace0,trace1,trace2];"), "data lists all three:\n" + js);
    }

    @Test
    void contourFollowedByTwoScattersHasDistinctVariablesInOurFigure() throws Exception {
        var fig = PlotlyFigure.of("bowl", ContourTrace.of(XS, YS, Z),
                LineTrace.of(new double[] {-2, 0}, new double[] {1, 0}).name("SGD"),
                LineTrace.of(new double[] {0}, new double[] {0}).markers().name("minimum"));
        assertContourThenTwoScattersIsOneValidFigure(fig);
        Matcher layout = Pattern.compile("(?m)^var layout = (.*);$").matcher(fig.asJavascript("fig1"));
        assertTrue(layout.find());
        assertEquals("bowl", JSON.readTree(layout.group(1)).at("/title/text").asText());
    }

    @Test
    void contourFollowedByTwoScattersHasDistinctVariablesInTablesawsFigure() throws Exception {
        var fig = new Figure(Layout.builder("bowl").build(), ContourTrace.of(XS, YS, Z),
                LineTrace.of(new double[] {-2, 0}, new double[] {1, 0}),
                LineTrace.of(new double[] {0}, new double[] {0}));
        assertContourThenTwoScattersIsOneValidFigure(fig);
    }

    @Test
    void contourCarriesGridAndLevels() throws Exception {
        var c = ContourTrace.of(XS, YS, Z).levels(0, 2, 0.25).lines().colorscale("Viridis").showScale(false);
        JsonNode n = JSON.readTree(c.toJson());
        assertEquals(1.2, n.at("/z/0/0").asDouble());
        assertEquals(1.0, n.at("/z/1/1").asDouble());
        assertEquals(2, n.get("y").size());
        assertEquals(0.25, n.at("/contours/size").asDouble());
        assertEquals("lines", n.at("/contours/coloring").asText());
        assertFalse(n.get("autocontour").asBoolean());
        assertFalse(n.get("showscale").asBoolean());
        assertEquals("contour(2x3 grid)", c.toString());
    }

    @Test
    void tracesAreImmutable() {
        var a = LineTrace.of(new double[] {1}, new double[] {2});
        var b = a.name("b").color("red");
        assertEquals("", a.name());
        assertEquals("b", b.name());
        assertEquals("red", b.get("marker.color"));
        assertEquals(null, a.get("marker.color"));
    }

    @Test
    void inputArraysAreCopied() throws Exception {
        double[] x = {1, 2};
        var t = LineTrace.of(x, new double[] {3, 4});
        x[0] = 99;
        assertEquals(1.0, JSON.readTree(t.toJson()).at("/x/0").asDouble());
    }

    @Test
    void namesWithQuotesBackslashesAndScriptTagsAreEscaped() throws Exception {
        String evil = "it's \"quoted\" \\ back </script><script>alert(1)</script> \u2028 end";
        var t = LineTrace.of(new double[] {1}, new double[] {2}).name(evil);
        String js = t.asJavascript(0);
        assertFalse(js.contains("</script"), js);
        assertFalse(js.contains("\u2028"), "raw line separators break JS strings");
        assertEquals(evil, JSON.readTree(traceVars(js).get(0)[1]).get("name").asText(), "the name reads back intact");
    }

    @Test
    void nonFiniteNumbersBecomeNull() throws Exception {
        var t = LineTrace.of(new double[] {1, Double.NaN}, new double[] {Double.POSITIVE_INFINITY, 2});
        JsonNode n = JSON.readTree(t.toJson());
        assertTrue(n.at("/x/1").isNull());
        assertTrue(n.at("/y/0").isNull());
    }

    @Test
    void numbersAreShortestRoundTrip() {
        assertEquals("[-7,2.5,-1.7999999999999998,1.0E-8]", Json.write(new double[] {-7, 2.5, -1.7999999999999998, 1e-8}));
    }

    @Test
    void surfaceHeatmapAndScatter3dHaveTheirTypes() throws Exception {
        assertEquals("surface", JSON.readTree(SurfaceTrace.of(XS, YS, Z).opacity(0.5).toJson()).get("type").asText());
        assertEquals("heatmap", JSON.readTree(HeatmapTrace.of(Z).zRange(-1, 1).toJson()).get("type").asText());
        JsonNode l3 = JSON.readTree(Line3dTrace.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}).toJson());
        assertEquals("scatter3d", l3.get("type").asText());
        assertEquals(6.0, l3.at("/z/1").asDouble());
        JsonNode h = JSON.readTree(HeatmapTrace.of(Z).toJson());
        assertEquals(2.0, h.at("/x/2").asDouble(), "heatmap of a matrix numbers columns 0, 1, 2");
    }

    @Test
    void badGridsAreRejectedWithTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ContourTrace.of(XS, new double[] {1, 2, 3}, Z));
        assertTrue(e.getMessage().contains("z has 2 rows but y has 3"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> LineTrace.of(new double[] {1, 2}, new double[] {1}));
        assertTrue(e2.getMessage().contains("2 and 1"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContourTrace.of(XS, YS, Z).levels(1, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SurfaceTrace.of(XS, YS, Z).opacity(2));
    }

    @Test
    void dottedKeysSetNestedAttributes() throws Exception {
        var c = ContourTrace.of(XS, YS, Z).with("colorbar.title.text", "f").with("colorbar.len", 0.5);
        JsonNode n = JSON.readTree(c.toJson());
        assertEquals("f", n.at("/colorbar/title/text").asText());
        assertEquals(0.5, n.at("/colorbar/len").asDouble());
    }
}
