package descent.plot;

import descent.data.Dataset;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Optimizer;
import descent.optim.Step;
import descent.optim.Trajectory;
import descent.schedule.Schedule;
import tech.tablesaw.plotly.components.Figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Ready-made figures, and showing figures from JShell. Static factories only; the work is done in
 * {@link Contours}, {@link FigureHtml} and {@link FigureFiles}.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();                                      // x^2/20 + y^2
 * var sgd = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * var fig = Plots.contour(f, sgd);          // in a notebook: put it last in a cell, it draws
 * Plots.show(fig);                          // in JShell: opens a browser, or prints the file's path
 *
 * Plots.gradientField(f, Region.of(-10, 10, -5, 5));   // arrows of −∇f, as the book's quiver
 * Plots.surface(f, sgd);                               // 3-D surface with the path
 * Plots.curves(sgd);                                   // f and |∇f| against the step
 * Plots.animate(f, sgd);                               // slider and play button through the steps
 * Plots.sweep(f, Vec.of(-7, 2), 30, "lr", new double[]{0.1, 0.5, 0.95}, Optimizers::sgd);
 * Plots.schedules(100, Schedules.cosine(100), Schedules.warmupCosine(10, 100))
 * }</pre>
 *
 * Every factory returns a {@link PlotlyFigure} (a tablesaw {@code Figure}), so it can be changed further:
 * {@code Plots.contour(f, sgd).withEqualAspect().withSize(700, 500)} draws one unit on x as long as one on y, which
 * shows how stretched the bowl really is.
 */
public final class Plots {
    private Plots() {
    }

    /**
     * Contours of a 2-D function with optimizer paths drawn over them: the grid covers every path and the known
     * minima with a margin; levels are log-spaced above the lowest value, so a stretched bowl shows nested
     * ellipses; each path is drawn as lines and markers named after its optimizer, its start circled; known
     * minima are stars.
     */
    public static PlotlyFigure contour(Objective f, Trajectory... paths) {
        return Contours.figure(f, Contours.regionFor(f, List.of(paths)), List.of(paths));
    }

    /** Like {@link #contour(Objective, Trajectory...)} over a given region, e.g. {@code Region.of(-8, 2, -3, 3)}. */
    public static PlotlyFigure contour(Objective f, Region region, Trajectory... paths) {
        return Contours.figure(f, region, List.of(paths));
    }

    /** A 2-D dataset as points coloured by class (see {@link DataPlots#scatter}). */
    public static PlotlyFigure scatter(Dataset data) {
        return DataPlots.scatter(data);
    }

    /** The first {@code count} examples of an image dataset in a grid, titled with their class names. */
    public static PlotlyFigure images(Dataset data, int count) {
        return DataPlots.images(data, count);
    }

    /** Like {@link #contour(Objective, Trajectory...)} with coloured level lines on white instead of filled bands. */
    public static PlotlyFigure contourLines(Objective f, Trajectory... paths) {
        return Contours.figure(f, Contours.regionFor(f, List.of(paths)), List.of(paths), false);
    }

    /** Level lines over a given region. */
    public static PlotlyFigure contourLines(Objective f, Region region, Trajectory... paths) {
        return Contours.figure(f, region, List.of(paths), false);
    }

    /** One path as a trace (lines and markers, hover text with step and f), for figures of your own. */
    public static LineTrace path(Trajectory path) {
        return Contours.pathTrace(path, Contours.color(0));
    }

    /**
     * Writes a self-contained HTML page (plotly.js inlined, works offline) to {@code ~/.descent/plots} (or the
     * directory in system property {@code descent.plots.dir}, or the temp directory), opens it in the desktop
     * browser when there is one, otherwise prints its path. Never throws a headless error.
     *
     * @return the file written
     */
    public static Path show(Figure figure) {
        return FigureFiles.show(figure);
    }

    /** The self-contained HTML page of a figure (plotly.js inlined, about 11 MB). */
    public static String html(Figure figure) {
        return FigureHtml.page(figure);
    }

    /**
     * Does nothing any more and says so in one short line: every figure output now draws on its own (see
     * {@link FigureHtml}). Kept so that notebooks written for earlier versions still run.
     */
    public static Html embedPlotly() {
        return FigureHtml.embedPlotlyHtml();
    }

    // ---- optimizer lab figures (TrajectoryPlots, SchedulePlots, Animation) ---------------------------------------

    /** f as a 3-D surface with the paths drawn on it; see {@link TrajectoryPlots#surface}. */
    public static PlotlyFigure surface(Objective f, Trajectory... paths) {
        return TrajectoryPlots.surface(f, paths);
    }

    /** f as a 3-D surface over a region, with the paths. */
    public static PlotlyFigure surface(Objective f, Region region, Trajectory... paths) {
        return TrajectoryPlots.surface(f, region, paths);
    }

    /** Arrows of −∇f over the region the paths cover, paths on top; see {@link TrajectoryPlots#gradientField}. */
    public static PlotlyFigure gradientField(Objective f, Trajectory... paths) {
        return TrajectoryPlots.gradientField(f, paths);
    }

    /** Arrows of −∇f over a region, e.g. the book's {@code Region.of(-10, 10, -5, 5)}. */
    public static PlotlyFigure gradientField(Objective f, Region region, Trajectory... paths) {
        return TrajectoryPlots.gradientField(f, region, paths);
    }

    /** f and the gradient norm against the step, one line per path; see {@link TrajectoryPlots#curves}. */
    public static PlotlyFigure curves(Trajectory... paths) {
        return TrajectoryPlots.curves(paths);
    }

    /** The effective learning rate η/σ of each coordinate against the step. */
    public static PlotlyFigure effectiveLr(Trajectory... paths) {
        return TrajectoryPlots.effectiveLr(paths);
    }

    /** Schedule factors against the step; see {@link SchedulePlots#curves(int, Schedule...)}. */
    public static PlotlyFigure schedules(int steps, Schedule... schedules) {
        return SchedulePlots.curves(steps, schedules);
    }

    /** Learning rates baseLr·factor against the step. */
    public static PlotlyFigure schedules(int steps, double baseLr, Schedule... schedules) {
        return SchedulePlots.curves(steps, baseLr, schedules);
    }

    /** Contours with the paths animated step by step (slider and play button); see {@link Animation#paths}. */
    public static AnimatedFigure animate(Objective f, Trajectory... paths) {
        return Animation.paths(f, paths);
    }

    /** One run per hyperparameter value, stepped through with a slider; see {@link Animation#sweep}. */
    public static AnimatedFigure sweep(Objective f, Vec start, int steps, String name, double[] values,
                                       DoubleFunction<Optimizer> optimizer) {
        return Animation.sweep(f, start, steps, name, values, optimizer);
    }

    // ---- classifier and grid figures (DecisionBoundary, Subplots) ----------------------------------------------

    /** The predicted class of a 2-D classifier over the plane, with the data on top; see {@link DecisionBoundary}. */
    public static PlotlyFigure decisionBoundary(descent.nn.Sequential model, descent.data.Dataset data) {
        return DecisionBoundary.figure(model, data, "decision regions of " + model);
    }

    /** Figures side by side, {@code cols} to a row; see {@link Subplots}. */
    public static PlotlyFigure grid(String title, int cols, PlotlyFigure... panels) {
        return Subplots.of(title, cols, panels);
    }

    /** The points of a trajectory as Vecs, for bounding boxes. */
    static List<Vec> points(Trajectory path) {
        List<Vec> r = new ArrayList<>();
        for (Step s : path.steps()) r.add(s.x());
        return r;
    }
}
