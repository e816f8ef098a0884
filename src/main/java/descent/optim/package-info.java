/**
 * Optimizers (one class per algorithm over the small {@link descent.optim.Optimizer} interface), their per-parameter {@link descent.optim.State}, and the trajectories they trace.
 */
package descent.optim;
