package descent.experiment;

import java.util.Locale;

/**
 * One configuration of a {@link RandomSearch} and how it did.
 *
 * <pre>{@code
 * result.best()   // Trial(trial=17, seed=..., lr=0.006123, weightDecay=2.301e-07, trainAccuracy=0.9125, validationAccuracy=0.79, ...)
 * }</pre>
 *
 * @param trial              index in the search (0-based)
 * @param seed               the trial's seed (weights, batches), derived from the search seed and the index
 * @param lr                 learning rate
 * @param weightDecay        L2 strength λ (loss + λ/2·Σw²)
 * @param trainAccuracy      accuracy on the training set after the last epoch
 * @param validationAccuracy accuracy on the validation set
 * @param validationLoss     cross-entropy on the validation set
 * @param diverged           whether training stopped on a non-finite value
 */
public record Trial(int trial, long seed, double lr, double weightDecay, double trainAccuracy, double validationAccuracy,
                    double validationLoss, boolean diverged) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Trial(trial=%d, seed=%d, lr=%.4g, weightDecay=%.4g, trainAccuracy=%.4g, validationAccuracy=%.4g, validationLoss=%.4g%s)",
                trial, seed, lr, weightDecay, trainAccuracy, validationAccuracy, validationLoss, diverged ? ", diverged" : "");
    }
}
