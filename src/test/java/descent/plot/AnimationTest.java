package descent.plot;

import descent.fn.Functions;
import descent.fn.Vec;
import descent.optim.Optimizers;
import descent.optim.Trajectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnimationTest {
    private final Trajectory sgd = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
    private final Trajectory mom = Optimizers.momentum(0.1).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 10);

    @Test
    void oneFramePerStepGrowingEachPath() {
        AnimatedFigure fig = Animation.paths(Functions.dlfsBowl(), sgd, mom);
        assertEquals(31, fig.frames().size());
        Map<String, Object> frame5 = fig.frames().get(5);
        assertEquals("5", frame5.get("name"));
        List<?> data = (List<?>) frame5.get("data");
        assertEquals(6, ((double[]) ((Map<?, ?>) data.get(0)).get("x")).length, "SGD shows steps 0..5");
        // the shorter path stays complete after its end
        assertEquals(11, ((double[]) ((Map<?, ?>) ((List<?>) fig.frames().get(30).get("data")).get(1)).get("x")).length);
        int[] idx = (int[]) frame5.get("traces");
        assertEquals("SGD(lr=0.95)", fig.traces().get(idx[0]).name());
        assertEquals("Momentum(lr=0.1, momentum=0.9)", fig.traces().get(idx[1]).name());
        // frame 0 is what is drawn first: only the start points
        assertEquals(1, ((double[]) ((LineTrace) fig.traces().get(idx[0])).get("x")).length);
    }

    @Test
    void theScriptCarriesFramesSliderAndButtons() {
        String js = Animation.paths(Functions.dlfsBowl(), sgd).asJavascript("d1");
        assertTrue(js.contains("var frames = [{\"name\":\"0\""), js.substring(0, 200));
        assertTrue(js.contains("\"sliders\":[") && js.contains("\"updatemenus\":[") && js.contains("\"method\":\"animate\""));
        assertTrue(js.contains("Plotly.newPlot(target, {data: data, layout: layout, config: config, frames: frames});"));
        assertTrue(Animation.paths(Functions.dlfsBowl(), sgd).withTitle("t") instanceof AnimatedFigure, "withers keep the frames");
    }

    @Test
    void sweepHasOneFramePerValueAndMarksDivergence() {
        AnimatedFigure fig = Animation.sweep(Functions.dlfsBowl(), Vec.of(-7, 2), 30, "lr", new double[]{0.1, 0.95, 1e10},
                Optimizers::sgd);
        assertEquals(3, fig.frames().size());
        assertEquals(List.of("0.1", "0.95", "1e+10"), fig.frames().stream().map(f -> f.get("name")).toList());
        Map<?, ?> d = (Map<?, ?>) ((List<?>) fig.frames().get(1).get("data")).get(0);
        assertArrayEquals(sgd.coordinate(1), (double[]) d.get("y"));
        String title = (String) ((Map<?, ?>) ((Map<?, ?>) fig.frames().get(2).get("layout")).get("title")).get("text");
        assertTrue(title.contains("SGD(lr=1e+10)") && title.endsWith("(diverged)"), title);
        assertThrows(IllegalArgumentException.class, () -> Animation.sweep(Functions.dlfsBowl(), Vec.of(-7, 2), 5, "lr", new double[0], Optimizers::sgd));
    }
}
