package descent.fn;

/**
 * Numerical gradients.
 *
 * <pre>{@code
 * Gradients.centralDifference(Functions.of((x, y) -> x * y), Vec.of(2, 3), 1e-4)   // Vec[3.0, 2.0]
 * }</pre>
 *
 * The central difference (f(x+h·e_i) − f(x−h·e_i)) / 2h has error O(h²); h = 1e-4 is the book's choice
 * (Deep Learning from Scratch §4.3), a balance between truncation and rounding error.
 */
public final class Gradients {
    /** The book's step for numerical differentiation. */
    public static final double DEFAULT_H = 1e-4;

    private Gradients() {
    }

    /** Central-difference gradient of f at x with step h. */
    public static Vec centralDifference(Objective f, Vec x, double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("Invalid difference step h=" + h + "; expected a small positive number such as 1e-4.");
        }
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
}
