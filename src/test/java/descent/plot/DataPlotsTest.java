package descent.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Mlp;
import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DataPlotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> traces(PlotlyFigure fig) {
        return TracesTest.traceVars(fig.asJavascript("d")).stream().map(v -> {
            try {
                return JSON.readTree(v[1]);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void scatterHasOneColouredTracePerClass() {
        Dataset d = Datasets.blobs(30, 3, 0.2, 1);
        PlotlyFigure fig = Plots.scatter(d);
        List<JsonNode> t = traces(fig);
        assertEquals(3, t.size());
        int total = 0;
        for (int c = 0; c < 3; c++) {
            JsonNode trace = t.get(c);
            assertEquals("blob " + c, trace.get("name").asText());
            assertEquals("markers", trace.get("mode").asText());
            assertEquals(DataPlots.classColor(c), trace.at("/marker/color").asText());
            assertEquals(10, trace.get("x").size());
            // every point is an example of this class, at its coordinates
            for (int k = 0; k < trace.get("x").size(); k++) {
                int i = Integer.parseInt(trace.get("text").get(k).asText().substring("example ".length()));
                assertEquals(c, d.label(i));
                assertEquals(d.x().get(i, 0), trace.get("x").get(k).asDouble());
                assertEquals(d.x().get(i, 1), trace.get("y").get(k).asDouble());
            }
            total += trace.get("x").size();
        }
        assertEquals(30, total);
        assertEquals(d.name(), fig.title());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.scatter(new Dataset("img", Matrix.zeros(1, 4), new int[]{0}, List.of("a"))));
        assertTrue(e.getMessage().contains("needs 2 features"), e.getMessage());
    }

    @Test
    void imageGridTilesPixelsAndTitlesEachImage() {
        // three 2x2 "images": pixel values 0.1·(4i + k)
        double[] px = new double[12];
        for (int i = 0; i < 12; i++) px[i] = 0.1 * i / 1.2;
        Dataset d = new Dataset("tiny", Matrix.wrap(3, 4, px), new int[]{2, 0, 1}, List.of("Bag", "Coat", "Dress"));
        PlotlyFigure fig = Plots.images(d, 3);
        JsonNode heat = traces(fig).get(0);
        assertEquals("heatmap", heat.get("type").asText());
        JsonNode z = heat.get("z");
        // one row of 3 tiles 2 wide with 2-pixel gaps: 3·2 + 2·2 = 10 wide; 9 blank rows for titles, then 2
        assertEquals(DataPlots.GAP_Y + 2, z.size());
        assertEquals(3 * 2 + 2 * DataPlots.GAP_X, z.get(0).size());
        int top = DataPlots.GAP_Y;
        for (int i = 0; i < 3; i++) {
            int left = i * (2 + DataPlots.GAP_X);
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(px[4 * i + 2 * r + c], z.get(top + r).get(left + c).asDouble(), 0.0,
                            "image " + i + " pixel (" + r + ", " + c + ")");
                }
            }
        }
        assertTrue(z.get(0).get(0).isNull(), "gaps are blank (null)");
        assertTrue(z.get(top).get(2).isNull(), "gap between tiles");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> titles = (List<Map<String, Object>>) fig.layout().get("annotations");
        assertEquals(List.of("Dress", "Bag", "Coat"), titles.stream().map(m -> m.get("text")).toList());
        assertEquals(0.0, heat.get("zmin").asDouble());
        assertEquals(1.0, heat.get("zmax").asDouble());
        assertEquals("tiny (3 examples)", fig.title());
    }

    @Test
    void gridWrapsAfterEightImagesAndChecksShapes() {
        Dataset d = new Dataset("nine", Matrix.zeros(9, 9), new int[9], List.of("x"));
        JsonNode z = traces(Plots.images(d, 100)).get(0).get("z");
        assertEquals(2 * (3 + DataPlots.GAP_Y), z.size());
        assertEquals(8 * 3 + 7 * DataPlots.GAP_X, z.get(0).size());
        Dataset odd = new Dataset("odd", Matrix.zeros(1, 6), new int[1], List.of("x"));
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.images(odd, 1));
        assertTrue(e.getMessage().contains("not a square image"), e.getMessage());
        assertEquals(1, traces(DataPlots.images(odd, new int[]{0}, 3)).size());
        assertThrows(IndexOutOfBoundsException.class, () -> DataPlots.images(d, new int[]{9}));
    }

    @Test
    void aFloat32DataSetDrawsAsItsValuesWidenedToDoubles() {
        // Plots read float32 features as the doubles they are; the figure must be that of the widened copy.
        Dataset f = Datasets.moons(60, 0.1, 3).to(DType.FLOAT32);
        Dataset widened = f.to(DType.FLOAT64);
        assertEquals(Plots.scatter(widened).asJavascript("d"), Plots.scatter(f).asJavascript("d"), "scatter");
        assertEquals(DataPlots.images(widened, new int[]{0, 5}, 2).asJavascript("d"),
                DataPlots.images(f, new int[]{0, 5}, 2).asJavascript("d"), "image grid");
        var net = Mlp.of(2, 8, 2).seed(1);
        assertEquals(DecisionBoundary.figure(net, widened, "regions").asJavascript("d"),
                DecisionBoundary.figure(net, f, "regions").asJavascript("d"), "decision regions");
    }
}
