package descent.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Long figure titles on several lines, so they fit the figure: Plotly never wraps a title and cuts it at both edges.
 * {@link FigureJson} applies it to every title it writes (the figure keeps its title as given).
 *
 * <pre>{@code
 * var fig = PlotlyFigure.of(
 *         "Batch norm vs none across weight scales (1000 images of fashion-mnist-train, 5 hidden layers of 100 ReLU, SGD(lr=0.01), batch 100, 20 epochs, seed 7)");
 * FigureJson.write(fig);   // title: the head, then the details in two 13 px lines of about equal length
 * }</pre>
 *
 * <pre>
 *  each line (split at the title's own &lt;br&gt;) longer than its limit is wrapped at spaces, never inside a tag,
 *  into as few lines as the limit allows, of about equal length:
 *    a line in a &lt;span&gt; (a subtitle, 13 px)           SMALL_LINE characters per line
 *    a line ending in " (details)" whose head fits    head, then the details in 13 px on the next lines
 *    any other line                                   LINE characters per line
 *  tags count no characters, an entity (&amp;amp;) one; Plotly carries an open &lt;span&gt;'s style over a &lt;br&gt;
 * </pre>
 */
final class TitleWrap {
    /** Characters per line of a 17 px title: about 600 px, inside an 800 px figure with its margins. */
    static final int LINE = 70;
    /** Characters per line of a 13 px subtitle: about 600 px too. */
    static final int SMALL_LINE = 90;
    /** The style of the details moved under a title's head (the same as descent's other subtitles). */
    static final String SMALL = "<span style=\"font-size:13px\">";

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

    private TitleWrap() {
    }

    /** The title with every too-long line wrapped; a title that fits comes back unchanged. */
    static String wrap(String markup, int limit) {
        if (markup == null || visibleLength(markup) <= limit) return markup;
        String[] lines = BREAK.split(markup, -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            boolean small = line.startsWith("<span");
            int max = small ? SMALL_LINE * limit / LINE : limit;
            if (visibleLength(line) <= max) {
                out.add(line);
                continue;
            }
            int open = small ? -1 : detailsStart(line);
            if (open > 0 && visibleLength(line.substring(0, open)) <= max) {
                out.add(line.substring(0, open).stripTrailing());
                out.add(SMALL + String.join("<br>", balanced(line.substring(open), SMALL_LINE * limit / LINE)) + "</span>");
            } else {
                out.addAll(balanced(line, max));
            }
        }
        return String.join("<br>", out);
    }

    /** Where a trailing " (...)" starts (at the "("), or -1: the parenthesis that closes at the end of the line. */
    private static int detailsStart(String line) {
        if (!line.endsWith(")")) return -1;
        int depth = 0;
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) return i > 0 && line.charAt(i - 1) == ' ' ? i : -1;
        }
        return -1;
    }

    /**
     * As {@link #words}, in as few lines, but of about equal length: no short last line under a long one
     * ({@code "...seed=1)<br>train"}).
     */
    static List<String> balanced(String line, int max) {
        List<String> lines = words(line, max);
        if (lines.size() < 2) return lines;
        for (int width = (visibleLength(line) + lines.size() - 1) / lines.size(); width < max; width++) {
            List<String> even = words(line, width);
            if (even.size() == lines.size()) return even;
        }
        return lines;
    }

    /** The line cut at spaces outside tags into pieces of at most {@code max} visible characters (longer words alone). */
    static List<String> words(String line, int max) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        boolean inTag = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '<' && i + 1 < line.length() && (Character.isLetter(line.charAt(i + 1)) || line.charAt(i + 1) == '/')) inTag = true;
            else if (c == '>') inTag = false;
            else if (c == ' ' && !inTag) {
                tokens.add(line.substring(start, i));
                start = i + 1;
            }
        }
        tokens.add(line.substring(start));
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = 0;
        for (String t : tokens) {
            int n = visibleLength(t);
            if (current.length() > 0 && length + 1 + n > max) {
                lines.add(current.toString());
                current.setLength(0);
                length = 0;
            }
            if (current.length() > 0) {
                current.append(' ');
                length++;
            }
            current.append(t);
            length += n;
        }
        lines.add(current.toString());
        return lines;
    }

    /** Characters a reader sees: tags count none, an entity one. */
    static int visibleLength(String markup) {
        String text = ENTITY.matcher(TAG.matcher(markup).replaceAll("")).replaceAll("e");
        return text.codePointCount(0, text.length());
    }
}
