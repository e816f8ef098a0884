package descent.fn;

import descent.base.Check;

import java.util.function.Function;

/**
 * An n-D function written with {@link Var} operations; its gradient comes from one reverse-mode pass
 * ({@link Var#backward()}), exact up to rounding.
 */
record AutoObjective(String name, int dim, Function<Var[], Var> f) implements Objective {

    AutoObjective {
        Check.notNull("lambda", f, "Functions.auto needs a lambda such as (x, y) -> x.square().plus(y.square())");
        Check.positive("dimension", dim);
        name = name == null ? "f" : name;
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
    public String toString() {
        return "Objective(" + name + ", dim=" + dim + ", gradient=automatic)";
    }
}
