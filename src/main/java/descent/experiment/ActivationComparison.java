package descent.experiment;

import descent.base.Format;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.nn.Layer;
import descent.nn.Maxout;
import descent.nn.Mlp;
import descent.nn.PReLU;
import descent.plot.DecisionBoundary;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.train.EpochResult;
import descent.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lecture's family of ReLU-like activations trained on the same data with the same optimizer and batches: ReLU,
 * Leaky ReLU (fixed slope 0.01 below 0), PReLU (one learned slope α per layer, starting at 0.25) and Maxout (each unit
 * the maximum of k learned linear pieces — a learned, convex, piecewise-linear activation).
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.spirals(200, 0.05, 1), 0.25, 2);
 * var setup = new NetSetup(2, 16, Optimizers.adam(0.01), 32, 10, 1);  // 2 hidden layers of 16, batches of 32, 10 epochs
 * var c = ActivationComparison.run(setup, split.train(), split.test(), 2);   // Maxout with 2 pieces
 * c.table();    // activation, parameters, trainLoss, trainAccuracy, testAccuracy, learnedAlpha
 * c.figure();   // training loss per epoch, one line per activation
 * c.regions();  // decision regions of the four networks
 * c.maxout()    // the functions the first Maxout units learned, along x0 with x1 = 0, with their pieces
 * }</pre>
 *
 * Hung-yi Lee's "training tips" (seed text 001: ReLU, Leaky ReLU, Parametric ReLU, Maxout); He et al. 2015 (PReLU);
 * Goodfellow et al. 2013 (Maxout). A Maxout network of the same widths has k times the weights of the others.
 */
