package descent.base;

/**
 * Escaping text for HTML, so names and titles typed by a user (quotes, {@code <}, {@code &}) show as typed.
 *
 * <pre>{@code
 * Escape.html("x < 1 & it's \"ok\"")   // "x &lt; 1 &amp; it&#39;s &quot;ok&quot;"
 * }</pre>
 *
 * The result is safe in element content and in attribute values quoted with either {@code "} or {@code '}.
 */
public final class Escape {
    private Escape() {
    }

    /** Escapes {@code & < > " '}. */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
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
