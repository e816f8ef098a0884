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
    private final double[][] live;
    private final double[][] saved;
    private final State[] liveStates;
    private final State[] savedStates;

    private Snapshot(List<double[]> arrays, State[] states) {
        live = arrays.toArray(double[][]::new);
        saved = new double[live.length][];
        for (int i = 0; i < live.length; i++) saved[i] = new double[live[i].length];
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

    private static List<double[]> arrays(Iterable<Matrix> tensors) {
        List<double[]> a = new ArrayList<>();
        for (Matrix m : tensors) a.add(m.data());
        return a;
    }

    void save() {
        for (int i = 0; i < live.length; i++) System.arraycopy(live[i], 0, saved[i], 0, live[i].length);
        for (int i = 0; i < liveStates.length; i++) savedStates[i].restoreFrom(liveStates[i]);
    }

    void restore() {
        for (int i = 0; i < live.length; i++) System.arraycopy(saved[i], 0, live[i], 0, live[i].length);
        for (int i = 0; i < liveStates.length; i++) liveStates[i].restoreFrom(savedStates[i]);
    }

    /**
     * Whether the live tensors and states hold the saved values bit for bit, except where a saved value is NaN or
     * infinite (what a failed update wrote need not come out the same when it is redone).
     */
    boolean reproduces() {
        for (int i = 0; i < live.length; i++) if (!same(saved[i], live[i])) return false;
        for (int i = 0; i < liveStates.length; i++) {
            State s = savedStates[i], l = liveStates[i];
            if (s.t() != l.t()) return false;
            for (String name : s.names()) if (!same(s.buffer(name), l.buffer(name))) return false;
        }
        return true;
    }

    private static boolean same(double[] expected, double[] actual) {
        for (int k = 0; k < expected.length; k++) {
            if (Double.isFinite(expected[k]) && Double.doubleToRawLongBits(expected[k]) != Double.doubleToRawLongBits(actual[k])) return false;
        }
        return true;
    }
}
