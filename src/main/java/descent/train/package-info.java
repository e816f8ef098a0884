/**
 * The trainer, its history, early stopping and progress display.
 *
 * <pre>{@code
 * var data = Datasets.fashionMnist(1000);        // the first 1000 training and 1000 test images
 * var net = Mlp.of(784, 100, 10).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.sgd(0.1)).batchSize(100).validation(data.test()).seed(1);
 * trainer.step();                 // one mini-batch, as a TrainingStep record: TrainingStep(iteration=0, epoch=0, loss=2.731, ...)
 * trainer.fit(3).epochs()         // a Tablesaw table, one row per epoch
 * }</pre>
 *
 * Progress while {@code fit} runs: {@link descent.train.Progress#console()}, {@link descent.train.Progress#none()},
 * and {@link descent.train.Progress#live()}, which asks the {@link descent.train.ProgressProvider}s found on the class
 * path (a notebook's live chart) and falls back to the console bar.
 *
 * {@link descent.train.Trainer} holds one {@link descent.optim.State} per parameter tensor and drives any
 * {@link descent.optim.Optimizer}. User guide: {@code docs/networks.md}.
 */
package descent.train;
