package descent.notebook;

import descent.base.Escape;
import descent.base.Check;
import descent.train.EpochResult;
import descent.train.History;
import descent.train.Progress;
import descent.train.TrainingStep;

import java.util.Locale;

/**
 * Training progress as one notebook output that updates in place: a progress bar with the iteration, loss and
 * accuracy while {@code fit} runs, replaced by the history's summary when it ends. Inside JJava,
 * {@code Progress.live()} returns one of these (descent's extension installs it).
 *
 * <pre>{@code
 * var data = Datasets.spirals(200, 0.05, 1);
 * var net = Mlp.of(2, 16, 2).seed(1);
 * Trainer.of(net, data, Optimizers.adam(0.01)).progress(Progress.live()).fit(5)   // a bar: epoch 5 · it 10/10 · loss 0.6548 · acc 0.600
 * }</pre>
 *
 * Updates are sent at most every {@code intervalMillis} (and at each epoch), so a fast loop does not flood the
 * browser with messages.
 */
public final class JupyterProgress implements Progress {

    /** Where the output goes: a new display, then updates of it. JJava's implementation is {@link #jjava()}. */
    public interface Display {
        /** Shows a new output and returns its display id. */
        String show(String html, String text);

        /** Replaces the output with this id. */
        void update(String id, String html, String text);
    }

    private final Display display;
    private final long intervalNanos;
    private String id;
    private long lastDraw;
    private int first = -1;
    private double validation = Double.NaN;
    private boolean forceNext;

    public JupyterProgress(Display display, long intervalMillis) {
        Check.notNull("display", display);
        Check.that(intervalMillis >= 0, "update interval", intervalMillis + " ms", "a whole number of ms >= 0", "such as 250");
        this.display = display;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Progress in the running JJava kernel, updated at most every 250 ms. */
    public static JupyterProgress jjava() {
        return new JupyterProgress(new JJavaDisplay(), 250);
    }

    @Override
    public void update(TrainingStep step, int totalIterations) {
        if (first < 0) first = step.iteration();
        long now = System.nanoTime();
        int done = step.iteration() - first + 1;
        if (id != null && !forceNext && done < totalIterations && now - lastDraw < intervalNanos) return;
        forceNext = false;
        lastDraw = now;
        draw(step, done, totalIterations);
    }

    @Override
    public void epoch(EpochResult epoch) {
        validation = epoch.validationAccuracy();
        forceNext = true; // the trainer reports the epoch before the step that ended it: draw that step

    }

    @Override
    public void done(History history) {
        String text = history.toString();
        String html = "<div style=\"font-family:monospace\">" + Escape.html(text) + "</div>";
        if (id == null) id = display.show(html, text);
        else display.update(id, html, text);
        id = null;
        first = -1;
        forceNext = false;
        validation = Double.NaN;
    }

    private void draw(TrainingStep step, int done, int total) {
        double fraction = Math.min(1.0, done / (double) Math.max(1, total));
        String line = String.format(Locale.ROOT, "epoch %d · it %d/%d · loss %.4f · acc %.3f%s",
                step.epoch() + 1, done, total, step.loss(), step.accuracy(),
                Double.isNaN(validation) ? "" : String.format(Locale.ROOT, " · val %.3f", validation));
        String html = String.format(Locale.ROOT,
                "<div style=\"font-family:monospace\"><progress value=\"%d\" max=\"%d\" style=\"width:240px;vertical-align:middle\">"
                        + "</progress> %s</div>", done, Math.max(1, total), Escape.html(line));
        String text = String.format(Locale.ROOT, "%3.0f%% %s", 100 * fraction, line);
        if (id == null) id = display.show(html, text);
        else display.update(id, html, text);
    }

    @Override
    public String toString() {
        return "JupyterProgress(every " + intervalNanos / 1_000_000 + " ms)";
    }
}
