package descent.train;

import descent.base.Format;

/**
 * What one mini-batch step did.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * var s = trainer.step();
 * s;           // TrainingStep(iteration=0, epoch=0, loss=1.009, accuracy=0.375, lr=0.01)
 * s.layers().toTable()   // index, layer, activationMean, activationStd, gradNorm
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
        return "TrainingStep(iteration=" + iteration + ", epoch=" + epoch + ", loss=" + Format.number(loss) + ", accuracy="
                + Format.number(accuracy) + ", lr=" + Format.number(lr) + ")";
    }
}
