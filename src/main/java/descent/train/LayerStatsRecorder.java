package descent.train;

import descent.nn.Layer;
import descent.nn.Parameter;
import descent.nn.Sequential;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Records each step's per-layer statistics ({@link LayerStats}) and their means over the epoch.
 *
 * <pre>
 *   per step, layer i:  activationMean = mean(output_i),  activationStd = std(output_i),  gradNorm = ‖∂L/∂θ_i‖
 *   per epoch:          the mean of each over the epoch's steps
 * </pre>
 * The sums run in interleaved partial sums added up in a fixed order ({@link #sumSquares}, {@link #sums}; float32
 * in 512 float lanes that HotSpot vectorizes): the same numbers on every machine and thread count, and several times
 * faster than one running sum, whose every addition waits for the one before. The trainer computes the squared
 * gradient norms once per step for its finiteness check and hands them over.
 */
final class LayerStatsRecorder {
    /** float32 values are summed in this many float lanes, a block at a time... */
    static final int BLOCK = 512;
    /** ...and the lanes added into a double every this many blocks: at most 64 terms per float sum. */
    static final int FLUSH = 64;
    /** Per thread (the statistics may run on the helper thread): the lanes and the block buffers, all 0 between uses. */
    private static final ThreadLocal<Lanes> LANES = ThreadLocal.withInitial(Lanes::new);
    private final Sequential model;
    private final List<String> names;
    private final int[][] parameterIndex;   // per layer: its parameters' positions in the trainer's list
    private final double[] mean, std, gradNorm;
    private final double[] meanSum, stdSum, gradNormSum;
    private final double[] sums = new double[2];
    private final double[] activationSum, activationSquares;
    private final Beside.Task activations = new Beside.Task() {
        @Override
        public void run() {
            for (int i = 0; i < activationSum.length; i++) {
                sums(model.output(i), sums);
                activationSum[i] = sums[0];
                activationSquares[i] = sums[1];
            }
        }
    };
    private int steps;

    LayerStatsRecorder(Sequential model, List<Parameter> trainerParameters) {
        this.model = model;
        List<String> layerNames = new ArrayList<>();
        int n = model.size();
        parameterIndex = new int[n][];
        for (int i = 0; i < n; i++) {
            Layer l = model.layer(i);
            layerNames.add(l.toString());
            List<Parameter> ps = l.parameters();
            parameterIndex[i] = new int[ps.size()];
            for (int k = 0; k < ps.size(); k++) parameterIndex[i][k] = indexOf(trainerParameters, ps.get(k));
        }
        names = List.copyOf(layerNames);
        mean = new double[n];
        std = new double[n];
        gradNorm = new double[n];
        meanSum = new double[n];
        stdSum = new double[n];
        gradNormSum = new double[n];
        activationSum = new double[n];
        activationSquares = new double[n];
    }

    /**
     * After the forward pass: starts summing the layers' outputs on the second core (see {@link Beside}), which
     * {@link #record} waits for. The outputs must not change in between (the updates do not touch them).
     */
    void start() {
        activations.post();
    }

    /** Waits for what {@link #start()} began (before anything may overwrite the layers' outputs). */
    void settle() {
        activations.await();
    }

    /** As {@link #settle()} while {@code failure} is on its way out: a failure of the statistics is added to it. */
    void settleAfter(Throwable failure) {
        try {
            activations.await();
        } catch (RuntimeException | Error e) {
            if (e != failure) failure.addSuppressed(e);
        }
    }

    private static int indexOf(List<Parameter> list, Parameter p) {
        for (int i = 0; i < list.size(); i++) if (list.get(i) == p) return i;
        throw new IllegalStateException("The layer's parameter " + p + " is not among the model's parameters " + list + ".");
    }

    /**
     * This step's statistics, after backward: the layers' outputs are those of the step, and {@code gradSquares[j]}
     * is Σ g² of the trainer's parameter j.
     */
    LayerStats record(double[] gradSquares) {
        activations.post();      // no-op when start() posted it already
        activations.await();
        for (int i = 0; i < mean.length; i++) {
            int size = model.output(i).size();
            mean[i] = activationSum[i] / size;
            std[i] = Math.sqrt(Math.max(0, activationSquares[i] / size - mean[i] * mean[i]));
            double g = 0;
            for (int j : parameterIndex[i]) g += gradSquares[j];
            gradNorm[i] = parameterIndex[i].length == 0 ? Double.NaN : Math.sqrt(g);
            meanSum[i] += mean[i];
            stdSum[i] += std[i];
            gradNormSum[i] += gradNorm[i];
        }
        steps++;
        return new LayerStats(names, mean, std, gradNorm);
    }

    /**
     * Σ g² (in eight partial sums, added up pairwise in a fixed order), in the same pass checking that every w is
     * finite: each term is g·g + w·0, and w·0 is ±0 (which adds nothing) for a finite w and NaN for a NaN or infinite
     * one. A gradient has its parameter's dtype; float32 values are summed in float lanes of at most 64 terms, the lanes
     * in double ({@link #sumSquares(float[], float[])}).
     */
    static double sumSquares(Matrix gradient, Matrix value) {
        return gradient.isFloat32() ? sumSquares(gradient.floats(), value.floats()) : sumSquares(gradient.data(), value.data());
    }

    private static double sumSquares(double[] g, double[] w) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0, n = g.length;
        for (; i + 7 < n; i += 8) {
            s0 += g[i] * g[i] + w[i] * 0.0;
            s1 += g[i + 1] * g[i + 1] + w[i + 1] * 0.0;
            s2 += g[i + 2] * g[i + 2] + w[i + 2] * 0.0;
            s3 += g[i + 3] * g[i + 3] + w[i + 3] * 0.0;
            s4 += g[i + 4] * g[i + 4] + w[i + 4] * 0.0;
            s5 += g[i + 5] * g[i + 5] + w[i + 5] * 0.0;
            s6 += g[i + 6] * g[i + 6] + w[i + 6] * 0.0;
            s7 += g[i + 7] * g[i + 7] + w[i + 7] * 0.0;
        }
        for (; i < n; i++) s0 += g[i] * g[i] + w[i] * 0.0;
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * The float32 Σ (g² + w·0), in float lanes: each block of {@link #BLOCK} values is copied into a buffer and added
     * lane by lane into {@code BLOCK} float sums ({@code acc[j] += g[j]² + w[j]·0}, a loop HotSpot vectorizes because
     * every array in it has the same index: see {@code descent.tensor.RowLoops}), and every {@link #FLUSH} blocks the
     * lanes are added into a double. So each float sum has at most 64 terms (a relative error near 1e-8, as the
     * blocks of eight running sums before, at half their time: 19 against 37 µs for the bench's 784×100 weights). A
     * float sum that overflowed to infinity while the values are finite (squares summing past float's 3.4e38) is
     * summed again by the float64 code on a widened copy, so the result is infinite only when a value is, and NaN
     * exactly when the double sum would be.
     */
    private static double sumSquares(float[] g, float[] w) {
        Lanes l = LANES.get();
        float[] acc = l.squares, gb = l.a, wb = l.b;
        double total = 0;
        int n = g.length, i = 0, blocks = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            System.arraycopy(g, i, gb, 0, BLOCK);
            System.arraycopy(w, i, wb, 0, BLOCK);
            for (int j = 0; j < BLOCK; j++) acc[j] += gb[j] * gb[j] + wb[j] * 0f;
            if (++blocks == FLUSH) {
                total += flush(acc);
                blocks = 0;
            }
        }
        if (blocks > 0) total += flush(acc);
        for (; i < n; i++) total += (double) g[i] * g[i] + w[i] * 0.0;
        return Double.isInfinite(total) ? sumSquares(widen(g), widen(w)) : total;
    }

    /** Σ of the lanes in double, in lane order, and the lanes back to 0. */
    private static double flush(float[] lanes) {
        double t = 0;
        for (int j = 0; j < lanes.length; j++) {
            t += lanes[j];
            lanes[j] = 0f;
        }
        return t;
    }

    /** A float32 array as doubles: only for the rare sum that overflows float (a run about to diverge). */
    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    /** out[0] = Σ v and out[1] = Σ v² of a matrix of either dtype (float32 in float blocks added in double). */
    static void sums(Matrix m, double[] out) {
        if (m.isFloat32()) sums(m.floats(), out);
        else sums(m.data(), out);
    }

    /** The float32 Σ v and Σ v², in float lanes as {@link #sumSquares(float[], float[])}, with its fallback. */
    private static void sums(float[] a, double[] out) {
        Lanes l = LANES.get();
        float[] sacc = l.sums, qacc = l.squares, ab = l.a;
        double sum = 0, squares = 0;
        int n = a.length, i = 0, blocks = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            System.arraycopy(a, i, ab, 0, BLOCK);
            for (int j = 0; j < BLOCK; j++) {
                sacc[j] += ab[j];
                qacc[j] += ab[j] * ab[j];
            }
            if (++blocks == FLUSH) {
                sum += flush(sacc);
                squares += flush(qacc);
                blocks = 0;
            }
        }
        if (blocks > 0) {
            sum += flush(sacc);
            squares += flush(qacc);
        }
        for (; i < n; i++) {
            sum += a[i];
            squares += (double) a[i] * a[i];
        }
        if (Double.isInfinite(sum) || Double.isInfinite(squares)) {
            sums(widen(a), out);
            return;
        }
        out[0] = sum;
        out[1] = squares;
    }

    /**
     * out[0] = Σ v and out[1] = Σ v², each in eight partial sums added up pairwise in a fixed order: sixteen
     * independent additions per eight values, so that no addition waits for the one before (eight instead of four
     * cut a step's statistics from about 140 to 95 µs on this VM, in-process A/B).
     */
    private static void sums(double[] a, double[] out) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0;
        int i = 0, n = a.length;
        for (; i + 7 < n; i += 8) {
            double v0 = a[i], v1 = a[i + 1], v2 = a[i + 2], v3 = a[i + 3];
            double v4 = a[i + 4], v5 = a[i + 5], v6 = a[i + 6], v7 = a[i + 7];
            s0 += v0; s1 += v1; s2 += v2; s3 += v3; s4 += v4; s5 += v5; s6 += v6; s7 += v7;
            q0 += v0 * v0; q1 += v1 * v1; q2 += v2 * v2; q3 += v3 * v3;
            q4 += v4 * v4; q5 += v5 * v5; q6 += v6 * v6; q7 += v7 * v7;
        }
        for (; i < n; i++) {
            s0 += a[i];
            q0 += a[i] * a[i];
        }
        out[0] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        out[1] = ((q0 + q1) + (q2 + q3)) + ((q4 + q5) + (q6 + q7));
    }

    /** The means over the steps recorded since the last call, which starts a new epoch. */
    LayerStats epochMeans() {
        double[] m = new double[mean.length], s = new double[mean.length], g = new double[mean.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = meanSum[i] / steps;
            s[i] = stdSum[i] / steps;
            g[i] = gradNormSum[i] / steps;
        }
        java.util.Arrays.fill(meanSum, 0);
        java.util.Arrays.fill(stdSum, 0);
        java.util.Arrays.fill(gradNormSum, 0);
        steps = 0;
        return new LayerStats(names, m, s, g);
    }

    /** One thread's float lanes and block buffers. */
    private static final class Lanes {
        final float[] sums = new float[BLOCK], squares = new float[BLOCK], a = new float[BLOCK], b = new float[BLOCK];
    }
}
