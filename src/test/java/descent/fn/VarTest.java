package descent.fn;

import descent.Approx;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VarTest {

    @Test
    void productAndSineByHand() {
        // z = x·y + sin x at (3, 2): dz/dx = y + cos x = 2 + cos 3, dz/dy = x = 3
        Var x = Var.of(3), y = Var.of(2);
        Var z = x.times(y).plus(x.sin());
        z.backward();
        Approx.assertClose(6 + Math.sin(3), z.value(), Approx.EXACT, "z");
        Approx.assertClose(2 + Math.cos(3), x.grad(), Approx.EXACT, "dz/dx");
        Approx.assertClose(3, y.grad(), Approx.EXACT, "dz/dy");
    }

    @Test
    void aVariableUsedTwiceAccumulatesBothPaths() {
        // z = x·x + x at x = 5: dz/dx = 2x + 1 = 11
        Var x = Var.of(5);
        Var z = x.times(x).plus(x);
        z.backward();
        assertEquals(11.0, x.grad());
        z.backward(); // recomputed from zero, not doubled
        assertEquals(11.0, x.grad());
    }

    @Test
    void everyUnaryOperationsDerivativeByHand() {
        double a = 0.7;
        check(Var::square, a, 2 * a);
        check(Var::sqrt, a, 0.5 / Math.sqrt(a));
        check(Var::exp, a, Math.exp(a));
        check(Var::log, a, 1 / a);
        check(Var::sin, a, Math.cos(a));
        check(Var::cos, a, -Math.sin(a));
        check(Var::tanh, a, 1 - Math.tanh(a) * Math.tanh(a));
        check(Var::sigmoid, a, Math.exp(-a) / Math.pow(1 + Math.exp(-a), 2));
        check(Var::abs, -a, -1);
        check(Var::abs, 0, 0);          // PyTorch's convention at the kink
        check(Var::relu, -a, 0);
        check(Var::relu, a, 1);
        check(Var::neg, a, -1);
        check(v -> v.pow(3), a, 3 * a * a);
        check(v -> v.pow(0), a, 0);
        check(v -> v.plus(2), a, 1);
        check(v -> v.minus(2), a, 1);
        check(v -> v.times(-3), a, -3);
        check(v -> v.div(4), a, 0.25);
    }

    @Test
    void binaryOperationsByHand() {
        // x / y at (3, 2): d/dx = 1/y = 0.5, d/dy = -x/y^2 = -0.75
        Var x = Var.of(3), y = Var.of(2);
        x.div(y).backward();
        assertEquals(0.5, x.grad());
        assertEquals(-0.75, y.grad());
        // x^y at (3, 2): d/dx = y x^(y-1) = 6, d/dy = x^y ln x = 9 ln 3
        x = Var.of(3);
        y = Var.of(2);
        x.pow(y).backward();
        Approx.assertClose(6, x.grad(), Approx.EXACT, "d(x^y)/dx");
        Approx.assertClose(9 * Math.log(3), y.grad(), Approx.EXACT, "d(x^y)/dy");
        // x - y
        x = Var.of(3);
        y = Var.of(2);
        x.minus(y).backward();
        assertEquals(1.0, x.grad());
        assertEquals(-1.0, y.grad());
    }

    @Test
    void longSumsDoNotOverflowTheStack() {
        Var x = Var.of(1);
        Var acc = x;
        for (int i = 0; i < 200_000; i++) acc = acc.plus(x);
        acc.backward();
        assertEquals(200_001.0, x.grad());
    }

    @Test
    void printsValueGradAndOp() {
        Var x = Var.of(3);
        Var z = x.times(4);
        z.backward();
        assertEquals("Var(12.0, grad=1.0, op=*c)", z.toString());
        assertEquals("Var(3.0, grad=4.0)", x.toString());
    }

    private static void check(java.util.function.UnaryOperator<Var> op, double at, double expected) {
        Var x = Var.of(at);
        op.apply(x).backward();
        Approx.assertClose(expected, x.grad(), Approx.EXACT, "derivative at " + at);
    }
}
