package descent.plot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny JSON writer for Plotly traces and layouts: maps, lists, arrays, strings, numbers, booleans.
 *
 * <pre>{@code
 * Json.write(Json.obj("name", "SGD(lr=0.95)", "x", new double[] {-7, 2.5}));
 * // {"name":"SGD(lr=0.95)","x":[-7,2.5]}
 * Json.write("</script>");   // < and > come out as unicode escapes: safe inside an HTML <script> element
 * }</pre>
 *
 * Why our own: tablesaw-jsplot 0.43.1 pastes names into single-quoted JavaScript strings without escaping, so a
 * quote or backslash in a title breaks the figure. Here every string is escaped as JSON, and additionally
 * {@code <}, {@code >}, {@code &} and the JavaScript line separators U+2028/U+2029 are written as
 * unicode escapes (backslash-u and four hex digits), so the output can sit inside an HTML {@code <script>} element and parse as JavaScript.
 * Non-finite numbers become {@code null} (Plotly draws a gap there), since JSON has no NaN.
 */
public final class Json {
    private Json() {
    }

    /** A map that keeps insertion order, from alternating keys and values: {@code obj("a", 1, "b", "x")}. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Json.obj needs key, value pairs; got " + keysAndValues.length
                    + " arguments. Pass an even number, e.g. obj(\"title\", \"f\", \"width\", 600).");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("Json.obj: key at position " + i + " is " + keysAndValues[i]
                        + "; keys must be strings.");
            }
            m.put(key, keysAndValues[i + 1]);
        }
        return m;
    }

    /** The JSON text of a value (see the class comment for the types understood). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    /** Appends the JSON text of {@code value} to {@code sb}. */
    public static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            string(s, sb);
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue(), sb);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) sb.append(',');
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else if (value instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                number(a[i], sb);
            }
            sb.append(']');
        } else if (value instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(a[i]);
            }
            sb.append(']');
        } else if (value instanceof Object[] a) {
            write(java.util.Arrays.asList(a), sb);
        } else {
            throw new IllegalArgumentException("Json.write cannot write a " + value.getClass().getName() + " (" + value
                    + "); use String, Number, Boolean, Map, Collection, double[], int[] or Object[].");
        }
    }

    /** Shortest decimal that reads back to the same double; {@code -7.0} is written {@code -7}; NaN is null. */
    static void number(double v, StringBuilder sb) {
        if (!Double.isFinite(v)) {
            sb.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(String.format(Locale.ROOT, "%s", v));
        }
    }

    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                // HTML-significant characters and JS line separators: escaped so the text is safe in <script>.
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
