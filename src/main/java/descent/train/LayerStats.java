package descent.train;

import descent.base.Format;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Per-layer numbers from one training step: the spread of each layer's output and the size of its parameters'
 * gradient. Deep sigmoid networks show the vanishing gradient here: gradient norms shrink layer by layer towards
 * the input (σ' ≤ 1/4 at every sigmoid), while ReLU networks keep them of similar size.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * var stats = trainer.step().layers();   // LayerStats(gradNorm: Dense(2, 32)=0.235 Dense(32, 32)=0.696 Dense(32, 2)=0.753)
 * stats.toTable()                        // index, layer, activationMean, activationStd, gradNorm (empty without parameters)
 * }</pre>
 */
public final class LayerStats {
    private final List<String> names;
    private final double[] activationMean;
    private final double[] activationStd;
    private final double[] gradNorm;

    LayerStats(List<String> names, double[] activationMean, double[] activationStd, double[] gradNorm) {
        this.names = names;
        this.activationMean = activationMean.clone();
        this.activationStd = activationStd.clone();
        this.gradNorm = gradNorm.clone();
    }

    public int size() {
        return names.size();
    }

    public String name(int layer) {
        return names.get(layer);
    }

    /** The mean of layer i's output over the batch and its units. */
    public double activationMean(int layer) {
        return activationMean[layer];
    }

    /** The standard deviation of layer i's output over the batch and its units. */
    public double activationStd(int layer) {
        return activationStd[layer];
    }

    /** ‖∂L/∂θ‖ over all parameters of layer i, NaN for layers without parameters. */
    public double gradNorm(int layer) {
        return gradNorm[layer];
    }

    public Table toTable() {
        IntColumn index = IntColumn.create("index");
        StringColumn layer = StringColumn.create("layer");
        DoubleColumn mean = DoubleColumn.create("activationMean");
        DoubleColumn std = DoubleColumn.create("activationStd");
        DoubleColumn grad = DoubleColumn.create("gradNorm");
        for (int i = 0; i < names.size(); i++) {
            index.append(i);
            layer.append(names.get(i));
            mean.append(activationMean[i]);
            std.append(activationStd[i]);
            grad.append(gradNorm[i]);
        }
        return Table.create("layer statistics", index, layer, mean, std, grad);
    }

    /** The gradient norms of the layers that have parameters, from input to output. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LayerStats(gradNorm:");
        for (int i = 0; i < names.size(); i++) {
            if (!Double.isNaN(gradNorm[i])) sb.append(' ').append(names.get(i)).append('=').append(Format.number(gradNorm[i], 3));
        }
        return sb.append(')').toString();
    }
}
