package descent.train;

import descent.base.Format;

/**
 * The summary of one epoch: means of its mini-batch losses and accuracies, and the validation set's evaluation.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * var history = trainer.fit(10);
 * history.epochResults().get(9);   // EpochResult(epoch=9, loss=0.593169, accuracy=0.6625, validationLoss=0.647797, validationAccuracy=0.5375)
 * history.epochs()                 // the same numbers as a table, one row per EpochResult
 * }</pre>
 *
 * @param epoch              0-based epoch number
 * @param iterations         updates done by the end of this epoch
 * @param loss               mean mini-batch loss over the epoch (training mode, before each update)
 * @param accuracy           mean mini-batch accuracy over the epoch
 * @param validationLoss     loss on the validation set at the end of the epoch, NaN without one
 * @param validationAccuracy accuracy on the validation set, NaN without one
 * @param lr                 learning rate of the epoch's last update
 */
public record EpochResult(int epoch, int iterations, double loss, double accuracy, double validationLoss,
                          double validationAccuracy, double lr) {
    @Override
    public String toString() {
        return "EpochResult(epoch=" + epoch + ", loss=" + Format.number(loss, 6) + ", accuracy=" + Format.number(accuracy)
                + ", validationLoss=" + Format.number(validationLoss, 6) + ", validationAccuracy=" + Format.number(validationAccuracy) + ")";
    }
}
