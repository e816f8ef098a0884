package descent.fn;

/**
 * The analytic gradient of a 2-D function, as a lambda: {@code (x, y) -> Vec.of(∂f/∂x, ∂f/∂y)}.
 *
 * <pre>{@code
 * Functions.of("bowl", (x, y) -> x * x / 20 + y * y, (x, y) -> Vec.of(x / 10, 2 * y))
 * }</pre>
 */
@FunctionalInterface
public interface Gradient2 {
    /** ∇f at (x, y). */
    Vec at(double x, double y);
}
