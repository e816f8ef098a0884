package descent.notebook;

import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.train.EpochResult;
import descent.train.TrainingStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The figure {@link JupyterProgress} draws: loss (left) and accuracy (right) against the iteration, each with the
 * mini-batch values as a thin line, the epoch means as dots, and the validation set's values as a dashed line.
 *
 * <pre>
 *  step k     -> (k + 1, loss), (k + 1, accuracy)              thin, light: mini-batch noise
 *  epoch e    -> (iterations done, mean loss / mean accuracy)  "train (epoch mean)", a dot each up to MAX_DOTS epochs
 *                (iterations done, validation loss / accuracy) "validation", when there is a validation set
 *  more than MAX_POINTS steps: neighbours are averaged in pairs and later steps in blocks of 2, 4, ...,
 *  so an update never carries more than MAX_POINTS points per curve
 * </pre>
 */
final class LiveChart {
    static final int MAX_POINTS = 1000;
    /** Most epochs drawn with a dot each. */
    static final int MAX_DOTS = 40;
    private static final String TRAIN = "#1f77b4", VALIDATION = "#d62728";

    private double[] x = new double[64], loss = new double[64], acc = new double[64];
    private int n;
    private int block = 1;                 // steps averaged into one point
    private double bx, bl, ba;             // the block being summed
    private int inBlock;
    private final List<EpochResult> epochs = new ArrayList<>();

    void add(TrainingStep s) {
        bx += s.iteration() + 1;
        bl += s.loss();
        ba += s.accuracy();
        if (++inBlock < block) return;
        if (n == x.length) {
            x = Arrays.copyOf(x, 2 * n);
            loss = Arrays.copyOf(loss, 2 * n);
            acc = Arrays.copyOf(acc, 2 * n);
        }
        x[n] = bx / inBlock;
        loss[n] = bl / inBlock;
        acc[n] = ba / inBlock;
        n++;
        bx = bl = ba = 0;
        inBlock = 0;
        if (n >= MAX_POINTS) halve();
    }

    private void halve() {
        int m = n / 2;
        for (int i = 0; i < m; i++) {
            x[i] = (x[2 * i] + x[2 * i + 1]) / 2;
            loss[i] = (loss[2 * i] + loss[2 * i + 1]) / 2;
            acc[i] = (acc[2 * i] + acc[2 * i + 1]) / 2;
        }
        if (n % 2 == 1) {
            x[m] = x[n - 1];
            loss[m] = loss[n - 1];
            acc[m] = acc[n - 1];
            m++;
        }
        n = m;
        block *= 2;
    }

    void add(EpochResult e) {
        epochs.add(e);
    }

    /** Points per curve so far (for tests: never above {@link #MAX_POINTS}). */
    int points() {
        return n;
    }

    /** Loss and accuracy side by side, titled with the progress line. */
    PlotlyFigure figure(String title) {
        double[] ex = new double[epochs.size()], el = new double[ex.length], ea = new double[ex.length];
        double[] vl = new double[ex.length], va = new double[ex.length];
        boolean validation = false;
        for (int i = 0; i < ex.length; i++) {
            EpochResult e = epochs.get(i);
            ex[i] = e.iterations();
            el[i] = e.loss();
            ea[i] = e.accuracy();
            vl[i] = e.validationLoss();
            va[i] = e.validationAccuracy();
            validation |= !Double.isNaN(e.validationLoss()) || !Double.isNaN(e.validationAccuracy());
        }
        double[] sx = Arrays.copyOf(x, n);
        PlotlyFigure lossPanel = panel("loss", sx, Arrays.copyOf(loss, n), ex, el, validation ? vl : null);
        PlotlyFigure accPanel = panel("accuracy", sx, Arrays.copyOf(acc, n), ex, ea, validation ? va : null)
                .withYRange(0, 1.02);
        return Subplots.of(title, 2, lossPanel, accPanel).withHeight(PlotlyFigure.DEFAULT_HEIGHT)
                .withLayout("title.font.size", 15);
    }

    private PlotlyFigure panel(String what, double[] sx, double[] sy, double[] ex, double[] ey, double[] vy) {
        List<LineTrace> traces = new ArrayList<>();
        traces.add(LineTrace.of(sx, sy).lines().color(TRAIN).width(1).with("opacity", 0.35)
                .name(block == 1 ? "train (mini-batch)" : "train (mean of " + block + " mini-batches)"));
        // a dot per epoch while they can be told apart; beyond that the dots would hide the lines
        boolean dots = ex.length <= MAX_DOTS;
        LineTrace mean = LineTrace.of(ex, ey).color(TRAIN).width(2).name("train (epoch mean)");
        traces.add(dots ? mean.marker("circle", 7, TRAIN) : mean.lines());
        if (vy != null) {
            LineTrace val = LineTrace.of(ex, vy).color(VALIDATION).width(2).dash("dash").name("validation");
            traces.add(dots ? val.marker("diamond", 8, VALIDATION) : val.lines());
        }
        return PlotlyFigure.of(what, traces.toArray(LineTrace[]::new)).withAxisTitles("iteration", what);
    }
}
