package descent.train;

import descent.base.Check;
import descent.data.Dataset;
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
 *   one step:  gather the next batch;  save the model's buffers (and, every 64 steps, a checkpoint of everything)
 *              y ← model(x);  L ← loss(y, t) + Σ penalty(w);  model.backward(dL/dy);  g += ∂penalty/∂w
 *              if L, g or (after the update) w is not finite: undo the step (see {@link #step()}), throw
 *              for each parameter tensor w:  optimizer.update(w, g, its own state, lr(iteration));  decoupled decay
 *              record the step (and, after n / batchSize steps, the epoch: validation, early stopping)
 * </pre>
 *
 * Deep Learning from Scratch §4.5 and §6 (the training loop, with the book's batch sampling via
 * {@link #replacement(boolean)}); PyTorch's {@code optimizer.state[p]}: one {@link State} per parameter tensor.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);    // 320 train, 80 test
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * trainer.earlyStopping(EarlyStopping.patience(5));
 * trainer.step();                 // TrainingStep(iteration=0, epoch=0, loss=1.009, accuracy=0.375, lr=0.01)
 * var history = trainer.fit(100); // History(72 epochs, 720 iterations, ...; stopped early after epoch 71: ...)
 * history.epochs();               // epoch, iterations, loss, accuracy, validationLoss, validationAccuracy, lr
 * trainer.evaluate(data.test())   // Evaluation(loss=0.0196858, accuracy=1), the same as Evaluation.of(net, data.test())
 * }</pre>
 *
 * <b>Configuration</b> (batch size, seed, loss, ...) changes this trainer and must come before the first step;
 * {@link #progress} may change at any time, and evaluating does not start training.
 * <b>Training twice</b>: each {@code fit} continues from where the last step left off (model, optimizer states,
 * batch order, iteration and epoch numbers); early stopping starts afresh (its patience counts from the fit's first
 * epoch, and "best" and restore-best mean the best epoch of this fit); each fit returns a copy of the whole history so
 * far, which later training does not change.
 * <b>Safety</b>: input data with NaN or infinite values is rejected up front. If a step's loss, a gradient, or an
 * updated weight is not finite, training stops with an {@link ArithmeticException} naming the iteration and the likely
 * cause, and the model (parameters, batch-norm statistics, dropout's random state), the optimizer's states and the
 * batch position are put back as they were before that step. A loss that grows without overflowing is flagged in
 * {@link History#warning()} (the rule: docs/networks.md). Same seeds, same History, bit for bit.
 */
public final class Trainer {
    private final Sequential model;
    private final Dataset train;
    private final Optimizer optimizer;
    private Loss loss = Losses.softmaxCrossEntropy();
    private int batchSize = 100;
    private long seed;
    private boolean replacement;
    private Dataset validation;
    private final List<Regularizer> regularizers = new ArrayList<>();
    private EarlyStopping earlyStopping;
    private Progress progress = Progress.none();
    private boolean layerStats = true;

    // What a run keeps between steps, created at the first step.
    private BatchLoader batches;
    private List<Parameter> params;
    private List<String> paramNames;
    private State[] states;
    private Snapshot buffersBefore;     // the model's buffers before the current step
    private Snapshot checkpoint;        // everything, at iteration checkpointAt (-1: none yet, or out of date)
    private int checkpointAt = -1;
    private int checkpointEvery;
    private int[][] replayRows;         // the rows of each batch since the checkpoint
    private double[] gradSquares;       // Σ g² per parameter tensor, this step
    private EarlyStoppingMonitor monitor;
    private LayerStatsRecorder recorder;
    private final History history = new History();
    private int iteration;
    private boolean stopRequested;

    private Trainer(Sequential model, Dataset train, Optimizer optimizer) {
        this.model = model;
        this.train = train;
        this.optimizer = optimizer;
    }

    /** A trainer with softmax cross-entropy, batch size 100, shuffled batches, seed 0 and no validation set. */
    public static Trainer of(Sequential model, Dataset train, Optimizer optimizer) {
        Check.notNull("model", model, "for example Mlp.of(2, 16, 2)");
        Check.notNull("optimizer", optimizer, "for example Optimizers.sgd(0.1)");
        BatchLoader.check(model, train, "Training");
        BatchLoader.checkBatchSize(model, 100, train);
        return new Trainer(model, train, optimizer);
    }

    /** Examples per step (cut to the data set's size); with batch norm at least 2. */
    public Trainer batchSize(int batchSize) {
        Check.atLeast("batch size", batchSize, 1, "such as 100 (an empty batch has no gradient)");
        BatchLoader.checkBatchSize(model, batchSize, train);
        return configure(() -> this.batchSize = batchSize);
    }

    /** The seed of the batch order (the model's own seeds fix its weights and dropout masks). */
    public Trainer seed(long seed) { return configure(() -> this.seed = seed); }

    /** Whether to draw each batch with replacement, as the book does, instead of shuffling once per epoch (the default). */
    public Trainer replacement(boolean on) { return configure(() -> this.replacement = on); }

    public Trainer loss(Loss loss) { return configure(() -> this.loss = Check.notNull("loss", loss, "for example Losses.softmaxCrossEntropy()")); }

    /** A data set evaluated after every epoch (and monitored by early stopping). */
    public Trainer validation(Dataset data) { return configure(() -> validation = BatchLoader.check(model, data, "Validation")); }

    /** Adds a regularizer (several may be combined, e.g. L1 and L2). */
    public Trainer regularizer(Regularizer r) { return configure(() -> regularizers.add(Check.notNull("regularizer", r, "for example Regularizers.l2(1e-4)"))); }

    public Trainer earlyStopping(EarlyStopping e) { return configure(() -> earlyStopping = Check.notNull("early stopping", e, "for example EarlyStopping.patience(5)")); }

    /** Whether each step computes per-layer statistics (on by default; off saves a little time). */
    public Trainer layerStats(boolean on) { return configure(() -> this.layerStats = on); }

    /** Where fit reports progress; may be changed at any time. */
    public Trainer progress(Progress progress) {
        this.progress = Check.notNull("progress", progress, "for example Progress.console(), or Progress.none() for silence");
        return this;
    }

    private Trainer configure(Runnable change) {
        if (batches != null) throw new IllegalStateException("This trainer has already started; configure it before the first step, or make a new Trainer.");
        change.run();
        return this;
    }

    private void start() {
        if (batches != null) return;
        batches = new BatchLoader(train, batchSize, seed, replacement, model.dtype());
        params = List.copyOf(model.namedParameters().values());
        paramNames = List.copyOf(model.namedParameters().keySet());
        states = new State[params.size()];
        for (int i = 0; i < states.length; i++) states[i] = optimizer.newState(params.get(i).value());
        buffersBefore = Snapshot.ofBuffers(model);
        checkpoint = Snapshot.of(model, states);
        checkpointEvery = Math.max(1, Math.min(CHECKPOINT_EVERY, (1 << 20) / batches.x.rows()));
        replayRows = new int[checkpointEvery][];
        gradSquares = new double[params.size()];
        if (earlyStopping != null) monitor = new EarlyStoppingMonitor(earlyStopping, Snapshot.ofModel(model));
        if (layerStats) recorder = new LayerStatsRecorder(model, params);
    }

    /** At most this many steps between two checkpoints: a failed update replays at most this many steps. */
    static final int CHECKPOINT_EVERY = 64;

    /**
     * Runs one mini-batch: gather, forward and loss, backward, check finite, update, check finite, record. When a
     * check fails, the step is undone (see the class comment) and an {@link ArithmeticException} says why. When the
     * optimizer or a regularizer throws while updating (your own, say), the step is undone the same way and an
     * {@link IllegalStateException} names the parameter, with the exception as its cause.
     *
     * <p>Rollback without a copy per step: every {@value #CHECKPOINT_EVERY} steps (and after each epoch) the trainer
     * saves the model and the optimizer states, and remembers the rows of every batch since. Only the model's few
     * buffers are saved before each step. A failure before the update restores those buffers; a failure after an
     * update restores the checkpoint and replays the steps since it, which gives the state before the failed step bit
     * for bit, because training is deterministic. The replay is verified: redoing the failed step must give exactly
     * what the failure left (where that is finite), or the model was changed outside the trainer since the checkpoint
     * and the exception says it could not be put back.
     */
    public TrainingStep step() {
        start();
        if (recorder != null) recorder.settle();   // a step that threw midway may have left its statistics running
        if (checkpointAt < 0 || iteration - checkpointAt >= checkpointEvery) {
            checkpoint.save();
            checkpointAt = iteration;
        }
        batches.next();
        int slot = iteration - checkpointAt;
        if (replayRows[slot] == null) replayRows[slot] = new int[batches.rows().length];
        System.arraycopy(batches.rows(), 0, replayRows[slot], 0, replayRows[slot].length);
        buffersBefore.save();
        double lr = optimizer.lrAt(iteration);
        Matrix out = forward();
        double value = lossOf(out);
        if (!Double.isFinite(value)) {
            changedData();
            diverged("the loss is " + value, lr);
        }
        double accuracy = Evaluation.accuracy(out, batches.labels, out.rows());
        backward();
        if (recorder != null) recorder.start();   // activation statistics on the second core, during the updates
        try {
            for (int i = 0; i < params.size(); i++) {
                try {
                    update(i, lr);
                } catch (RuntimeException e) {   // a custom optimizer's or regularizer's bug: descent's own do not throw here
                    throw undoFailedUpdate(i, lr, e);
                }
                // one pass over the gradient and the new values: Σ g², NaN if a gradient or a new value is not finite
                gradSquares[i] = LayerStatsRecorder.sumSquares(params.get(i).grad(), params.get(i).value());
                if (!Double.isFinite(gradSquares[i])) checkFinite(i, lr);
            }
        } catch (RuntimeException | Error e) {
            if (recorder != null) recorder.settleAfter(e);   // gives the second core back before the failure leaves
            throw e;
        }
        LayerStats stats = recorder == null ? null : recorder.record(gradSquares);   // outputs and gradients of this step
        return record(new TrainingStep(iteration, iteration / batches.batchesPerEpoch(), value, accuracy, lr, stats));
    }

    // The three parts of a step, shared by the step and its replay.
    private Matrix forward() {
        model.setTraining(true);
        return model.forwardTrusted(batches.x);   // the data set was checked once, in of(); changedData() if not
    }

    /**
     * After a non-finite loss: if the batch holds a non-finite input (the data set was changed after the trainer
     * checked it; the forward pass skips that check), undoes the step ({@link #undoBeforeUpdate}) and says so.
     */
    private void changedData() {
        int bad = batches.x.firstNonFinite();
        if (bad < 0) return;
        int c = batches.x.cols(), row = batches.rows()[bad / c];
        double v = batches.x.flat(bad);
        undoBeforeUpdate();
        throw new IllegalStateException("Training data " + train + " has " + v + " at row " + row + ", column " + bad % c
                + " (iteration " + iteration + "), but was finite when the trainer checked it: its features were changed"
                + " since. The model, the optimizer's state and the batch order were restored to before this step; fix the"
                + " data, or build the trainer again to have it checked.");
    }

    private double lossOf(Matrix out) {
        double value = loss.forward(out, batches.t);
        for (Regularizer r : regularizers) for (Parameter p : params) value += r.penalty(p);
        return value;
    }

    private void backward() {
        model.backwardParameters(loss.backward());
        for (Regularizer r : regularizers) for (Parameter p : params) r.addGradient(p);
    }

    private void update(int i, double lr) {
        optimizer.update(params.get(i).value(), params.get(i).grad(), states[i], lr);
        for (Regularizer r : regularizers) r.afterUpdate(params.get(i), lr);
    }

    /**
     * After parameter {@code updated} was updated and its check failed: finds what is not finite, gradients first (of
     * every parameter, as a check before the updates would), then the new values; undoes the step and throws. Returns
     * when everything is finite (Σ g² overflowed).
     */
    private void checkFinite(int updated, double lr) {
        for (int i = 0; i < params.size(); i++) {
            Matrix g = params.get(i).grad();
            int bad = g.firstNonFinite();
            if (bad >= 0) divergedAfterUpdate("the gradient of " + paramNames.get(i) + " is " + g.flat(bad), lr, updated);
        }
        Matrix w = params.get(updated).value();
        int bad = w.firstNonFinite();
        if (bad >= 0) divergedAfterUpdate("after the update, the value of " + paramNames.get(updated) + " is " + w.flat(bad), lr, updated);
    }

    /** Undoes a step that failed before any update: the model's buffers and the batch position as they were. */
    private void undoBeforeUpdate() {
        buffersBefore.restore();
        batches.repeat();
    }

    /** Before any update: puts the buffers back, and throws. */
    private void diverged(String what, double lr) {
        undoBeforeUpdate();
        throw divergence(what, lr, "The model, the optimizer's state and the batch order were restored to before this step.");
    }

    /**
     * After parameters 0 .. updated were updated: restores the checkpoint, replays the steps since, checks that
     * redoing this step gives what the failure left, puts the state before this step back, and throws.
     */
    private void divergedAfterUpdate(String what, double lr, int updated) {
        if (recorder != null) recorder.settle();   // before the replay overwrites the layers' outputs
        int since = checkpointAt;
        if (putBackBeforeThisStep(lr, updated, -1, null)) {
            throw divergence(what, lr, "The model, the optimizer's state and the batch order were restored to before this step.");
        }
        throw divergence(what, lr, "The model could not be restored: it was changed outside this trainer since iteration "
                + since + ", so replaying the steps since then did not reproduce it; it is left as the failed update left it.");
    }

    /**
     * After the update of parameter {@code failed} threw: puts back the state before this step as
     * {@link #divergedAfterUpdate} does, and returns the exception to throw, which names the parameter and says whether
     * the model was restored. The check leaves out the failed parameter and its state, which the throw may have left
     * half-updated.
     */
    private IllegalStateException undoFailedUpdate(int failed, double lr, RuntimeException e) {
        if (recorder != null) recorder.settleAfter(e);   // before the replay overwrites the layers' outputs
        int since = checkpointAt;
        boolean restored = putBackBeforeThisStep(lr, failed - 1, failed, e);
        String what = "Updating " + paramNames.get(failed) + " at iteration " + iteration + " with " + optimizer
                + (regularizers.isEmpty() ? "" : " and " + regularizers) + " threw " + e + ". ";
        if (restored) {
            return new IllegalStateException(what + "The model, the optimizer's state and the batch order were restored to"
                    + " before this step; fix the update, then train on.", e);
        }
        return new IllegalStateException(what + "The model could not be restored: it was changed outside this trainer since"
                + " iteration " + since + ", so replaying the steps since then did not reproduce it; it is left as the failed"
                + " update left it.", e);
    }

    /**
     * Restores the checkpoint, replays the steps since it, then this step with parameters 0 .. lastUpdate updated, and
     * checks that this gives what the failure left (leaving out parameter {@code skipped} and its state, if ≥ 0). If it
     * does, puts back the state before this step and returns true; if not (or the replay threw: added to
     * {@code failure} when given), leaves everything as the failure left it, drops the checkpoint and returns false.
     * Either way the next step draws this step's batch again.
     */
    private boolean putBackBeforeThisStep(double lr, int lastUpdate, int skipped, Throwable failure) {
        Snapshot failed = Snapshot.of(model, states);
        failed.save();
        boolean restored;
        try {
            checkpoint.restore();
            for (int j = checkpointAt; j < iteration; j++) replay(replayRows[j - checkpointAt], optimizer.lrAt(j), params.size() - 1);
            Snapshot before = Snapshot.of(model, states);
            before.save();
            replay(replayRows[iteration - checkpointAt], lr, lastUpdate);
            restored = skipped < 0 ? failed.reproduces()
                    : failed.reproducesExcept(params.get(skipped).value().array(), states[skipped]);
            if (restored) before.restore();
        } catch (RuntimeException replayFailed) {
            if (failure != null) failure.addSuppressed(replayFailed);
            restored = false;
        }
        batches.repeat();
        if (!restored) {
            failed.restore();
            checkpointAt = -1;
        }
        return restored;
    }

    /** One step again on these rows, with parameters 0 .. lastUpdate updated, without checks or records. */
    private void replay(int[] rows, double lr, int lastUpdate) {
        batches.load(rows);
        lossOf(forward());
        backward();
        for (int i = 0; i <= lastUpdate; i++) update(i, lr);
    }

    private ArithmeticException divergence(String what, double lr, String after) {
        return new ArithmeticException("Training diverged at iteration " + iteration + " (epoch " + iteration / batches.batchesPerEpoch()
                + "): " + what + ". The learning rate " + lr + " of " + optimizer + " is probably too high; try one 10 times"
                + " smaller. " + after);
    }

    private TrainingStep record(TrainingStep step) {
        history.add(step);
        if (++iteration % batches.batchesPerEpoch() == 0) endEpoch();
        return step;
    }

    private void endEpoch() {
        checkpointAt = -1;   // evaluating and restore-best may change the model: the next step saves a new checkpoint
        EpochResult e = history.endEpoch(validation == null ? null : Evaluation.of(model, validation, loss, batchSize),
                recorder == null ? null : recorder.epochMeans());
        if (history.warning() == null) history.warn(DivergenceRule.check(history, optimizer));
        if (monitor != null) {
            String what = validation != null ? "validation loss" : "training loss";
            stopRequested = monitor.stop(e.epoch(), validation != null ? e.validationLoss() : e.loss(), what, history);
        }
        progress.epoch(e);
    }

    /** Trains for this many more epochs (n / batchSize steps each), or until early stopping; returns the history so far. */
    public History fit(int epochs) {
        Check.positive("number of epochs", epochs);
        start();
        return fitIterations(epochs * batches.batchesPerEpoch());
    }

    /** Trains for this many more steps, or until early stopping; returns a copy of the history so far. */
    public History fitIterations(int iterations) {
        Check.positive("number of iterations", iterations);
        start();
        stopRequested = false;
        checkpointAt = -1;
        history.startFit();
        if (monitor != null) monitor.reset();
        for (int i = 0; i < iterations && !stopRequested; i++) progress.update(step(), iterations);
        History h = history.copy();
        progress.done(h);
        return h;
    }

    /** Loss and accuracy on a data set in evaluation mode, by chunks of the batch size; does not start training. */
    public Evaluation evaluate(Dataset data) {
        if (data != train && data != validation) BatchLoader.check(model, data, "Evaluation");
        return Evaluation.of(model, data, loss, batchSize);
    }

    /** A copy of everything recorded so far. */
    public History history() { return history.copy(); }

    public Sequential model() { return model; }

    /** Updates done so far. */
    public int iteration() { return iteration; }

    @Override
    public String toString() {
        return "Trainer(" + model + ", " + optimizer + ", " + loss + ", batchSize=" + batchSize
                + (replacement ? ", replacement" : "") + ", seed=" + seed
                + (regularizers.isEmpty() ? "" : ", " + regularizers) + (earlyStopping == null ? "" : ", " + earlyStopping) + ")";
    }
}
