package descent.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableFormatTest {

    @Test
    void numbersShowFourSignificantDigitsAndTheExactValueOnRequest() {
        Table t = Table.create("h", IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("accuracy", 0.9849999999999998, 6.938522015366697e-05, 6.4e60),
                DoubleColumn.create("x", -7.0, -1.7999999999999998, Double.NaN));
        assertEquals("""
                h: 3 rows x 3 columns
                epoch   accuracy     x
                    1      0.985    -7
                    2  6.939e-05  -1.8
                    3    6.4e+60
                """, TableFormat.text(t), "NaN is Tablesaw's missing value: an empty cell");
        assertEquals("""
                h: 3 rows x 3 columns
                epoch               accuracy                    x
                    1     0.9849999999999998                 -7.0
                    2  6.938522015366697e-05  -1.7999999999999998
                    3                6.4e+60
                """, TableFormat.text(t, TableFormat.EXACT));
        assertEquals(TableFormat.text(t, 17), Tables.exact(t).text());
        assertEquals(TableFormat.html(t, 17), Tables.exact(t).html());
        var e = assertThrows(IllegalArgumentException.class, () -> TableFormat.text(t, 0));
        assertEquals("Invalid digits: 0; expected a whole number in [1, 17]; 4 rounds for reading, 17 shows every digit.",
                e.getMessage());
    }

    @Test
    void htmlRoundsWithTheExactValueOnHoverAndNeverWrapsANumber() {
        Table t = Table.create("h", DoubleColumn.create("x", 6.938522015366697e-05, 2.5, -7.0));
        String html = TableFormat.html(t);
        assertTrue(html.contains("<td style=\"padding:2px 8px;text-align:right;white-space:nowrap\" "
                + "title=\"6.938522015366697e-05\">6.939e-05</td>"), html);
        assertTrue(html.contains("<td style=\"padding:2px 8px;text-align:right;white-space:nowrap\">2.5</td>"),
                "no tooltip when nothing is rounded");
        assertTrue(html.contains(">-7</td>"), html);
        assertTrue(html.contains("title=\"numbers rounded to 4 significant digits; hover one for its exact value,"
                + " or show all with Tables.exact(table)\""), html);
        String exact = TableFormat.html(t, TableFormat.EXACT);
        assertTrue(exact.contains(">6.938522015366697e-05</td>") && !exact.contains("title=\"6.9"), exact);
    }

    @Test
    void htmlEscapesCellsHeadersAndCaption() {
        Table t = Table.create("a <b> & \"c\"",
                StringColumn.create("<name>", "x<y", "it's & done"),
                DoubleColumn.create("v", -1.7999999999999998, 2.5));
        String html = TableFormat.html(t);
        assertTrue(html.contains("\">a &lt;b&gt; &amp; &quot;c&quot;: 2 rows x 2 columns</caption>"), html);
        assertTrue(html.contains(">&lt;name&gt;</th>"));
        assertTrue(html.contains(">x&lt;y</td>"));
        assertTrue(html.contains(">it&#39;s &amp; done</td>"));
        assertTrue(html.contains("title=\"-1.7999999999999998\">-1.8</td>"), html);
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
