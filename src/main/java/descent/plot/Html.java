package descent.plot;

/**
 * A piece of HTML for a notebook, with a one-line text for places that show only text (JShell, logs).
 *
 * <pre>{@code
 * new Html("<b>done</b>", "done");   // a notebook shows it bold; JShell prints Html(done)
 * }</pre>
 *
 * descent's notebook renderers show {@code html} as text/html and {@code text} as text/plain.
 */
public record Html(String html, String text) {

    public Html {
        if (html == null || text == null) {
            throw new IllegalArgumentException("Html needs both html and a text fallback; got html="
                    + (html == null ? "null" : html.length() + " chars") + ", text=" + text + ".");
        }
    }

    /** The text, e.g. {@code Html(done)}; never the (possibly long) HTML. */
    @Override
    public String toString() {
        return "Html(" + text + ")";
    }
}
