/**
 * Ready-made comparisons from the lectures, each returning a table (and trajectories to plot):
 * {@link descent.experiment.Compare#optimizers}.
 */
package descent.experiment;
