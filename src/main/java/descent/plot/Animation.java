package descent.plot;

import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Optimizer;
import descent.optim.Stop;
import descent.optim.Trajectory;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Animated contour plots: step through optimizer paths, or through values of a hyperparameter, with a slider and
 * a play button, entirely in the browser (the spirit of Goh's "Why Momentum Really Works", Distill 2017).
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();
 * Animation.paths(f, Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30),
 *                    Optimizers.momentum(0.1).minimize(f, Vec.of(-7, 2), 30));         // slider over steps
 * Animation.sweep(f, Vec.of(-7, 2), 30, "momentum", new double[]{0, 0.5, 0.8, 0.9, 0.95},
 *         mu -> Optimizers.momentum(0.1, mu))                                         // slider over μ
 * }</pre>
 *
 * The contour, start circles and minima are drawn once; frames replace only the path traces, so playing is cheap.
 */
public final class Animation {
    /** Milliseconds per frame when playing. */
    static final int FRAME_MS = 120;

    private Animation() {
    }

    /** One frame per step: frame k shows every path up to its step k (shorter paths stay at their end). */
    public static AnimatedFigure paths(Objective f, Trajectory... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("Animation.paths needs at least one trajectory, e.g. Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30).");
        }
        PlotlyFigure base = Contours.figure(f, Contours.regionFor(f, List.of(paths)), List.of());
        List<Trace> traces = new ArrayList<>(base.traces());
        int first = traces.size();
        int longest = 0;
        for (int i = 0; i < paths.length; i++) {
            Trajectory p = paths[i];
            String c = Contours.color(i);
            traces.add(truncated(Contours.pathTrace(p, c), p, 0));
            Vec s = p.get(0).x();
            traces.add(LineTrace.of(new double[]{s.get(0)}, new double[]{s.get(1)}).markers().marker("circle-open", 14, c)
                    .with("marker.line.width", 3).name("start of " + p.name()).showLegend(false));
            longest = Math.max(longest, p.size());
        }
        int[] indices = new int[paths.length];
        for (int i = 0; i < paths.length; i++) indices[i] = first + 2 * i;
        List<Map<String, Object>> frames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k <= longest; k++) {
            List<Object> data = new ArrayList<>();
            for (Trajectory p : paths) {
                int n = Math.min(k, p.size()) + 1;
                data.add(Json.obj("x", Arrays.copyOf(p.coordinate(0), n), "y", Arrays.copyOf(p.coordinate(1), n)));
            }
            frames.add(Json.obj("name", String.valueOf(k), "data", data, "traces", indices));
            labels.add(String.valueOf(k));
        }
        return controls(base, traces, frames, labels, "step ");
    }

    /**
     * One frame per hyperparameter value: each frame shows the whole run of {@code optimizer.apply(value)} for
     * {@code steps} updates from {@code start}; the title reports the final f, and runs that diverge end at their
     * last finite point and say so.
     *
     * @param name   the hyperparameter's name for the slider, e.g. {@code "lr"} or {@code "momentum"}
     * @param values the values to step through, in slider order
     */
    public static AnimatedFigure sweep(Objective f, Vec start, int steps, String name, double[] values,
                                       DoubleFunction<Optimizer> optimizer) {
        if (values == null || values.length == 0 || optimizer == null) {
            throw new IllegalArgumentException("Animation.sweep needs values and a function from value to optimizer, e.g. "
                    + "new double[]{0.1, 0.5, 0.9}, mu -> Optimizers.momentum(0.1, mu).");
        }
        List<Trajectory> runs = new ArrayList<>();
        for (double v : values) runs.add(optimizer.apply(v).minimize(f, start, Stop.after(steps).markDiverged()));
        List<Trajectory> tame = runs.stream().filter(t -> !t.diverged()).toList();
        Region region = Contours.regionFor(f, tame.isEmpty() ? List.of(runs.get(0)) : tame);
        PlotlyFigure base = Contours.figure(f, region, List.of());
        List<Trace> traces = new ArrayList<>(base.traces());
        int index = traces.size();
        Trajectory r0 = runs.get(0);
        traces.add(Contours.pathTrace(r0, Contours.color(0)));
        traces.add(LineTrace.of(new double[]{start.get(0)}, new double[]{start.get(1)}).markers()
                .marker("circle-open", 14, Contours.color(0)).with("marker.line.width", 3).name("start").showLegend(false));
        List<Map<String, Object>> frames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String firstTitle = null;
        for (int i = 0; i < values.length; i++) {
            Trajectory t = runs.get(i);
            String label = Format.repr(values[i]);
            String title = f.name() + ": " + t.name() + " after " + t.size() + " steps: f = " + Format.number(t.last().f())
                    + (t.diverged() ? " (diverged)" : "");
            if (firstTitle == null) firstTitle = title;
            frames.add(Json.obj("name", label,
                    "data", List.of(Json.obj("x", t.coordinate(0), "y", t.coordinate(1), "name", t.name(),
                            "text", hover(t))),
                    "traces", new int[]{index},
                    "layout", Json.obj("title", Json.obj("text", title))));
            labels.add(label);
        }
        return controls(base.withTitle(firstTitle), traces, frames, labels, name + "=");
    }

    private static String[] hover(Trajectory t) {
        String[] text = new String[t.steps().size()];
        for (int k = 0; k < text.length; k++) text[k] = "step " + k + "<br>f=" + Format.number(t.get(k).f(), 6);
        return text;
    }

    /** The path trace with only its first k+1 points (the frame-0 picture). */
    private static LineTrace truncated(LineTrace trace, Trajectory p, int k) {
        int n = Math.min(k, p.size()) + 1;
        return trace.with("x", Arrays.copyOf(p.coordinate(0), n)).with("y", Arrays.copyOf(p.coordinate(1), n));
    }

    /** Adds Plotly's slider and play/pause buttons (the layout of plotly.com/javascript/animations). */
    private static AnimatedFigure controls(PlotlyFigure base, List<Trace> traces, List<Map<String, Object>> frames,
                                           List<String> labels, String prefix) {
        Map<String, Object> still = Json.obj("mode", "immediate", "frame", Json.obj("duration", 0, "redraw", false),
                "transition", Json.obj("duration", 0));
        List<Object> steps = new ArrayList<>();
        for (String l : labels) steps.add(Json.obj("label", l, "method", "animate", "args", List.of(List.of(l), still)));
        Map<String, Object> slider = Json.obj("active", 0, "steps", steps, "x", 0.27, "len", 0.73, "y", 0,
                "pad", Json.obj("t", 40), "currentvalue", Json.obj("prefix", prefix, "visible", true, "xanchor", "left"));
        Map<String, Object> play = Json.obj("label", "▶ play", "method", "animate", "args", Arrays.asList(null,
                Json.obj("fromcurrent", true, "frame", Json.obj("duration", FRAME_MS, "redraw", false),
                        "transition", Json.obj("duration", 0))));
        Map<String, Object> pause = Json.obj("label", "❚❚ pause", "method", "animate",
                "args", List.of(Arrays.asList((Object) null), still));
        Map<String, Object> buttons = Json.obj("type", "buttons", "direction", "left", "showactive", false,
                "x", 0, "y", 0, "xanchor", "left", "yanchor", "top", "pad", Json.obj("t", 45, "r", 10), "buttons", List.of(play, pause));
        Map<String, Object> layout = PlotlyTrace.put(base.layout(), "sliders", List.of(slider));
        layout = PlotlyTrace.put(layout, "updatemenus", List.of(buttons));
        layout = PlotlyTrace.put(layout, "height", 600);
        return new AnimatedFigure(layout, frames, traces.toArray(Trace[]::new));
    }
}
