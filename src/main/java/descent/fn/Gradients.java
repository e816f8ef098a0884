package descent.fn;

import descent.base.Check;

import java.util.List;

/**
 * Numerical gradients: the central difference, and objectives whose gradient is one.
 *
 * <pre>{@code
 * Gradients.centralDifference(Functions.of((x, y) -> x * y), Vec.of(2, 3), 1e-4);  // Vec[3.000000000006331, 2.0000000000042206]
 * var numeric = Gradients.numerical(Functions.rosenbrock(), 1e-5);  // same values, gradient by difference
 * GradientCheck.of(Functions.rosenbrock(), numeric, Vec.of(0.5, 0.5))
 * }</pre>
 *
 * <pre>
 *   ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h
 * </pre>
 * The error is O(h²) from truncation plus O(ε·|f|/h) from rounding; h = 1e-4 is the book's choice (Deep Learning
 * from Scratch §4.3, {@code numerical_gradient}), a balance between the two.
 */
public final class Gradients {
    /** The book's step for numerical differentiation. */
    public static final double DEFAULT_H = 1e-4;

    private Gradients() {
    }

    /** Central-difference gradient of f at x with step h. */
    public static Vec centralDifference(Objective f, Vec x, double h) {
        checkH(h);
        f.checkInput(x);
        double[] p = x.toArray();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double up = f.value(Vec.wrap(p.clone()));
            p[i] = keep - h;
            double down = f.value(Vec.wrap(p.clone()));
            p[i] = keep;
            g[i] = (up - down) / (2 * h);
        }
        return Vec.wrap(g);
    }

    /** The same function as f, but with its gradient taken by central difference with step h. */
    public static Objective numerical(Objective f, double h) {
        checkH(h);
        return new Objective() {
            @Override public int dim() { return f.dim(); }
            @Override public double value(Vec x) { return f.value(x); }
            @Override public Vec gradient(Vec x) { return centralDifference(f, x, h); }
            @Override public String name() { return f.name(); }
            @Override public List<Vec> minima() { return f.minima(); }
            @Override public String toString() {
                return "Objective(" + f.name() + ", dim=" + f.dim() + ", gradient=central difference h=" + h + ")";
            }
        };
    }

    /** The same function with the book's step h = 1e-4. */
    public static Objective numerical(Objective f) {
        return numerical(f, DEFAULT_H);
    }

    private static void checkH(double h) {
        Check.positive("difference step h", h, "such as 1e-4");
    }
}
