package descent.fn;

import descent.Approx;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void printsBothSourcesAndErrors() {
        String s = GradientCheck.of(Functions.booth(), Vec.of(0, 0)).toString();
        assertTrue(s.startsWith("GradientCheck(Objective(Booth"), s);
        assertTrue(s.contains("central difference h=1.0E-4") && s.contains("maxRelError="), s);
    }
}
