package descent.notebook;

import descent.plot.Html;
import tech.tablesaw.api.Table;

/**
 * A table shown with other digits than the default four significant ones: in a notebook as an HTML table, in JShell
 * as aligned text.
 *
 * <pre>{@code
 * var path = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * path.toTable();                  // x1 of step 1 shows as -1.8 (hover it for the exact value)
 * Tables.exact(path.toTable());    // every digit: -7.0, 2.0, -6.335, -1.7999999999999998, ... as the book prints them
 * Tables.digits(path.toTable(), 8) // eight significant digits
 * }</pre>
 *
 * Exact means the shortest text that reads back to the same double, the way Python prints a float
 * ({@link descent.base.Format#repr}).
 */
public final class Tables {
    private Tables() {
    }

    /** The table with every digit of every number. */
    public static Html exact(Table table) {
        return digits(table, TableFormat.EXACT);
    }

    /** The table with {@code digits} significant digits (1 to 17). */
    public static Html digits(Table table, int digits) {
        return new Html(TableFormat.html(table, digits), TableFormat.text(table, digits));
    }
}
