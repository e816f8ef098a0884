package descent.plot;

import java.util.Map;

/**
 * A Plotly bar trace: one bar per x value, e.g. the counts of a histogram computed in Java.
 *
 * <pre>{@code
 * var values = new double[] {0.05, 0.1, 0.12, 0.5, 0.52, 0.9};
 * var h = BarTrace.histogram(values, 0, 1, 10).name("layer 1");   // 10 bins over [0, 1]
 * BarTrace.counts(values, 0, 1, 10);                              // [1, 2, 0, 0, 0, 2, 0, 0, 0, 1]
 * PlotlyFigure.of("activations", h)
 * }</pre>
 *
 * Binning happens here rather than in the browser (Plotly's {@code histogram} type) so that a figure of 100,000
 * activations carries 30 numbers, not 100,000.
 */
public final class BarTrace extends PlotlyTrace<BarTrace> {

    private BarTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** Bars of height {@code y[k]} at {@code x[k]}. */
    public static BarTrace of(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("BarTrace.of needs x and y of the same length; got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length) + " values.");
        }
        return new BarTrace(Json.obj("type", "bar", "x", x.clone(), "y", y.clone()));
    }

    /**
     * A histogram of {@code values} with {@code bins} equal bins over [lo, hi]: bars at the bin centres, touching.
     * Values outside [lo, hi] are not counted (as numpy's {@code hist(..., range=(lo, hi))}); NaN is skipped.
     */
    public static BarTrace histogram(double[] values, double lo, double hi, int bins) {
        double[] counts = counts(values, lo, hi, bins);
        double[] centres = new double[bins];
        double w = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) centres[b] = lo + (b + 0.5) * w;
        return of(centres, counts).with("width", w).with("marker.line.width", 0);
    }

    /** The counts of numpy's {@code histogram(values, bins, range=(lo, hi))}: the last bin includes hi. */
    public static double[] counts(double[] values, double lo, double hi, int bins) {
        if (!(hi > lo) || !Double.isFinite(hi - lo) || bins < 1) {
            throw new IllegalArgumentException("BarTrace.histogram(lo=" + lo + ", hi=" + hi + ", bins=" + bins
                    + "): expected finite lo < hi and at least 1 bin, e.g. (0, 1, 30).");
        }
        double[] counts = new double[bins];
        for (double v : values) {
            if (!(v >= lo && v <= hi)) continue;
            int b = (int) ((v - lo) / (hi - lo) * bins);
            counts[Math.min(b, bins - 1)]++;
        }
        return counts;
    }

    @Override
    protected BarTrace copy(Map<String, Object> attributes) {
        return new BarTrace(attributes);
    }

    /** Colour of the bars, any CSS colour. */
    public BarTrace color(String color) {
        return with("marker.color", color);
    }

    @Override
    protected String sizeText() {
        return ((double[]) get("x")).length + " bars";
    }
}
