package descent.fn;

import java.util.List;
import java.util.function.Function;

/**
 * An n-D function written with {@link Var} operations; its gradient comes from one reverse-mode pass
 * ({@link Var#backward()}), exact up to rounding.
 */
final class AutoObjective implements Objective {
    private final String name;
    private final int dim;
    private final Function<Var[], Var> f;
    private final List<Vec> minima;

    AutoObjective(String name, int dim, Function<Var[], Var> f, List<Vec> minima) {
        if (f == null) {
            throw new IllegalArgumentException("Functions.auto needs a lambda such as (x, y) -> x.square().plus(y.square()); got null.");
        }
        if (dim < 1) {
            throw new IllegalArgumentException("Invalid dimension: " + dim + "; a function needs at least 1 input.");
        }
        this.name = name == null ? "f" : name;
        this.dim = dim;
        this.f = f;
        this.minima = List.copyOf(minima);
        for (Vec m : this.minima) checkInput(m);
    }

    Var[] inputs(Vec x) {
        checkInput(x);
        Var[] in = new Var[dim];
        for (int i = 0; i < dim; i++) in[i] = Var.of(x.get(i));
        return in;
    }

    Var eval(Var[] in) {
        Var out = f.apply(in);
        if (out == null) {
            throw new IllegalStateException("The lambda of " + name + " returned null; it must return a Var such as x.square().");
        }
        return out;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public double value(Vec x) {
        return eval(inputs(x)).value();
    }

    @Override
    public Vec gradient(Vec x) {
        Var[] in = inputs(x);
        eval(in).backward();
        double[] g = new double[dim];
        for (int i = 0; i < dim; i++) g[i] = in[i].grad();
        return Vec.wrap(g);
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
        return "Objective(" + name + ", dim=" + dim + ", gradient=automatic)";
    }
}
