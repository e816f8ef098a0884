package descent.train;

/**
 * The summary of one epoch: means of its mini-batch losses and accuracies, and the validation set's evaluation.
 *
 * <pre>{@code
 * history.epochs()    // one row per EpochResult
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
        return String.format(java.util.Locale.ROOT, "EpochResult(epoch=%d, loss=%.6g, accuracy=%.4g, validationLoss=%.6g, validationAccuracy=%.4g)",
                epoch, loss, accuracy, validationLoss, validationAccuracy);
    }
}
