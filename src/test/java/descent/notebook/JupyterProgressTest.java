package descent.notebook;

import descent.data.Datasets;
import descent.data.Splits;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.plot.FigureHtml;
import descent.plot.LineTrace;
import descent.train.EpochResult;
import descent.train.History;
import descent.train.Progress;
import descent.train.ProgressProvider;
import descent.train.Trainer;
import descent.train.TrainingStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JupyterProgressTest {

    /** Records what a notebook would receive. */
    static final class Recording implements LiveDisplay {
        final List<String> calls = new ArrayList<>();
        final List<Map<String, Object>> bundles = new ArrayList<>();
        int shown;

        @Override
        public String display(Map<String, Object> bundle) {
            shown++;
            calls.add("display " + bundle.get(MimeBundle.TEXT_PLAIN));
            bundles.add(bundle);
            return "id" + shown;
        }

        @Override
        public void update(String id, Map<String, Object> bundle) {
            calls.add("update " + id + " " + bundle.get(MimeBundle.TEXT_PLAIN));
            bundles.add(bundle);
        }
    }

    /** A clock that moves {@code stepMillis} forward every time it is read, starting at 0. */
    static final class Ticking implements java.util.function.LongSupplier {
        final long stepNanos;
        long reads;

        Ticking(long stepMillis) {
            this.stepNanos = stepMillis * 1_000_000L;
        }

        @Override
        public long getAsLong() {
            return stepNanos * reads++;
        }
    }

    private static Trainer trainer() {
        var split = Splits.trainTest(Datasets.spirals(125, 0.05, 2), 0.2, 7);   // 100 training examples
        return Trainer.of(Mlp.of(2, 8, 2).seed(1), split.train(), Optimizers.sgd(0.1)).batchSize(10).seed(3)
                .validation(split.test());
    }

    @Test
    void throttledToOneDrawPerIntervalThenTheFinalFigure() {
        var display = new Recording();
        var clock = new Ticking(100);
        var trainer = trainer().progress(new JupyterProgress(display, 250, clock));
        trainer.fit(3);
        // 3 epochs x 10 steps: 30 update calls + 3 epoch calls read the clock at 0, 100, ..., 3200 ms; a draw needs
        // 250 ms since the previous one, so draws happen at 0, 300, ..., 3000 ms: 11 draws (1 display + 10 updates);
        // done (read at 3300 ms) always sends the final figure: 12 calls in all
        assertEquals(34, clock.reads, "one clock read per step, per epoch and for done");
        assertEquals(1, display.shown, "one output per fit: " + display.calls);
        assertEquals(12, display.calls.size(), String.join("\n", display.calls));
        assertTrue(display.calls.get(0).startsWith("display epoch 1 · it 1/30 · 0.0 s · mini-batch loss "), display.calls.get(0));
        assertTrue(display.calls.get(1).startsWith("update id1 epoch 1 · it 4/30 · 0.3 s · mini-batch loss "),
                "at 300 ms: the fourth step: " + display.calls.get(1));
        assertTrue(display.calls.get(10).startsWith("update id1 epoch 3/3 · it 29/30 · 3.0 s · mini-batch loss "),
                "read 30 (3.0 s) comes after 28 steps and 2 epoch ends: step 29; the number of epochs is known: " + display.calls.get(10));
        assertTrue(display.calls.get(10).contains(" · val loss "), "validation after an epoch: " + display.calls.get(10));
    }

    @Test
    void endsAsTheOrdinaryFigureWithTheProgressLineAsTitle() {
        var display = new Recording();
        var progress = new JupyterProgress(display, 60_000, new Ticking(100));
        History h = trainer().progress(progress).fit(3);
        assertEquals(List.of("display", "update"), display.calls.stream().map(c -> c.split(" ")[0]).toList(),
                "the first step draws; 60 s never pass; done sends the final figure: " + display.calls);
        var fig = progress.figure();
        EpochResult last = h.lastEpoch();
        String title = "epoch 3/3 · it 30/30 · 3.3 s · loss " + descent.base.Format.number(last.loss()) + " · acc "
                + descent.base.Format.number(last.accuracy(), 3) + " · val loss " + descent.base.Format.number(last.validationLoss())
                + " · val acc " + descent.base.Format.number(last.validationAccuracy(), 3);
        assertEquals(title, fig.title(), "plain text of the two-line title");
        assertTrue(fig.layout().get("title").toString().contains("3.3 s<br><span style=\"font-size:13px\">loss "),
                fig.layout().get("title").toString());
        Map<String, Object> end = display.bundles.get(display.bundles.size() - 1);
        assertEquals(MimeBundle.of(fig).keySet(), end.keySet(), "the same MIME types as any figure output");
        assertEquals(FigureHtml.text(fig), end.get(MimeBundle.TEXT_PLAIN), "text/plain of an ordinary figure");
        assertTrue(((String) end.get(MimeBundle.TEXT_HTML)).contains("descent-figure"), "an ordinary figure fragment");
        // the epoch-mean and validation curves hold exactly the history's numbers, at the iteration each epoch ended
        var traces = fig.traces();
        LineTrace epochLoss = (LineTrace) traces.get(1), validationLoss = (LineTrace) traces.get(2);
        assertArrayEquals(new double[] {10, 20, 30}, (double[]) epochLoss.get("x"));
        assertArrayEquals(h.epochResults().stream().mapToDouble(EpochResult::loss).toArray(), (double[]) epochLoss.get("y"));
        assertArrayEquals(h.epochResults().stream().mapToDouble(EpochResult::validationLoss).toArray(),
                (double[]) validationLoss.get("y"));
        assertEquals(30, ((double[]) ((LineTrace) traces.get(0)).get("x")).length, "one point per mini-batch");
    }

    @Test
    void eachFitGetsItsOwnOutput() {
        var display = new Recording();
        var trainer = trainer().progress(new JupyterProgress(display, 60_000, new Ticking(1)));
        trainer.fit(1);
        trainer.fit(1);
        assertEquals(2, display.shown, display.calls.toString());
        assertTrue(display.calls.get(display.calls.size() - 1).startsWith("update id2 Figure 'epoch 1/1 · it 10/10 · "),
                display.calls.get(display.calls.size() - 1));
    }

    @Test
    void longRunsKeepAtMostMaxPointsPerCurve() {
        var chart = new LiveChart();
        for (int k = 0; k < 5000; k++) chart.add(new TrainingStep(k, k / 100, 1.0 / (k + 1), 0.5, 0.1, null));
        assertTrue(chart.points() <= LiveChart.MAX_POINTS && chart.points() >= LiveChart.MAX_POINTS / 2,
                "points: " + chart.points());
        var loss = (double[]) ((LineTrace) chart.figure("t").traces().get(0)).get("y");
        assertEquals((1.0 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4 + 1.0 / 5 + 1.0 / 6 + 1.0 / 7 + 1.0 / 8) / 8, loss[0], 1e-15,
                "the first point averages the first 8 mini-batches");
    }

    @Test
    void liveProgressIsTheConsoleBarOutsideJupyter() {
        assertEquals(List.of("JJavaProgressProvider(active=false)", "IJavaProgressProvider(active=false)"),
                ProgressProvider.installed().stream().map(Object::toString).toList(), "found through META-INF/services");
        assertTrue(Progress.live().toString().startsWith("ConsoleProgress"), Progress.live().toString());
    }

    @Test
    void rejectsANegativeIntervalAndANullDisplay() {
        var e = assertThrows(IllegalArgumentException.class, () -> new JupyterProgress(new Recording(), -1));
        assertTrue(e.getMessage().contains("-1 ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JupyterProgress(null, 250));
    }
}
