package descent.fn;

import descent.base.Check;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * An n-D function given as a lambda over {@code double[]}, with an optional analytic gradient; without one the
 * gradient is a central difference with step {@code h}. 1-D and 2-D lambdas are adapted to this in {@link Functions}.
 */
final class LambdaObjective implements Objective {
    private final String name;
    private final int dim;
    private final ToDoubleFunction<double[]> f;
    private final UnaryOperator<double[]> grad;
    private final List<Vec> minima;

    LambdaObjective(String name, int dim, ToDoubleFunction<double[]> f, UnaryOperator<double[]> grad, List<Vec> minima) {
        if (f == null) {
            throw new IllegalArgumentException("Functions.of needs a lambda such as (x, y) -> x * x + y * y; got null.");
        }
        Check.positive("dimension", dim);
        this.name = name == null ? "f" : name;
        this.dim = dim;
        this.f = f;
        this.grad = grad;
        this.minima = List.copyOf(minima);
        for (Vec m : this.minima) checkInput(m);
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public double value(Vec x) {
        checkInput(x);
        return f.applyAsDouble(x.toArray());
    }

    @Override
    public Vec gradient(Vec x) {
        if (grad == null) return Objective.super.gradient(x);
        checkInput(x);
        double[] g = grad.apply(x.toArray());
        if (g == null || g.length != dim) {
            throw new IllegalStateException("The gradient lambda of " + name + " returned " + (g == null ? "null" : g.length + " values")
                    + " at " + x + "; expected " + dim + " partial derivatives.");
        }
        return Vec.wrap(g);
    }

    /** How this function's gradient is computed, for toString. */
    String gradientSource() {
        return grad == null ? "central difference" : "analytic";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Vec> minima() {
        return minima;
    }

    @Override
    public String toString() {
        return "Objective(" + name + ", dim=" + dim + ", gradient=" + gradientSource() + ")";
    }
}
