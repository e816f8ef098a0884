package descent.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** tablesaw's Figure starts its Pebble template engine; this runs on JDK 17 and, with Pebble 3.1.6, on JDK 25. */
class TablesawFigureTest {

    @Test
    void tablesawFiguresStartOnThisJava() {
        var fig = new tech.tablesaw.plotly.components.Figure(
                tech.tablesaw.plotly.components.Layout.builder("t").build(), LineTrace.of(new double[] {1}, new double[] {2}));
        assertTrue(fig.asJavascript("d").contains("var trace0"), "Java " + Runtime.version());
    }
}
