package descent.plot;

import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Step;
import descent.optim.Trajectory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Plots#contour}: a grid of f over a region, log-spaced levels, paths, starts and minima.
 *
 * <pre>
 *  region   = bounding box of all path points and known minima, 10% wider on each side
 *  z[j][i]  = f(x_i, y_j) on a GRID x GRID grid
 *  levels   : contour t = log10(z - zmin + delta), delta = (zmax - zmin) * 1e-3, with evenly spaced levels,
 *             so level values grow geometrically away from the minimum (nested ellipses rather than one blob);
 *             hover and colour bar show f itself; t is stored as 16-bit codes 0..CODES over [t0, t1] (see codes)
 * </pre>
 */
final class Contours {
    /** Grid points per axis: fine enough for smooth levels, small enough (6400 values) to be instant. */
    static final int GRID = 80;
    static final int LEVELS = 20;
    /** The log levels are drawn from whole numbers 0..CODES (16 bits), see {@link #codes}. */
    static final int CODES = 65535;
    static final double MARGIN = 0.1;
    private static final MathContext SIX_DIGITS = new MathContext(6);
    /** Path colours that stand out on the Viridis colour scale and on white. */
    private static final String[] COLORS = {"#ff2e2e", "#111111", "#ff9f1c", "#ff4fd8", "#00b8d4", "#7cb300",
            "#8c5cff", "#a0522d"};

    private Contours() {
    }

