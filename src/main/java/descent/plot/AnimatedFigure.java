package descent.plot;

import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Plotly figure with animation frames, a slider and play/pause buttons: everything runs in the browser, no
 * kernel round trip. Built by {@link Animation}.
 *
 * <pre>{@code
 * var fig = Animation.paths(Functions.dlfsBowl(), Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30));
 * fig.frames().size();    // 31: one per step
 * Plots.show(fig)
 * }</pre>
 *
 * Each frame is Plotly JSON ({@code {"name": ..., "data": [...], "traces": [...]}}) that replaces the data of
 * the listed traces; see https://plotly.com/javascript/animations/. The script calls
 * {@code Plotly.newPlot(target, {data, layout, config, frames})}.
 */
public final class AnimatedFigure extends PlotlyFigure {
    private final List<Map<String, Object>> frames;

    AnimatedFigure(Map<String, Object> layout, List<Map<String, Object>> frames, Trace... traces) {
        super(layout, traces);
        this.frames = List.copyOf(frames);
    }

    /** The frames, in order. */
    public List<Map<String, Object>> frames() {
        return frames;
    }

    @Override
    public AnimatedFigure withLayout(String key, Object value) {
        return new AnimatedFigure(PlotlyTrace.put(layout(), key, value), frames, getTraces());
    }

    @Override
    public AnimatedFigure withTraces(Trace... more) {
        List<Trace> all = new ArrayList<>(Arrays.asList(getTraces()));
        all.addAll(Arrays.asList(more));
        return new AnimatedFigure(layout(), frames, all.toArray(Trace[]::new));
    }

    @Override
    public String asJavascript(String divName) {
        StringBuilder sb = new StringBuilder(scriptDeclaring(divName));
        sb.append("var frames = ").append(Json.write(frames)).append(";\n");
        sb.append("Plotly.newPlot(target, {data: data, layout: layout, config: config, frames: frames});\n");
        return sb.append("</script>").toString();
    }

    /** {@code AnimatedFigure('x^2/20 + y^2', 31 frames, [contour(...), scatter(...)])}. */
    @Override
    public String toString() {
        return "AnimatedFigure('" + title() + "', " + frames.size() + " frames, "
                + Arrays.stream(getTraces()).map(Object::toString).collect(Collectors.joining(", ", "[", "]")) + ")";
    }
}
