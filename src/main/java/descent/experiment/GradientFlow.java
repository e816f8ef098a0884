package descent.experiment;

import descent.base.Check;
import descent.data.Dataset;
import descent.nn.Dense;
import descent.nn.Layer;
import descent.nn.Losses;
import descent.nn.Mlp;
import descent.nn.SoftmaxCrossEntropy;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The vanishing gradient: how large ∂L/∂W is in each layer of a deep network at initialization, for sigmoid, tanh and
 * ReLU hidden layers.
 *
 * <pre>
 *   network   in → depth × [Dense(width) → activation] → Dense(classes); Xavier (std √(1/n)) for sigmoid and tanh,
 *             He (std √(2/n)) for ReLU, the same seed for all three
 *   measured  one forward and backward pass of softmax cross-entropy over the batch; ‖∂L/∂W‖ of every Dense layer
 *   why       backprop multiplies by the activation's slope at every layer: σ' ≤ 1/4, so with sigmoid the gradient
 *             shrinks about 4x per layer towards the input; ReLU's slope is 1 where it is active
 * </pre>
 *
 * Hung-yi Lee's "training tips" (the sigmoid's vanishing gradient, seed text 001); Deep Learning from Scratch §6.2.
 *
 * <pre>{@code
 * var g = GradientFlow.of(Datasets.fashionMnist(1000).train().head(256), 8, 100, 1);
 * g.table();    // activation, layer, gradNorm, relativeToLast
 * g.figure()    // gradNorm against the layer, log scale, one line per activation
 * }</pre>
 */
public record GradientFlow(Table table, PlotlyFigure figure) {

    /** The activations compared, in table order. */
    public static final List<Mlp.Activation> ACTIVATIONS = List.of(Mlp.Activation.SIGMOID, Mlp.Activation.TANH, Mlp.Activation.RELU);

    /** Gradient norms per layer for networks of {@code depth} hidden layers of {@code width} units on {@code batch}. */
    public static GradientFlow of(Dataset batch, int depth, int width, long seed) {
        Check.atLeast("depth", depth, 1, "the number of hidden layers, such as 8");
        Check.atLeast("width", width, 1, "units per hidden layer, such as 100");
        int[] widths = new int[depth + 2];
        widths[0] = batch.features();
        for (int i = 1; i <= depth; i++) widths[i] = width;
        widths[depth + 1] = batch.classes();
        StringColumn act = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        DoubleColumn norm = DoubleColumn.create("gradNorm"), rel = DoubleColumn.create("relativeToLast");
        List<LineTrace> lines = new ArrayList<>();
        String[] colors = {"#d62728", "#2ca02c", "#1f77b4"};
        for (int a = 0; a < ACTIVATIONS.size(); a++) {
            Mlp base = Mlp.of(widths).seed(seed);
            Mlp net = switch (ACTIVATIONS.get(a)) {
                case SIGMOID -> base.sigmoid();
                case TANH -> base.tanh();
                default -> base.relu();
            };
            SoftmaxCrossEntropy loss = Losses.softmaxCrossEntropy();
            Matrix out = net.forward(batch.x());
            loss.forward(out, batch.oneHot());
            net.backward(loss.backward());
            List<Double> norms = new ArrayList<>();
            for (Layer l : net.layers()) if (l instanceof Dense d) norms.add(d.parameters().get(0).grad().norm());
            double last = norms.get(norms.size() - 1);
            double[] xs = new double[norms.size()], ys = new double[norms.size()];
            String name = net.layer(1).toString() + " (" + net.initializer() + ")";
            for (int i = 0; i < norms.size(); i++) {
                act.append(net.layer(1).toString());
                layer.append(i + 1);
                norm.append(norms.get(i));
                rel.append(norms.get(i) / last);
                xs[i] = i + 1;
                ys[i] = norms.get(i);
            }
            lines.add(LineTrace.of(xs, ys).name(name).color(colors[a]).width(2));
        }
        String what = depth + " hidden layers of " + width + ", " + batch.size() + " examples of " + batch.name() + ", seed " + seed;
        Table table = Table.create("‖∂L/∂W‖ per Dense layer at initialization (" + what + ")", act, layer, norm, rel);
        PlotlyFigure figure = PlotlyFigure.of("Gradient size per layer at initialization: " + what, lines.toArray(LineTrace[]::new))
                .withAxisTitles("Dense layer (1 = next to the input)", "‖∂L/∂W‖ (log scale)")
                .withLogY().withLayout("xaxis.dtick", 1);
        return new GradientFlow(table, figure);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
