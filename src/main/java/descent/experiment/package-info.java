/**
 * Ready-made comparisons from the lectures, each returning a table (and trajectories to plot):
 * {@link descent.experiment.Compare#optimizers}.
 * Training experiments of notebooks 06-08 (overfitting, optimizers on Fashion-MNIST, random search):
 * {@link descent.experiment.Overfitting}, {@link descent.experiment.OptimizerRace},
 * {@link descent.experiment.RandomSearch}, configured by {@link descent.experiment.NetSetup}.
 */
package descent.experiment;
