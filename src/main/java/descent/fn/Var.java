package descent.fn;

import descent.base.Format;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A number that remembers how it was computed, so {@link #backward()} can give the exact derivative of the result
 * with respect to every input: reverse-mode automatic differentiation in the style of micrograd.
 *
 * <pre>{@code
 * Var x = Var.of(3), y = Var.of(2);
 * Var z = x.times(y).plus(x.sin());   // z = x·y + sin x
 * z.backward();
 * x.grad();                           // y + cos x = 2 + cos 3 = 1.0100075033995546
 * y.grad()                            // x = 3.0
 * }</pre>
 *
 * <pre>
 *   forward:  each operation computes its value and, right beside it, its local derivatives ∂out/∂input
 *   backward: visit nodes from the output back to the inputs (reverse topological order) and apply the chain rule
 *             input.grad += ∂out/∂input · out.grad
 * </pre>
 *
 * The derivatives are exact up to rounding (no difference step), which is why {@link Functions#auto} objectives
 * agree with hand-derived gradients to ~1e-15. At kinks we follow PyTorch: {@code abs'(0) = 0}.
 * Source: Karpathy's micrograd {@code engine.py}; Baydin et al., "Automatic differentiation in machine learning: a
 * survey" (JMLR 2018). Unlike micrograd the local derivatives are stored as numbers when the node is built, not as
 * closures, which keeps each operation to one line.
 */
public final class Var {
    private static final Var[] NONE = new Var[0];

    private final double value;
    private final Var[] inputs;
    private final double[] local;   // ∂value/∂inputs[i], computed in the forward pass
    private final String op;
    private double grad;

    private Var(double value, String op, Var[] inputs, double[] local) {
        this.value = value;
        this.op = op;
        this.inputs = inputs;
        this.local = local;
    }

    /** A leaf: an input or a constant. */
    public static Var of(double value) {
        return new Var(value, "", NONE, new double[0]);
    }

    private static Var unary(String op, Var a, double value, double dA) {
        return new Var(value, op, new Var[]{a}, new double[]{dA});
    }

    private static Var binary(String op, Var a, Var b, double value, double dA, double dB) {
        return new Var(value, op, new Var[]{a, b}, new double[]{dA, dB});
    }

    public double value() {
        return value;
    }

    /** ∂output/∂this after the output's {@link #backward()}; 0 before. */
    public double grad() {
        return grad;
    }

    // ---- arithmetic: forward value, then the local derivatives --------------------------------------------------
    public Var plus(Var o)    { return binary("+", this, o, value + o.value, 1, 1); }
    public Var plus(double c) { return unary("+c", this, value + c, 1); }
    public Var minus(Var o)   { return binary("-", this, o, value - o.value, 1, -1); }
    public Var minus(double c){ return unary("-c", this, value - c, 1); }
    public Var times(Var o)   { return binary("*", this, o, value * o.value, o.value, value); }
    public Var times(double c){ return unary("*c", this, value * c, c); }
    public Var div(Var o)     { return binary("/", this, o, value / o.value, 1 / o.value, -value / (o.value * o.value)); }
    public Var div(double c)  { return unary("/c", this, value / c, 1 / c); }
    public Var neg()          { return unary("neg", this, -value, -1); }

    /** this^p for a constant exponent: d/dx = p·x^(p−1). */
    public Var pow(double p)  { return unary("pow", this, Math.pow(value, p), p == 0 ? 0 : p * Math.pow(value, p - 1)); }

    /** this^o with both as variables: d/dthis = o·this^(o−1), d/do = this^o·ln(this) (this must be > 0 for the latter). */
    public Var pow(Var o) {
        double v = Math.pow(value, o.value);
        return binary("pow", this, o, v, o.value * Math.pow(value, o.value - 1), value > 0 ? v * Math.log(value) : 0);
    }

    public Var square()       { return unary("square", this, value * value, 2 * value); }
    public Var sqrt()         { double s = Math.sqrt(value); return unary("sqrt", this, s, 0.5 / s); }
    public Var exp()          { double e = Math.exp(value); return unary("exp", this, e, e); }
    public Var log()          { return unary("log", this, Math.log(value), 1 / value); }
    public Var sin()          { return unary("sin", this, Math.sin(value), Math.cos(value)); }
    public Var cos()          { return unary("cos", this, Math.cos(value), -Math.sin(value)); }
    public Var tanh()         { double t = Math.tanh(value); return unary("tanh", this, t, 1 - t * t); }
    public Var sigmoid()      { double s = 1 / (1 + Math.exp(-value)); return unary("sigmoid", this, s, s * (1 - s)); }
    public Var abs()          { return unary("abs", this, Math.abs(value), Math.signum(value)); }
    public Var relu()         { return unary("relu", this, Math.max(0, value), value > 0 ? 1 : 0); }

    /** The sum of several terms, one node (so long sums do not build deep chains). */
    public static Var sum(Var... terms) {
        double s = 0;
        double[] ones = new double[terms.length];
        for (int i = 0; i < terms.length; i++) {
            s += terms[i].value;
            ones[i] = 1;
        }
        return new Var(s, "sum", terms.clone(), ones);
    }

    /**
     * Sets {@code grad} of every Var this one depends on to ∂this/∂var (and this one's to 1). Calling it again
     * recomputes from zero, so it is safe to call twice.
     */
    public void backward() {
        List<Var> order = topologicalOrder();
        for (Var v : order) v.grad = 0;
        grad = 1;
        for (int k = order.size() - 1; k >= 0; k--) {
            Var v = order.get(k);
            for (int i = 0; i < v.inputs.length; i++) v.inputs[i].grad += v.local[i] * v.grad;
        }
    }

    /** Inputs before the nodes that use them; iterative so long chains cannot overflow the stack. */
    List<Var> topologicalOrder() {
        List<Var> order = new ArrayList<>();
        Map<Var, Boolean> seen = new IdentityHashMap<>();
        Deque<Var> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        stack.push(this);
        next.push(0);
        seen.put(this, true);
        while (!stack.isEmpty()) {
            Var v = stack.peek();
            int i = next.pop();
            if (i < v.inputs.length) {
                next.push(i + 1);
                Var in = v.inputs[i];
                if (seen.put(in, true) == null) {
                    stack.push(in);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }

    // ---- read by AutoHessian, which differentiates this graph a second time -------------------------------------
    String op()          { return op; }
    Var[] inputs()       { return inputs; }
    double local(int i)  { return local[i]; }

    /** {@code Var(12.0, grad=4.0, op=*)}; leaves show no op. */
    @Override
    public String toString() {
        return "Var(" + Format.repr(value) + ", grad=" + Format.repr(grad) + (op.isEmpty() ? "" : ", op=" + op) + ")";
    }
}
