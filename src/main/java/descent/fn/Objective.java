package descent.fn;

import java.util.List;

/**
 * A function f: R^n -> R that an optimizer can minimize: its value, its gradient, and, where known, its minima.
 *
 * <pre>{@code
 * Objective f = Functions.of("bowl", (x, y) -> x * x / 20 + y * y);
 * f.value(Vec.of(-7, 2));     // 6.45
 * f.gradient(Vec.of(-7, 2))   // Vec[-0.700000000000145, 4.000000000004] (central difference)
 * }</pre>
 *
 * The default gradient is a central difference with step {@link Gradients#DEFAULT_H}; functions that know their
 * derivative (analytic or automatic) override it.
 */
public interface Objective {

    /** Number of inputs n. */
    int dim();

    /** f(x). Implementations check {@code x.dim() == dim()}. */
    double value(Vec x);

    /** ∇f(x); by default a central difference. */
    default Vec gradient(Vec x) {
        return Gradients.centralDifference(this, x, Gradients.DEFAULT_H);
    }

    /** A short name for legends and tables, e.g. {@code "x^2/20 + y^2"}. */
    String name();

    /** Known global minima, or an empty list when none is known. */
    default List<Vec> minima() {
        return List.of();
    }

    /**
     * The same function with these known minima (used to mark them on plots and to measure the distance to the
     * nearest one in comparisons).
     */
    default Objective withMinima(Vec... minima) {
        return new WithMinima(this, java.util.List.of(minima));
    }

    /** Throws a clear error when {@code x} does not fit this function. */
    default void checkInput(Vec x) {
        if (x == null) {
            throw new IllegalArgumentException(name() + " expects a point with " + dim() + " coordinates but got null.");
        }
        if (x.dim() != dim()) {
            throw new IllegalArgumentException(name() + " takes " + dim() + " coordinates but the point " + x + " has "
                    + x.dim() + "; use Vec.of(...) with " + dim() + " values.");
        }
    }
}
