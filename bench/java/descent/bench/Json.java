package descent.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One JSON object per line on stdout: what bench/harness.py reads. Values are numbers, booleans or strings. */
final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Json line() {
        return new Json();
    }

    Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    void emit() {
        StringBuilder sb = new StringBuilder("{");
        for (var e : fields.entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(quote(e.getKey())).append(": ");
            Object v = e.getValue();
            if (v == null) sb.append("null");
            else if (v instanceof Double d) sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.10g", d) : "null");
            else if (v instanceof Number || v instanceof Boolean) sb.append(v);
            else sb.append(quote(v.toString()));
        }
        System.out.println(sb.append('}'));
        System.out.flush();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
