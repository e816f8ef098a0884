package descent.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything a training run recorded: one row per iteration, one row per epoch, and per-layer statistics per epoch.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * var h = trainer.fit(10);
 * h.iterations();    // iteration, epoch, loss, accuracy, lr
 * h.epochs();        // epoch, iterations, loss, accuracy, validationLoss, validationAccuracy, lr
 * h.layers();        // epoch, index, layer, gradNorm, activationMean, activationStd (means over the epoch's steps)
 * h                  // History(10 epochs, 100 iterations, loss 0.5932, accuracy 0.6625, validation accuracy 0.5375)
 * }</pre>
 *
 * The same seeds give the same History, bit for bit.
 */
public final class History {
    private int n;
    private int[] iteration = new int[256];
    private int[] epoch = new int[256];
    private double[] loss = new double[256];
    private double[] accuracy = new double[256];
    private double[] lr = new double[256];
    private final List<EpochResult> epochs = new ArrayList<>();
    private final List<double[][]> layerMeans = new ArrayList<>(); // per epoch: {gradNorm, mean, std} per layer
    private List<String> layerNames = List.of();
    private int bestEpoch = -1;
    private String stopReason;

    History() {
    }

    void add(TrainingStep s) {
        if (n == iteration.length) {
            int c = 2 * n;
            iteration = Arrays.copyOf(iteration, c);
            epoch = Arrays.copyOf(epoch, c);
            loss = Arrays.copyOf(loss, c);
            accuracy = Arrays.copyOf(accuracy, c);
            lr = Arrays.copyOf(lr, c);
        }
        iteration[n] = s.iteration();
        epoch[n] = s.epoch();
        loss[n] = s.loss();
        accuracy[n] = s.accuracy();
        lr[n] = s.lr();
        n++;
    }

    void addEpoch(EpochResult e, List<String> names, double[][] layerStats) {
        epochs.add(e);
        if (names != null) {
            layerNames = names;
            layerMeans.add(layerStats);
        }
    }

    void bestEpoch(int epoch) {
        this.bestEpoch = epoch;
    }

    void stop(String reason) {
        this.stopReason = reason;
    }

    /** One row per update: iteration, epoch, loss, accuracy, lr. */
    public Table iterations() {
        return Table.create("iterations",
                IntColumn.create("iteration", Arrays.copyOf(iteration, n)),
                IntColumn.create("epoch", Arrays.copyOf(epoch, n)),
                DoubleColumn.create("loss", Arrays.copyOf(loss, n)),
                DoubleColumn.create("accuracy", Arrays.copyOf(accuracy, n)),
                DoubleColumn.create("lr", Arrays.copyOf(lr, n)));
    }

    /** One row per epoch: epoch, iterations, loss, accuracy, validationLoss, validationAccuracy, lr. */
    public Table epochs() {
        IntColumn e = IntColumn.create("epoch"), it = IntColumn.create("iterations");
        DoubleColumn l = DoubleColumn.create("loss"), a = DoubleColumn.create("accuracy");
        DoubleColumn vl = DoubleColumn.create("validationLoss"), va = DoubleColumn.create("validationAccuracy");
        DoubleColumn r = DoubleColumn.create("lr");
        for (EpochResult x : epochs) {
            e.append(x.epoch());
            it.append(x.iterations());
            l.append(x.loss());
            a.append(x.accuracy());
            vl.append(x.validationLoss());
            va.append(x.validationAccuracy());
            r.append(x.lr());
        }
        return Table.create("epochs", e, it, l, a, vl, va, r);
    }

    /**
     * Per epoch and layer, the means over the epoch's steps of the layer's gradient norm and of its output's mean and
     * standard deviation: the table that shows vanishing gradients.
     */
    public Table layers() {
        IntColumn e = IntColumn.create("epoch"), index = IntColumn.create("index");
        StringColumn name = StringColumn.create("layer");
        DoubleColumn g = DoubleColumn.create("gradNorm"), m = DoubleColumn.create("activationMean"), s = DoubleColumn.create("activationStd");
        for (int k = 0; k < layerMeans.size(); k++) {
            double[][] stats = layerMeans.get(k);
            for (int i = 0; i < layerNames.size(); i++) {
                e.append(epochs.get(k).epoch());
                index.append(i);
                name.append(layerNames.get(i));
                g.append(stats[0][i]);
                m.append(stats[1][i]);
                s.append(stats[2][i]);
            }
        }
        return Table.create("layers", e, index, name, g, m, s);
    }

    public List<EpochResult> epochResults() {
        return List.copyOf(epochs);
    }

    /** Number of recorded updates. */
    public int size() {
        return n;
    }

    /** The loss of update i. */
    public double loss(int i) {
        return loss[i];
    }

    public EpochResult lastEpoch() {
        if (epochs.isEmpty()) throw new IllegalStateException("No epoch has finished yet.");
        return epochs.get(epochs.size() - 1);
    }

    /** The epoch early stopping judged best (whose weights were restored if asked), or -1 without early stopping. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public boolean stoppedEarly() {
        return stopReason != null;
    }

    /** Why training stopped early, or null. */
    public String stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("History(").append(epochs.size()).append(" epochs, ").append(n).append(" iterations");
        if (!epochs.isEmpty()) {
            EpochResult e = lastEpoch();
            sb.append(String.format(Locale.ROOT, ", loss %.4g, accuracy %.4g", e.loss(), e.accuracy()));
            if (!Double.isNaN(e.validationAccuracy())) sb.append(String.format(Locale.ROOT, ", validation accuracy %.4g", e.validationAccuracy()));
        } else if (n > 0) {
            sb.append(String.format(Locale.ROOT, ", last loss %.4g", loss[n - 1]));
        }
        if (stopReason != null) sb.append("; ").append(stopReason);
        return sb.append(')').toString();
    }
}
