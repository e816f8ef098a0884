package descent.optim;

import descent.base.Check;
import descent.tensor.DType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter between steps: the number of updates made so far, and named
 * per-coordinate buffers such as Momentum's velocity {@code v} or Adam's moments {@code m} and {@code v}.
 *
 * <pre>{@code
 * var s = State.of(2, "v");
 * s.buffer("v")[0] = 1.5;
 * State.of(DType.FLOAT32, 2, "m", "v").floats("m");   // float[2]: the state of a float32 parameter
 * s   // State(t=0, v=[1.5, 0.0])
 * }</pre>
 *
 * Hyperparameters live in the optimizer; this holds only what changes from step to step, one per parameter, as
 * PyTorch keeps {@code optimizer.state[p]}. A float32 parameter has a float32 state ({@link #floats}), made by
 * {@link Optimizer#newState(descent.tensor.Matrix)}.
 */
public final class State {
    private final int size;
    private final DType dtype;
    private final Map<String, Object> buffers = new LinkedHashMap<>();   // double[] or float[], by dtype
    private int t;

    private State(int size, DType dtype) {
        this.size = size;
        this.dtype = dtype;
    }

    /** Fresh float64 state for a parameter of {@code size} coordinates, with zeroed buffers of these names. */
    public static State of(int size, String... names) {
        return of(DType.FLOAT64, size, names);
    }

    /** Fresh state of this dtype (that of the parameter it belongs to), with zeroed buffers of these names. */
    public static State of(DType dtype, int size, String... names) {
        Check.positive("state size", size);
        Check.notNull("state dtype", dtype, "DType.FLOAT64 or DType.FLOAT32, the parameter's");
        State s = new State(size, dtype);
        for (String n : names) s.buffers.put(n, dtype == DType.FLOAT32 ? new float[size] : new double[size]);
        return s;
    }

    /** The dtype of the buffers: that of the parameter this state belongs to. */
    public DType dtype() {
        return dtype;
    }

    /** Number of coordinates of the parameter this state belongs to. */
    public int size() {
        return size;
    }

    /** Updates made so far with this state (PyTorch's {@code state['step']}). */
    public int t() {
        return t;
    }

    /** Counts one more update; optimizers call this at the start of {@link Optimizer#update}. */
    public int advance() {
        return ++t;
    }

    /** The live float64 buffer of this name (not a copy: optimizers update it in place). */
    public double[] buffer(String name) {
        if (array(name) instanceof double[] d) return d;
        throw new IllegalStateException("This state is float32 (it belongs to a float32 parameter): use floats(\"" + name + "\").");
    }

    /** The live float32 buffer of this name, for a float32 parameter's state. */
    public float[] floats(String name) {
        if (array(name) instanceof float[] f) return f;
        throw new IllegalStateException("This state is float64: use buffer(\"" + name + "\").");
    }

    /** The live buffer of this name, {@code double[]} or {@code float[]}: for code that copies it without reading it. */
    public Object array(String name) {
        Object b = buffers.get(name);
        if (b == null) {
            throw new IllegalArgumentException("This state has no buffer '" + name + "'; it has " + names() + ".");
        }
        return b;
    }

    /** Value i of a buffer, as a double, for either dtype (for display, not for kernels). */
    double value(String name, int i) {
        return array(name) instanceof float[] f ? f[i] : ((double[]) array(name))[i];
    }

    /** Throws unless this state belongs to a parameter of {@code n} values; names both sizes. */
    void requireSize(int n, String shape) {
        if (n != size) {
            throw new IllegalArgumentException("This optimizer state belongs to a parameter of " + size + " values, but got "
                    + shape + "; use one state per parameter tensor (optimizer.newState(size)).");
        }
    }

    /** Buffer names in the order the optimizer declared them. */
    public List<String> names() {
        return List.copyOf(buffers.keySet());
    }

    /** A deep copy, for snapshots in a trajectory or for rollback with {@link #restoreFrom(State)}. */
    public State copy() {
        State c = new State(size, dtype);
        c.t = t;
        buffers.forEach((k, v) -> c.buffers.put(k, v instanceof float[] f ? f.clone() : ((double[]) v).clone()));
        return c;
    }

    /**
     * Sets the update count back to an earlier {@code t}: for a trainer that rolls a failed step back, restoring the
     * buffers (the live arrays of {@link #buffer}) itself.
     */
    public void rewind(int t) {
        if (t < 0 || t > this.t) {
            throw new IllegalArgumentException("Cannot rewind a state at t=" + this.t + " to t=" + t + "; expected 0 <= t <= " + this.t + ".");
        }
        this.t = t;
    }

    /**
     * Makes this state equal to {@code other} (a {@link #copy()} taken earlier): its update count and every buffer's
     * values. With {@code copy()} this is a snapshot for rollback: {@code var saved = s.copy(); ...; s.restoreFrom(saved)}.
     * Throws, leaving this state unchanged, when {@code other} belongs to a parameter of another size or optimizer.
     */
    public State restoreFrom(State other) {
        if (other == null || other.size != size || other.dtype != dtype || !other.buffers.keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("Cannot restore " + describe() + " from " + (other == null ? "null" : other.describe())
                    + "; a snapshot must come from copy() of a state with the same size and buffers.");
        }
        t = other.t;
        buffers.forEach((k, v) -> System.arraycopy(other.buffers.get(k), 0, v, 0, size));
        return this;
    }

    private String describe() {
        return "State(size=" + size + (dtype == DType.FLOAT32 ? ", float32" : "") + ", buffers=" + buffers.keySet() + ")";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("State(t=").append(t);
        buffers.forEach((k, v) -> sb.append(", ").append(k).append('=')
                .append(v instanceof float[] f ? Arrays.toString(f) : Arrays.toString((double[]) v)));
        return sb.append(')').toString();
    }
}