public record ActivationComparison(Table table, Table epochs, PlotlyFigure figure, PlotlyFigure regions, PlotlyFigure maxout,
                                   List<Mlp> models) {
    /** The activations compared, in table order. */
    public static final List<Mlp.Activation> ACTIVATIONS = List.of(Mlp.Activation.RELU, Mlp.Activation.LEAKY_RELU,
            Mlp.Activation.PRELU, Mlp.Activation.MAXOUT);

    public ActivationComparison {
        models = List.copyOf(models);
    }

    /**
     * Trains the setup's network once with each of {@link #ACTIVATIONS} (Leaky ReLU with slope 0.01, Maxout with
     * {@code maxoutPieces} pieces), from the same seed and on the same batches, validating on {@code test}.
     */
    public static ActivationComparison run(NetSetup setup, Dataset train, Dataset test, int maxoutPieces) {
        Mlp base = setup.network(train).leakyRelu(0.01).maxout(maxoutPieces);
        List<Mlp> nets = ACTIVATIONS.stream().map(base::activation).toList();
        List<Trainer> trainers = new ArrayList<>();
        for (Mlp n : nets) trainers.add(setup.trainer(n, train).validation(test));
        int epochs = setup.epochs();
        Parallel.map(nets.size(), i -> trainers.get(i).fit(epochs));
        List<String> names = nets.stream().map(ActivationComparison::label).toList();

        StringColumn name = StringColumn.create("activation");
        IntColumn params = IntColumn.create("parameters");
        DoubleColumn trainLoss = DoubleColumn.create("trainLoss"), trainAcc = DoubleColumn.create("trainAccuracy"),
                testAcc = DoubleColumn.create("testAccuracy"), alpha = DoubleColumn.create("learnedAlpha");
        StringColumn eName = StringColumn.create("activation");
        IntColumn eEpoch = IntColumn.create("epoch");
        DoubleColumn eLoss = DoubleColumn.create("loss"), eAcc = DoubleColumn.create("accuracy"), eTest = DoubleColumn.create("testAccuracy");
        List<LineTrace> lines = new ArrayList<>();
        List<PlotlyFigure> panels = new ArrayList<>();
        for (int i = 0; i < nets.size(); i++) {
            Trainer t = trainers.get(i);
            var tr = t.evaluate(train);
            var te = t.evaluate(test);
            name.append(names.get(i));
            params.append(nets.get(i).parameterCount());
            trainLoss.append(tr.loss());
            trainAcc.append(tr.accuracy());
            testAcc.append(te.accuracy());
            double a = Double.NaN;
            StringBuilder alphas = new StringBuilder();
            for (Layer l : nets.get(i).layers()) {
                if (l instanceof PReLU p) {
                    alphas.append(alphas.length() == 0 ? "" : ", ").append(Format.number(p.alpha().get(0, 0), 3));
                    a = Double.isNaN(a) ? p.alpha().get(0, 0) : a; // the first layer's slope in the table
                }
            }
            alpha.append(a);
            List<EpochResult> rs = t.history().epochResults();
            double[] ex = new double[rs.size()], ey = new double[rs.size()];
            for (int e = 0; e < rs.size(); e++) {
                EpochResult r = rs.get(e);
                eName.append(names.get(i));
                eEpoch.append(r.epoch());
                eLoss.append(r.loss());
                eAcc.append(r.accuracy());
                eTest.append(r.validationAccuracy());
                ex[e] = r.epoch();
                ey[e] = r.loss();
            }
            lines.add(LineTrace.of(ex, ey).lines().width(2).name(names.get(i) + (alphas.length() > 0 ? " (α = " + alphas + ")" : "")));
            panels.add(DecisionBoundary.figure(nets.get(i), test, names.get(i) + ": test accuracy " + Format.number(te.accuracy(), 3)));
        }
        String what = java.util.Arrays.toString(base.widths()) + ", " + setup.optimizer() + ", batch " + setup.batchSize() + ", "
                + epochs + " epochs, seed " + setup.seed();
        Table table = Table.create("activations compared: " + what, name, params, trainLoss, trainAcc, testAcc, alpha);
        Table ep = Table.create("per epoch", eName, eEpoch, eLoss, eAcc, eTest);
        PlotlyFigure figure = PlotlyFigure.of("Training loss per epoch (" + what + ")", lines.toArray(LineTrace[]::new))
                .withAxisTitles("epoch", "training loss (mean over the epoch's batches)").withLogY();
        PlotlyFigure regions = Subplots.of("Decision regions on the test set", 2, panels).withHeight(760);
        PlotlyFigure maxout = maxoutFigure((Maxout) nets.get(3).layer(0), 4, train);
        return new ActivationComparison(table, ep, figure, regions, maxout, nets);
    }

    /** The table's name of a network's activation: its layer as printed, such as "LeakyReLU(0.01)". */
    private static String label(Mlp net) {
        return switch (net.activation()) {
            case RELU -> "ReLU";
            case LEAKY_RELU -> net.layer(1).toString();
            case PRELU -> "PReLU";
            case MAXOUT -> "Maxout";
            default -> net.activation().toString();
        };
    }

    /**
     * The first {@code units} units of a Maxout layer as functions of its first input x0, the other inputs held at 0:
     * each unit's k pieces w_p·x0 + b_p (dashed) and their maximum (solid), the activation it learned.
     */
    public static PlotlyFigure maxoutFigure(Maxout layer, int units, Dataset data) {
        int k = layer.pieces(), out = layer.bias().cols() / k;
        int m = Math.min(units, out);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int c = data.features();
        for (int i = 0; i < data.size(); i++) {
            lo = Math.min(lo, data.x().flat(i * c));
            hi = Math.max(hi, data.x().flat(i * c));
        }
        int n = 101;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = lo + (hi - lo) * i / (n - 1);
        String[] colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
        List<PlotlyFigure> panels = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            List<LineTrace> traces = new ArrayList<>();
            double[] max = new double[n];
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int p = 0; p < k; p++) {
                int col = j * k + p;
                double w = layer.weights().get(0, col), b = layer.bias().get(0, col);
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    ys[i] = w * xs[i] + b;
                    max[i] = Math.max(max[i], ys[i]);
                }
                traces.add(LineTrace.of(xs, ys).lines().dash("dash").width(1).color(colors[p % colors.length])
                        .name(String.format(Locale.ROOT, "piece %d", p + 1)));
            }
            traces.add(0, LineTrace.of(xs, max).lines().width(4).color("rgba(0,0,0,0.75)").name("max of the pieces"));
            panels.add(PlotlyFigure.of("unit " + j, traces.toArray(LineTrace[]::new)).withAxisTitles("x0 (x1 = 0)", j == 0 ? "unit output" : ""));
        }
        return Subplots.of("Activation functions learned by the first " + m + " units of " + layer + " (solid: max of the dashed pieces)",
                Math.min(m, 4), panels).withHeight(380);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
