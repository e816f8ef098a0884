package descent.plot;

import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Step;
import descent.optim.Trajectory;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures of optimizer runs beyond the contour plot: the surface in 3-D, the gradient field as arrows, and f and
 * the gradient norm against the step.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();
 * var sgd = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * TrajectoryPlots.surface(f, sgd);                              // turn it with the mouse
 * TrajectoryPlots.gradientField(f, Region.of(-10, 10, -5, 5));  // the book's quiver plot of −∇f
 * TrajectoryPlots.curves(sgd, Optimizers.adam(0.3).minimize(f, Vec.of(-7, 2), 30))
 * }</pre>
 */
public final class TrajectoryPlots {
    /** Grid points per side of the surface. */
    static final int SURFACE_GRID = 50;
    /** Arrows per side of the gradient field. */
    static final int ARROWS = 20;

    private TrajectoryPlots() {
    }

    /** f as a 3-D surface over the region the paths cover, with each path drawn on it (z = f at each point). */
    public static PlotlyFigure surface(Objective f, Trajectory... paths) {
        return surface(f, Contours.regionFor(f, List.of(paths)), paths);
    }

    /** f as a 3-D surface over {@code region}, with the paths. */
    public static PlotlyFigure surface(Objective f, Region region, Trajectory... paths) {
        check2d(f, "surface");
        double[] xs = region.xs(SURFACE_GRID), ys = region.ys(SURFACE_GRID);
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) z[j][i] = Contours.round(f.value(Vec.of(xs[i], ys[j])));
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(SurfaceTrace.of(xs, ys, z).colorscale("Viridis").opacity(0.85).name(MathText.of(f.name()))
                .showLegend(false));
        List<String> names = Contours.legendNames(List.of(paths));
        for (int k = 0; k < paths.length; k++) {
            Trajectory p = paths[k];
            double[] pz = new double[p.steps().size()];
            for (int s = 0; s < pz.length; s++) pz[s] = p.get(s).f();
            String c = SURFACE_COLORS[k % SURFACE_COLORS.length];
            traces.add(Line3dTrace.of(p.coordinate(0), p.coordinate(1), pz).name(names.get(k)).color(c).width(5)
                    .marker("circle", 3, c));
        }
        return PlotlyFigure.of(f.name(), traces.toArray(Trace[]::new))
                .withLayout("scene.xaxis.title.text", "x0").withLayout("scene.yaxis.title.text", "x1")
                .withLayout("scene.zaxis.title.text", "f").withHeight(PlotlyFigure.TALL_HEIGHT).withLegendBelow();
    }

    /** Arrows of −∇f (the way down) over the region the paths cover, with the paths on top. */
    public static PlotlyFigure gradientField(Objective f, Trajectory... paths) {
        return gradientField(f, Contours.regionFor(f, List.of(paths)), paths);
    }

    /**
     * Arrows of −∇f on a {@value #ARROWS}×{@value #ARROWS} grid over {@code region}, as the book draws with
     * matplotlib's quiver: length proportional to |∇f|, the longest 0.9 of a grid cell, then the paths on top.
     */
    public static PlotlyFigure gradientField(Objective f, Region region, Trajectory... paths) {
        check2d(f, "gradientField");
        double[] xs = region.xs(ARROWS), ys = region.ys(ARROWS);
        double cell = Math.min(xs[1] - xs[0], ys[1] - ys[0]);
        Vec[][] g = new Vec[ys.length][xs.length];
        double longest = 0;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                g[j][i] = f.gradient(Vec.of(xs[i], ys[j]));
                if (g[j][i].isFinite()) longest = Math.max(longest, g[j][i].norm());
            }
        }
        double scale = longest > 0 ? 0.9 * cell / longest : 0;
        List<Double> ax = new ArrayList<>(), ay = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (!g[j][i].isFinite()) continue;
                arrow(ax, ay, xs[i], ys[j], -scale * g[j][i].get(0), -scale * g[j][i].get(1));
            }
        }
        LineTrace arrows = LineTrace.of(unbox(ax), unbox(ay)).lines().color("#666666").width(1.2)
                .name("−∇f").with("hoverinfo", "skip");
        PlotlyFigure fig = PlotlyFigure.of("−∇f of " + f.name(), arrows).withAxisTitles("x0", "x1").withRanges(region)
                .withLegendBelow();
        List<String> names = Contours.legendNames(List.of(paths));
        for (int k = 0; k < paths.length; k++) {
            fig = fig.withTraces(Contours.pathTrace(paths[k], Contours.color(k + 2), names.get(k)));
        }
        List<Vec> minima = f.minima().stream().filter(m -> m.dim() == 2 && inside(region, m)).toList();
        if (!minima.isEmpty()) {
            fig = fig.withTraces(LineTrace.of(minima.stream().mapToDouble(m -> m.get(0)).toArray(),
                    minima.stream().mapToDouble(m -> m.get(1)).toArray()).markers().marker("star", 14, "#ffd700")
                    .with("marker.line.color", "black").with("marker.line.width", 1).name("minimum"));
        }
        return fig;
    }

    /** A shaft from (x, y) to (x+dx, y+dy) and two head strokes at 25° back from the tip; NaN ends each stroke. */
    private static void arrow(List<Double> ax, List<Double> ay, double x, double y, double dx, double dy) {
        double len = Math.hypot(dx, dy);
        if (len == 0) return;
        double tx = x + dx, ty = y + dy, head = 0.3 * len, back = Math.atan2(-dy, -dx), a = Math.toRadians(25);
        double[][] pts = {{x, y}, {tx, ty}, {tx + head * Math.cos(back + a), ty + head * Math.sin(back + a)}};
        ax.add(pts[0][0]); ay.add(pts[0][1]);
        ax.add(pts[1][0]); ay.add(pts[1][1]);
        ax.add(pts[2][0]); ay.add(pts[2][1]);
        ax.add(Double.NaN); ay.add(Double.NaN);
        ax.add(tx); ay.add(ty);
        ax.add(tx + head * Math.cos(back - a)); ay.add(ty + head * Math.sin(back - a));
        ax.add(Double.NaN); ay.add(Double.NaN);
    }

    /**
     * f (top) and the gradient norm (bottom) against the step for each path, on log scales: where f flattens while
     * |∇f| stays large, the optimizer is bouncing between the walls of a valley, not converging.
     */
    public static PlotlyFigure curves(Trajectory... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("TrajectoryPlots.curves needs at least one trajectory.");
        }
        List<Trace> traces = new ArrayList<>();
        boolean positive = true;
        for (Trajectory p : paths) for (Step s : p.steps()) positive &= s.f() > 0;
        List<String> names = Contours.legendNames(List.of(paths));
        for (int k = 0; k < paths.length; k++) {
            Trajectory p = paths[k];
            double[] step = new double[p.steps().size()], fx = new double[step.length], gn = new double[step.length];
            for (int s = 0; s < step.length; s++) {
                step[s] = p.get(s).step();
                fx[s] = p.get(s).f();
                gn[s] = p.get(s).gradNorm();
            }
            String c = LINE_COLORS[k % LINE_COLORS.length];
            traces.add(LineTrace.of(step, fx).lines().color(c).width(2).name(names.get(k)).with("legendgroup", p.name()));
            traces.add(LineTrace.of(step, gn).lines().color(c).width(2).name(names.get(k)).showLegend(false)
                    .with("legendgroup", p.name()).with("xaxis", "x2").with("yaxis", "y2"));
        }
        PlotlyFigure fig = PlotlyFigure.of("f and |∇f| by step", traces.toArray(Trace[]::new))
                .withLayout("grid", Json.obj("rows", 2, "columns", 1, "pattern", "independent"))
                .withLayout("yaxis.title.text", "f").withLayout("yaxis2.title.text", "|∇f|")
                .withLayout("yaxis2.type", "log").withLayout("xaxis2.title.text", "step")
                .withHeight(PlotlyFigure.TALL_HEIGHT).withLegendBelow();
        return positive ? fig.withLogY() : fig;
    }

    /**
     * The effective learning rate η/σ of each coordinate against the step, one line per path and coordinate
     * (dashed for x1), on a log scale: AdaGrad's only falls, RMSProp's follows the recent gradients, SGD's is flat.
     * Step 0 has no value for adaptive methods (no σ yet).
     */
    public static PlotlyFigure effectiveLr(Trajectory... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("TrajectoryPlots.effectiveLr needs at least one trajectory.");
        }
        List<Trace> traces = new ArrayList<>();
        List<String> names = Contours.legendNames(List.of(paths));
        for (int k = 0; k < paths.length; k++) {
            Trajectory p = paths[k];
            int n = p.get(0).x().dim();
            double[] step = new double[p.steps().size()];
            for (int s = 0; s < step.length; s++) step[s] = p.get(s).step();
            for (int i = 0; i < n; i++) {
                double[] e = new double[step.length];
                for (int s = 0; s < step.length; s++) e[s] = p.get(s).effectiveLr().get(i);
                traces.add(LineTrace.of(step, e).lines().width(2).color(LINE_COLORS[k % LINE_COLORS.length])
                        .dash(DASHES[i % DASHES.length]).name(names.get(k) + " x" + i));
            }
        }
        return PlotlyFigure.of("effective learning rate η/σ by step", traces.toArray(Trace[]::new))
                .withAxisTitles("step", "η/σ").withLogY().withLegendBelow();
    }

    private static final String[] DASHES = {"solid", "dash", "dot", "dashdot"};

    /** Colours that stand out on a Viridis surface. */
    static final String[] SURFACE_COLORS = {"#ff2e2e", "#ff9f1c", "#ff4fd8", "#00e5ff", "#111111", "#ffffff"};

    /** Colours for line charts on white (the contour palette is chosen for a dark Viridis background). */
    static final String[] LINE_COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private static void check2d(Objective f, String what) {
        if (f.dim() != 2) {
            throw new IllegalArgumentException("TrajectoryPlots." + what + " draws functions of 2 variables; " + f.name()
                    + " takes " + f.dim() + ".");
        }
    }

    private static boolean inside(Region r, Vec p) {
        return p.get(0) >= r.xMin() && p.get(0) <= r.xMax() && p.get(1) >= r.yMin() && p.get(1) <= r.yMax();
    }

    private static double[] unbox(List<Double> v) {
        double[] r = new double[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i);
        return r;
    }
}
