package descent.train;

import descent.nn.Sequential;
import descent.optim.State;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Some of a model's tensors, and optionally optimizer states, at one moment, to go back to:
 *
 * <pre>
 *   save():     saved ← live  (values, and each state's buffers and step count t)
 *   restore():  live ← saved
 *   reproduces(): live = saved, element for element, wherever saved is finite
 * </pre>
 * What the trainer keeps: the model's buffers before each step (batch-norm statistics, dropout's random state; a
 * few numbers), a checkpoint of everything every few steps (see {@link Trainer}'s rollback), and early stopping's best
 * weights. The copies are allocated once; saving and restoring copy values only.
 */
final class Snapshot {
    private final Object[] live;      // double[] or float[] per tensor, by its dtype
    private final Object[] saved;
    private final State[] liveStates;
    private final State[] savedStates;

    private Snapshot(List<Object> arrays, State[] states) {
        live = arrays.toArray();
        saved = new Object[live.length];
        for (int i = 0; i < live.length; i++) {
            saved[i] = live[i] instanceof float[] f ? new float[f.length] : new double[((double[]) live[i]).length];
        }
        liveStates = states;
        savedStates = new State[states.length];
        for (int i = 0; i < states.length; i++) savedStates[i] = states[i].copy();
    }

    /** Every tensor of the model (parameters and buffers), for early stopping's best weights. */
    static Snapshot ofModel(Sequential model) {
        return new Snapshot(arrays(model.stateTensors().values()), new State[0]);
    }

    /** The model's buffers only (batch-norm statistics, dropout's random state). */
    static Snapshot ofBuffers(Sequential model) {
        return new Snapshot(arrays(model.buffers().values()), new State[0]);
    }

    /** Every tensor of the model and these optimizer states: a checkpoint of a training run. */
    static Snapshot of(Sequential model, State[] states) {
        return new Snapshot(arrays(model.stateTensors().values()), states);
    }

    private static List<Object> arrays(Iterable<Matrix> tensors) {
        List<Object> a = new ArrayList<>();
        for (Matrix m : tensors) a.add(m.array());
        return a;
    }

    private static void copy(Object from, Object to) {
        System.arraycopy(from, 0, to, 0, from instanceof float[] f ? f.length : ((double[]) from).length);
    }

    void save() {
        for (int i = 0; i < live.length; i++) copy(live[i], saved[i]);
        for (int i = 0; i < liveStates.length; i++) savedStates[i].restoreFrom(liveStates[i]);
    }

    void restore() {
        for (int i = 0; i < live.length; i++) copy(saved[i], live[i]);
        for (int i = 0; i < liveStates.length; i++) liveStates[i].restoreFrom(savedStates[i]);
    }

    /**
     * Whether the live tensors and states hold the saved values bit for bit, except where a saved value is NaN or
     * infinite (what a failed update wrote need not come out the same when it is redone).
     */
    boolean reproduces() {
        return reproducesExcept(null, null);
    }

    /**
     * As {@link #reproduces()}, leaving out one tensor (its live array) and one live state: those of an update that
     * threw halfway, whose values need not come out the same.
     */
    boolean reproducesExcept(Object array, State state) {
        for (int i = 0; i < live.length; i++) if (live[i] != array && !same(saved[i], live[i])) return false;
        for (int i = 0; i < liveStates.length; i++) {
            if (liveStates[i] == state) continue;
            State s = savedStates[i], l = liveStates[i];
            if (s.t() != l.t()) return false;
            for (String name : s.names()) if (!same(s.array(name), l.array(name))) return false;
        }
        return true;
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof float[] e) {
            float[] a = (float[]) actual;
            for (int k = 0; k < e.length; k++) {
                if (Float.isFinite(e[k]) && Float.floatToRawIntBits(e[k]) != Float.floatToRawIntBits(a[k])) return false;
            }
            return true;
        }
        double[] e = (double[]) expected, a = (double[]) actual;
        for (int k = 0; k < e.length; k++) {
            if (Double.isFinite(e[k]) && Double.doubleToRawLongBits(e[k]) != Double.doubleToRawLongBits(a[k])) return false;
        }
        return true;
    }
}
