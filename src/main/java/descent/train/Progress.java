package descent.train;

/**
 * Live feedback while {@link Trainer#fit} runs. Small on purpose: a JShell progress bar ({@link #console()}) and a
 * Jupyter live chart (in {@code descent.notebook}, found through {@link ProgressProvider}) implement the same three
 * calls.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * trainer.progress(Progress.console()).fit(5);    // epoch 5 [=====...=====] 100%  it 50/50  loss 0.5981  acc 0.719  val 0.563
 * trainer.progress(Progress.none()).fit(5);       // silent
 * trainer.progress(Progress.live()).fit(5);       // what suits where you are: a live chart in Jupyter, else the bar
 * }</pre>
 */
public interface Progress {

    /** After every step; {@code totalIterations} is the number the current fit will run at most. */
    void update(TrainingStep step, int totalIterations);

    /** After every epoch. */
    default void epoch(EpochResult epoch) {
    }

    /** When fit returns (finished, or stopped early). */
    void done(History history);

    /** Nothing shown. */
    static Progress none() {
        return new Progress() {
            @Override
            public void update(TrainingStep step, int totalIterations) {
            }

            @Override
            public void done(History history) {
            }

            @Override
            public String toString() {
                return "Progress.none()";
            }
        };
    }

    /**
     * The progress display that suits the environment: the first {@link ProgressProvider#active() active}
     * {@link ProgressProvider} makes it (inside a JJava notebook, a loss and accuracy chart that updates in place
     * and stays as a figure: {@code descent.notebook.JupyterProgress}); anywhere else it is {@link #console()}.
     */
    static Progress live() {
        for (ProgressProvider p : ProgressProvider.installed()) {
            boolean active;
            try {
                active = p.active();
            } catch (LinkageError e) {
                active = false;   // the provider's kernel classes are not on this class path
            }
            if (active) return p.create();
        }
        return console();
    }

    /** One progress-bar line on standard output, redrawn in place with {@code \r}. */
    static Progress console() {
        return new ConsoleProgress(System.out, 100);
    }
}
