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
        assertEquals("u2", spec.at("/data/0/z/dtype").asText(), "the contour's log levels as 16-bit codes");
        assertEquals("f4", spec.at("/data/0/customdata/dtype").asText(), "f for the hover as float32");
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

    /** The numbers of a JSON array or of a Plotly typed array ({"dtype": "f4" or "u1", "i2", ..., "bdata": ...}). */
    public static double[] numbers(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.has("bdata")) {
            var bytes = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(node.get("bdata").asText()))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            String dtype = node.get("dtype").asText();
            int size = switch (dtype) {
                case "u1", "i1" -> 1;
                case "u2", "i2" -> 2;
                case "u4", "i4", "f4" -> 4;
                default -> throw new AssertionError("unexpected dtype " + dtype);
            };
            double[] out = new double[bytes.remaining() / size];
            for (int i = 0; i < out.length; i++) {
                out[i] = switch (dtype) {
                    case "u1" -> Byte.toUnsignedInt(bytes.get());
                    case "i1" -> bytes.get();
                    case "u2" -> Short.toUnsignedInt(bytes.getShort());
                    case "i2" -> bytes.getShort();
                    case "u4" -> Integer.toUnsignedLong(bytes.getInt());
                    case "i4" -> bytes.getInt();
                    default -> bytes.getFloat();
                };
            }
            return out;
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) out[i] = node.get(i).asDouble();
        return out;
    }

    /** A trace's x: its array, or x0 + i·dx for each of its y values. */
    public static double[] xs(com.fasterxml.jackson.databind.JsonNode trace) {
        if (trace.has("x")) return numbers(trace.get("x"));
        double[] y = numbers(trace.get("y"));
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = trace.get("x0").asDouble() + i * trace.get("dx").asDouble();
        return x;
    }

    @Test
    void wholeNumbersUseTheSmallestIntegerTypeExactly() throws Exception {
        Object[][] cases = {
                {new double[] {0, 1, 2, 3, 2, 1, 0, 255}, "u1"},
                {new double[] {-128, 0, 127, 5, 5, 5, 5, 5}, "i1"},
                {new double[] {0, 256, 65535, 1, 1, 1, 1, 1}, "u2"},
                {new double[] {-129, 32767, -32768, 0, 0, 0, 0, 0}, "i2"},
                {new double[] {0, 65536, 4294967295.0, 7, 7, 7, 7, 7}, "u4"},
                {new double[] {-1, 2147483647, -2147483648.0, 0, 0, 0, 0, 0}, "i4"},
                {new double[] {0, 1, 2, 3, 4, 5, 6, 7.5}, "f4"},
                {new double[] {0, 1, 2, 3, 4, 5, 6, Double.NaN}, "f4"},
                {new double[] {-1, 4294967295.0, 0, 0, 0, 0, 0, 0}, "f4"},
        };
        for (Object[] c : cases) {
            double[] a = (double[]) c[0];
            var node = JSON.readTree(Json.write(FigureJson.rounded(a)));
            assertEquals(c[1], node.get("dtype").asText(), java.util.Arrays.toString(a));
            double[] back = numbers(node);
            for (int i = 0; i < a.length; i++) {
                if (Double.isNaN(a[i])) assertTrue(Double.isNaN(back[i]), "NaN at " + i);
                else if (!c[1].equals("f4")) assertEquals(a[i], back[i], 0.0, c[1] + " decodes exactly at " + i);
            }
        }
        // a decision-region grid of class indices: one byte a cell, decoded cell by cell
        double[][] grid = new double[10][12];
        for (int j = 0; j < 10; j++) for (int i = 0; i < 12; i++) grid[j][i] = (i * 7 + j * 3) % 4;
        var node = JSON.readTree(Json.write(FigureJson.rounded(grid)));
        assertEquals("u1", node.get("dtype").asText());
        assertEquals("10, 12", node.get("shape").asText());
        assertEquals(120, java.util.Base64.getDecoder().decode(node.get("bdata").asText()).length, "one byte a cell");
        double[] cells = numbers(node);
        for (int k = 0; k < 120; k++) assertEquals(grid[k / 12][k % 12], cells[k], 0.0, "cell " + k + ", row-major");
    }

    @Test
    void longLinesKeepTheirShapeAndExactValues() throws Exception {
        int n = 20_000;
        double[] x = new double[n], y = new double[n];
        String[] text = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i < 4000 ? 0.5 : Math.cos(i / 1500.0) + ((i * 7919) % 13) / 100.0;   // flat, then a noisy wave
            text[i] = "step " + i;
        }
        var fig = PlotlyFigure.of("long", LineTrace.of(x, y).lines().with("text", text).name("lr"));
        var trace = JSON.readTree(FigureJson.write(fig)).at("/data/0");
        double[] kx = numbers(trace.get("x")), ky = numbers(trace.get("y"));
        assertTrue(kx.length < 4 * FigureJson.LINE_BUCKETS && kx.length > 1000, "kept " + kx.length + " of " + n);
        assertEquals(kx.length, trace.get("text").size(), "hover texts kept in step with the points");
        assertEquals(0, kx[0], 0.0, "first point kept");
        assertEquals(n - 1, kx[kx.length - 1], 0.0, "last point kept");
        for (int k = 0; k < kx.length; k++) {
            int i = (int) kx[k];
            assertEquals(x[i], kx[k], 0.0, "kept x is an original step");
            assertEquals((float) y[i], ky[k], 0.0, "kept y is the original value at step " + i);
            assertEquals("step " + i, trace.get("text").get(k).asText());
        }
        assertEquals(List.of(0.0, 3999.0), java.util.Arrays.stream(kx).filter(v -> v < 4000).boxed().toList(),
                "a flat run keeps its two ends");
        assertEquals("u2", trace.at("/x/dtype").asText(), "steps as 16-bit integers");
        // short lines, and lines drawn with markers, keep every point; an evenly spaced x becomes x0 and dx
        double[] sx = new double[2000], sy = new double[2000];
        for (int i = 0; i < sx.length; i++) { sx[i] = 1 + 2 * i; sy[i] = Math.sin(i); }
        var shortLine = JSON.readTree(FigureJson.write(PlotlyFigure.of("s", LineTrace.of(sx, sy).lines()))).at("/data/0");
        assertTrue(!shortLine.has("x"), "x0/dx instead of x");
        assertEquals(1, shortLine.get("x0").asDouble(), 0.0);
        assertEquals(2, shortLine.get("dx").asDouble(), 0.0);
        assertEquals(2000, numbers(shortLine.get("y")).length);
        var markers = JSON.readTree(FigureJson.write(PlotlyFigure.of("m", LineTrace.of(x, y)))).at("/data/0");
        assertEquals(n, numbers(markers.get("y")).length, "lines+markers: every marker is drawn, none dropped");
    }

    @Test
    void hoverValuesEqualToZAreNotStoredTwice() throws Exception {
        double[] xs = {0, 1}, ys = {0, 1};
        double[][] z = {{0.5, 1.25}, {2, 4}}, f = {{3, 2}, {1, 0}};
        var same = ContourTrace.of(xs, ys, z).hoverValues("f", z);
        assertNull(same.get("customdata"), "no second copy of z");
        assertEquals("x0=%{x:.4g}<br>x1=%{y:.4g}<br>f=%{z:.6g}<extra></extra>", same.get("hovertemplate"));
        var other = ContourTrace.of(xs, ys, z).hoverValues("f", f);
        assertEquals("x0=%{x:.4g}<br>x1=%{y:.4g}<br>f=%{customdata:.6g}<extra></extra>", other.get("hovertemplate"));
        assertEquals(3.0, ((double[][]) other.get("customdata"))[0][0], 0.0, "f itself, where z is transformed");
    }

    @Test
    void longTitlesAreWrappedWhenWritten() throws Exception {
        String title = "Training loss by weight initialization (60000 images of fashion-mnist-train, 5 hidden layers of "
                + "100 ReLU, SGD(lr=0.01), batch 128, 2000 iterations, seed 1)";
        var fig = PlotlyFigure.of(title, LineTrace.of(new double[] {0, 1}, new double[] {1, 2}));
        assertEquals(title, fig.title(), "the figure keeps its title");
        String written = JSON.readTree(FigureJson.write(fig)).at("/layout/title/text").asText();
        assertEquals("Training loss by weight initialization<br><span style=\"font-size:13px\">(60000 images of "
                + "fashion-mnist-train, 5 hidden layers of<br>100 ReLU, SGD(lr=0.01), batch 128, 2000 iterations, seed 1)"
                + "</span>", written, "head, then the details in two lines of about equal length");
        assertEquals(FigureJson.DEFAULT_TOP_MARGIN + 2 * FigureJson.TITLE_LINE_PX,
                JSON.readTree(FigureJson.write(fig)).at("/layout/margin/t").asInt(), "room for two more title lines");
        assertTrue(JSON.readTree(FigureJson.write(PlotlyFigure.of("short"))).at("/layout/margin").isMissingNode(),
                "a title that fits changes no margin");
        var narrow = JSON.readTree(FigureJson.write(fig.withSize(400, 300))).at("/layout/title/text").asText();
        assertTrue(narrow.split("<br>").length > written.split("<br>").length, "a narrower figure, shorter lines: " + narrow);
    }
    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        var list = new java.util.ArrayList<T>();
        it.forEachRemaining(list::add);
        return list;
    }
}
