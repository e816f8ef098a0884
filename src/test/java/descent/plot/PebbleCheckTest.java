package descent.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PebbleCheckTest {

    @Test
    void pebbleReadsDescentsListWhoseMethodsAllExist() {
        assertTrue(PebbleCheck.resource().toString().contains("classes"),
                "descent's copy precedes pebble's jar: " + PebbleCheck.resource());
        assertEquals(List.of(), PebbleCheck.missingMethods());
        PebbleCheck.check();
    }

    @Test
    void tablesawFiguresStart() {
        var fig = new tech.tablesaw.plotly.components.Figure(
                tech.tablesaw.plotly.components.Layout.builder("t").build(), LineTrace.of(new double[] {1}, new double[] {2}));
        assertTrue(fig.asJavascript("d").contains("var trace0"));
    }
}
