package descent.fn;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** A function of two variables given as a lambda, with an optional analytic gradient. */
final class Function2 implements Objective {
    /** An analytic gradient of a 2-D function. */
    interface Gradient2 {
        Vec at(double x, double y);
    }

    private final String name;
    private final DoubleBinaryOperator f;
    private final Gradient2 grad;
    private final List<Vec> minima;

    Function2(String name, DoubleBinaryOperator f, Gradient2 grad, List<Vec> minima) {
        if (f == null) {
            throw new IllegalArgumentException("Functions.of needs a lambda such as (x, y) -> x * x + y * y; got null.");
        }
        this.name = name;
        this.f = f;
        this.grad = grad;
        this.minima = List.copyOf(minima);
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public double value(Vec x) {
        checkInput(x);
        return f.applyAsDouble(x.get(0), x.get(1));
    }

    @Override
    public Vec gradient(Vec x) {
        if (grad == null) return Objective.super.gradient(x);
        checkInput(x);
        return grad.at(x.get(0), x.get(1));
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
        return "Objective(" + name + ")";
    }
}
