package descent.experiment;

import descent.base.Check;
import descent.base.Format;
import descent.nn.Dense;
import descent.nn.Initializer;
import descent.nn.Layer;
import descent.nn.Layers;
import descent.nn.Mlp;
import descent.plot.BarTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deep Learning from Scratch §6.2.2–6.2.3: the distribution of each hidden layer's outputs ("activations") when random
 * data goes through a deep network whose weights come from different initializers.
 *
 * <pre>
 *   x        1000 × 100, every entry N(0, 1)                     (the book's np.random.randn(1000, 100))
 *   layers   5 × [a = x·W (no bias), x = activation(a)], W 100 × 100 drawn by the initializer
 *   measured per layer: the outputs' mean and std, and the share of "stuck" units whose local slope is under 1% of
 *            its maximum (sigmoid: σ' &lt; 0.0025, tanh: 1 − t² &lt; 0.01, ReLU: output 0) — no gradient passes there
 * </pre>
 *
 * The book: std 1 with sigmoid pushes outputs to 0 and 1 (gradients vanish); std 0.01 squeezes them around 0.5 (every
 * unit says the same: little expressive power); Xavier keeps them spread. With ReLU, std 0.01 shrinks them towards 0
 * layer after layer, Xavier slowly, He keeps the same spread in every layer.
 *
 * <pre>{@code
 * var h = ActivationHistograms.of(Mlp.Activation.SIGMOID, 1, Initializers.normal(1), Initializers.normal(0.01), Initializers.xavier());
 * h.table();    // activation, init, layer, mean, std, stuck
 * h.figure()    // one row per initializer, one column per layer, 30-bin histograms
 * }</pre>
 */
public record ActivationHistograms(Table table, PlotlyFigure figure) {
    public static final int EXAMPLES = 1000;
    public static final int WIDTH = 100;
    public static final int LAYERS = 5;
    public static final int BINS = 30;

    /** The book's setting: 1000 × 100 Gaussian inputs, 5 layers of 100. */
    public static ActivationHistograms of(Mlp.Activation activation, long seed, Initializer... inits) {
        return of(activation, EXAMPLES, WIDTH, LAYERS, seed, inits);
    }

    /** {@code examples} × {@code width} Gaussian inputs through {@code layers} layers of {@code width}. */
    public static ActivationHistograms of(Mlp.Activation activation, int examples, int width, int layers, long seed, Initializer... inits) {
        if (inits.length == 0) {
            throw new IllegalArgumentException("ActivationHistograms needs at least one initializer, e.g. Initializers.xavier().");
        }
        Check.atLeast("number of examples", examples, 1, "the book uses 1000");
        Check.atLeast("width", width, 1, "the book uses 100");
        Check.atLeast("number of layers", layers, 1, "the book uses 5");
        SplittableRandom r = new SplittableRandom(seed);
        double[] x0 = new double[examples * width];
        for (int i = 0; i < x0.length; i++) x0[i] = r.nextGaussian();
        Matrix input = Matrix.wrap(examples, width, x0);
        double lo = activation == Mlp.Activation.TANH ? -1 : 0;
        double hi = activation == Mlp.Activation.RELU ? 3 : 1;

        StringColumn act = StringColumn.create("activation"), init = StringColumn.create("init");
        IntColumn layer = IntColumn.create("layer");
        DoubleColumn mean = DoubleColumn.create("mean"), std = DoubleColumn.create("std"), stuck = DoubleColumn.create("stuck");
        List<PlotlyFigure> panels = new ArrayList<>();
        String actName = activationLayer(activation).toString();
        long[] layerSeeds = new long[layers]; // the same standard-normal draws for every initializer, only scaled
        for (int l = 0; l < layers; l++) layerSeeds[l] = r.nextLong();
        for (Initializer in : inits) {
            Matrix x = input;
            for (int l = 0; l < layers; l++) {
                Dense d = Layers.dense(width, width, in, layerSeeds[l]);
                Matrix a = d.forward(x).copy();
                x = activationLayer(activation).forward(a).copy();
                double[] v = x.data();
                double s = 0, s2 = 0;
                int st = 0;
                for (double u : v) {
                    s += u;
                    s2 += u * u;
                    if (stuck(activation, u)) st++;
                }
                double m = s / v.length;
                act.append(actName);
                init.append(in.toString());
                layer.append(l + 1);
                mean.append(m);
                std.append(Math.sqrt(Math.max(0, s2 / v.length - m * m)));
                stuck.append((double) st / v.length);
                double[] shown = v;
                if (activation == Mlp.Activation.RELU) {
                    // half of ReLU's outputs are exactly 0; one bar that tall would flatten all the others
                    shown = java.util.Arrays.stream(v).filter(u -> u != 0).toArray();
                }
                panels.add(PlotlyFigure.of(String.format(Locale.ROOT, "%s, layer %d", shortName(in), l + 1),
                                BarTrace.histogram(shown, lo, hi, BINS).name(in.toString()).showLegend(false).color(color(panels.size() / layers)))
                        .withLayout("xaxis.range", new double[] {lo, hi})
                        .withLayout("xaxis.title.text", in == inits[inits.length - 1] ? "output" : "")
                        .withLayout("yaxis.title.text", l == 0 ? "count" : "")
                        .withLayout("yaxis.showticklabels", false));
            }
        }
        Table table = Table.create("activations of " + layers + " layers of " + width + " " + actName + " units, "
                + examples + " Gaussian inputs, seed " + seed, act, init, layer, mean, std, stuck);
        PlotlyFigure figure = Subplots.of("Histograms of " + actName + " outputs per layer (rows: initializers; "
                + (activation == Mlp.Activation.RELU ? "nonzero outputs, " : "") + BINS + " bins over [" + Format.number(lo) + ", " + Format.number(hi) + "])",
                layers, panels).withHeight(60 + 210 * inits.length).withLayout("title.font.size", 14);
        return new ActivationHistograms(table, figure);
    }

    static Layer activationLayer(Mlp.Activation a) {
        return switch (a) {
            case SIGMOID -> Layers.sigmoid();
            case TANH -> Layers.tanh();
            case RELU -> Layers.relu();
            default -> throw new IllegalArgumentException("ActivationHistograms compares SIGMOID, TANH and RELU; got " + a + ".");
        };
    }

    private static boolean stuck(Mlp.Activation a, double y) {
        return switch (a) {
            case SIGMOID -> y * (1 - y) < 0.0025;
            case TANH -> 1 - y * y < 0.01;
            default -> y <= 0;
        };
    }

    /** "std 0.01", "Xavier", "He": short enough for a panel title. */
    static String shortName(Initializer in) {
        String s = in.toString();
        if (s.startsWith("Normal(std=")) return "std " + s.substring("Normal(std=".length(), s.length() - 1);
        int p = s.indexOf('(');
        return p < 0 ? s : s.substring(0, p);
    }

    private static String color(int row) {
        String[] c = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
        return c[row % c.length];
    }


    @Override
    public String toString() {
        return table.toString();
    }
}
