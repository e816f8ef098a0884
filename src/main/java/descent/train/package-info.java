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
 * {@link descent.train.Trainer} holds its configuration and the step, and holds one {@link descent.optim.State} per
 * parameter tensor for any {@link descent.optim.Optimizer}. Each other concern of a training run has a small class:
 * <pre>
 *   BatchLoader         the next mini-batch, gathered into reused buffers; checks data against the model
 *   Snapshot            model tensors and optimizer states saved and restored (checkpoint for rollback, restore-best)
 *   EarlyStoppingMonitor best loss, patience counter and best weights during one fit (the rule: EarlyStopping)
 *   LayerStatsRecorder  per-layer activation and gradient statistics per step and per epoch (LayerStats)
 *   Beside              the activation statistics on the second core (HelperThread) while the step updates the weights
 *   DivergenceRule      when a finite but growing loss is flagged in History.warning()
 *   Evaluation.of       loss and accuracy of a model on a data set, without a trainer
 *   History             what was recorded, as tables; each fit returns a copy
 * </pre>
 * User guide: {@code docs/networks.md}.
 */
package descent.train;
