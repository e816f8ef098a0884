package descent.landscape;

import descent.data.Dataset;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.nn.Dense;
import descent.nn.Layer;
import descent.nn.LeakyReLU;
import descent.nn.Loss;
import descent.nn.MSE;
import descent.nn.Parameter;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.Sigmoid;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss of a network on fixed data as a function of all its parameters θ ∈ R^n (flattened in
 * {@code net.parameters()} order, each matrix row by row): an {@link Objective} with the exact gradient (backprop)
 * and the exact Hessian–vector product H·v (Pearlmutter's R-operator), so everything in {@code descent.fn} and
 * {@code descent.optim} works on it.
 *
 * <pre>
 *   R{·} = d/dr (·)(θ + r·v) at r = 0, pushed through the same forward and backward pass as the gradient:
 *   Dense      a = h·W + b             R{a}  = R{h}·W + h·V_W + V_b
 *   activation h = σ(a)                R{h}  = σ'(a) ⊙ R{a}
 *   loss       g = ∂L/∂z               R{g}  = (∂²L/∂z²)·R{z}   softmax-CE: (p ⊙ R{z} − p (pᵀR{z}))/N;  MSE: 2 R{z}/N
 *   back act.  g_a = σ'(a) ⊙ g_h       R{g_a} = σ''(a) ⊙ R{a} ⊙ g_h + σ'(a) ⊙ R{g_h}
 *   back Dense ∂L/∂W = hᵀ g_a          (H·v)_W = R{h}ᵀ g_a + hᵀ R{g_a},   (H·v)_b = Σ_rows R{g_a}
 *              g_h = g_a·Wᵀ            R{g_h} = R{g_a}·Wᵀ + g_a·V_Wᵀ
 * </pre>
 *
 * Pearlmutter, "Fast exact multiplication by the Hessian" (Neural Computation 1994). One H·v costs about two
 * gradients, so the full n×n Hessian ({@link Hessian#of}) is for small networks, and the extreme eigenvalues of a
 * large one come from {@link Lanczos}. Supported layers: {@code Dense}, {@code ReLU}, {@code LeakyReLU},
 * {@code Sigmoid}, {@code Tanh} (nested {@code Sequential}s are flattened); losses: softmax cross-entropy and MSE.
 * Others (batch norm, dropout, maxout, PReLU, a softmax layer) are refused with a clear error. At ReLU's kink the
 * second derivative is 0, as in every framework.
 *
 * <pre>{@code
 * var net = Mlp.of(2, 3, 2).tanh().seed(1);
 * var f = NetworkLoss.of(net, Datasets.spirals(10, 0.1, 1));   // NetworkLoss(Mlp[...], 17 parameters, 10 examples, SoftmaxCrossEntropy)
 * var theta = f.point();                                       // the network's current parameters
 * f.value(theta);  f.gradient(theta);  f.hvp(theta, f.gradient(theta));
 * Hessian.of(f, theta).eigen()                                 // 17 eigenvalues
 * }</pre>
 *
 * Evaluating at a point never changes the network; {@link #setPoint} writes θ into it. All methods are safe to call
 * from several threads at once (the landscape grids do).
 */
public final class NetworkLoss implements Objective {
    private final Sequential net;
    private final List<Layer> layers;
    private final boolean crossEntropy;
    private final Matrix x;
    private final Matrix target;
    private final int n;

    private NetworkLoss(Sequential net, List<Layer> layers, boolean crossEntropy, Matrix x, Matrix target) {
        this.net = net;
        this.layers = layers;
        this.crossEntropy = crossEntropy;
        this.x = x;
        this.target = target;
        this.n = net.parameterCount();
    }

    /** Softmax cross-entropy on all examples of {@code data} (one-hot targets). */
    public static NetworkLoss of(Sequential net, Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("NetworkLoss.of needs a data set; got null.");
        }
        return of(net, new SoftmaxCrossEntropy(), data.x(), data.oneHot());
    }

    /** {@code loss} (softmax cross-entropy or MSE) of {@code net} on inputs x (N×in) and targets (N×out). */
    public static NetworkLoss of(Sequential net, Loss loss, Matrix x, Matrix target) {
        if (net == null || loss == null || x == null || target == null) {
            throw new IllegalArgumentException("NetworkLoss.of(net, loss, x, target) got null for "
                    + (net == null ? "net" : loss == null ? "loss" : x == null ? "x" : "target") + ".");
        }
        boolean ce;
        if (loss instanceof SoftmaxCrossEntropy) ce = true;
        else if (loss instanceof MSE) ce = false;
        else throw new IllegalArgumentException("NetworkLoss supports SoftmaxCrossEntropy and MSE; got " + loss
                    + ". Use Losses.softmaxCrossEntropy() or Losses.mse().");
        List<Layer> flat = new ArrayList<>();
        flatten(net, flat);
        int width = x.cols();
        for (int i = 0; i < flat.size(); i++) {
            Layer l = flat.get(i);
            if (!(l instanceof Dense || l instanceof ReLU || l instanceof LeakyReLU || l instanceof Sigmoid || l instanceof Tanh)) {
                throw new IllegalArgumentException("NetworkLoss (Hessian, landscape) supports Dense, ReLU, LeakyReLU, Sigmoid "
                        + "and Tanh layers; layer " + i + " of " + net + " is " + l + ". Build the network without it, e.g. "
                        + "Mlp.of(784, 32, 10).relu(), to study its curvature.");
            }
            width = l.outputWidth(width);
        }
        if (width != target.cols() || x.rows() != target.rows()) {
            throw new IllegalArgumentException(net + " maps " + x.shape() + " inputs to N x " + width
                    + " outputs but the target is " + target.shape() + "; they must match (one row per example).");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("NetworkLoss needs at least one example; got " + x.shape() + ".");
        }
        return new NetworkLoss(net, List.copyOf(flat), ce, x, target);
    }

    private static void flatten(Layer l, List<Layer> out) {
        if (l instanceof Sequential s) {
            for (Layer inner : s.layers()) flatten(inner, out);
        } else {
            out.add(l);
        }
    }

    @Override
    public int dim() {
        return n;
    }

    @Override
    public String name() {
        return "loss of " + net;
    }

    /** The network's current parameters, flattened (a copy). */
    public Vec point() {
        double[] t = new double[n];
        int o = 0;
        for (Parameter p : net.parameters()) {
            System.arraycopy(p.value().data(), 0, t, o, p.size());
            o += p.size();
        }
        return Vec.of(t);
    }

    /** Writes θ into the network's parameters (checked first, so a bad θ leaves the network as it was). */
    public void setPoint(Vec theta) {
        checkInput(theta);
        if (!theta.isFinite()) {
            throw new IllegalArgumentException("setPoint got a parameter vector with NaN or infinite values; the network is unchanged.");
        }
        double[] t = theta.toArray();
        int o = 0;
        for (Parameter p : net.parameters()) {
            System.arraycopy(t, o, p.value().data(), 0, p.size());
            o += p.size();
        }
    }

    public Sequential network() {
        return net;
    }

    /** The number of examples the loss averages over. */
    public int examples() {
        return x.rows();
    }

    @Override
    public double value(Vec theta) {
        return pass(params(theta), null, false, null).loss;
    }

    /** Loss and accuracy (share of rows whose largest output is the target's largest) at θ. */
    public Evaluated evaluate(Vec theta) {
        Pass p = pass(params(theta), null, false, null);
        return new Evaluated(p.loss, p.accuracy);
    }

    /**
     * Loss and accuracy at c + a_i·d1 + b_j·d2 for every grid point, in parallel. The first layer is linear in θ, so
     * its pre-activations x·W + b are computed three times (for c, d1 and d2) and combined per point: the
     * in×hidden product, by far the largest, is not repeated for each point.
     */
    Evaluated[][] evaluatePlane(Vec c, Vec d1, Vec d2, double[] a, double[] b) {
        checkInput(c);
        checkInput(d1);
        checkInput(d2);
        double[] tc = c.toArray(), t1 = d1.toArray(), t2 = d2.toArray();
        Evaluated[][] out = new Evaluated[a.length][b.length];
        Matrix p0 = null, p1 = null, p2 = null;
        if (layers.get(0) instanceof Dense d) {
            p0 = firstPre(tc, d);
            p1 = firstPre(t1, d);
            p2 = firstPre(t2, d);
        }
        Matrix q0 = p0, q1 = p1, q2 = p2;
        descent.base.Parallel.map(a.length * b.length, k -> {
            int i = k / b.length, j = k % b.length;
            double[] t = new double[n];
            for (int r = 0; r < n; r++) t[r] = tc[r] + a[i] * t1[r] + b[j] * t2[r];
            Matrix pre = null;
            if (q0 != null) {
                double[] z0 = q0.data(), z1 = q1.data(), z2 = q2.data(), z = new double[z0.length];
                for (int r = 0; r < z.length; r++) z[r] = z0[r] + a[i] * z1[r] + b[j] * z2[r];
                pre = Matrix.wrap(q0.rows(), q0.cols(), z);
            }
            Pass p = pass(t, null, false, pre);
            out[i][j] = new Evaluated(p.loss, p.accuracy);
            return out[i][j];
        });
        return out;
    }

    private Matrix firstPre(double[] t, Dense d) {
        return x.times(slice(t, 0, d.in(), d.out())).addToEachRow(slice(t, d.in() * d.out(), 1, d.out()));
    }

    /** Loss and accuracy at one point. */
    public record Evaluated(double loss, double accuracy) {
    }

    @Override
    public Vec gradient(Vec theta) {
        return Vec.of(pass(params(theta), null, true, null).grad);
    }

    /** H(θ)·v, exact up to rounding (R-operator); about the cost of two gradients. */
    public Vec hvp(Vec theta, Vec v) {
        checkInput(v);
        return Vec.of(pass(params(theta), v.toArray(), true, null).hv);
    }

    private double[] params(Vec theta) {
        checkInput(theta);
        return theta.toArray();
    }

    /** Parameter blocks in θ: for each Dense, W (in×out, row by row) then b (1×out). */
    List<Block> blocks() {
        List<Block> b = new ArrayList<>();
        int o = 0;
        for (Layer l : layers) {
            if (l instanceof Dense d) {
                b.add(new Block(o, d.in(), d.out(), true));
                o += d.in() * d.out();
                b.add(new Block(o, 1, d.out(), false));
                o += d.out();
            }
        }
        return b;
    }

    /** A matrix inside θ starting at {@code offset}; weights are in×out, biases 1×out. */
    record Block(int offset, int rows, int cols, boolean weight) {
    }

    private static final class Pass {
        double loss, accuracy;
        double[] grad, hv;
    }

    private static Matrix slice(double[] t, int offset, int rows, int cols) {
        double[] d = new double[rows * cols];
        System.arraycopy(t, offset, d, 0, d.length);
        return Matrix.wrap(rows, cols, d);
    }

    private static void addInto(Matrix a, Matrix b) {
        double[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) x[i] += y[i];
    }

    /**
     * One forward pass, and when asked the backward pass with its R-operator twin (v == null: no H·v). {@code pre0},
     * when given, is the first Dense layer's output x·W + b, already computed.
     */
    private Pass pass(double[] t, double[] v, boolean backward, Matrix pre0) {
        int m = layers.size();
        Matrix[] in = new Matrix[m], rIn = new Matrix[m], W = new Matrix[m], V = new Matrix[m];
        Matrix[] b = new Matrix[m], vb = new Matrix[m];
        int[] offset = new int[m];
        Matrix h = x, rh = null;
        boolean r = v != null;
        int o = 0;
        for (int i = 0; i < m; i++) {
            Layer l = layers.get(i);
            in[i] = h;
            rIn[i] = rh;
            if (l instanceof Dense d) {
                offset[i] = o;
                W[i] = slice(t, o, d.in(), d.out());
                b[i] = slice(t, o + d.in() * d.out(), 1, d.out());
                Matrix a = i == 0 && pre0 != null ? pre0 : h.times(W[i]).addToEachRow(b[i]);
                if (r) {
                    V[i] = slice(v, o, d.in(), d.out());
                    vb[i] = slice(v, o + d.in() * d.out(), 1, d.out());
                    Matrix ra = h.times(V[i]).addToEachRow(vb[i]);
                    if (rh != null) addInto(ra, rh.times(W[i]));
                    rh = ra;
                }
                o += d.in() * d.out() + d.out();
                h = a;
            } else {
                double[] a = h.data(), out = new double[a.length];
                double[] ra = rh == null ? null : rh.data(), rout = r ? new double[a.length] : null;
                for (int k = 0; k < a.length; k++) {
                    out[k] = act(l, a[k]);
                    if (rout != null && ra != null) rout[k] = d1(l, a[k], out[k]) * ra[k];
                }
                h = Matrix.wrap(h.rows(), h.cols(), out);
                rh = r ? Matrix.wrap(h.rows(), h.cols(), rout) : null;
            }
        }
        Pass p = new Pass();
        int rows = h.rows(), c = h.cols();
        double[] z = h.data(), tg = target.data();
        double[] g = new double[z.length], rg = r ? new double[z.length] : null;
        double[] rz = rh == null ? null : rh.data();
        double loss = 0;
        int correct = 0;
        for (int row = 0, q = 0; row < rows; row++, q += c) {
            int best = q, bestT = q;
            for (int j = q; j < q + c; j++) {
                if (z[j] > z[best]) best = j;
                if (tg[j] > tg[bestT]) bestT = j;
            }
            if (best - q == bestT - q) correct++;
            if (crossEntropy) {
                double max = z[best], sum = 0;
                for (int j = q; j < q + c; j++) sum += Math.exp(z[j] - max);
                double logSum = Math.log(sum), pr = 0;
                for (int j = q; j < q + c; j++) {
                    double logP = z[j] - max - logSum, pj = Math.exp(logP);
                    if (tg[j] != 0) loss -= tg[j] * logP;
                    g[j] = (pj - tg[j]) / rows;
                    if (rz != null) pr += pj * rz[j];
                }
                if (rz != null) {
                    for (int j = q; j < q + c; j++) {
                        double pj = Math.exp(z[j] - max - logSum);
                        rg[j] = pj * (rz[j] - pr) / rows;
                    }
                }
            } else {
                for (int j = q; j < q + c; j++) {
                    double d = z[j] - tg[j];
                    loss += d * d;
                    g[j] = 2 * d / rows;
                    if (rz != null) rg[j] = 2 * rz[j] / rows;
                }
            }
        }
        p.loss = loss / rows;
        p.accuracy = (double) correct / rows;
        if (!backward) return p;

        p.grad = new double[n];
        p.hv = r ? new double[n] : null;
        Matrix gh = Matrix.wrap(rows, c, g), rgh = r ? Matrix.wrap(rows, c, rg) : null;
        for (int i = m - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (l instanceof Dense d) {
                Matrix gW = in[i].transposeTimes(gh);
                copy(gW.data(), p.grad, offset[i]);
                copy(gh.columnSums().data(), p.grad, offset[i] + d.in() * d.out());
                if (r) {
                    Matrix hvW = in[i].transposeTimes(rgh);
                    if (rIn[i] != null) addInto(hvW, rIn[i].transposeTimes(gh));
                    copy(hvW.data(), p.hv, offset[i]);
                    copy(rgh.columnSums().data(), p.hv, offset[i] + d.in() * d.out());
                }
                if (i > 0) {
                    Matrix next = gh.timesTranspose(W[i]);
                    if (r) {
                        Matrix rnext = rgh.timesTranspose(W[i]);
                        addInto(rnext, gh.timesTranspose(V[i]));
                        rgh = rnext;
                    }
                    gh = next;
                }
            } else {
                // the activation's input is the previous layer's output: in[i]
                double[] a = in[i].data(), gd = gh.data(), out = new double[a.length];
                double[] ra = rIn[i] == null ? null : rIn[i].data(), rgd = r ? rgh.data() : null;
                double[] rout = r ? new double[a.length] : null;
                for (int k = 0; k < a.length; k++) {
                    double y = act(l, a[k]), s1 = d1(l, a[k], y);
                    out[k] = s1 * gd[k];
                    if (r) rout[k] = s1 * rgd[k] + (ra == null ? 0 : d2(l, y) * ra[k] * gd[k]);
                }
                gh = Matrix.wrap(gh.rows(), gh.cols(), out);
                if (r) rgh = Matrix.wrap(gh.rows(), gh.cols(), rout);
            }
        }
        return p;
    }

    private static void copy(double[] src, double[] dst, int at) {
        System.arraycopy(src, 0, dst, at, src.length);
    }

    private static double act(Layer l, double a) {
        if (l instanceof ReLU) return Math.max(0.0, a);
        if (l instanceof LeakyReLU lr) return a > 0 ? a : lr.alpha() * a;
        if (l instanceof Sigmoid) return 1.0 / (1.0 + Math.exp(-a));
        return Math.tanh(a);
    }

    /** σ'(a), given y = σ(a). */
    private static double d1(Layer l, double a, double y) {
        if (l instanceof ReLU) return a > 0 ? 1 : 0;
        if (l instanceof LeakyReLU lr) return a > 0 ? 1 : lr.alpha();
        if (l instanceof Sigmoid) return y * (1 - y);
        return 1 - y * y;
    }

    /** σ''(a), given y = σ(a); 0 for the piecewise-linear ReLUs. */
    private static double d2(Layer l, double y) {
        if (l instanceof Sigmoid) return y * (1 - y) * (1 - 2 * y);
        if (l instanceof Tanh) return -2 * y * (1 - y * y);
        return 0;
    }

    @Override
    public String toString() {
        return "NetworkLoss(" + net + ", " + n + " parameters, " + x.rows() + " examples, "
                + (crossEntropy ? "SoftmaxCrossEntropy" : "MSE") + ")";
    }
}
