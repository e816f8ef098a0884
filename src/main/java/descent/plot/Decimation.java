package descent.plot;

import java.util.Arrays;

/**
 * Fewer points for a long line, drawn the same at the figure's width: M4 (Jugel et al., "M4: A Visualization-Oriented
 * Time Series Data Aggregation", VLDB 2014), the rule plotly-resampler uses, after dropping the inner points of flat
 * runs. {@link FigureJson} applies it to line traces of more than {@link FigureJson#LINE_MAX_POINTS} points.
 *
 * <pre>{@code
 * double[] x = new double[20000], y = new double[20000];
 * for (int i = 0; i < x.length; i++) { x[i] = i; y[i] = Math.cos(i / 3000.0) + (i % 7 == 0 ? 0.1 : 0); }
 * FigureJson.write(PlotlyFigure.of("long", LineTrace.of(x, y).lines()))   // at most 4 of the points per bucket
 * }</pre>
 *
 * <pre>
 *  flat runs  a point inside a run of equal y lies on the segment between the run's ends: dropped (exact at any zoom)
 *  buckets    the x range cut into B equal buckets; per bucket keep its first, last, lowest and highest point.
 *             With B at least the plot's width in px, every pixel column draws the same vertical extent and the
 *             same joins to its neighbours as the full line, so the rasterized line is the same
 *  kept       original points only (hover shows true values), in their order; the first and last always
 * </pre>
 * Needs x sorted ascending and every value finite; {@link FigureJson} checks that before calling.
 */
final class Decimation {
    private Decimation() {
    }

    /** Indices of the points to keep, ascending: flat runs reduced to their ends, then M4 with {@code buckets}. */
    static int[] keep(double[] x, double[] y, int buckets) {
        int[] inner = flatRunEnds(y);
        return m4(x, y, inner, buckets);
    }

    /** Every index except those inside a run of three or more equal y values. */
    static int[] flatRunEnds(double[] y) {
        int n = y.length;
        int[] kept = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean inside = i > 0 && i < n - 1 && y[i] == y[i - 1] && y[i] == y[i + 1];
            if (!inside) kept[m++] = i;
        }
        return Arrays.copyOf(kept, m);
    }

    /**
     * M4 over the points {@code among} (ascending indices), if they are more than two per bucket: bucket b holds the points with
     * {@code floor((x - x_first) / (x_last - x_first) * buckets) == b} (the last point in the last bucket); each bucket
     * keeps its first, last, lowest and highest point (the first of equal ones).
     */
    static int[] m4(double[] x, double[] y, int[] among, int buckets) {
        if (among.length <= 2L * buckets || buckets < 1) return among;
        double x0 = x[among[0]], span = x[among[among.length - 1]] - x0;
        if (!(span > 0)) return among;
        int[] kept = new int[4 * buckets];
        int m = 0;
        int k = 0;
        while (k < among.length) {
            int b = bucket(x[among[k]], x0, span, buckets);
            int first = among[k], last = first, lo = first, hi = first;
            k++;
            while (k < among.length && bucket(x[among[k]], x0, span, buckets) == b) {
                int i = among[k++];
                last = i;
                if (y[i] < y[lo]) lo = i;
                if (y[i] > y[hi]) hi = i;
            }
            int[] four = {first, lo, hi, last};
            Arrays.sort(four);
            for (int j = 0; j < 4; j++) if (j == 0 || four[j] != four[j - 1]) kept[m++] = four[j];
        }
        return Arrays.copyOf(kept, m);
    }

    private static int bucket(double x, double x0, double span, int buckets) {
        return (int) Math.min(buckets - 1, Math.floor((x - x0) / span * buckets));
    }
}
