package descent.fn;

import descent.base.Check;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Short factories for objectives: from lambdas (gradient by central difference, by your formula, or automatic) and
 * the classic test surfaces with their known minima.
 *
 * <pre>{@code
 * var f = Functions.of((x, y) -> x * x / 20 + y * y);                          // gradient by central difference
 * var g = Functions.of("bowl", (x, y) -> x * x / 20 + y * y, (x, y) -> Vec.of(x / 10, 2 * y));  // analytic
 * var r = Functions.auto("rosenbrock",                                         // automatic, exact
 *         (x, y) -> Var.of(1).minus(x).square().plus(y.minus(x.square()).square().times(100)));
 * var n = Functions.of("sphere", 5, x -> x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] + x[4] * x[4]);
 * Functions.rosenbrock().minima()                                               // [Vec[1.0, 1.0]]
 * }</pre>
 *
 * Surfaces follow the usual definitions (Surjanovic &amp; Bingham, "Virtual Library of Simulation Experiments",
 * sfu.ca/~ssurjano); the minima below were computed to 20 digits with mpmath's findroot on ∇f = 0.
 */
public final class Functions {
    private Functions() {
    }

    // ---- from lambdas -------------------------------------------------------------------------------------------

    /** A 1-D function; gradient by central difference. */
    public static Objective of(DoubleUnaryOperator f) {
        return of("f(x)", f);
    }

    /** A named 1-D function; gradient by central difference. */
    public static Objective of(String name, DoubleUnaryOperator f) {
        requireLambda(f);
        return new LambdaObjective(name, 1, x -> f.applyAsDouble(x[0]), null);
    }

    /** A named 1-D function with its derivative. */
    public static Objective of(String name, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        requireLambda(f);
        requireLambda(df);
        return new LambdaObjective(name, 1, x -> f.applyAsDouble(x[0]), x -> new double[]{df.applyAsDouble(x[0])});
    }

    /** A 2-D function; gradient by central difference. */
    public static Objective of(DoubleBinaryOperator f) {
        return of("f(x, y)", f);
    }

    /** A named 2-D function; the name shows in legends and tables. Gradient by central difference. */
    public static Objective of(String name, DoubleBinaryOperator f) {
        requireLambda(f);
        return new LambdaObjective(name, 2, x -> f.applyAsDouble(x[0], x[1]), null);
    }

    /** A named 2-D function with its analytic gradient {@code (x, y) -> Vec.of(df/dx, df/dy)}. */
    public static Objective of(String name, DoubleBinaryOperator f, Gradient2 grad) {
        requireLambda(f);
        requireLambda(grad);
        return new LambdaObjective(name, 2, x -> f.applyAsDouble(x[0], x[1]), x -> grad.at(x[0], x[1]).toArray());
    }

    /** A named n-D function of {@code double[]}; gradient by central difference. */
    public static Objective of(String name, int dim, ToDoubleFunction<double[]> f) {
        return new LambdaObjective(name, dim, f, null);
    }

    /** A named n-D function with its analytic gradient (a lambda returning the n partial derivatives). */
    public static Objective of(String name, int dim, ToDoubleFunction<double[]> f, UnaryOperator<double[]> grad) {
        requireLambda(grad);
        return new LambdaObjective(name, dim, f, grad);
    }

    /** A 1-D function written with {@link Var} operations; exact derivative by reverse-mode autodiff. */
    public static Objective auto(String name, UnaryOperator<Var> f) {
        requireLambda(f);
        return new AutoObjective(name, 1, x -> f.apply(x[0]));
    }

    /** A 2-D function written with {@link Var} operations, e.g. {@code (x, y) -> x.square().plus(y.square())}. */
    public static Objective auto(String name, BinaryOperator<Var> f) {
        requireLambda(f);
        return new AutoObjective(name, 2, x -> f.apply(x[0], x[1]));
    }

    /** An n-D function written with {@link Var} operations over the inputs {@code x[0..dim-1]}. */
    public static Objective auto(String name, int dim, Function<Var[], Var> f) {
        return new AutoObjective(name, dim, f);
    }

    private static void requireLambda(Object f) {
        if (f == null) {
            throw new IllegalArgumentException("Expected a lambda such as (x, y) -> x * x + y * y; got null.");
        }
    }

    // ---- test surfaces ------------------------------------------------------------------------------------------

    /**
     * The bowl of Deep Learning from Scratch §6.1.3: f(x, y) = x²/20 + y², gradient (x/10, 2y), minimum at the origin.
     * Stretched 20:1 along x (condition number 20), which is what makes plain SGD zig-zag.
     */
    public static Objective dlfsBowl() {
        return of("x^2/20 + y^2", (x, y) -> x * x / 20.0 + y * y, (x, y) -> Vec.of(x / 10.0, 2.0 * y))
                .withMinima(Vec.of(0, 0));
    }

