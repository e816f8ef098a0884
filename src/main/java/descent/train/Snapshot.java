package descent.train;

import descent.nn.Sequential;
import descent.optim.State;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's parameters and buffers (batch-norm statistics, dropout's random state), and optionally an optimizer's
 * states, at one moment, to go back to: the trainer takes one before every step, to roll back a step that went
 * non-finite, and one at early stopping's best epoch, to restore its weights.
 *
 * <pre>
 *   save:     saved ← live      (every model tensor, then every optimizer buffer; and each state's step count t)
 *   restore:  live  ← saved
 * </pre>
 * The arrays are allocated once; saving and restoring copy values only, in one loop.
 */
final class Snapshot {
    private final double[][] live;
    private final double[][] saved;
    private final State[] states;
    private final int[] savedT;

    /** A snapshot of the model's tensors and of these optimizer states (none for weights only). */
    Snapshot(Sequential model, State... states) {
        List<double[]> arrays = new ArrayList<>();
        for (Matrix m : model.stateTensors().values()) arrays.add(m.data());
        for (State s : states) for (String name : s.names()) arrays.add(s.buffer(name));
        live = arrays.toArray(double[][]::new);
        saved = new double[live.length][];
        for (int i = 0; i < live.length; i++) saved[i] = new double[live[i].length];
        this.states = states;
        savedT = new int[states.length];
    }

    void save() {
        copy(live, saved);
        for (int i = 0; i < states.length; i++) savedT[i] = states[i].t();
    }

    void restore() {
        copy(saved, live);
        for (int i = 0; i < states.length; i++) states[i].rewind(savedT[i]);
    }

    private static void copy(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) System.arraycopy(from[i], 0, to[i], 0, from[i].length);
    }
}
