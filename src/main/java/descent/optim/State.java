package descent.optim;

import descent.base.Check;

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
 * s   // State(t=0, v=[1.5, 0.0])
 * }</pre>
 *
 * Hyperparameters live in the optimizer; this holds only what changes from step to step, one per parameter, as
 * PyTorch keeps {@code optimizer.state[p]}.
 */
public final class State {
    private final int size;
    private final Map<String, double[]> buffers = new LinkedHashMap<>();
    private int t;
    private final double[][] widened = new double[2][];   // float32 parameters: w and g in double, per update

    private State(int size) {
        this.size = size;
    }

    /** Fresh state for a parameter of {@code size} coordinates, with zeroed buffers of these names. */
    public static State of(int size, String... names) {
        Check.positive("state size", size);
        State s = new State(size);
        for (String n : names) s.buffers.put(n, new double[size]);
        return s;
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

    /** The live buffer of this name (not a copy: optimizers update it in place). */
    public double[] buffer(String name) {
        double[] b = buffers.get(name);
        if (b == null) {
            throw new IllegalArgumentException("This state has no buffer '" + name + "'; it has " + names() + ".");
        }
        return b;
    }

    /** Scratch {@code slot} (0 for w, 1 for g) filled with the float32 values f, exactly widened; see {@link Optimizer#update(float[], float[], State, double)}. */
    double[] widened(int slot, float[] f) {
        if (widened[slot] == null) widened[slot] = new double[size];
        double[] d = widened[slot];
        for (int i = 0; i < size; i++) d[i] = f[i];
        return d;
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
        State c = new State(size);
        c.t = t;
        buffers.forEach((k, v) -> c.buffers.put(k, v.clone()));
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
        if (other == null || other.size != size || !other.buffers.keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("Cannot restore " + describe() + " from " + (other == null ? "null" : other.describe())
                    + "; a snapshot must come from copy() of a state with the same size and buffers.");
        }
        t = other.t;
        buffers.forEach((k, v) -> System.arraycopy(other.buffers.get(k), 0, v, 0, size));
        return this;
    }

    private String describe() {
        return "State(size=" + size + ", buffers=" + buffers.keySet() + ")";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("State(t=").append(t);
        buffers.forEach((k, v) -> sb.append(", ").append(k).append('=').append(Arrays.toString(v)));
        return sb.append(')').toString();
    }
}
