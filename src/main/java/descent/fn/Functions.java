package descent.fn;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Short factories for objectives.
 *
 * <pre>{@code
 * var f = Functions.of((x, y) -> x * x / 20 + y * y);   // gradient by central difference
 * var bowl = Functions.dlfsBowl();                      // the book's x^2/20 + y^2, analytic gradient
 * }</pre>
 */
public final class Functions {
    private Functions() {
    }

    /** A 2-D function from a lambda; its gradient is a central difference. */
    public static Objective of(DoubleBinaryOperator f) {
        return of("f(x, y)", f);
    }

    /** A named 2-D function from a lambda; the name shows in legends and tables. */
    public static Objective of(String name, DoubleBinaryOperator f) {
        return new Function2(name, f, null, List.of());
    }

    /**
     * The bowl of Deep Learning from Scratch §6.1.3: f(x, y) = x²/20 + y², gradient (x/10, 2y), minimum at the origin.
     * Stretched 20:1 along x, which is what makes plain SGD zig-zag.
     */
    public static Objective dlfsBowl() {
        return new Function2("x^2/20 + y^2", (x, y) -> x * x / 20.0 + y * y,
                (x, y) -> Vec.of(x / 10.0, 2.0 * y), List.of(Vec.of(0, 0)));
    }
}