    static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    static Region regionFor(Objective f, List<Trajectory> paths) {
        List<Vec> points = new ArrayList<>();
        for (Trajectory p : paths) points.addAll(Plots.points(p));
        for (Vec m : f.minima()) if (m.dim() == 2) points.add(m);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("Plots.contour(" + f.name() + ") has no paths and no known minimum to "
                    + "frame; pass a trajectory or a region: Plots.contour(f, Region.of(-8, 2, -3, 3)).");
        }
        return Region.around(points, MARGIN);
    }

    static PlotlyFigure figure(Objective f, Region region, List<Trajectory> paths) {
        return figure(f, region, paths, true);
    }

    /** {@code filled}: coloured bands between levels; otherwise coloured level lines on white. */
    static PlotlyFigure figure(Objective f, Region region, List<Trajectory> paths, boolean filled) {
        if (f.dim() != 2) {
            throw new IllegalArgumentException("Plots.contour draws functions of 2 variables; " + f.name() + " takes "
                    + f.dim() + ". Fix the other coordinates with a lambda: Functions.of((x, y) -> ...).");
        }
        for (Trajectory p : paths) {
            if (p.get(0).x().dim() != 2) {
                throw new IllegalArgumentException("Plots.contour: path " + p.name() + " has points with "
                        + p.get(0).x().dim() + " coordinates; expected 2.");
            }
        }
        double[] xs = region.xs(GRID), ys = region.ys(GRID);
        double[][] z = new double[GRID][GRID];
        double zmin = Double.POSITIVE_INFINITY, zmax = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                double v = f.value(Vec.of(xs[i], ys[j]));
                z[j][i] = v;
                if (Double.isFinite(v)) {
                    zmin = Math.min(zmin, v);
                    zmax = Math.max(zmax, v);
                }
            }
        }
        for (Vec m : f.minima()) {
            if (m.dim() == 2) zmin = Math.min(zmin, f.value(m));
        }
        if (!(zmax >= zmin)) {
            throw new IllegalArgumentException("Plots.contour: " + f.name() + " has no finite value on " + region
                    + "; choose another region.");
        }
        double delta = Math.max((zmax - zmin) * 1e-3, Math.ulp(Math.abs(zmin)) * 16 + Double.MIN_NORMAL);
        double[][] t = new double[GRID][GRID];
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                t[j][i] = Double.isFinite(z[j][i]) ? round(Math.log10(z[j][i] - zmin + delta)) : Double.NaN;
            }
        }
        double t0 = Math.log10(delta), t1 = Math.log10(zmax - zmin + delta);
        boolean coded = t1 > t0 && allFinite(z);
        ContourTrace contour = ContourTrace.of(xs, ys, coded ? codes(t, t0, t1) : t)
                .name(MathText.of(f.name()))
                .showLegend(false)
                .colorscale("Viridis")
                .with("opacity", 0.85)
                .with("line.width", 0.5)
                .hoverValues("f", rounded(z))
                .colorbarTitle("f");
        if (!filled) contour = contour.lines().with("line.width", 1.5).with("opacity", 1);
        if (coded) {
            contour = contour.levels(0, CODES, (double) CODES / LEVELS).with("colorbar.tickvals", ticks(0, CODES))
                    .with("colorbar.ticktext", tickText(ticks(t0, t1), zmin, delta));
        } else if (t1 > t0) {
            contour = contour.levels(t0, t1, (t1 - t0) / LEVELS).with("colorbar.tickvals", ticks(t0, t1))
                    .with("colorbar.ticktext", tickText(ticks(t0, t1), zmin, delta));
        }

        PlotlyFigure fig = PlotlyFigure.of(f.name(), contour).withAxisTitles("x0", "x1").withRanges(region)
                .withLegendBelow();
        List<String> names = legendNames(paths);
        for (int k = 0; k < paths.size(); k++) {
            Trajectory p = paths.get(k);
            String c = color(k);
            Vec start = p.get(0).x();
            fig = fig.withTraces(pathTrace(p, c, names.get(k)),
                    LineTrace.of(new double[] {start.get(0)}, new double[] {start.get(1)}).markers()
                            .marker("circle-open", 14, c).with("marker.line.width", 3)
                            .name("start of " + p.name()).showLegend(false));
        }
        List<Vec> minima = f.minima().stream().filter(m -> m.dim() == 2).toList();
        if (!minima.isEmpty()) {
            double[] mx = minima.stream().mapToDouble(m -> m.get(0)).toArray();
            double[] my = minima.stream().mapToDouble(m -> m.get(1)).toArray();
            fig = fig.withTraces(LineTrace.of(mx, my).markers().marker("star", 16, "#ffd700")
                    .with("marker.line.color", "black").with("marker.line.width", 1)
                    .name(minima.size() == 1 ? "minimum" : "minima").with("legendrank", 1001));
        }
        return fig;
    }

    /** The legend names of these paths: their names, long ones shortened by {@link Legends#shorten}. */
    static List<String> legendNames(List<Trajectory> paths) {
        return Legends.shorten(paths.stream().map(Trajectory::name).toList());
    }

    static LineTrace pathTrace(Trajectory p, String color) {
        return pathTrace(p, color, p.name());
    }

    /** The path named {@code legendName} in the legend; hovering a point shows the full name. */
    static LineTrace pathTrace(Trajectory p, String color, String legendName) {
        List<Step> steps = p.steps();
        String[] text = new String[steps.size()];
        for (int k = 0; k < text.length; k++) {
            text[k] = "step " + steps.get(k).step() + "<br>f=" + Format.number(steps.get(k).f(), 6);
        }
        return LineTrace.of(p.coordinate(0), p.coordinate(1)).name(legendName).color(color).width(2)
                .marker("circle", 6, color).with("marker.line.color", "black").with("marker.line.width", 0.5)
                .text(text).with("hovertemplate", "%{text}<br>x0=%{x:.4g}<br>x1=%{y:.4g}" + fullName(p.name(), legendName));
    }

    /** Plotly's hover box for the trace name: the full name when the legend shows a short one. */
    static String fullName(String name, String legendName) {
        return name.equals(legendName) ? "" : "<extra>" + descent.base.Escape.html(name) + "</extra>";
    }


    /**
     * The log levels t in [t0, t1] as whole numbers 0..{@link #CODES}: written as 16-bit integers, half of float32,
     * and a level moves by at most 1/131070 of the range (far below a pixel). Only the drawing uses them: the hover
     * shows f, the colour bar's labels are f at its ticks.
     */
    static double[][] codes(double[][] t, double t0, double t1) {
        double[][] r = new double[t.length][];
        for (int j = 0; j < t.length; j++) {
            r[j] = new double[t[j].length];
            for (int i = 0; i < r[j].length; i++) r[j][i] = Math.max(0, Math.min(CODES, Math.round((t[j][i] - t0) / (t1 - t0) * CODES)));
        }
        return r;
    }

    private static boolean allFinite(double[][] z) {
        for (double[] row : z) for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }

    /** Six significant digits: plenty for a picture, and half the JSON of full doubles. */
    static double round(double v) {
        return Double.isFinite(v) && v != 0 ? new BigDecimal(v).round(SIX_DIGITS).doubleValue() : v;
    }

    private static double[][] rounded(double[][] z) {
        double[][] r = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            r[j] = new double[z[j].length];
            for (int i = 0; i < r[j].length; i++) r[j][i] = round(z[j][i]);
        }
        return r;
    }

    /** About six evenly spaced tick positions on the log axis. */
    private static double[] ticks(double t0, double t1) {
        int n = 6;
        double[] r = new double[n + 1];
        for (int i = 0; i <= n; i++) r[i] = t0 + (t1 - t0) * i / n;
        return r;
    }

    private static String[] tickText(double[] ticks, double zmin, double delta) {
        String[] r = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            // the lowest tick is zmin itself; computing it back through pow/log would print rounding noise
            double v = i == 0 ? zmin : Math.pow(10, ticks[i]) - delta + zmin;
            r[i] = Format.number(v, 3);
        }
        return r;
    }
}
