package descent.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CheckTest {

    private static void fails(String message, Executable check) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, check).getMessage());
    }

    @Test
    void oneWording() {
        fails("Invalid learning rate: -1.0; expected a finite number > 0; typically between 1e-4 and 1.",
                () -> Check.positive("learning rate", -1, "typically between 1e-4 and 1"));
        fails("Invalid learning rate: NaN; expected a finite number > 0.", () -> Check.positive("learning rate", Double.NaN));
        fails("Invalid learning rate: Infinity; expected a finite number > 0.",
                () -> Check.positive("learning rate", Double.POSITIVE_INFINITY));
        fails("Invalid eps: -1e-08; expected a finite number >= 0.", () -> Check.nonNegative("eps", -1e-8));
        fails("Invalid x: NaN; expected a finite number.", () -> Check.finite("x", Double.NaN));
        fails("Invalid beta1: 1.0; expected a number in [0, 1).", () -> Check.closedOpen("beta1", 1.0, 0, 1));
        fails("Invalid gamma: 1.5; expected a number in (0, 1]; such as 0.5.", () -> Check.openClosed("gamma", 1.5, 0, 1, "such as 0.5"));
        fails("Invalid p: -0.1; expected a number in [0, 1].", () -> Check.probability("p", -0.1));
        fails("Invalid t: 0.0; expected a number in (0, 2.5).", () -> Check.open("t", 0, 0, 2.5));
        fails("Invalid f: 3.0; expected a number in [-1, 1].", () -> Check.closed("f", 3, -1, 1));
        fails("Invalid batch size: 0; expected a whole number >= 1.", () -> Check.positive("batch size", 0));
        fails("Invalid n: 1; expected a whole number >= 2; two points make a line.", () -> Check.atLeast("n", 1, 2, "two points make a line."));
        fails("Invalid k: -1; expected a whole number >= 0.", () -> Check.nonNegative("k", -1));
        fails("Invalid schedule: null; expected a value, not null; use Schedules.constant() for a fixed learning rate.",
                () -> Check.notNull("schedule", null, "use Schedules.constant() for a fixed learning rate"));
        fails("Invalid shape: 2x3; expected a square matrix; did you mean x.transpose()?",
                () -> Check.that(false, "shape", "2x3", "a square matrix", "did you mean x.transpose()?"));
    }

    @Test
    void passingValuesComeBack() {
        assertEquals(0.3, Check.positive("lr", 0.3));
        assertEquals(0.0, Check.nonNegative("wd", 0.0));
        assertEquals(0.0, Check.closedOpen("m", 0.0, 0, 1));
        assertEquals(1.0, Check.openClosed("g", 1.0, 0, 1));
        assertEquals(1.0, Check.probability("p", 1.0));
        assertEquals(5, Check.atLeast("n", 5, 2));
        assertEquals("s", Check.notNull("s", "s"));
        Check.that(true, "x", 1.0, "anything", "");
    }
}
