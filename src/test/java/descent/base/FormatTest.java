package descent.base;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatTest {

    @Test
    void reprIsPythonsForHyperparameters() {
        assertEquals("0.0001", Format.repr(1e-4));
        assertEquals("1e-05", Format.repr(1e-5));
        assertEquals("0.95", Format.repr(0.95));
        assertEquals("1e-08", Format.repr(1e-8));
        assertEquals("1.5e-08", Format.repr(1.5e-8));
        assertEquals("0.001", Format.repr(0.001));
        assertEquals("0.1", Format.repr(0.1));
        assertEquals("2.0", Format.repr(2.0));
        assertEquals("-1.0", Format.repr(-1.0));
        assertEquals("0.0", Format.repr(0.0));
        assertEquals("-0.0", Format.repr(-0.0));
        assertEquals("-1.7999999999999998", Format.repr(-1.7999999999999998));
        assertEquals("0.30000000000000004", Format.repr(0.1 + 0.2));
        assertEquals("123456.7", Format.repr(123456.7));
        assertEquals("1e+06", Format.repr(1e6), "scientific from 1e6 (Python: from 1e16)");
        assertEquals("1e+10", Format.repr(1e10));
        assertEquals("6.4e+60", Format.repr(6.4e60));
        assertEquals("1.7976931348623157e+308", Format.repr(Double.MAX_VALUE));
        assertEquals("5e-324", Format.repr(Double.MIN_VALUE));
        assertEquals("NaN", Format.repr(Double.NaN));
        assertEquals("Infinity", Format.repr(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Format.repr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void reprReadsBackToTheSameDouble() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(x)) continue;
            String s = Format.repr(x);
            assertEquals(x, Double.parseDouble(s), s);
            assertTrue(s.length() <= Double.toString(x).length() + 4, s + " vs Java's " + x);
        }
    }

    @Test
    void numberShowsFourSignificantDigits() {
        assertEquals("0.985", Format.number(0.9849999999999998));
        assertEquals("6.939e-05", Format.number(6.938522015366697e-05));
        assertEquals("-6.335", Format.number(-6.335));
        assertEquals("-1.8", Format.number(-1.7999999999999998));
        assertEquals("-7", Format.number(-7.0));
        assertEquals("0", Format.number(0.0));
        assertEquals("0", Format.number(-0.0));
        assertEquals("0.0001", Format.number(1e-4));
        assertEquals("1e-05", Format.number(1e-5));
        assertEquals("123457", Format.number(123456.7), "never rounded inside the integer part");
        assertEquals("999999", Format.number(999999.0));
        assertEquals("1e+06", Format.number(999999.7), "rounds up into scientific");
        assertEquals("1.235e+06", Format.number(1234567.0));
        assertEquals("6.4e+60", Format.number(6.4e60), "never a 61-digit integer");
        assertEquals("1e+121", Format.number(1e121));
        assertEquals("-2.303", Format.number(-2.302585092994046));
        assertEquals("0.125", Format.number(0.125));
        assertEquals("0.0625", Format.number(0.0625));
        assertEquals("0.1235", Format.number(0.12345), "half-even on the exact binary value 0.123450000000000004");
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("-Infinity", Format.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void numberWithOtherDigits() {
        assertEquals("3.1415927", Format.number(Math.PI, 8));
        assertEquals("3", Format.number(Math.PI, 1));
        assertEquals("1.5e-05", Format.number(1.5e-5, 3));
        assertEquals("0.0187", Format.number(0.018712, 3));
        assertEquals("-1.7999999999999998", Format.number(-1.7999999999999998, 17));
        assertEquals("0.1", Format.number(0.1, 17), "never more digits than the shortest exact text");
        assertEquals("-4.695613654375", Format.number(-4.695613654375, 17));
        assertEquals("1.5e-08", Format.number(1.5e-8, 17));
        var e = assertThrows(IllegalArgumentException.class, () -> Format.number(1, 0));
        assertEquals("Invalid digits: 0; expected a whole number in [1, 17]; such as 4.", e.getMessage());
    }

    @Test
    void numberAgreesWithPrintfG() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 5_000; i++) {
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 6));
            if (Math.abs(x) < 1e-4 || Math.abs(x) >= 1000) continue;
            double viaPrintf = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", x));
            assertEquals(viaPrintf, Double.parseDouble(Format.number(x)), "at " + x);
        }
    }

    @Test
    void numberFormatForTablesawColumns() {
        var col = tech.tablesaw.api.DoubleColumn.create("f", 6.4e60, 0.9849999999999998, Double.NaN);
        assertEquals("6400000000000000000000000000000000000000000000000000000000000", col.getString(0),
                "Tablesaw's own default, for comparison");
        col.setPrintFormatter(Format.numberFormat(4), "");
        assertEquals("6.4e+60", col.getString(0));
        assertEquals("0.985", col.getString(1));
        assertEquals("", col.getString(2));
        assertEquals("12", Format.numberFormat(4).format(12L));
        assertThrows(IllegalArgumentException.class, () -> Format.numberFormat(0));
    }

    @Test
    void percent() {
        assertEquals("98.5%", Format.percent(0.985));
        assertEquals("100%", Format.percent(1.0));
        assertEquals("12.3%", Format.percent(0.123456));
        assertEquals("0%", Format.percent(0));
        assertEquals("NaN", Format.percent(Double.NaN));
    }
}
