package descent.experiment;

import descent.plot.LineTrace;

/** Colours and small helpers shared by the training-curve figures of this package. */
final class CurveStyle {
    private CurveStyle() {
    }

    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    static LineTrace line(double[] x, double[] y, String name, int colorIndex) {
        return LineTrace.of(x, y).lines().width(2).color(color(colorIndex)).name(name);
    }

    static double[] range(int from, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = from + i;
        return r;
    }
}
