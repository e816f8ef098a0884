package descent.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.optim.Trajectory;
import descent.schedule.Schedules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed layout helpers, and that descent's own figures use them: legend below, math titles, one height per kind. */
class PlotlyFigureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Vec START = Vec.of(-7, 2);

    /** The layout exactly as the browser receives it. */
    static JsonNode layout(PlotlyFigure fig) throws Exception {
        Matcher m = Pattern.compile("var layout = (.*);\n").matcher(fig.asJavascript("d"));
        assertTrue(m.find(), "no layout in the script");
        return JSON.readTree(m.group(1));
    }

    private static void assertLegendBelow(String what, JsonNode layout) {
        JsonNode legend = layout.get("legend");
        assertEquals("{\"orientation\":\"h\",\"x\":0,\"xanchor\":\"left\",\"yref\":\"container\",\"y\":0,\"yanchor\":\"bottom\"}",
                String.valueOf(legend), what + ": legend in rows at the bottom of the figure, under the x-axis title");
        assertTrue(layout.path("xaxis").path("automargin").asBoolean(), what + ": xaxis.automargin keeps its title clear of the legend");
    }

    private static Trajectory run(descent.optim.Optimizer o) {
        return o.minimize(Functions.dlfsBowl(), START, 30);
    }

    @Test
    void legendBelowIsOneLayoutValueAndPushesEveryXAxisTitleUp() throws Exception {
        var fig = PlotlyFigure.of("t", LineTrace.of(new double[] {0, 1}, new double[] {1, 2}))
                .withLayout("xaxis2.title.text", "step").withLegendBelow();
        JsonNode l = layout(fig);
        assertLegendBelow("withLegendBelow", l);
        assertTrue(l.path("xaxis2").path("automargin").asBoolean(), "every x axis of a grid gets automargin: " + l);
    }

    @Test
    void typedHelpersWriteThePlotlyAttributes() throws Exception {
        var fig = PlotlyFigure.of("t", LineTrace.of(new double[] {1, 2}, new double[] {1, 2}))
                .withLogX().withLogY().withXRange(-1, 2).withYRange(0, 1).withHeight(321);
        JsonNode l = layout(fig);
        assertEquals("log", l.path("xaxis").path("type").asText());
        assertEquals("log", l.path("yaxis").path("type").asText());
        assertEquals("[-1,2]", l.path("xaxis").path("range").toString());
        assertEquals("[0,1]", l.path("yaxis").path("range").toString());
        assertEquals(321, l.path("height").asInt());
        var ranged = PlotlyFigure.of("r").withRanges(Region.of(-8, 2, -3, 3));
        assertEquals("[-8,2]", layout(ranged).path("xaxis").path("range").toString());
        assertEquals("[-3,3]", layout(ranged).path("yaxis").path("range").toString());
    }

    @Test
    void badSizesAndRangesAreRejectedWithTheValue() {
        var fig = PlotlyFigure.of("t");
        var e = assertThrows(IllegalArgumentException.class, () -> fig.withHeight(0));
        assertEquals("Invalid figure height: 0; expected a whole number >= 1; a size in px, e.g. withHeight(500).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fig.withXRange(2, 1));
        assertEquals("Invalid withXRange range: (2.0, 1.0); expected finite min < max; e.g. withXRange(0, 1).", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fig.withYRange(0, Double.NaN));
        assertEquals("t", fig.title(), "a failed wither leaves the figure unchanged");
    }

    @Test
    void titlesShowExponentsAsSuperscripts() throws Exception {
        assertEquals("x²/20 + y²", PlotlyFigure.of("x^2/20 + y^2").title());
        assertEquals("x²/20 + y²", layout(PlotlyFigure.of("x^2/20 + y^2")).path("title").path("text").asText());
        assertEquals("a⁻¹", PlotlyFigure.of("t").withTitle("a^-1").title());
        assertEquals("−∇f of x²/20 + y²", Plots.gradientField(Functions.dlfsBowl(), Region.of(-10, 10, -5, 5)).title());
        assertEquals("Rosenbrock", Plots.contour(Functions.rosenbrock(), Region.of(-2, 2, -1, 3)).title(), "no caret, no change");
    }

    @Test
    void everyFigureWithALegendPutsItBelowThePlot() throws Exception {
        var f = Functions.dlfsBowl();
        Trajectory sgd = run(Optimizers.sgd(0.95)), adam = run(Optimizers.adam(0.3));
        assertLegendBelow("contour", layout(Plots.contour(f, sgd, adam)));
        assertLegendBelow("contourLines", layout(Plots.contourLines(f, sgd)));
        assertLegendBelow("gradientField", layout(Plots.gradientField(f, sgd)));
        assertLegendBelow("surface", layout(Plots.surface(f, sgd)));
        assertLegendBelow("curves", layout(Plots.curves(sgd, adam)));
        assertLegendBelow("effectiveLr", layout(Plots.effectiveLr(adam)));
        assertLegendBelow("schedules", layout(Plots.schedules(100, Schedules.cosine(100))));
        assertLegendBelow("animate", layout(Plots.animate(f, sgd, adam)));
        assertLegendBelow("grid", layout(Plots.grid("two", 2, Plots.contour(f, sgd), Plots.contour(f, adam))));
    }

    @Test
    void oneHeightPerKindOfFigure() throws Exception {
        var f = Functions.dlfsBowl();
        Trajectory sgd = run(Optimizers.sgd(0.95));
        for (PlotlyFigure one : List.of(Plots.contour(f, sgd), Plots.gradientField(f, sgd), Plots.effectiveLr(sgd),
                Plots.schedules(10, Schedules.constant()))) {
            assertEquals(PlotlyFigure.DEFAULT_HEIGHT, layout(one).path("height").asInt(), one.title() + ": one plot");
        }
        for (PlotlyFigure tall : List.of(Plots.surface(f, sgd), Plots.curves(sgd), Plots.animate(f, sgd),
                Plots.sweep(f, START, 5, "lr", new double[] {0.1, 0.5}, Optimizers::sgd))) {
            assertEquals(PlotlyFigure.TALL_HEIGHT, layout(tall).path("height").asInt(), tall.title() + ": stacked, 3-D or slider");
        }
    }

    @Test
    void longOptimizerNamesAreShortInTheLegendAndFullOnHover() throws Exception {
        var f = Functions.dlfsBowl();
        Trajectory sgd = run(Optimizers.sgd(0.95)), adam = run(Optimizers.adam(0.3));
        String js = Plots.contour(f, sgd, adam).asJavascript("d");
        assertTrue(js.contains("\"name\":\"SGD(lr=0.95)\""), "short names stay");
        assertTrue(js.contains("\"name\":\"Adam(lr=0.3, …)\""), "long names shortened: " + js.substring(0, 300));
        var adamTrace = Plots.contour(f, sgd, adam).traces().get(3);
        assertEquals("Adam(lr=0.3, …)", adamTrace.name());
        assertTrue(((LineTrace) adamTrace).get("hovertemplate").toString().endsWith("<extra>" + adam.name() + "</extra>"),
                "hover shows " + adam.name());
        assertFalse(js.contains("\"name\":\"" + adam.name() + "\""), "the long name is not in the legend");
    }
}
