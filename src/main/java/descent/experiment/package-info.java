/**
 * Ready-made comparisons from the lectures, each returning a table and a figure:
 * {@link descent.experiment.Compare#optimizers} (notebooks 01–02);
 * {@link descent.experiment.LossSurfaces}, {@link descent.experiment.LossComparison} (03, classification);
 * {@link descent.experiment.FeatureScaling}, {@link descent.experiment.BatchNormSteps},
 * {@link descent.experiment.BatchNormSweep} (04, batch normalization);
 * {@link descent.experiment.GradientFlow}, {@link descent.experiment.ActivationHistograms},
 * {@link descent.experiment.ActivationComparison}, {@link descent.experiment.InitComparison} (05, activations and
 * initialization). Runs are seeded; several trainings run in parallel with per-run seeds, so results do not depend on
 * thread timing.
 */
package descent.experiment;
