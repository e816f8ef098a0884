package descent.plot;

import descent.fn.Objective;
import descent.fn.Vec;
import descent.optim.Step;
import descent.optim.Trajectory;
import tech.tablesaw.plotly.components.Figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made figures, and showing figures from JShell. Static factories only; the work is done in
 * {@link Contours}, {@link FigureHtml} and {@link FigureFiles}.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();                                      // x^2/20 + y^2
 * var sgd = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * var fig = Plots.contour(f, sgd);          // in a notebook: put it last in a cell, it draws
 * Plots.show(fig);                          // in JShell: opens a browser, or prints the file's path
 * }</pre>
 *
 * Every factory returns a {@link PlotlyFigure} (a tablesaw {@code Figure}), so it can be changed further:
 * {@code Plots.contour(f, sgd).withEqualAspect().withSize(700, 500)}.
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
     * Embeds descent's offline copy of plotly.js into the notebook page; run it in a cell when a figure says
     * plotly.js did not load (e.g. after reloading the page). Shows as one short line.
     */
    public static Html embedPlotly() {
        return FigureHtml.embedPlotlyHtml();
    }

    /** The points of a trajectory as Vecs, for bounding boxes. */
    static List<Vec> points(Trajectory path) {
        List<Vec> r = new ArrayList<>();
        for (Step s : path.steps()) r.add(s.x());
        return r;
    }
}
