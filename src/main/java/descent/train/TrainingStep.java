package descent.train;

/**
 * What one mini-batch step did.
 *
 * <pre>{@code
 * var s = trainer.step();
 * s            // TrainingStep(iteration=0, epoch=0, loss=2.31, accuracy=0.09, lr=0.1)
 * s.layers().toTable()
 * }</pre>
 *
 * @param iteration 0-based number of this update (the optimizer's step)
 * @param epoch     0-based epoch the step belongs to
 * @param loss      the mini-batch loss before the update, including any regularization penalty
 * @param accuracy  the fraction of the batch whose largest output was the label, before the update
 * @param lr        the learning rate used for the update
 * @param layers    per-layer activation and gradient statistics, or null when the trainer does not record them
 */
public record TrainingStep(int iteration, int epoch, double loss, double accuracy, double lr, LayerStats layers) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TrainingStep(iteration=%d, epoch=%d, loss=%.6g, accuracy=%.4g, lr=%.6g)",
                iteration, epoch, loss, accuracy, lr);
    }
}
