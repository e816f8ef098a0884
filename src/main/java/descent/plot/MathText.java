package descent.plot;

/**
 * Writes the exponents of plain-text formulas as superscripts, so figure titles show math as math:
 * {@code x^2/20 + y^2} becomes {@code x²/20 + y²}.
 *
 * <pre>{@code
 * MathText.of("x^2/20 + y^2");                // "x²/20 + y²"
 * MathText.of("1 - exp(-x^2/8) + 5y^2");      // "1 - exp(-x²/8) + 5y²"
 * MathText.of("d^(-1/2) and 10^-3")           // "d<sup>-1/2</sup> and 10⁻³" (no superscript slash exists)
 * }</pre>
 *
 * <pre>
 *  ^ followed by   digits, with an optional sign      ->  Unicode superscripts: ^2 -> ², ^-3 -> ⁻³, ^10 -> ¹⁰
 *                  n, i or T                           ->  ⁿ, ⁱ, ᵀ
 *                  (group) of those characters         ->  the same, parentheses included: ^(n+1) -> ⁽ⁿ⁺¹⁾
 *                  (group) with anything else          ->  Plotly's HTML: ^(-1/2) -> <sup>-1/2</sup>
 *  anything else (a lone ^, ^ before a space)          ->  unchanged
 * </pre>
 * Unicode superscripts draw the same in Plotly, in static pictures of a figure and in text/plain outputs, with the
 * fonts Chromium and Jupyter use (DejaVu and the system sans-serif fonts have them); {@code <sup>} is Plotly's own
 * markup for titles, legends and axis labels, used only where no superscript character exists.
 */
public final class MathText {
    private static final String PLAIN = "0123456789+-=()niT";
    private static final String SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ";

    private MathText() {
    }

    /** The text with its {@code ^} exponents as superscripts; null stays null. */
    public static String of(String text) {
        if (text == null || text.indexOf('^') < 0) return text;
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '^' ? exponentEnd(text, i + 1) : -1;
            if (end < 0) {
                sb.append(c);
                i++;
                continue;
            }
            String exponent = text.substring(i + 1, end);
            String sup = superscript(exponent);
            if (sup != null) sb.append(sup);
            else sb.append("<sup>").append(exponent, 1, exponent.length() - 1).append("</sup>");
            i = end;
        }
        return sb.toString();
    }

    /** Where the exponent starting at {@code from} ends (exclusive), or -1 when there is none. */
    private static int exponentEnd(String s, int from) {
        if (from >= s.length()) return -1;
        char c = s.charAt(from);
        if (c == '(') {
            int depth = 0;
            for (int k = from; k < s.length(); k++) {
                if (s.charAt(k) == '(') depth++;
                else if (s.charAt(k) == ')' && --depth == 0) return k + 1;
            }
            return -1;
        }
        int k = from;
        if (c == '-' || c == '+') k++;
        int digits = k;
        while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
        if (k > digits) return k;
        if (k == from && (c == 'n' || c == 'i' || c == 'T')
                && (k + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(k + 1)))) {
            return k + 1;
        }
        return -1;
    }

    /** The exponent in superscript characters, or null when one of its characters has none. */
    private static String superscript(String exponent) {
        StringBuilder sb = new StringBuilder(exponent.length());
        for (int k = 0; k < exponent.length(); k++) {
            int at = PLAIN.indexOf(exponent.charAt(k));
            if (at < 0) return null;
            sb.append(SUPER.charAt(at));
        }
        return sb.toString();
    }
}
