/**
 * Optimizers, one record per algorithm over the small {@link descent.optim.Optimizer} interface (SGD, Momentum,
 * Nesterov, AdaGrad, RMSProp, Adam, AdamW, RAdam; factories in {@link descent.optim.Optimizers}), each file opening
 * with the algorithm and its {@code update}, the shared checks and {@code toString} in one package-private place;
 * their per-parameter {@link descent.optim.State} (with {@code copy}/{@code restoreFrom} for rollback), step-by-step
 * runs ({@link descent.optim.Descent}), stopping rules ({@link descent.optim.Stop}), the divergence rule
 * ({@link descent.optim.Divergence}) and the trajectories they trace.
 */
package descent.optim;
