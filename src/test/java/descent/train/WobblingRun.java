package descent.train;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A run for early-stopping tests: spirals split into alternate rows for training and validation, with a learning
 * rate high enough to overfit and wobble, patience 3, and the first layer's weights recorded at every epoch end.
 */
final class WobblingRun {
    final Mlp net = Mlp.of(2, 64, 64, 2).seed(9);
    final List<Matrix> weightsAtEpochEnd = new ArrayList<>();
    final Dataset validation;
    final Trainer trainer;

    WobblingRun() {
        Dataset all = Datasets.spirals(120, 0.3, 8);
        int[] even = new int[60], odd = new int[60];
        for (int i = 0; i < 60; i++) {
            even[i] = 2 * i;
            odd[i] = 2 * i + 1;
        }
        validation = all.rows(odd);
        trainer = Trainer.of(net, all.rows(even), Optimizers.sgd(0.5)).batchSize(10).seed(10).validation(validation)
                .earlyStopping(EarlyStopping.patience(3))
                .progress(new Progress() {
                    public void update(TrainingStep s, int total) {
                    }

                    public void epoch(EpochResult e) {
                        weightsAtEpochEnd.add(net.namedParameters().get("0.W").value().copy());
                    }

                    public void done(History h) {
                    }
                });
    }
}
