package descent.notebook;

import descent.base.Check;
import descent.base.Escape;
import descent.base.Format;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * A Tablesaw {@link Table} as an HTML table (for notebooks) or as aligned text (for JShell and text outputs), with
 * readable numbers.
 *
 * <pre>{@code
 * import descent.notebook.TableFormat;
 * var t = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable();
 * TableFormat.html(t);       // <table class="descent-table"><caption>SGD(lr=0.95) ...; -1.7999999999999998 shows as -1.8
 * TableFormat.text(t);       // SGD(lr=0.95): 31 rows x 6 columns, then aligned columns step, x0, x1, ...
 * TableFormat.text(t, 17);   // every digit, as Python prints it: -7.0, -1.7999999999999998 (what Tables.exact(t) shows)
 * }</pre>
 *
 * <pre>
 *  rows      : all rows up to MAX_ROWS (40); longer tables show the first HEAD (15) and last TAIL (5) rows
 *              with a "... N more rows ..." line between them
 *  doubles   : Format.number(x, digits): 4 significant digits by default (0.985, 6.939e-05, 6.4e+60, -7), plain
 *              from 1e-4 to 1e6, scientific outside; digits = EXACT (17) shows Format.repr(x), the shortest text
 *              that reads back to the same double, as Python prints it and the book quotes it (-7.0, -6.335,
 *              -1.7999999999999998)
 *  html      : numbers right-aligned in tabular figures and never wrapped (white-space:nowrap); a rounded cell's
 *              title attribute holds the exact value, so hovering shows it
 *  text      : HTML-escaped; the table name is the caption, with the size
 * </pre>
 */
public final class TableFormat {
    public static final int MAX_ROWS = 40;
    public static final int HEAD = 15;
    public static final int TAIL = 5;
    /** Significant digits a table shows by default: {@link Format#DIGITS}. */
    public static final int DIGITS = Format.DIGITS;
    /** Digits that show every double exactly. */
    public static final int EXACT = 17;

    private TableFormat() {
    }

    /** The table as an HTML table with {@link #DIGITS} significant digits; hover a number for its exact value. */
    public static String html(Table table) {
        return html(table, DIGITS);
    }

    /** The table as an HTML table with a caption, column headers, and right-aligned numbers of {@code digits} digits. */
    public static String html(Table table, int digits) {
        checkDigits(digits);
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"descent-table\" style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">\n");
        sb.append("<caption style=\"caption-side:top;text-align:left;font-weight:bold\"");
        if (digits < EXACT) {
            sb.append(" title=\"numbers rounded to ").append(digits)
                    .append(" significant digits; hover one for its exact value, or show all with Tables.exact(table)\"");
        }
        sb.append('>').append(Escape.html(caption(table))).append("</caption>\n<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th style=\"padding:2px 8px;text-align:").append(align(c)).append("\" title=\"")
                    .append(Escape.html(c.type().name())).append("\">").append(Escape.html(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r : shownRows(table.rowCount())) {
            if (r < 0) {
                sb.append("<tr><td colspan=\"").append(Math.max(1, table.columnCount()))
                        .append("\" style=\"text-align:center;font-style:italic\">… ")
                        .append(table.rowCount() - HEAD - TAIL).append(" more rows …</td></tr>\n");
                continue;
            }
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                String shown = cell(c, r, digits);
                String exact = rounded(c, r, shown) ? cell(c, r, EXACT) : shown;
                sb.append("<td style=\"padding:2px 8px;text-align:").append(align(c));
                if (numeric(c)) sb.append(";white-space:nowrap");
                sb.append('"');
                if (!exact.equals(shown)) sb.append(" title=\"").append(Escape.html(exact)).append('"');
                sb.append('>').append(Escape.html(shown)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** The table as aligned text with {@link #DIGITS} significant digits. */
    public static String text(Table table) {
        return text(table, DIGITS);
    }

    /** The table as aligned text: caption line, header, rows (numbers right-aligned, {@code digits} digits). */
    public static String text(Table table, int digits) {
        checkDigits(digits);
        List<Column<?>> cols = table.columns();
        List<Integer> rows = shownRows(table.rowCount());
        int[] width = new int[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            width[j] = cols.get(j).name().length();
            for (int r : rows) if (r >= 0) width[j] = Math.max(width[j], cell(cols.get(j), r, digits).length());
        }
        StringBuilder sb = new StringBuilder(caption(table)).append('\n');
        appendLine(sb, cols, width, j -> cols.get(j).name());
        for (int r : rows) {
            if (r < 0) {
                sb.append("... ").append(table.rowCount() - HEAD - TAIL).append(" more rows ...\n");
            } else {
                appendLine(sb, cols, width, j -> cell(cols.get(j), r, digits));
            }
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<Column<?>> cols, int[] width,
                                   java.util.function.IntFunction<String> text) {
        for (int j = 0; j < cols.size(); j++) {
            if (j > 0) sb.append("  ");
            String s = text.apply(j);
            String pad = " ".repeat(width[j] - s.length());
            sb.append(numeric(cols.get(j)) ? pad + s : s + pad);
        }
        // trailing spaces of a left-aligned last column are noise
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        sb.append('\n');
    }

    /** {@code SGD(lr=0.95): 31 rows x 6 columns}. */
    static String caption(Table table) {
        String name = table.name() == null || table.name().isBlank() ? "Table" : table.name();
        return name + ": " + table.rowCount() + (table.rowCount() == 1 ? " row" : " rows") + " x "
                + table.columnCount() + (table.columnCount() == 1 ? " column" : " columns");
    }

    /** Row indices to show, with -1 where the "more rows" line goes. */
    static List<Integer> shownRows(int n) {
        List<Integer> r = new ArrayList<>();
        if (n <= MAX_ROWS) {
            for (int i = 0; i < n; i++) r.add(i);
        } else {
            for (int i = 0; i < HEAD; i++) r.add(i);
            r.add(-1);
            for (int i = n - TAIL; i < n; i++) r.add(i);
        }
        return r;
    }

    /**
     * By the column's class, not by {@code type() == ColumnType.DOUBLE}: Tablesaw creates its type singletons
     * lazily without a lock, so columns made on several threads at once can carry a second DOUBLE instance.
     */
    private static boolean numeric(Column<?> c) {
        return c instanceof NumericColumn<?>;
    }

    private static String align(Column<?> c) {
        return numeric(c) ? "right" : "left";
    }

    /**
     * The text shown for a cell: doubles with {@code digits} significant digits, or exactly as Python prints them
     * ({@link Format#repr}: {@code -7.0}, {@code -1.7999999999999998}) for {@link #EXACT}; the rest as they print.
     */
    static String cell(Column<?> c, int row, int digits) {
        if (c.isMissing(row)) return "";
        Object v = c.get(row);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return digits >= EXACT ? Format.repr(d) : Format.number(d, digits);
        }
        return String.valueOf(v);
    }

    /** Whether the shown text of a number cell stands for another value than the cell holds. */
    private static boolean rounded(Column<?> c, int row, String shown) {
        if (c.isMissing(row) || !(c.get(row) instanceof Number n) || !(n instanceof Double || n instanceof Float)) {
            return false;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && Double.parseDouble(shown) != d;
    }

    private static void checkDigits(int digits) {
        Check.that(digits >= 1 && digits <= EXACT, "digits", digits, "a whole number in [1, " + EXACT + "]",
                DIGITS + " rounds for reading, " + EXACT + " shows every digit");
    }
}
