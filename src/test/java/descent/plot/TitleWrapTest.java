package descent.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitleWrapTest {

    @Test
    void shortTitlesStayAsTheyAre() {
        String t = "x²/20 + y²<br><span style=\"font-size:13px\">SGD(lr=0.95) after 30 steps: f = 0.01</span>";
        assertSame(t, TitleWrap.wrap(t, TitleWrap.LINE));
    }

    @Test
    void longLinesBreakAtSpacesOutsideTagsWithinTheLimit() {
        String t = "Activation functions learned by the first 4 units of Maxout(2, 16, k=2) and x<sup>2 + 1</sup> "
                + "with more words after it to pass seventy characters";
        String w = TitleWrap.wrap(t, 40);
        for (String line : w.split("<br>")) {
            assertTrue(TitleWrap.visibleLength(line) <= 40, "line too long: " + line);
        }
        assertTrue(w.contains("x<sup>2 + 1</sup>"), "a tag's own spaces are no break: " + w);
        assertEquals(t, w.replace("<br>", " "), "only spaces became breaks");
        assertEquals(3, TitleWrap.visibleLength("a&amp;<b>c</b>"), "an entity is one character, tags none");
    }

    @Test
    void trailingDetailsGoUnderTheHeadInSmallerType() {
        String t = "Batch norm vs none across weight scales (1000 images of fashion-mnist-train, 5 hidden layers of "
                + "100 ReLU, SGD(lr=0.01), batch 100, 20 epochs, seed 7)";
        String w = TitleWrap.wrap(t, TitleWrap.LINE);
        assertTrue(w.startsWith("Batch norm vs none across weight scales<br>" + TitleWrap.SMALL + "(1000 images"), w);
        assertTrue(w.endsWith("seed 7)</span>"), w);
        for (String line : w.split("<br>")) assertTrue(TitleWrap.visibleLength(line) <= TitleWrap.SMALL_LINE, line);
        assertEquals(t, PlotlyFigure.plain(w).replace(" · ", " ").replace("scales (", "scales ("), "same words");
    }

    @Test
    @SuppressWarnings("unchecked")
    void panelTitlesWrapToTheirPanel() {
        var panel = PlotlyFigure.of("one-hot regression (MSE on scores): test accuracy 0.92",
                LineTrace.of(new double[] {0, 1}, new double[] {1, 2}));
        var grid = Subplots.of("three", 3, panel, panel, panel);
        var notes = (List<Map<String, Object>>) grid.layout().get("annotations");
        String text = (String) notes.get(0).get("text");
        assertTrue(text.contains("<br>"), text);
        for (String line : text.split("<br>")) assertTrue(line.length() <= 35, "fits a third of 800 px: " + line);
    }
}
