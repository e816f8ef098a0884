package descent.base;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How descent prints numbers: exactly in {@code toString}, readably in tables.
 *
 * <pre>{@code
 * Format.repr(0.0001);              // "0.0001"   exact, shortest digits that read back to the same double
 * Format.repr(1e-5);                // "1e-05"    (Python's repr; PyTorch prints hyperparameters this way)
 * Format.repr(2.0);                 // "2.0"
 * Format.number(0.9849999999999998);   // "0.985"  DIGITS (4) significant digits, trailing zeros dropped
 * Format.number(6.938522015366697e-05); // "6.939e-05"
 * Format.number(6.4e60);            // "6.4e+60"  never a 61-digit integer
 * Format.number(-7.0);              // "-7"
 * Format.number(Math.PI, 8);        // "3.1415927"
 * Format.percent(0.985)             // "98.5%"
 * }</pre>
 *
 * <pre>
 *  both forms   : plain for 1e-4 &lt;= |x| &lt; 1e6, otherwise scientific with a signed two-digit exponent (1e-05,
 *                 6.4e+60); NaN, Infinity and -Infinity as Java spells them
 *  repr(x)      : the fewest significant digits that read back to x (1 to 17); whole numbers keep ".0"
 *  number(x, d) : x rounded to d significant digits (half-even, from the exact binary value, as printf does),
 *                 but never inside the integer part (123456.7 gives 123457) and never with more digits than
 *                 repr needs (number(0.1, 17) is 0.1); whole numbers without ".0". number(x, 17) is exact.
 * </pre>
 *
 * Python switches {@code repr} to scientific from 1e16; descent does from 1e6, so that a huge value reads as a power
 * of ten in {@code toString} as it does in tables.
 */
public final class Format {
    /** Significant digits {@link #number(double)} shows. */
    public static final int DIGITS = 4;
    /** Smallest magnitude printed plain. */
    public static final double PLAIN_MIN = 1e-4;
    /** Magnitudes from here on print in scientific notation. */
    public static final double PLAIN_MAX = 1e6;

    private Format() {
    }

    /** The exact value, in the fewest digits that read back to the same double: {@code 0.95}, {@code 1e-08}. */
    public static String repr(double x) {
        if (!Double.isFinite(x)) return Double.toString(x);
        if (x == 0) return 1 / x > 0 ? "0.0" : "-0.0";
        BigDecimal d = shortest(x);
        if (plain(x)) {
            String s = d.toPlainString();
            return s.indexOf('.') < 0 ? s + ".0" : s;
        }
        return scientific(d);
    }

    /** {@code x} with {@link #DIGITS} significant digits: {@code 0.985}, {@code 6.939e-05}, {@code -7}. */
    public static String number(double x) {
        return number(x, DIGITS);
    }

    /** {@code x} with {@code digits} significant digits (1 to 17); see the class comment. */
    public static String number(double x, int digits) {
        if (digits < 1 || digits > 17) {
            throw Check.invalid("digits", String.valueOf(digits), "a whole number in [1, 17]", "such as 4");
        }
        if (!Double.isFinite(x)) return Double.toString(x);
        if (x == 0) return "0";
        BigDecimal exact = new BigDecimal(x), shortest = shortest(x);
        if (plain(x)) {
            int integerDigits = Math.max(0, exact.precision() - exact.scale());
            int keep = Math.max(digits, integerDigits);
            BigDecimal r = shortest.precision() <= keep ? shortest
                    : exact.round(new MathContext(keep, RoundingMode.HALF_EVEN));
            if (r.abs().compareTo(BigDecimal.valueOf(PLAIN_MAX)) < 0) {
                r = r.stripTrailingZeros();
                return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
            }
        }
        return scientific(shortest.precision() <= digits ? shortest
                : exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    /** A fraction as a percentage with three significant digits: {@code 0.985} gives {@code 98.5%}. */
    public static String percent(double fraction) {
        return number(100 * fraction, 3) + (Double.isFinite(fraction) ? "%" : "");
    }

    /**
     * {@link #number(double, int)} as a {@link java.text.NumberFormat}, for APIs that take one: a Tablesaw column
     * prints with it after {@code column.setPrintFormatter(Format.numberFormat(4), "")}, so {@code println(table)}
     * shows {@code 6.4e+60} instead of a 61-digit integer. Formatting only; it does not parse.
     */
    public static java.text.NumberFormat numberFormat(int digits) {
        number(1, digits); // checks digits now rather than at the first cell
        return new java.text.NumberFormat() {
            @Override
            public StringBuffer format(double x, StringBuffer to, java.text.FieldPosition pos) {
                return to.append(number(x, digits));
            }

            @Override
            public StringBuffer format(long x, StringBuffer to, java.text.FieldPosition pos) {
                return to.append(x);
            }

            @Override
            public Number parse(String source, java.text.ParsePosition pos) {
                throw new UnsupportedOperationException("Format.numberFormat only formats; parse with Double.parseDouble.");
            }
        };
    }

    private static boolean plain(double x) {
        double a = Math.abs(x);
        return a >= PLAIN_MIN && a < PLAIN_MAX;
    }

    /** The decimal with the fewest significant digits that reads back as {@code x}. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) return r.stripTrailingZeros();
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** {@code 1.5e-08}, {@code 6.4e+60}, {@code -1e+06}. */
    private static String scientific(BigDecimal d) {
        d = d.stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder sb = new StringBuilder();
        if (d.signum() < 0) sb.append('-');
        sb.append(digits.charAt(0));
        if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
        sb.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) sb.append('0');
        return sb.append(e).toString();
    }
}
