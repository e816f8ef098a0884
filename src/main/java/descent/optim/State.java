package descent.optim;

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

    private State(int size) {
        this.size = size;
    }

    /** Fresh state for a parameter of {@code size} coordinates, with zeroed buffers of these names. */
    public static State of(int size, String... names) {
        if (size <= 0) {
            throw new IllegalArgumentException("State size must be at least 1; got " + size + ".");
        }
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

    /** Buffer names in the order the optimizer declared them. */
    public List<String> names() {
        return List.copyOf(buffers.keySet());
    }

    /** A deep copy, for snapshots in a trajectory. */
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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("State(t=").append(t);
        buffers.forEach((k, v) -> sb.append(", ").append(k).append('=').append(Arrays.toString(v)));
        return sb.append(')').toString();
    }
}
