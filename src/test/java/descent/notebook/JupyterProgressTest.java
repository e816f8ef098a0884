package descent.notebook;

import descent.data.Datasets;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.train.Progress;
import descent.train.Trainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JupyterProgressTest {

    /** Records what a notebook would receive. */
    static final class Recording implements JupyterProgress.Display {
        final List<String> calls = new ArrayList<>();
        int shown;

        @Override
        public String show(String html, String text) {
            shown++;
            calls.add("show " + text);
            return "id" + shown;
        }

        @Override
        public void update(String id, String html, String text) {
            calls.add("update " + id + " " + text);
            assertTrue(html.startsWith("<div"), "html output: " + html);
        }
    }

    @Test
    void oneOutputPerFitUpdatedInPlaceAndEndingWithTheSummary() {
        var display = new Recording();
        var data = Datasets.spirals(100, 0.05, 2);
        var trainer = Trainer.of(Mlp.of(2, 8, 2).seed(1), data, Optimizers.sgd(0.1)).batchSize(10).seed(3)
                .progress(new JupyterProgress(display, 60_000));
        var history = trainer.fit(3);
        assertEquals(1, display.shown, "one display per fit: " + display.calls);
        // the first step shows the bar, each of the 3 epochs redraws it (the interval is long), done writes the summary
        assertEquals(1 + 3 + 1, display.calls.size(), display.calls.toString());
        assertTrue(display.calls.get(0).startsWith("show   3% epoch 1 · it 1/30 · loss "), display.calls.get(0));
        assertTrue(display.calls.get(3).contains("it 30/30"), display.calls.get(3));
        assertEquals("update id1 " + history, display.calls.get(4));

        trainer.fit(1);
        assertEquals(2, display.shown, "a second fit gets its own output");
    }

    @Test
    void liveProgressIsTheConsoleBarOutsideJupyter() {
        assertTrue(Progress.live().toString().startsWith("ConsoleProgress"), Progress.live().toString());
    }

    @Test
    void rejectsANegativeInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> new JupyterProgress(new Recording(), -1));
        assertTrue(e.getMessage().contains("-1 ms"), e.getMessage());
    }
}
