package descent.fn;

import descent.Approx;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionsTest {

    static Stream<Objective> surfaces() {
        return Stream.of(Functions.dlfsBowl(), Functions.illConditioned(100), Functions.rosenbrock(), Functions.beale(),
                Functions.himmelblau(), Functions.booth(), Functions.saddle(), Functions.sixHumpCamel(),
                Functions.rastrigin(), Functions.rastrigin(5), Functions.plateauValley());
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void gradientMatchesCentralDifferenceAtRandomPoints(Objective f) {
        GradientCheck c = GradientCheck.random(f, Gradients.numerical(f), 25, 2.0, 42);
        assertTrue(c.passes(Approx.GRADIENT), c.toString());
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void gradientVanishesAtEveryKnownMinimum(Objective f) {
        for (Vec m : f.minima()) {
            Vec g = f.gradient(m);
            assertTrue(g.norm() < 1e-9, f.name() + " at " + m + ": gradient " + g);
        }
    }

    @Test
    void knownMinimumValues() {
        for (Objective f : List.of(Functions.dlfsBowl(), Functions.rosenbrock(), Functions.beale(), Functions.himmelblau(),
                Functions.booth(), Functions.rastrigin(3), Functions.plateauValley(), Functions.illConditioned(10))) {
            for (Vec m : f.minima()) Approx.assertClose(0, f.value(m), Approx.EXACT, f.name() + " at " + m);
        }
        assertEquals(4, Functions.himmelblau().minima().size());
        for (Vec m : Functions.sixHumpCamel().minima()) {
            Approx.assertClose(-1.0316284534898773504, Functions.sixHumpCamel().value(m), Approx.EXACT, "camel at " + m);
        }
        assertTrue(Functions.saddle().minima().isEmpty(), "a saddle has no minimum");
        assertTrue(Functions.saddle().name().contains("no minimum"));
    }

    @Test
    void valuesByHand() {
        // Rosenbrock at (0, 0): (1-0)^2 + 100·0 = 1; Booth at (0, 0): 49 + 25 = 74; Beale at (1, 1): 1.5^2 + 2.25^2 + 2.625^2
        Approx.assertClose(1, Functions.rosenbrock().value(Vec.of(0, 0)), Approx.EXACT, "Rosenbrock(0,0)");
        Approx.assertClose(74, Functions.booth().value(Vec.of(0, 0)), Approx.EXACT, "Booth(0,0)");
        Approx.assertClose(2.25 + 5.0625 + 6.890625, Functions.beale().value(Vec.of(1, 1)), Approx.EXACT, "Beale(1,1)");
        // Rastrigin at (0.5, 0.5): 20 + 2·(0.25 + 10) = 40.5
        Approx.assertClose(40.5, Functions.rastrigin().value(Vec.of(0.5, 0.5)), Approx.EXACT, "Rastrigin(.5,.5)");
        // the book's bowl at (-7, 2): 49/20 + 4 = 6.45
        Approx.assertClose(6.45, Functions.dlfsBowl().value(Vec.of(-7, 2)), Approx.EXACT, "bowl(-7,2)");
        // plateau: at (0, 1) f = 1 - 1 + 5 = 5; far out on the plateau the x-slope is tiny but the valley wall is steep
        Approx.assertClose(5, Functions.plateauValley().value(Vec.of(0, 1)), Approx.EXACT, "plateau(0,1)");
        Vec g = Functions.plateauValley().gradient(Vec.of(-6, 0.5));
        Approx.assertClose(-6 / 4.0 * Math.exp(-4.5), g.get(0), Approx.EXACT, "plateau slope along x");
        Approx.assertClose(5, g.get(1), Approx.EXACT, "valley wall slope along y");
    }

    @Test
    void lambdasInOneTwoAndManyDimensions() {
        Objective one = Functions.of("cube", x -> x * x * x);
        assertEquals(1, one.dim());
        Approx.assertClose(12, one.gradient(Vec.of(2)).get(0), 1e-7, "d/dx x^3 at 2 by central difference");
        Objective oneExact = Functions.of("cube", x -> x * x * x, x -> 3 * x * x);
        assertEquals(12.0, oneExact.gradient(Vec.of(2)).get(0));
        Objective oneAuto = Functions.auto("cube", x -> x.pow(3));
        Approx.assertClose(12, oneAuto.gradient(Vec.of(2)).get(0), Approx.EXACT, "autodiff x^3");

        Objective two = Functions.of((x, y) -> x * y);
        Approx.assertClose(new double[]{3, 2}, two.gradient(Vec.of(2, 3)).toArray(), 1e-9, "grad xy");

        Objective many = Functions.of("sphere", 3, x -> x[0] * x[0] + x[1] * x[1] + x[2] * x[2], x -> new double[]{2 * x[0], 2 * x[1], 2 * x[2]});
        assertEquals(Vec.of(2, 4, 6), many.gradient(Vec.of(1, 2, 3)));
        Objective manyAuto = Functions.auto("sphere", 3, x -> Var.sum(x[0].square(), x[1].square(), x[2].square()));
        assertEquals(Vec.of(2, 4, 6), manyAuto.gradient(Vec.of(1, 2, 3)));
        assertEquals(14.0, manyAuto.value(Vec.of(1, 2, 3)));
    }

    @Test
    void autodiffAgreesWithTheAnalyticRosenbrockToRounding() {
        Objective auto = Functions.auto("rosenbrock", (x, y) -> Var.of(1).minus(x).square().plus(y.minus(x.square()).square().times(100)));
        GradientCheck c = GradientCheck.random(Functions.rosenbrock(), auto, 50, 3.0, 7);
        assertTrue(c.maxRelError() < 1e-14, c.toString());
    }

    @Test
    void configurableDifferenceStep() {
        Objective f = Functions.of("exp", Math::exp);
        // central difference of e^x at 0 is sinh(h)/h = 1 + h^2/6 + ...
        double h = 1e-2;
        Approx.assertClose(Math.sinh(h) / h, Gradients.numerical(f, h).gradient(Vec.of(0)).get(0), Approx.EXACT, "sinh(h)/h");
        assertThrows(IllegalArgumentException.class, () -> Gradients.numerical(f, 0));
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Functions.rosenbrock().value(Vec.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("takes 2 coordinates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functions.illConditioned(0.5));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        var bad = Functions.of("bad", 2, x -> x[0], x -> new double[]{1});
        var s = assertThrows(IllegalStateException.class, () -> bad.gradient(Vec.of(1, 2)));
        assertTrue(s.getMessage().contains("expected 2 partial derivatives"), s.getMessage());
    }

    @Test
    void printsNameDimensionGradientSourceAndMinima() {
        assertEquals("Objective(Rosenbrock, dim=2, gradient=analytic, minima=[Vec[1.0, 1.0]])", Functions.rosenbrock().toString());
        assertEquals("Objective(f(x, y), dim=2, gradient=central difference)", Functions.of((x, y) -> x).toString());
        assertEquals("Objective(r, dim=2, gradient=automatic)", Functions.auto("r", (x, y) -> x.plus(y)).toString());
    }
}
