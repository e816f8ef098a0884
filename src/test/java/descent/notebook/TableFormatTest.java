package descent.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableFormatTest {

    @Test
    void numbersReadablyWithExactValueKept() {
        assertEquals("-6.335", TableFormat.number(-6.335));
        assertEquals("-7", TableFormat.number(-7.0));
        assertEquals("-1.7999999999999998", TableFormat.number(-1.7999999999999998), "every digit, as the book prints it");
        assertEquals("-4.695613654375", TableFormat.number(-4.695613654375));
        assertEquals("0.1", TableFormat.number(0.1), "shortest round-trip text, not the binary expansion");
        assertEquals("0.95", TableFormat.number(0.95));
        assertEquals("1.5e-08", TableFormat.number(1.5e-8));
        assertEquals("0.0001", TableFormat.number(1e-4));
        assertEquals("NaN", TableFormat.number(Double.NaN));
    }

    @Test
    void htmlEscapesCellsHeadersAndCaption() {
        Table t = Table.create("a <b> & \"c\"",
                StringColumn.create("<name>", "x<y", "it's & done"),
                DoubleColumn.create("v", -1.7999999999999998, 2.5));
        String html = TableFormat.html(t);
        assertTrue(html.contains("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">"
                + "a &lt;b&gt; &amp; &quot;c&quot;: 2 rows x 2 columns</caption>"), html);
        assertTrue(html.contains(">&lt;name&gt;</th>"));
        assertTrue(html.contains(">x&lt;y</td>"));
        assertTrue(html.contains(">it&#39;s &amp; done</td>"));
        assertTrue(html.contains("<td style=\"padding:2px 8px;text-align:right\">-1.7999999999999998</td>"),
                "doubles show exactly, with no tooltip when nothing is rounded");
        assertTrue(html.contains("<td style=\"padding:2px 8px;text-align:right\">2.5</td>"), "no tooltip when nothing is rounded");
        assertFalse(html.contains("<name>"));
    }

    @Test
    void longTablesShowHeadAndTail() {
        Table t = Table.create("long", IntColumn.create("i", IntStream.range(0, 100).toArray()));
        String html = TableFormat.html(t);
        assertTrue(html.contains(">14</td>") && !html.contains(">15</td>"), "first 15 rows");
        assertTrue(html.contains("… 80 more rows …"));
        assertTrue(html.contains(">95</td>") && html.contains(">99</td>") && !html.contains(">94</td>"), "last 5 rows");
        String text = TableFormat.text(t);
        assertEquals(1 + 1 + 15 + 1 + 5, text.lines().count(), "caption, header, head, gap, tail");
        assertTrue(text.contains("... 80 more rows ..."));
    }

    @Test
    void textIsAligned() {
        Table t = Table.create("t", StringColumn.create("name", "sgd", "momentum"), DoubleColumn.create("lr", 0.95, 0.1));
        assertEquals("""
                t: 2 rows x 2 columns
                name        lr
                sgd       0.95
                momentum   0.1
                """, TableFormat.text(t));
    }
}
