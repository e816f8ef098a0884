package descent.train;

import descent.base.Format;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * h.warning();      // null, or "diverging: ..." when the loss grew far above its start (see Trainer)
 * h                  // History(10 epochs, 100 iterations, loss 0.5932, accuracy 0.6625, validation accuracy 0.5375)
 * }</pre>
 *
 * A History from {@link Trainer#fit} is a copy of everything recorded up to then: training further does not change
 * it. The same seeds give the same History, bit for bit.
 */
public final class History {
    private int n;
    private int[] iteration = new int[256];
    private int[] epoch = new int[256];
    private double[] loss = new double[256];
    private double[] accuracy = new double[256];
    private double[] lr = new double[256];
    private final List<EpochResult> epochs = new ArrayList<>();
    private final List<LayerStats> layerMeans = new ArrayList<>(); // per epoch, null when not recorded
    private int bestEpoch = -1;
    private String stopReason;
    private String warning;

    History() {
    }

    /** A copy that later training does not change (what {@link Trainer#fit} returns). */
    History copy() {
        History h = new History();
        h.n = n;
        h.iteration = iteration.clone();
        h.epoch = epoch.clone();
        h.loss = loss.clone();
        h.accuracy = accuracy.clone();
        h.lr = lr.clone();
        h.epochs.addAll(epochs);
        h.layerMeans.addAll(layerMeans);
        h.bestEpoch = bestEpoch;
        h.stopReason = stopReason;
        h.warning = warning;
        return h;
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

    /**
     * Closes the epoch of the steps added since the last epoch: their mean loss and accuracy, the validation set's
     * evaluation (or null) and the layers' mean statistics (or null).
     */
    EpochResult endEpoch(Evaluation validation, LayerStats layerMeans) {
        int from = epochs.isEmpty() ? 0 : lastEpoch().iterations();
        double l = 0, a = 0;
        for (int i = from; i < n; i++) {
            l += loss[i];
            a += accuracy[i];
        }
        EpochResult e = new EpochResult(epoch[n - 1], n, l / (n - from), a / (n - from),
                validation == null ? Double.NaN : validation.loss(), validation == null ? Double.NaN : validation.accuracy(), lr[n - 1]);
        epochs.add(e);
        this.layerMeans.add(layerMeans);
        return e;
    }

    /** A new fit starts: early stopping's best epoch and stop reason are those of the fit. */
    void startFit() {
        bestEpoch = -1;
        stopReason = null;
    }

    void bestEpoch(int epoch) {
        this.bestEpoch = epoch;
    }

    void stop(String reason) {
        this.stopReason = reason;
    }

    void warn(String warning) {
        this.warning = warning;
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
        for (int k = 0; k < epochs.size(); k++) {
            LayerStats stats = layerMeans.get(k);
            for (int i = 0; stats != null && i < stats.size(); i++) {
                e.append(epochs.get(k).epoch());
                index.append(i);
                name.append(stats.name(i));
                g.append(stats.gradNorm(i));
                m.append(stats.activationMean(i));
                s.append(stats.activationStd(i));
            }
        }
        return Table.create("layers", e, index, name, g, m, s);
    }

    /** The epochs so far, not copied: for the trainer's checks after each epoch. */
    List<EpochResult> epochList() {
        return java.util.Collections.unmodifiableList(epochs);
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

    /**
     * The epoch early stopping judged best in the latest fit (whose weights were restored if it stopped early and was
     * asked to), or -1 without early stopping.
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    public boolean stoppedEarly() {
        return stopReason != null;
    }

    /** Why the latest fit stopped early, or null. */
    public String stopReason() {
        return stopReason;
    }

    /**
     * The first sign of divergence while every number was still finite, or null: the training loss far above its
     * start or growing epoch after epoch (the rule is in docs/networks.md).
     */
    public String warning() {
        return warning;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("History(").append(epochs.size()).append(" epochs, ").append(n).append(" iterations");
        if (!epochs.isEmpty()) {
            EpochResult e = lastEpoch();
            sb.append(", loss ").append(Format.number(e.loss())).append(", accuracy ").append(Format.number(e.accuracy()));
            if (!Double.isNaN(e.validationAccuracy())) sb.append(", validation accuracy ").append(Format.number(e.validationAccuracy()));
        } else if (n > 0) {
            sb.append(", last loss ").append(Format.number(loss[n - 1]));
        }
        if (stopReason != null) sb.append("; ").append(stopReason);
        if (warning != null) sb.append("; warning: ").append(warning);
        return sb.append(')').toString();
    }
}
