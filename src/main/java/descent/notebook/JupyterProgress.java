package descent.notebook;

import descent.base.Check;
import descent.base.Format;
import descent.plot.PlotlyFigure;
import descent.train.EpochResult;
import descent.train.History;
import descent.train.Progress;
import descent.train.TrainingStep;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Training progress in a notebook as a live chart: loss and accuracy (training and validation) against the
 * iteration, redrawn in place while {@code fit} runs and left behind as an ordinary figure output, titled with the
 * progress line. Inside a JJava notebook, {@code Progress.live()} returns one of these (see
 * {@link JJavaProgressProvider}); in JShell it is the console bar.
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * var trainer = Trainer.of(net, split.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(split.test());
 * trainer.progress(Progress.live()).fit(30)    // a chart under the cell, growing while it trains
 * }</pre>
 *
 * While it runs the chart is titled {@code epoch 12/30 · it 120/300 · 0.8 s} over
 * {@code mini-batch loss 0.5123 · acc 0.750 · val loss ... · val acc ...}; at the end it stays as a plain figure titled
 * {@code epoch 30/30 · it 300/300 · 2.1 s} over {@code loss 0.2311 · acc 0.912 · val loss 0.2523 · val acc 0.900} (the
 * last epoch's means).
 *
 * <pre>
 *  first step        display(bundle)            -> one new output under the cell, its display id kept
 *  step or epoch end update(id, bundle)         only if at least intervalMillis passed since the last draw
 *  done(history)     update(id, MimeBundle.of(figure))   always: the output becomes the final figure, rendered
 *                                                 exactly as any figure value would be
 *  next fit          a new output
 * </pre>
 * Live bundles are {@link MimeBundle#of} of the chart with the progress line as text/plain; the final bundle is
 * {@code MimeBundle.of(figure)} unchanged, so the output saves, reloads and exports like every other figure.
 * The kernel is reached only through {@link LiveDisplay} (display, then update by id), so other kernels plug in
 * with their own two calls.
 */
public final class JupyterProgress implements Progress {
    /**
     * How often the chart is redrawn at most, in milliseconds: twice a second. Each redraw replaces the output and
     * Plotly draws it anew; at four a second a busy two-core machine spent most of its time redrawing.
     */
    public static final long DEFAULT_INTERVAL_MS = 500;

    private final LiveDisplay display;
    private final long intervalNanos;
    private final LongSupplier clock;
    private LiveChart chart;
    private String id;
    private long started, lastDraw;
    private int first = -1, firstEpoch, total, perEpoch;
    private TrainingStep last;
    private EpochResult lastEpoch;
    private PlotlyFigure figure;

    /** Progress drawn on {@code display}, redrawn at most every {@code intervalMillis}. */
    public JupyterProgress(LiveDisplay display, long intervalMillis) {
        this(display, intervalMillis, System::nanoTime);
    }

    /** With a clock in nanoseconds, so tests can say exactly when time passes. */
    JupyterProgress(LiveDisplay display, long intervalMillis, LongSupplier clock) {
        if (display == null) {
            throw new IllegalArgumentException("JupyterProgress needs a LiveDisplay; got null. In a JJava notebook use "
                    + "JupyterProgress.jjava() or Progress.live().");
        }
        Check.that(intervalMillis >= 0, "update interval", intervalMillis + " ms", ">= 0 ms",
                "such as " + DEFAULT_INTERVAL_MS);
        this.display = display;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.clock = clock;
    }

    /** The chart in the running JJava kernel, redrawn at most every {@value #DEFAULT_INTERVAL_MS} ms. */
    public static JupyterProgress jjava() {
        return new JupyterProgress(new JJavaDisplay(), DEFAULT_INTERVAL_MS);
    }

    @Override
    public void update(TrainingStep step, int totalIterations) {
        long now = clock.getAsLong();
        if (chart == null) {
            chart = new LiveChart();
            started = now;
            first = step.iteration();
            firstEpoch = step.epoch();
        }
        chart.add(step);
        last = step;
        total = totalIterations;
        maybeDraw(now);
    }

    @Override
    public void epoch(EpochResult epoch) {
        long now = clock.getAsLong();
        if (chart == null) return;   // an epoch without steps: nothing to draw yet
        chart.add(epoch);
        lastEpoch = epoch;
        if (perEpoch == 0) perEpoch = epoch.iterations() - first;
        maybeDraw(now);
    }

    @Override
    public void done(History history) {
        long now = clock.getAsLong();
        if (chart == null) {
            chart = new LiveChart();
            started = now;
        }
        figure = chart.figure(title(finalLines(history, now)));
        Map<String, Object> bundle = new LinkedHashMap<>(MimeBundle.of(figure));
        if (id == null) display.display(bundle);
        else display.update(id, bundle);
        chart = null;
        id = null;
        first = -1;
        perEpoch = 0;
        last = null;
        lastEpoch = null;
    }

    /** The figure the last {@code fit} ended with, or null before the first one ends. */
    public PlotlyFigure figure() {
        return figure;
    }

    private void maybeDraw(long now) {
        if (id != null && now - lastDraw < intervalNanos) return;
        lastDraw = now;
        String[] lines = liveLines(now);
        Map<String, Object> bundle = new LinkedHashMap<>(MimeBundle.of(chart.figure(title(lines))));
        bundle.put(MimeBundle.TEXT_PLAIN, lines[0] + " · " + lines[1]);
        if (id == null) id = display.display(bundle);
        else display.update(id, bundle);
    }

    /** The progress line as a figure title: where and when on top, the numbers smaller below. */
    static String title(String[] lines) {
        return lines[0] + "<br><span style=\"font-size:13px\">" + lines[1] + "</span>";   // numbers and words only
    }

    /** {@code epoch 3/5 · it 25/50 · 1.2 s} and {@code mini-batch loss 0.6123 · acc 0.700 · val loss ... · val acc ...}. */
    private String[] liveLines(long now) {
        int done = last.iteration() - first + 1;
        String where = String.format(Locale.ROOT, "%s · it %d/%d · %s", epochText(last.epoch() - firstEpoch + 1), done,
                total, seconds(now));
        String numbers = "mini-batch loss " + Format.number(last.loss()) + " · acc " + Format.number(last.accuracy(), 3)
                + (lastEpoch == null ? "" : validation(lastEpoch));
        return new String[] {where, numbers};
    }

    /** {@code epoch 5/5 · it 50/50 · 2.0 s} and {@code loss 0.5932 · acc 0.662 · val loss 0.6478 · val acc 0.537}. */
    private String[] finalLines(History history, long now) {
        EpochResult e = history.epochResults().isEmpty() ? null : history.lastEpoch();
        if (e == null) return new String[] {"no epoch finished · " + seconds(now), ""};
        String where = String.format(Locale.ROOT, "%s · it %d/%d · %s%s", epochText(e.epoch() - firstEpoch + 1),
                first < 0 ? e.iterations() : e.iterations() - first, total, seconds(now),
                history.stoppedEarly() ? " · stopped early" : "");
        String numbers = "loss " + Format.number(e.loss()) + " · acc " + Format.number(e.accuracy(), 3) + validation(e);
        return new String[] {where, numbers};
    }

    private static String validation(EpochResult e) {
        return (Double.isNaN(e.validationLoss()) ? "" : " · val loss " + Format.number(e.validationLoss()))
                + (Double.isNaN(e.validationAccuracy()) ? "" : " · val acc " + Format.number(e.validationAccuracy(), 3));
    }

    private String epochText(int epoch) {
        if (perEpoch <= 0 || total <= 0) return "epoch " + epoch;
        int epochs = (total + perEpoch - 1) / perEpoch;
        return "epoch " + epoch + "/" + epochs;
    }

    private String seconds(long now) {
        return String.format(Locale.ROOT, "%.1f s", (now - started) / 1e9);
    }

    @Override
    public String toString() {
        return "JupyterProgress(every " + intervalNanos / 1_000_000 + " ms)";
    }
}
