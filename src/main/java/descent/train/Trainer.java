package descent.train;

import descent.data.Batches;
import descent.data.Dataset;
import descent.nn.Layer;
import descent.nn.Loss;
import descent.nn.Losses;
import descent.nn.Parameter;
import descent.nn.Regularizer;
import descent.nn.Sequential;
import descent.optim.Optimizer;
import descent.optim.State;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a model on a data set with any {@link Optimizer}, one mini-batch at a time or for whole epochs.
 *
 * <pre>
 *   one step:  rows ← next batch;  y ← model(x_rows);  L ← loss(y, t_rows) + Σ penalty(w)
 *              model.backward(dL/dy);  g += ∂penalty/∂w
 *              for each parameter tensor w:  optimizer.update(w, g, its own state, lr(iteration));  decoupled decay
 *   one epoch: n / batchSize steps; then evaluate the validation set and consult early stopping
 * </pre>
 *
 * Deep Learning from Scratch §4.5 and §6 (the training loop, with the book's batch sampling via
 * {@link #withReplacement()}); PyTorch's {@code optimizer.state[p]}: one {@link State} per parameter tensor.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);    // 320 train, 80 test
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * trainer.earlyStopping(EarlyStopping.patience(5));
 * trainer.step();                 // TrainingStep(iteration=0, epoch=0, loss=1.009, accuracy=0.375, lr=0.01)
 * var history = trainer.fit(100); // History(72 epochs, 720 iterations, ...; stopped early after epoch 71: ...)
 * history.epochs();               // epoch, iterations, loss, accuracy, validationLoss, validationAccuracy, lr
 * trainer.evaluate(data.test())   // Evaluation(loss=0.0196858, accuracy=1.000)
 * }</pre>
 *
 * Safety: input data with NaN or infinite values is rejected up front. If a step's loss, a gradient, or an updated
 * weight is not finite, training stops with an {@link ArithmeticException} naming the iteration and the likely cause,
 * and the model's parameters and batch-norm statistics are put back as they were before that step.
 * Configuration methods must be called before the first step. Same seeds, same History, bit for bit.
 */
public final class Trainer {
    private final Sequential model;
    private final Dataset train;
    private final Optimizer optimizer;
    private Loss loss = Losses.softmaxCrossEntropy();
    private int batchSize = 100;
    private long seed;
    private boolean withReplacement;
    private Dataset validation;
    private final List<Regularizer> regularizers = new ArrayList<>();
    private EarlyStopping earlyStopping;
    private Progress progress = Progress.none();
    private boolean layerStats = true;

    // Run state, created at the first step.
    private boolean started;
    private Batches batches;
    private List<Parameter> params;
    private List<String> paramNames;
    private List<List<Parameter>> paramsByLayer;
    private List<String> layerNames;
    private State[] states;
    private Matrix xb;
    private Matrix yb;
    private int[] labels;
    private int[] rows;
    private int iteration;
    private final History history = new History();
    private double epochLoss;
    private double epochAccuracy;
    private int epochSteps;
    private double[] mean, std, gradNorm;
    private double[][] layerSums;
    private Matrix[] tensors;          // parameters then buffers, in Sequential.stateTensors() order
    private double[][] beforeStep;      // their values before the current step, for rollback
    private double[][] bestState;       // their values at the best epoch, for early stopping
    private double best = Double.POSITIVE_INFINITY;
    private int wait;
    private boolean stopRequested;

    private Trainer(Sequential model, Dataset train, Optimizer optimizer) {
        this.model = model;
        this.train = train;
        this.optimizer = optimizer;
    }

    /** A trainer with softmax cross-entropy, batch size 100, shuffled batches, seed 0 and no validation set. */
    public static Trainer of(Sequential model, Dataset train, Optimizer optimizer) {
        checkData(model, train, "Training");
        return new Trainer(model, train, optimizer);
    }

    private static void checkData(Sequential model, Dataset d, String role) {
        int in = model.inputWidth().orElse(-1);
        if (in > 0 && in != d.features()) {
            throw new IllegalArgumentException(model.layer(0) + " expects input width " + in + " but got " + d.features()
                    + "; did you leave the label column in x?");
        }
        int out = in > 0 ? model.outputWidth(in) : -1;
        if (out > 0 && out != d.classes()) {
            throw new IllegalArgumentException(model + " gives " + out + " outputs but " + role.toLowerCase() + " data " + d
                    + " has " + d.classes() + " classes; the last layer needs one output per class.");
        }
        int bad = d.x().firstNonFinite();
        if (bad >= 0) {
            int c = d.features();
            throw new IllegalArgumentException(role + " data " + d + " has " + d.x().data()[bad] + " at row " + bad / c
                    + ", column " + bad % c + "; remove or impute non-finite values before training.");
        }
    }

    private void configurable() {
        if (started) {
            throw new IllegalStateException("This trainer has already started; configure it before the first step, or make a new Trainer.");
        }
    }

    public Trainer batchSize(int batchSize) {
        configurable();
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + "; expected at least 1, such as 100 (an empty batch has no gradient).");
        }
        this.batchSize = batchSize;
        return this;
    }

    /** The seed of the batch order (the model's own seeds fix its weights and dropout masks). */
    public Trainer seed(long seed) {
        configurable();
        this.seed = seed;
        return this;
    }

    /** Draw each batch with replacement, as the book does, instead of shuffling once per epoch. */
    public Trainer withReplacement() {
        configurable();
        this.withReplacement = true;
        return this;
    }

    public Trainer loss(Loss loss) {
        configurable();
        this.loss = loss;
        return this;
    }

    /** A data set evaluated after every epoch (and monitored by early stopping). */
    public Trainer validation(Dataset validation) {
        configurable();
        checkData(model, validation, "Validation");
        this.validation = validation;
        return this;
    }

    /** Adds a regularizer (several may be combined, e.g. L1 and L2). */
    public Trainer regularizer(Regularizer regularizer) {
        configurable();
        regularizers.add(regularizer);
        return this;
    }

    public Trainer earlyStopping(EarlyStopping earlyStopping) {
        configurable();
        this.earlyStopping = earlyStopping;
        return this;
    }

    /** Where fit reports progress; may be changed at any time. */
    public Trainer progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** Whether each step computes per-layer statistics (on by default; off saves a little time). */
    public Trainer layerStats(boolean on) {
        configurable();
        this.layerStats = on;
        return this;
    }

    private void start() {
        if (started) return;
        started = true;
        batches = withReplacement ? Batches.withReplacement(train.size(), batchSize, seed) : Batches.shuffled(train.size(), batchSize, seed);
        params = List.copyOf(model.namedParameters().values());
        paramNames = List.copyOf(model.namedParameters().keySet());
        states = new State[params.size()];
        for (int i = 0; i < states.length; i++) states[i] = optimizer.newState(params.get(i).size());
        paramsByLayer = new ArrayList<>();
        layerNames = new ArrayList<>();
        for (Layer l : model.layers()) {
            paramsByLayer.add(l.parameters());
            layerNames.add(l.toString());
        }
        layerNames = List.copyOf(layerNames);
        int b = batches.batchSize();
        xb = Matrix.zeros(b, train.features());
        yb = Matrix.zeros(b, train.classes());
        labels = new int[b];
        rows = new int[b];
        int n = model.size();
        mean = new double[n];
        std = new double[n];
        gradNorm = new double[n];
        layerSums = new double[3][n];
        tensors = model.stateTensors().values().toArray(Matrix[]::new);
        beforeStep = new double[tensors.length][];
        for (int i = 0; i < tensors.length; i++) beforeStep[i] = new double[tensors[i].size()];
    }

    /** Runs one mini-batch: forward, loss, backward, one optimizer update per parameter tensor. */
    public TrainingStep step() {
        start();
        int count = batches.next(rows);     // into a reused buffer: a step allocates no arrays
        gather(train, rows, 0, count, xb, yb, labels);
        for (int i = 0; i < tensors.length; i++) System.arraycopy(tensors[i].data(), 0, beforeStep[i], 0, beforeStep[i].length);
        double lr = optimizer.lrAt(iteration);

        model.setTraining(true);
        Matrix out = model.forward(xb);
        double value = loss.forward(out, yb);
        for (Regularizer r : regularizers) for (Parameter p : params) value += r.penalty(p);
        if (!Double.isFinite(value)) diverged("the loss is " + value, lr);
        double accuracy = accuracy(out, labels, out.rows());

        model.backwardParameters(loss.backward());
        for (Regularizer r : regularizers) for (Parameter p : params) r.addGradient(p);
        for (int i = 0; i < params.size(); i++) {
            int bad = params.get(i).grad().firstNonFinite();
            if (bad >= 0) diverged("the gradient of " + paramNames.get(i) + " is " + params.get(i).grad().data()[bad], lr);
        }
        LayerStats stats = layerStats ? collectLayerStats() : null;

        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            optimizer.update(p.value().data(), p.grad().data(), states[i], lr);
            for (Regularizer r : regularizers) r.afterUpdate(p, lr);
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).value().firstNonFinite() >= 0) diverged("the update made " + paramNames.get(i) + " non-finite", lr);
        }

        int epochLength = batches.batchesPerEpoch();
        TrainingStep step = new TrainingStep(iteration, iteration / epochLength, value, accuracy, lr, stats);
        history.add(step);
        epochLoss += value;
        epochAccuracy += accuracy;
        epochSteps++;
        iteration++;
        if (iteration % epochLength == 0) endEpoch(step);
        return step;
    }

    private void diverged(String what, double lr) {
        for (int i = 0; i < tensors.length; i++) System.arraycopy(beforeStep[i], 0, tensors[i].data(), 0, beforeStep[i].length);
        throw new ArithmeticException("Training diverged at iteration " + iteration + " (epoch " + iteration / batches.batchesPerEpoch()
                + "): " + what + ". The learning rate " + lr + " of " + optimizer + " is probably too high; try one 10 times"
                + " smaller. The model was restored to its state before this step.");
    }

    private LayerStats collectLayerStats() {
        for (int i = 0; i < model.size(); i++) {
            double[] a = model.output(i).data();
            double s = 0, s2 = 0;
            for (double v : a) {
                s += v;
                s2 += v * v;
            }
            mean[i] = s / a.length;
            std[i] = Math.sqrt(Math.max(0, s2 / a.length - mean[i] * mean[i]));
            List<Parameter> ps = paramsByLayer.get(i);
            double g = 0;
            for (Parameter p : ps) for (double v : p.grad().data()) g += v * v;
            gradNorm[i] = ps.isEmpty() ? Double.NaN : Math.sqrt(g);
            layerSums[0][i] += gradNorm[i];
            layerSums[1][i] += mean[i];
            layerSums[2][i] += std[i];
        }
        return new LayerStats(layerNames, mean, std, gradNorm);
    }

    private void endEpoch(TrainingStep last) {
        Evaluation v = validation == null ? null : evaluate(validation);
        EpochResult e = new EpochResult(last.epoch(), iteration, epochLoss / epochSteps, epochAccuracy / epochSteps,
                v == null ? Double.NaN : v.loss(), v == null ? Double.NaN : v.accuracy(), last.lr());
        double[][] layerMeans = null;
        if (layerStats) {
            layerMeans = new double[3][model.size()];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < model.size(); i++) layerMeans[k][i] = layerSums[k][i] / epochSteps;
                java.util.Arrays.fill(layerSums[k], 0);
            }
        }
        history.addEpoch(e, layerMeans == null ? null : layerNames, layerMeans);
        epochLoss = epochAccuracy = 0;
        epochSteps = 0;
        if (earlyStopping != null) consultEarlyStopping(e);
        progress.epoch(e);
    }

    private void consultEarlyStopping(EpochResult e) {
        double monitored = validation != null ? e.validationLoss() : e.loss();
        if (monitored < best - earlyStopping.minDelta()) {
            best = monitored;
            wait = 0;
            history.bestEpoch(e.epoch());
            if (earlyStopping.restoreBest()) {
                if (bestState == null) {
                    bestState = new double[tensors.length][];
                    for (int i = 0; i < tensors.length; i++) bestState[i] = new double[tensors[i].size()];
                }
                for (int i = 0; i < tensors.length; i++) System.arraycopy(tensors[i].data(), 0, bestState[i], 0, bestState[i].length);
            }
        } else if (++wait >= earlyStopping.patience()) {
            stopRequested = true;
            String what = validation != null ? "validation loss" : "training loss";
            if (earlyStopping.restoreBest() && bestState != null) {
                for (int i = 0; i < tensors.length; i++) System.arraycopy(bestState[i], 0, tensors[i].data(), 0, bestState[i].length);
                history.stop("stopped early after epoch " + e.epoch() + ": no " + what + " improvement for "
                        + earlyStopping.patience() + " epochs; restored the weights of epoch " + history.bestEpoch());
            } else {
                history.stop("stopped early after epoch " + e.epoch() + ": no " + what + " improvement for "
                        + earlyStopping.patience() + " epochs");
            }
        }
    }

    /** Trains for this many epochs (n / batchSize steps each), or until early stopping; returns the whole history. */
    public History fit(int epochs) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("Invalid number of epochs: " + epochs + "; expected at least 1.");
        }
        start();
        return fitIterations(epochs * batches.batchesPerEpoch());
    }

    /** Trains for this many steps, or until early stopping; returns the whole history. */
    public History fitIterations(int iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("Invalid number of iterations: " + iterations + "; expected at least 1.");
        }
        stopRequested = false;
        for (int i = 0; i < iterations && !stopRequested; i++) {
            progress.update(step(), iterations);
        }
        progress.done(history);
        return history;
    }

    /** Loss and accuracy on a data set in evaluation mode (no dropout, running batch-norm statistics), by chunks. */
    public Evaluation evaluate(Dataset data) {
        start();
        if (data != train && data != validation) checkData(model, data, "Evaluation");
        boolean was = model.isTraining();
        model.setTraining(false);
        try {
            int n = data.size(), b = Math.min(batchSize, n);
            Matrix x = Matrix.zeros(b, data.features()), t = Matrix.zeros(b, data.classes());
            int[] ys = new int[b];
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            double lossSum = 0, correct = 0;
            for (int from = 0; from < n; from += b) {
                int m = Math.min(b, n - from);
                if (m != x.rows()) {
                    x = Matrix.zeros(m, data.features());
                    t = Matrix.zeros(m, data.classes());
                }
                gather(data, all, from, m, x, t, ys);
                Matrix out = model.forward(x);
                lossSum += loss.forward(out, t) * m;
                correct += accuracy(out, ys, m) * m;
            }
            return new Evaluation(lossSum / n, correct / n);
        } finally {
            model.setTraining(was);
        }
    }

    private static void gather(Dataset d, int[] rows, int from, int count, Matrix x, Matrix t, int[] ys) {
        int c = d.features();
        double[] src = d.x().data(), dst = x.data();
        t.fill(0);
        for (int k = 0; k < count; k++) {
            int r = rows[from + k];
            System.arraycopy(src, r * c, dst, k * c, c);
            ys[k] = d.label(r);
            t.set(k, ys[k], 1.0);
        }
    }

    private static double accuracy(Matrix out, int[] ys, int n) {
        int correct = 0;
        for (int i = 0; i < n; i++) if (out.argmaxOfRow(i) == ys[i]) correct++;
        return correct / (double) n;
    }

    public History history() {
        return history;
    }

    public Sequential model() {
        return model;
    }

    /** Updates done so far. */
    public int iteration() {
        return iteration;
    }

    @Override
    public String toString() {
        return "Trainer(" + model + ", " + optimizer + ", " + loss + ", batchSize=" + batchSize
                + (withReplacement ? ", withReplacement" : "") + ", seed=" + seed
                + (regularizers.isEmpty() ? "" : ", " + regularizers) + (earlyStopping == null ? "" : ", " + earlyStopping) + ")";
    }
}
