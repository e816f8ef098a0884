package descent.fn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact Hessian–vector products H·v of a {@link Functions#auto} objective: forward-over-reverse automatic
 * differentiation on the same {@link Var} graph that gives the gradient.
 *
 * <pre>
 *   forward tangent  ẋ_leaf = v_i,   ẋ_node = Σ_i ∂node/∂in_i · ẋ_in_i                     (directional derivative)
 *   reverse          ā_out = 1,      ā_in  += ∂node/∂in_i · ā_node                          (the usual gradient)
 *   its tangent      ȧ_out = 0,      ȧ_in  += ∂node/∂in_i · ȧ_node + (Σ_j ∂²node/∂in_i∂in_j · ẋ_in_j) · ā_node
 *   result           (H·v)_i = ȧ of input i
 * </pre>
 *
 * The second derivatives of each operation are written out in {@link #second}; they are exact, so H·v is exact up
 * to rounding. Pearlmutter, "Fast exact multiplication by the Hessian" (Neural Computation 1994); Baydin et al.,
 * "Automatic differentiation in machine learning: a survey" (JMLR 2018), §3.3. At kinks (abs, relu) the second
 * derivative is taken as 0, as PyTorch does.
 *
 * <pre>{@code
 * var f = Functions.auto("x^2 y", (x, y) -> x.square().times(y));
 * AutoHessian.supports(f);                               // true
 * AutoHessian.hvp(f, Vec.of(1, 2), Vec.of(1, 0))         // column 0 of [[2y, 2x], [2x, 0]] = Vec[4.0, 2.0]
 * }</pre>
 */
public final class AutoHessian {
    private AutoHessian() {
    }

    /** True when f was built with {@link Functions#auto} (possibly with {@code withMinima}), so H·v is exact. */
    public static boolean supports(Objective f) {
        return unwrap(f) != null;
    }

    /** H(x)·v, exact up to rounding; throws when f is not a {@link Functions#auto} objective. */
    public static Vec hvp(Objective f, Vec x, Vec v) {
        AutoObjective auto = unwrap(f);
        if (auto == null) {
            throw new IllegalArgumentException(f + " has no Var graph to differentiate twice; AutoHessian needs an "
                    + "objective from Functions.auto(...). Use Hessian.of(f, x), which falls back to central differences of the gradient.");
        }
        f.checkInput(x);
        f.checkInput(v);
        Var[] in = auto.inputs(x);
        Var out = auto.eval(in);
        List<Var> order = out.topologicalOrder();
        Map<Var, Integer> index = new IdentityHashMap<>();
        for (int k = 0; k < order.size(); k++) index.put(order.get(k), k);
        int m = order.size();
        double[] tan = new double[m], adj = new double[m], adjDot = new double[m];
        for (int i = 0; i < in.length; i++) {
            Integer k = index.get(in[i]);
            if (k != null) tan[k] += v.get(i);
        }
        for (int k = 0; k < m; k++) {
            Var node = order.get(k);
            Var[] ins = node.inputs();
            if (ins.length == 0) continue;
            double t = 0;
            for (int i = 0; i < ins.length; i++) t += node.local(i) * tan[index.get(ins[i])];
            tan[k] = t;
        }
        adj[m - 1] = 1;
        for (int k = m - 1; k >= 0; k--) {
            Var node = order.get(k);
            Var[] ins = node.inputs();
            if (ins.length == 0 || (adj[k] == 0 && adjDot[k] == 0)) continue;
            double[][] s = second(node);
            for (int i = 0; i < ins.length; i++) {
                double localDot = 0;
                if (s != null) {
                    for (int j = 0; j < ins.length; j++) localDot += s[i][j] * tan[index.get(ins[j])];
                }
                int ki = index.get(ins[i]);
                adj[ki] += node.local(i) * adj[k];
                adjDot[ki] += node.local(i) * adjDot[k] + localDot * adj[k];
            }
        }
        double[] hv = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            Integer k = index.get(in[i]);
            hv[i] = k == null ? 0 : adjDot[k];
        }
        return Vec.wrap(hv);
    }

    /**
     * ∂²node/∂in_i∂in_j from the values in the graph, or null when every second derivative is 0 (sums, products by
     * constants, abs, relu).
     */
    static double[][] second(Var node) {
        double y = node.value();
        Var[] ins = node.inputs();
        double a = ins[0].value();
        switch (node.op()) {
            case "+", "-", "+c", "-c", "*c", "/c", "neg", "sum", "abs", "relu":
                return null;
            case "*":
                return new double[][] {{0, 1}, {1, 0}};
            case "/": {
                double b = ins[1].value();
                return new double[][] {{0, -1 / (b * b)}, {-1 / (b * b), 2 * a / (b * b * b)}};
            }
            case "pow": {
                if (ins.length == 2) {
                    double b = ins[1].value();
                    double aa = b * (b - 1) * Math.pow(a, b - 2);
                    double ab = a > 0 ? Math.pow(a, b - 1) * (1 + b * Math.log(a)) : 0;
                    double bb = a > 0 ? y * Math.log(a) * Math.log(a) : 0;
                    return new double[][] {{aa, ab}, {ab, bb}};
                }
                // x.pow(p) keeps only p·x^(p−1); with y = x^p:  p(p−1)x^(p−2) = (p·x^(p−1))²/y − p·x^(p−1)/x
                double l = node.local(0);
                if (a == 0 || y == 0) {
                    throw new IllegalArgumentException("AutoHessian cannot recover the exponent of x.pow(p) at x = " + a
                            + "; write x.square() or x.times(x) instead of pow for the Hessian at 0.");
                }
                return new double[][] {{l * l / y - l / a}};
            }
            case "square":
                return new double[][] {{2}};
            case "sqrt":
                return new double[][] {{-0.25 / (y * y * y)}};
            case "exp":
                return new double[][] {{y}};
            case "log":
                return new double[][] {{-1 / (a * a)}};
            case "sin", "cos":
                return new double[][] {{-y}};
            case "tanh":
                return new double[][] {{-2 * y * (1 - y * y)}};
            case "sigmoid":
                return new double[][] {{y * (1 - y) * (1 - 2 * y)}};
            default:
                throw new IllegalStateException("AutoHessian does not know the second derivative of the Var operation '"
                        + node.op() + "'; add it to AutoHessian.second next to the first derivative in Var.");
        }
    }

    private static AutoObjective unwrap(Objective f) {
        Objective g = f;
        while (g instanceof WithMinima w) g = w.inner();
        return g instanceof AutoObjective a ? a : null;
    }

}
