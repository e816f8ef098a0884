package descent.plot;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Mlp;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubplotsTest {

    private static PlotlyFigure panel(String title, String name) {
        return PlotlyFigure.of(title, LineTrace.of(new double[] {0, 1}, new double[] {1, 2}).name(name)).withAxisTitles("x", "y");
    }

    @Test
    @SuppressWarnings("unchecked")
    void panelsGetTheirOwnAxesDomainsAndTitles() {
        PlotlyFigure f = Subplots.of("grid", 2, panel("a", "run"), panel("b", "run"), panel("c", "other"));
        Map<String, Object> l = f.layout();
        // 2 columns, 2 rows: panel 3 sits in row 2, column 1
        assertArrayEquals(new double[] {0, (1 - 0.07) / 2}, (double[]) ((Map<String, Object>) l.get("xaxis")).get("domain"), 1e-12);
        assertArrayEquals(new double[] {(1 - 0.07) / 2 + 0.07, 1}, (double[]) ((Map<String, Object>) l.get("xaxis2")).get("domain"), 1e-12);
        double h = (1 - 0.09) / 2;
        assertArrayEquals(new double[] {0, h}, (double[]) ((Map<String, Object>) l.get("yaxis3")).get("domain"), 1e-12);
        assertEquals("y3", ((Map<String, Object>) l.get("xaxis3")).get("anchor"));
        assertEquals("x", ((Map<String, Object>) ((Map<String, Object>) l.get("xaxis3")).get("title")).get("text"));
        List<Object> notes = (List<Object>) l.get("annotations");
        assertEquals(List.of("a", "b", "c"), notes.stream().map(n -> ((Map<String, Object>) n).get("text")).toList());
        List<?> traces = f.traces();
        assertEquals("x2", ((LineTrace) traces.get(1)).get("xaxis"));
        assertEquals("y3", ((LineTrace) traces.get(2)).get("yaxis"));
        // same name: one legend entry for the group
        assertEquals("run", ((LineTrace) traces.get(1)).get("legendgroup"));
        assertEquals(false, ((LineTrace) traces.get(1)).get("showlegend"));
        assertEquals(null, ((LineTrace) traces.get(0)).get("showlegend"));
        assertTrue(f.asJavascript("d").contains("\"xaxis3\""));
        assertThrows(IllegalArgumentException.class, () -> Subplots.of("none", 2, List.of()));
    }

    @Test
    void histogramCountsLikeNumpy() {
        // numpy.histogram([0, 0.1, 0.5, 0.99, 1.0, 1.5, -0.1], bins=4, range=(0, 1)) -> [2, 0, 1, 2]
        assertArrayEquals(new double[] {2, 0, 1, 2}, BarTrace.counts(new double[] {0, 0.1, 0.5, 0.99, 1.0, 1.5, -0.1, Double.NaN}, 0, 1, 4));
        BarTrace b = BarTrace.histogram(new double[] {0.1, 0.2}, 0, 1, 2);
        assertArrayEquals(new double[] {0.25, 0.75}, (double[]) b.get("x"));
        assertEquals(0.5, b.get("width"));
        assertThrows(IllegalArgumentException.class, () -> BarTrace.counts(new double[] {1}, 1, 1, 3));
    }

    @Test
    void decisionRegionsAreTheModelsArgmax() {
        Dataset d = Datasets.blobs(40, 2, 0.2, 3);
        Mlp net = Mlp.of(2, 4, 2).seed(1);
        PlotlyFigure f = DecisionBoundary.figure(net, d, "t");
        HeatmapTrace h = (HeatmapTrace) f.traces().get(0);
        double[] xs = (double[]) h.get("x"), ys = (double[]) h.get("y");
        double[][] z = (double[][]) h.get("z");
        for (int j : new int[] {0, 37, 99}) {
            for (int i : new int[] {0, 50, 99}) {
                Matrix out = net.predict(Matrix.of(new double[][] {{xs[i], ys[j]}}));
                assertEquals(out.argmaxOfRow(0), (int) z[j][i], "cell (" + i + ", " + j + ")");
            }
        }
        assertEquals(3, f.traces().size()); // cells + one marker trace per class
        assertEquals(20, ((double[]) ((LineTrace) f.traces().get(1)).get("x")).length);
        assertThrows(IllegalArgumentException.class, () -> DecisionBoundary.figure(Mlp.of(3, 2).seed(1),
                new Dataset("3d", Matrix.zeros(2, 3), new int[] {0, 1}, List.of("a", "b")), "t"));
    }
}
