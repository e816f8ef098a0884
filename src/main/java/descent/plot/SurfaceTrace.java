package descent.plot;

import descent.base.Check;
import java.util.Map;

/**
 * A Plotly 3-D surface z = f(x, y) over a grid, to be turned with the mouse; pair it with {@link Line3dTrace}
 * to draw an optimizer's path on the surface.
 *
 * <pre>{@code
 * double[] xs = {-2, -1, 0, 1, 2}, ys = {-2, -1, 0, 1, 2};
 * double[][] z = new double[5][5];
 * for (int j = 0; j < 5; j++) for (int i = 0; i < 5; i++) z[j][i] = xs[i] * xs[i] / 20 + ys[j] * ys[j];
 * Plots.show(new Figure(SurfaceTrace.of(xs, ys, z).colorscale("Viridis").opacity(0.9)));
 * }</pre>
 *
 * As in {@link ContourTrace}, {@code z[j][i]} is the value at {@code (x[i], y[j])}.
 */
public final class SurfaceTrace extends PlotlyTrace<SurfaceTrace> {

    private SurfaceTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A surface through {@code (x[i], y[j], z[j][i])}. */
    public static SurfaceTrace of(double[] x, double[] y, double[][] z) {
        checkGrid("SurfaceTrace", x, y, z);
        return new SurfaceTrace(Json.obj("type", "surface", "x", x.clone(), "y", y.clone(), "z", copyOf(z)));
    }

    @Override
    protected SurfaceTrace copy(Map<String, Object> attributes) {
        return new SurfaceTrace(attributes);
    }

    /** A Plotly colour scale name, e.g. {@code "Viridis"}. */
    public SurfaceTrace colorscale(String name) {
        return with("colorscale", name);
    }

    /** 0 (invisible) to 1 (opaque); below 1 lets a path show through. */
    public SurfaceTrace opacity(double opacity) {
        Check.closed("opacity", opacity, 0, 1, "0 is invisible, 1 opaque");
        return with("opacity", opacity);
    }

    /** Whether the colour bar is drawn. */
    public SurfaceTrace showScale(boolean show) {
        return with("showscale", show);
    }

    /** Draws contour lines of z projected on the surface, which helps read heights. */
    public SurfaceTrace contoursOnSurface() {
        return with("contours.z.show", true).with("contours.z.usecolormap", true).with("contours.z.project.z", true);
    }

    @Override
    protected String sizeText() {
        double[][] z = (double[][]) get("z");
        return z.length + "x" + (z.length == 0 ? 0 : z[0].length) + " grid";
    }
}
