package descent.fn;

import descent.Approx;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientCheckTest {

    @Test
    void reportsTheErrorOfAWrongGradientByHand() {
        // true gradient of x^2 + y^2 at (1, 2) is (2, 4); the wrong one says (2, 5): abs 1, rel 1/5
        Objective right = Functions.of("q", (x, y) -> x * x + y * y, (x, y) -> Vec.of(2 * x, 2 * y));
        Objective wrong = Functions.of("q", (x, y) -> x * x + y * y, (x, y) -> Vec.of(2 * x, 2 * y + 1));
        GradientCheck c = GradientCheck.of(right, wrong, Vec.of(1, 2));
        Approx.assertClose(1, c.maxAbsError(), Approx.EXACT, "abs");
        Approx.assertClose(0.2, c.maxRelError(), Approx.EXACT, "rel");
        assertFalse(c.passes(1e-6));
        assertEquals(Vec.of(1, 2), c.worstAt());
    }

    @Test
    void centralDifferenceErrorIsSecondOrderInH() {
        // d/dx x^3 at 1 is 3; central difference gives 3 + h^2 exactly (up to rounding)
        Objective cube = Functions.of("cube", x -> x * x * x, x -> 3 * x * x);
        GradientCheck c = GradientCheck.of(cube, Gradients.numerical(cube, 1e-3), Vec.of(1));
        Approx.assertClose(1e-6, c.maxAbsError(), 1e-9, "h^2");
        assertTrue(GradientCheck.of(cube, Vec.of(1)).passes(1e-7));
    }

    @Test
    void randomPointsAreReproducible() {
        Objective f = Functions.himmelblau();
        assertEquals(GradientCheck.random(f, Gradients.numerical(f), 10, 3, 1),
                GradientCheck.random(f, Gradients.numerical(f), 10, 3, 1));
    }

    @Test
    void aNaNPointOrANaNGradientIsAClearError() {
        // issue 11 item 7: a NaN point used to give maxRelError=NaN without a word
        Objective f = Functions.booth();
        var e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(f, Vec.of(Double.NaN, 1)));
        assertEquals("GradientCheck at Vec[NaN, 1.0]: the point has a NaN or infinite coordinate, where every gradient is"
                + " meaningless; use finite points such as Vec.of(0.5, -1).", e.getMessage());
        Objective log = Functions.of("log", (x, y) -> Math.log(x) + y, (x, y) -> Vec.of(1 / x, 1));
        e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(log, Vec.of(1, 1), Vec.of(-1, 1)));
        assertTrue(e.getMessage().startsWith("GradientCheck: the gradient of Objective(log, dim=2, gradient=central difference h=1.0E-4) at"
                + " Vec[-1.0, 1.0] is Vec[NaN, "), e.getMessage());
        assertTrue(e.getMessage().endsWith("and f = NaN there: the function is not defined at this point; use points inside its domain."), e.getMessage());
        Objective badGrad = Functions.of("q", (x, y) -> x * x + y * y, (x, y) -> Vec.of(x / 0.0, 2 * y));
        e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(badGrad, Vec.of(1, 1)));
        assertEquals("GradientCheck: the gradient of Objective(q, dim=2, gradient=analytic) at Vec[1.0, 1.0] is Vec[Infinity, 2.0]"
                + " although f = 2.0 there; check the gradient function.", e.getMessage());
    }

    @Test
    void printsBothSourcesAndErrors() {
        String s = GradientCheck.of(Functions.booth(), Vec.of(0, 0)).toString();
        assertTrue(s.startsWith("GradientCheck(Objective(Booth"), s);
        assertTrue(s.contains("central difference h=1.0E-4") && s.contains("maxRelError="), s);
    }
}
