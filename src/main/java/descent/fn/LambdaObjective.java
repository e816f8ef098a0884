package descent.fn;

import descent.base.Check;

import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * An n-D function given as a lambda over {@code double[]}, with an optional analytic gradient; without one the
 * gradient is a central difference with step {@code h}. 1-D and 2-D lambdas are adapted to this in {@link Functions};
 * known minima are added with {@link #withMinima}.
 */
record LambdaObjective(String name, int dim, ToDoubleFunction<double[]> f, UnaryOperator<double[]> grad) implements Objective {

    LambdaObjective {
        Check.notNull("lambda", f, "Functions.of needs a lambda such as (x, y) -> x * x + y * y");
        Check.positive("dimension", dim);
        name = name == null ? "f" : name;
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

    @Override
    public String toString() {
        return "Objective(" + name + ", dim=" + dim + ", gradient=" + (grad == null ? "central difference" : "analytic") + ")";
    }
}
