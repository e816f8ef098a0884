package descent.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for JShell and terminals: the line is redrawn with a carriage return at most every
 * {@code intervalMillis}, and at every epoch end; {@code done} ends the line and prints the history's summary.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test());
 * trainer.progress(new ConsoleProgress(System.out, 100)).fit(5)   // one line, redrawn at most every 100 ms:
 * }</pre>
 * <pre>
 * epoch 5 [==============================] 100%  it 50/50  loss 0.5981  acc 0.719  val 0.563
 * History(5 epochs, 50 iterations, loss 0.6409, accuracy 0.6375, validation accuracy 0.5625)
 * </pre>
 */
public final class ConsoleProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long intervalNanos;
    private long lastDraw;
    private int first = -1;
    private double lastValidation = Double.NaN;

    public ConsoleProgress(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void update(TrainingStep step, int totalIterations) {
        if (first < 0) first = step.iteration();
        long now = System.nanoTime();
        int done = step.iteration() - first + 1;
        if (done < totalIterations && now - lastDraw < intervalNanos) return;
        lastDraw = now;
        draw(step, done, totalIterations);
    }

    private void draw(TrainingStep step, int done, int total) {
        double fraction = Math.min(1.0, done / (double) Math.max(1, total));
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < WIDTH; i++) bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        out.print(String.format(Locale.ROOT, "\repoch %d [%s] %3.0f%%  it %d/%d  loss %.4f  acc %.3f%s",
                step.epoch() + 1, bar, 100 * fraction, done, total, step.loss(), step.accuracy(),
                Double.isNaN(lastValidation) ? "" : String.format(Locale.ROOT, "  val %.3f", lastValidation)) + "   ");
        out.flush();
    }

    @Override
    public void epoch(EpochResult epoch) {
        lastValidation = epoch.validationAccuracy();
    }

    @Override
    public void done(History history) {
        out.println();
        out.println(history);
        out.flush();
        first = -1;
    }

    @Override
    public String toString() {
        return "ConsoleProgress(every " + intervalNanos / 1_000_000 + " ms)";
    }
}
