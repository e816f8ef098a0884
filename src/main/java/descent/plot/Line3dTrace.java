package descent.plot;

import descent.base.Check;
import java.util.Map;

/**
 * A Plotly 3-D scatter trace ({@code scatter3d}): a path in space, e.g. an optimizer's steps on a
 * {@link SurfaceTrace}, with z = f(x, y) at each step.
 *
 * <pre>{@code
 * var f = Functions.dlfsBowl();
 * var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
 * var fz = path.steps().stream().mapToDouble(s -> s.f()).toArray();
 * var line = Line3dTrace.of(path.coordinate(0), path.coordinate(1), fz).name(path.name()).color("red");
 * Plots.show(new Figure(line));
 * }</pre>
 */
public final class Line3dTrace extends PlotlyTrace<Line3dTrace> {

    private Line3dTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** Points {@code (x[k], y[k], z[k])} joined in order, drawn as lines and markers. */
    public static Line3dTrace of(double[] x, double[] y, double[] z) {
        if (x == null || y == null || z == null || x.length != y.length || y.length != z.length) {
            throw new IllegalArgumentException("Line3dTrace.of needs x, y and z of the same length; got "
                    + (x == null ? "null" : x.length) + ", " + (y == null ? "null" : y.length) + " and "
                    + (z == null ? "null" : z.length) + " values.");
        }
        return new Line3dTrace(Json.obj("type", "scatter3d", "mode", "lines+markers",
                "x", x.clone(), "y", y.clone(), "z", z.clone()));
    }

    @Override
    protected Line3dTrace copy(Map<String, Object> attributes) {
        return new Line3dTrace(attributes);
    }

    /** {@code "lines"}, {@code "markers"} or {@code "lines+markers"}. */
    public Line3dTrace mode(String mode) {
        return with("mode", mode);
    }

    /** Colour of line and markers, any CSS colour. */
    public Line3dTrace color(String color) {
        return with("line.color", color).with("marker.color", color);
    }

    /** Marker symbol ({@code "circle"}, {@code "diamond"}, {@code "x"}, ...), size in px, colour. */
    public Line3dTrace marker(String symbol, double size, String color) {
        Check.positive("marker size", size, "in px, such as 4");
        return with("marker.symbol", symbol).with("marker.size", size).with("marker.color", color);
    }

    /** Line width in px. */
    public Line3dTrace width(double px) {
        return with("line.width", px);
    }

    @Override
    protected String sizeText() {
        int n = ((double[]) get("x")).length;
        return n + (n == 1 ? " point" : " points");
    }
}
