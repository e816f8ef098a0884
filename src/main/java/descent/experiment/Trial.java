package descent.experiment;

import descent.base.Format;

/**
 * One configuration of a {@link RandomSearch} and how it did.
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.blobs(300, 3, 0.4, 2), 0.3, 1);
 * var search = RandomSearch.book().withSetup(new NetSetup(1, 16, Optimizers.sgd(0.1), 30, 8, 0)).withLr(1e-3, 1);
 * search.trial(0, split.train(), split.test())   // Trial(trial=0, seed=..., lr=..., weightDecay=..., trainAccuracy=..., ...)
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
        return "Trial(trial=" + trial + ", seed=" + seed + ", lr=" + Format.number(lr) + ", weightDecay=" + Format.number(weightDecay)
                + ", trainAccuracy=" + Format.number(trainAccuracy) + ", validationAccuracy=" + Format.number(validationAccuracy)
                + ", validationLoss=" + Format.number(validationLoss) + (diverged ? ", diverged" : "") + ")";
    }
}
