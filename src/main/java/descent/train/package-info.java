/**
 * The trainer, its history, early stopping and progress display.
 *
 * <pre>{@code
 * var trainer = Trainer.of(net, train, Optimizers.sgd(0.1)).batchSize(100).validation(test).seed(1);
 * trainer.step()                  // one mini-batch, as a TrainingStep record
 * trainer.fit(10).epochs()        // a Tablesaw table per epoch
 * }</pre>
 *
 * {@link descent.train.Trainer} holds one {@link descent.optim.State} per parameter tensor and drives any
 * {@link descent.optim.Optimizer}. User guide: {@code docs/networks.md}.
 */
package descent.train;
