/**
 * Ready-made comparisons from the lectures, each returning a table and a figure:
 * {@link descent.experiment.Compare#optimizers} (notebooks 01–02);
 * {@link descent.experiment.LossSurfaces}, {@link descent.experiment.LossComparison} (03, classification);
 * {@link descent.experiment.FeatureScaling}, {@link descent.experiment.BatchNormSteps},
 * {@link descent.experiment.BatchNormSweep} (04, batch normalization);
 * {@link descent.experiment.GradientFlow}, {@link descent.experiment.ActivationHistograms},
 * {@link descent.experiment.ActivationComparison}, {@link descent.experiment.InitComparison} (05, activations and
 * initialization); {@link descent.experiment.Overfitting} (06, early stopping, weight decay, dropout),
 * {@link descent.experiment.OptimizerRace} (07, optimizers on Fashion-MNIST), {@link descent.experiment.RandomSearch}
 * (08, hyperparameter search).
 *
 * <p>One idiom: every experiment that trains networks takes a {@link descent.experiment.NetSetup} (hidden layers,
 * width, initializer, optimizer, batch size, epochs, seed) first, then the data, then what it varies, as
 * {@code Overfitting.dropout(setup, train, test, 0.2)} or {@code LossComparison.run(setup, train, test)}; a race or
 * search with settings of its own is a record holding a {@code NetSetup}. Runs are seeded; several trainings run in
 * parallel ({@link descent.base.Parallel#map}) with per-run seeds, so results do not depend on thread timing.
 */
package descent.experiment;
