package descent.notebook;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Tablesaw {@link Table} as an HTML table (for notebooks) or as aligned text (for JShell and text outputs).
 *
 * <pre>{@code
 * import descent.notebook.TableFormat;
 * var t = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable();
 * TableFormat.html(t);   // <table class="descent-table"><caption>SGD(lr=0.95) ...
 * TableFormat.text(t);   // SGD(lr=0.95): 31 rows x 6 columns, then aligned columns step, x0, x1, ...
 * }</pre>
 *
 * <pre>
 *  rows      : all rows up to MAX_ROWS (40); longer tables show the first HEAD (15) and last TAIL (5) rows
 *              with a "... N more rows ..." line between them
 *  doubles   : the shortest text that reads back to the same double (-6.335, -1.7999999999999998, 1.5e-08),
 *              so a table shows exactly the numbers the code computed, to the last digit, as the book prints
 *              them; DIGITS caps it (17 = never round), and a rounded cell's tooltip holds the exact value
 *  text      : HTML-escaped; the table name is the caption, with the size
 * </pre>
 */
public final class TableFormat {
    public static final int MAX_ROWS = 40;
    public static final int HEAD = 15;
    public static final int TAIL = 5;
    /** Significant digits shown at most; 17 shows every double exactly (round-trip). */
    public static final int DIGITS = 17;

    private TableFormat() {
    }

    /** The table as an HTML table with a caption, column headers, and right-aligned numbers. */
    public static String html(Table table) {
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"descent-table\" style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">\n");
        sb.append("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">")
                .append(esc(caption(table))).append("</caption>\n<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th style=\"padding:2px 8px;text-align:").append(align(c)).append("\" title=\"")
                    .append(esc(c.type().name())).append("\">").append(esc(c.name())).append("</th>");
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
                String shown = cell(c, r);
                String exact = exact(c, r);
                sb.append("<td style=\"padding:2px 8px;text-align:").append(align(c)).append('"');
                if (!exact.equals(shown)) sb.append(" title=\"").append(esc(exact)).append('"');
                sb.append('>').append(esc(shown)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** The table as aligned text: caption line, header, rows (numbers right-aligned). */
    public static String text(Table table) {
        List<Column<?>> cols = table.columns();
        List<Integer> rows = shownRows(table.rowCount());
        int[] width = new int[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            width[j] = cols.get(j).name().length();
            for (int r : rows) if (r >= 0) width[j] = Math.max(width[j], cell(cols.get(j), r).length());
        }
        StringBuilder sb = new StringBuilder(caption(table)).append('\n');
        appendLine(sb, cols, width, j -> cols.get(j).name());
        for (int r : rows) {
            if (r < 0) {
                sb.append("... ").append(table.rowCount() - HEAD - TAIL).append(" more rows ...\n");
            } else {
                appendLine(sb, cols, width, j -> cell(cols.get(j), r));
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

    private static boolean numeric(Column<?> c) {
        ColumnType t = c.type();
        return t == ColumnType.DOUBLE || t == ColumnType.FLOAT || t == ColumnType.INTEGER || t == ColumnType.LONG
                || t == ColumnType.SHORT;
    }

    private static String align(Column<?> c) {
        return numeric(c) ? "right" : "left";
    }

    /** The text shown for a cell. */
    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) return "";
        Object v = c.get(row);
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f.doubleValue());
        return String.valueOf(v);
    }

    /** The exact text of a cell (the tooltip when the shown text is rounded). */
    private static String exact(Column<?> c, int row) {
        if (c.isMissing(row)) return "";
        Object v = c.get(row);
        return v instanceof Double || v instanceof Float ? String.valueOf(((Number) v).doubleValue()) : String.valueOf(v);
    }

    /** A double readably: see the class comment. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal exact = new BigDecimal(Double.toString(v));
        BigDecimal shown = exact.precision() > DIGITS ? exact.round(new MathContext(DIGITS)) : exact;
        shown = shown.stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e15) return shown.toPlainString();
        return String.format(Locale.ROOT, "%." + Math.max(0, shown.precision() - 1) + "e", shown.doubleValue());
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