    /**
     * The quadratic f(x, y) = (x² + κ·y²)/2 with condition number κ (ratio of largest to smallest curvature),
     * minimum at the origin. SGD converges only for η &lt; 2/κ and then needs ~κ steps along x.
     */
    public static Objective illConditioned(double kappa) {
        Check.that(kappa >= 1 && Double.isFinite(kappa), "condition number", kappa, "a finite number >= 1", "such as 100");
        return of("(x^2 + " + kappa + "y^2)/2", (x, y) -> (x * x + kappa * y * y) / 2, (x, y) -> Vec.of(x, kappa * y))
                .withMinima(Vec.of(0, 0));
    }

    /** Rosenbrock's banana valley (1−x)² + 100(y−x²)², minimum 0 at (1, 1) at the end of a long curved valley. */
    public static Objective rosenbrock() {
        return of("Rosenbrock", (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
                (x, y) -> Vec.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)))
                .withMinima(Vec.of(1, 1));
    }

    /**
     * Beale's function (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5); flat
     * plateaus and sharp ridges near the corners of [−4.5, 4.5]². Gradient by automatic differentiation.
     */
    public static Objective beale() {
        return auto("Beale", (x, y) -> Var.sum(
                        x.neg().plus(1.5).plus(x.times(y)).square(),
                        x.neg().plus(2.25).plus(x.times(y.square())).square(),
                        x.neg().plus(2.625).plus(x.times(y.pow(3))).square()))
                .withMinima(Vec.of(3, 0.5));
    }

    /** Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four minima, all with f = 0. */
    public static Objective himmelblau() {
        return of("Himmelblau", (x, y) -> sq(x * x + y - 11) + sq(x + y * y - 7),
                (x, y) -> Vec.of(4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)))
                .withMinima(Vec.of(3, 2), Vec.of(-2.8051180869527448531, 3.1313125182505729658),
                        Vec.of(-3.7793102533777468919, -3.2831859912861694123), Vec.of(3.5844283403304917449, -1.8481265269644035535));
    }

    /** Booth's function (x + 2y − 7)² + (2x + y − 5)², a tilted quadratic bowl with minimum 0 at (1, 3). */
    public static Objective booth() {
        return of("Booth", (x, y) -> sq(x + 2 * y - 7) + sq(2 * x + y - 5),
                (x, y) -> Vec.of(2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5), 4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5)))
                .withMinima(Vec.of(1, 3));
    }

    /**
     * The saddle x² − y²: the gradient vanishes at the origin but it is <b>not</b> a minimum (f falls without
     * bound along y), so {@code minima()} is empty. Gradient descent started on the x-axis stalls at the saddle;
     * any y ≠ 0 escapes and diverges.
     */
    public static Objective saddle() {
        return of("x^2 - y^2 (saddle, no minimum)", (x, y) -> x * x - y * y, (x, y) -> Vec.of(2 * x, -2 * y));
    }

    /**
     * The six-hump camel (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six local minima, two global ones at
     * ±(0.0898, −0.7126) with f = −1.0316. Gradient by automatic differentiation.
     */
    public static Objective sixHumpCamel() {
        return auto("six-hump camel", (x, y) -> Var.sum(
                        x.square().times(-2.1).plus(4).plus(x.pow(4).div(3)).times(x.square()),
                        x.times(y),
                        y.square().times(4).minus(4).times(y.square())))
                .withMinima(Vec.of(0.089842013100318062422, -0.7126564030207396334),
                        Vec.of(-0.089842013100318062422, 0.7126564030207396334));
    }

    /** Rastrigin in 2-D: 20 + Σ(x_i² − 10 cos 2πx_i), a bowl covered with local minima; global minimum 0 at 0. */
    public static Objective rastrigin() {
        return rastrigin(2);
    }

    /** Rastrigin in n dimensions: 10n + Σ(x_i² − 10 cos 2πx_i), gradient 2x_i + 20π sin 2πx_i, minimum 0 at 0. */
    public static Objective rastrigin(int n) {
        Check.positive("dimension", n);
        double tau = 2 * Math.PI;
        return of("Rastrigin(" + n + "-D)", n, x -> {
            double s = 10.0 * x.length;
            for (double v : x) s += v * v - 10 * Math.cos(tau * v);
            return s;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < g.length; i++) g[i] = 2 * x[i] + 10 * tau * Math.sin(tau * x[i]);
            return g;
        }).withMinima(Vec.zeros(n));
    }

    /**
     * A plateau crossed by a narrow valley: f(x, y) = 1 − exp(−x²/8) + 5y², minimum 0 at the origin.
     * <p>
     * For |x| &gt; 4 the floor is almost flat (∂f/∂x ≈ 0: a plateau), while across the valley the walls are steep
     * (∂f/∂y = 10y). With plain SGD at η = 0.2 the y-coordinate flips sign every step without shrinking: the loss
     * stops going down while the gradient norm stays large, the lecture's "training stuck, but the gradient is not
     * small" (Hung-yi Lee, ML2021, training tips). Adaptive methods give each direction its own step and escape.
     * Gradient by automatic differentiation.
     */
    public static Objective plateauValley() {
        return auto("plateau + valley: 1 - exp(-x^2/8) + 5y^2",
                (x, y) -> Var.of(1).minus(x.square().div(-8).exp()).plus(y.square().times(5)))
                .withMinima(Vec.of(0, 0));
    }

    private static double sq(double v) {
        return v * v;
    }
}
