package descent.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JavaScript object literal, such as tablesaw writes for its traces and layouts, into plain Java values:
 * {@code Map} (ordered), {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} and null.
 * It also reads strict JSON, so {@link FigureJson} uses it to turn its JSON text into the tree kernels serialize.
 *
 * <pre>
 *  parse("var trace0 = {x: ['a', 'b'], y: [\"1.0\", 2], name: 'it&amp;#39;s',};", true)
 *    -&gt; {x=[a, b], y=[1.0, 2], name=it's}            (package-private: FigureJson's helper)
 * </pre>
 *
 * Understood beyond JSON: unquoted keys, single-quoted strings, trailing commas, a leading {@code var name =},
 * NaN/Infinity/undefined (read as null). With {@code htmlEntities}, {@code &#39; &quot; &amp; &lt; &gt;} inside
 * strings are decoded (tablesaw's Pebble templates HTML-escape every value, even inside scripts).
 */
final class JsLiteral {
    private final String s;
    private final boolean htmlEntities;
    private int pos;

    private JsLiteral(String s, boolean htmlEntities) {
        this.s = s;
        this.htmlEntities = htmlEntities;
    }

    /** The first object or array literal in {@code text}. */
    static Object parse(String text, boolean htmlEntities) {
        int start = firstBracket(text);
        if (start < 0) throw new IllegalArgumentException("no object or array literal in: " + preview(text, 0));
        JsLiteral p = new JsLiteral(text, htmlEntities);
        p.pos = start;
        return p.value();
    }

    private static int firstBracket(String text) {
        int brace = text.indexOf('{'), bracket = text.indexOf('[');
        if (brace < 0) return bracket;
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) throw error("a value");
        char c = s.charAt(pos);
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"' || c == '\'') return string();
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
        String word = identifier();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null", "undefined", "NaN", "Infinity" -> null;
            default -> throw error("a value (got '" + word + "')");
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return m;
            }
            char c = peek();
            String key = c == '"' || c == '\'' ? string() : identifier();
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != '}') throw error("',' or '}'");
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != ']') throw error("',' or ']'");
        }
    }

    private String string() {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw error("the closing " + quote);
            char c = s.charAt(pos++);
            if (c == quote) break;
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e);   // \" \' \\ \/ and JS's identity escapes
            }
        }
        String out = sb.toString();
        return htmlEntities && out.indexOf('&') >= 0 ? decodeEntities(out) : out;
    }

    private Object number() {
        int start = pos;
        while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) pos++;
        String t = s.substring(start, pos);
        try {
            if (t.matches("-?\\d{1,18}")) return Long.parseLong(t);
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number (got '" + t + "')");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) {
            pos++;
        }
        if (start == pos) throw error("a key or a value");
        return s.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (s.startsWith("//", pos)) {
                int end = s.indexOf('\n', pos);
                pos = end < 0 ? s.length() : end;
            } else {
                return;
            }
        }
    }

    private char peek() {
        if (pos >= s.length()) throw error("more input");
        return s.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) throw error("'" + c + "'");
        pos++;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("JsLiteral: expected " + expected + " at character " + pos + ": "
                + preview(s, pos));
    }

    private static String preview(String text, int at) {
        String t = text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 40));
        return "'" + t.replace("\n", "\\n") + "'";
    }

    private static String decodeEntities(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int semi = c == '&' ? t.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 8) {
                String name = t.substring(i + 1, semi).toLowerCase(Locale.ROOT);
                String r = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> name.matches("#\\d+") ? String.valueOf((char) Integer.parseInt(name.substring(1)))
                            : name.matches("#x[0-9a-f]+") ? String.valueOf((char) Integer.parseInt(name.substring(2), 16))
                            : null;
                };
                if (r != null) {
                    sb.append(r);
                    i = semi;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
