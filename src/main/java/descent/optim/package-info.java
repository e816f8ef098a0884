/**
 * Optimizers, one class per algorithm over the small {@link descent.optim.Optimizer} interface (SGD, Momentum,
 * Nesterov, AdaGrad, RMSProp, Adam, AdamW, RAdam; factories in {@link descent.optim.Optimizers}), their
 * per-parameter {@link descent.optim.State}, step-by-step runs ({@link descent.optim.Descent}), stopping rules
 * ({@link descent.optim.Stop}) and the trajectories they trace.
 */
package descent.optim;
