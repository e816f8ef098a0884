package descent.fn;

import java.util.List;

/** An objective with a user-supplied list of minima; everything else is delegated. */
final class WithMinima implements Objective {
    private final Objective f;
    private final List<Vec> minima;

    WithMinima(Objective f, List<Vec> minima) {
        this.f = f;
        for (Vec m : minima) f.checkInput(m);
        this.minima = List.copyOf(minima);
    }

    /** The wrapped objective (AutoHessian looks through the wrapper). */
    Objective inner() { return f; }

    @Override public int dim() { return f.dim(); }
    @Override public double value(Vec x) { return f.value(x); }
    @Override public Vec gradient(Vec x) { return f.gradient(x); }
    @Override public String name() { return f.name(); }
    @Override public List<Vec> minima() { return minima; }

    @Override
    public String toString() {
        String inner = f.toString();
        // Objective(name, dim=2, gradient=analytic) -> Objective(name, dim=2, gradient=analytic, minima=[...])
        return inner.endsWith(")") ? inner.substring(0, inner.length() - 1) + ", minima=" + minima + ")"
                : inner + ".withMinima(" + minima + ")";
    }
}
