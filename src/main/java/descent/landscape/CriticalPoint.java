package descent.landscape;

import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;

import java.util.Locale;

/**
 * What kind of point x is, decided as the lecture does: first the gradient norm (is it a critical point at all?),
 * then the signs of the Hessian's eigenvalues.
 *
 * <pre>
 *   ‖∇f(x)‖ > gradTol                         NOT_CRITICAL   (training is not stuck here; the gradient still points somewhere)
 *   all λ_i > eigTol                          LOCAL_MINIMUM
 *   all λ_i &lt; −eigTol                         LOCAL_MAXIMUM
 *   some λ_i > eigTol and some λ_j &lt; −eigTol  SADDLE         (escape along the eigenvector of the most negative λ)
 *   otherwise (some |λ_i| ≤ eigTol)           DEGENERATE     (flat directions: the second-order test cannot decide)
 *   minimum ratio = (number of λ_i > eigTol) / n     (the lecture's measure of "how close to a minimum")
 * </pre>
 *
 * Hung-yi Lee, ML 2021 P5: near a critical point f(θ) ≈ f(θ') + ½(θ − θ')ᵀH(θ − θ'); if u is an eigenvector with
 * λ &lt; 0, f(θ' + t·u) ≈ f(θ') + ½λt² &lt; f(θ'). Dauphin et al., "Identifying and attacking the saddle point problem
 * in high-dimensional non-convex optimization" (NeurIPS 2014), for why saddles outnumber minima in high dimensions.
 *
 * <pre>{@code
 * var p = CriticalPoint.classify(Functions.saddle(), Vec.of(0, 0));
 * p;                      // CriticalPoint(SADDLE at Vec[0.0, 0.0], f=0, |grad|=0, eigenvalues [-2, 2], minimum ratio 0.5)
 * p.escapeDirection()     // Vec[0.0, 1.0] (up to sign): f(0, t) = -t²
 * }</pre>
 *
 * @param at           the point
 * @param value        f(at)
 * @param gradNorm     ‖∇f(at)‖
 * @param eigen        the Hessian's eigenvalues and eigenvectors
 * @param kind         the classification
 * @param minimumRatio the share of eigenvalues above eigTol
 * @param gradTol      the gradient tolerance used
 * @param eigTol       the eigenvalue tolerance used
 */
public record CriticalPoint(Vec at, double value, double gradNorm, Eigen eigen, Kind kind, double minimumRatio,
                            double gradTol, double eigTol) {

    /** Default tolerance on ‖∇f‖ below which a point counts as critical. */
    public static final double DEFAULT_GRAD_TOL = 1e-3;
    /** Default tolerance below which |λ| counts as zero (a flat direction). */
    public static final double DEFAULT_EIG_TOL = 1e-6;

    public enum Kind { NOT_CRITICAL, LOCAL_MINIMUM, LOCAL_MAXIMUM, SADDLE, DEGENERATE }

    /** Classifies x with {@link #DEFAULT_GRAD_TOL} and {@link #DEFAULT_EIG_TOL}. */
    public static CriticalPoint classify(Objective f, Vec x) {
        return classify(f, x, DEFAULT_GRAD_TOL, DEFAULT_EIG_TOL);
    }

    /** Classifies x: gradient norm against gradTol, eigenvalues of the {@link Hessian} against ±eigTol. */
    public static CriticalPoint classify(Objective f, Vec x, double gradTol, double eigTol) {
        if (!(gradTol >= 0) || !(eigTol >= 0)) {
            throw new IllegalArgumentException("Invalid tolerances gradTol = " + gradTol + ", eigTol = " + eigTol
                    + "; expected numbers >= 0 such as 1e-3 and 1e-6.");
        }
        Hessian h = Hessian.of(f, x);
        double g = f.gradient(x).norm();
        Eigen e = h.eigen();
        int pos = 0, neg = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.value(i) > eigTol) pos++;
            else if (e.value(i) < -eigTol) neg++;
        }
        int n = e.size();
        Kind kind = g > gradTol ? Kind.NOT_CRITICAL
                : pos == n ? Kind.LOCAL_MINIMUM
                : neg == n ? Kind.LOCAL_MAXIMUM
                : pos > 0 && neg > 0 ? Kind.SADDLE
                : Kind.DEGENERATE;
        return new CriticalPoint(x, f.value(x), g, e, kind, (double) pos / n, gradTol, eigTol);
    }

    /** The unit eigenvector of the most negative eigenvalue, or null when no eigenvalue is below −eigTol. */
    public Vec escapeDirection() {
        return eigen.smallest() < -eigTol ? eigen.vector(0) : null;
    }

    /** at + step·u for the escape direction u; throws when there is no negative curvature to follow. */
    public Vec escape(double step) {
        Vec u = escapeDirection();
        if (u == null) {
            throw new IllegalStateException("No eigenvalue below -" + eigTol + " at this " + kind
                    + " point, so there is no direction of negative curvature to escape along; smallest eigenvalue " + eigen.smallest() + ".");
        }
        return at.plus(u.scale(step));
    }

    @Override
    public String toString() {
        String vals = eigen.size() <= 6 ? "eigenvalues " + java.util.Arrays.stream(eigen.values().toArray())
                .mapToObj(Format::number).toList() : eigen.size() + " eigenvalues in ["
                + Format.number(eigen.smallest()) + ", " + Format.number(eigen.largest()) + "]";
        String where = at.dim() <= 6 ? " at " + at : "";
        return String.format(Locale.ROOT, "CriticalPoint(%s%s, f=%s, |grad|=%s, %s, minimum ratio %s)", kind, where,
                Format.number(value), Format.number(gradNorm), vals, Format.number(minimumRatio));
    }
}
