package descent.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class FigureJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void roundsToSevenSignificantDigits() {
        assertEquals(0.985, FigureJson.round(0.9849999999999998, FigureJson.DIGITS), 0.0);
        assertEquals(-1.8, FigureJson.round(-1.7999999999999998, FigureJson.DIGITS), 0.0);
        assertEquals(6.938522e-05, FigureJson.round(6.938522015366697e-05, FigureJson.DIGITS), 0.0);
        assertEquals(123456800.0, FigureJson.round(123456789.0, FigureJson.DIGITS), 0.0);
        assertEquals(0.0, FigureJson.round(0.0, FigureJson.DIGITS), 0.0);
        assertTrue(Double.isNaN(FigureJson.round(Double.NaN, FigureJson.DIGITS)));
        assertEquals("[0.985,-1.8,null,3]", Json.write(FigureJson.rounded(new double[] {0.9849999999999998,
                -1.7999999999999998, Double.NaN, 3})), "shortest text after rounding; NaN as null");
        assertEquals("[[0.84513,-1.8],[2.5,null]]", Json.write(FigureJson.rounded(new double[][] {{0.84513, -1.7999999},
                {2.5, Double.NaN}})), "a small grid stays readable");
    }

    @Test
    void longArraysBecomeFloat32TypedArrays() {
        double[][] grid = new double[8][10];
        for (int j = 0; j < 8; j++) for (int i = 0; i < 10; i++) grid[j][i] = j * 10 + i + 0.1;
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) FigureJson.rounded(grid);
        assertEquals("f4", spec.get("dtype"));
        assertEquals("8, 10", spec.get("shape"), "rows, columns as plotly.py writes it");
        var floats = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode((String) spec.get("bdata")))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        assertEquals(80, floats.remaining());
        for (int k = 0; k < 80; k++) assertEquals((float) grid[k / 10][k % 10], floats.get(k), 0f, "cell " + k + ", row-major");
        double[] line = new double[FigureJson.TYPED_MIN];
        @SuppressWarnings("unchecked")
        var one = (Map<String, Object>) FigureJson.rounded(line);
        assertEquals(java.util.Set.of("dtype", "bdata"), one.keySet(), "a 1-D array has no shape");
    }

    @Test
    void contourFigureIsPlotlyJsonWithinAPixel() throws Exception {
        var f = Functions.dlfsBowl();
        var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
        var fig = Plots.contour(f, path);
        var spec = JSON.readTree(FigureJson.write(fig));
        assertEquals(List.of("data", "layout", "config"), List.copyOf(iterable(spec.fieldNames())));
        var sgd = spec.at("/data/1");
        assertEquals("SGD(lr=0.95)", sgd.get("name").asText());
        assertEquals("f4", spec.at("/data/0/z/dtype").asText(), "the contour grid is a typed array");
        double[] xs = numbers(sgd.get("x"));
        assertEquals(path.size() + 1, xs.length, "the start and 30 steps");
        for (int i = 0; i <= path.size(); i++) {
            double exact = path.get(i).x().get(0);
            assertEquals(exact, xs[i], Math.abs(exact) * 1e-6 + 1e-300, "x0 of step " + i);
        }
        String text = FigureJson.write(fig);
        assertTrue(!text.matches("(?s).*\\d{9,}.*"), "no number with 9 or more digits in a row");
    }

    @Test
    void treeIsTheSameJsonAsPlainJavaValues() throws Exception {
        var fig = PlotlyFigure.of("t", LineTrace.of(new double[] {1, 2.5}, new double[] {-3, 1e-9}).name("p"));
        Map<String, Object> tree = FigureJson.tree(fig);
        assertEquals(JSON.readTree(FigureJson.write(fig)), JSON.readTree(JSON.writeValueAsString(tree)));
        @SuppressWarnings("unchecked")
        var x = (List<Object>) ((Map<String, Object>) ((List<Object>) tree.get("data")).get(0)).get("x");
        assertEquals(List.of(1L, 2.5), x, "integers as Long, others as Double");
    }

    @Test
    void animatedFiguresKeepTheirFrames() throws Exception {
        var f = Functions.dlfsBowl();
        var fig = Animation.paths(f, Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30));
        var spec = JSON.readTree(FigureJson.write(fig));
        assertEquals(fig.frames().size(), spec.get("frames").size());
    }

    @Test
    void jsLiteralReadsTablesawShapes() {
        @SuppressWarnings("unchecked")
        var m = (Map<String, Object>) JsLiteral.parse("var t =\n{\nx: [\"1.0\",2],\nname: 'it&#39;s &amp; \\'q\\'',"
                + "\n'k': {a: true, b: null, c: NaN,},\n};", true);
        assertEquals(List.of("1.0", 2L), m.get("x"));
        assertEquals("it's & 'q'", m.get("name"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) m.get("k")).get("a"));
        assertNull(((Map<?, ?>) m.get("k")).get("c"));
        var e = assertThrows(IllegalArgumentException.class, () -> JsLiteral.parse("{a: [1, 2}", false));
        assertTrue(e.getMessage().contains("expected ',' or ']' at character 9"), e.getMessage());
    }

    /** The numbers of a JSON array or of a Plotly typed array ({"dtype": "f4", "bdata": ...}). */
    public static double[] numbers(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.has("bdata")) {
            assertEquals("f4", node.get("dtype").asText());
            var floats = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(node.get("bdata").asText()))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            double[] out = new double[floats.remaining()];
            for (int i = 0; i < out.length; i++) out[i] = floats.get(i);
            return out;
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) out[i] = node.get(i).asDouble();
        return out;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        var list = new java.util.ArrayList<T>();
        it.forEachRemaining(list::add);
        return list;
    }
}
