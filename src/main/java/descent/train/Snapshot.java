package descent.train;

import descent.nn.Sequential;
import descent.optim.State;
import descent.tensor.Matrix;

/**
 * A model's parameters and buffers (batch-norm statistics, dropout's random state), and optionally an optimizer's
 * states, at one moment, to go back to: the trainer takes one before every step, to roll back a step that went
 * non-finite, and one at early stopping's best epoch, to restore its weights.
 *
 * <pre>
 *   save:     saved ← live      (every tensor and optimizer state, in Sequential.stateTensors() order)
 *   restore:  live  ← saved
 * </pre>
 * The arrays are allocated once; saving and restoring copy values only.
 */
final class Snapshot {
    private final double[][] live;
    private final double[][] saved;
    private final State[] states;
    private final State[] savedStates;

    /** A snapshot of the model's tensors and of these optimizer states (none for weights only). */
    Snapshot(Sequential model, State... states) {
        live = model.stateTensors().values().stream().map(Matrix::data).toArray(double[][]::new);
        saved = new double[live.length][];
        for (int i = 0; i < live.length; i++) saved[i] = new double[live[i].length];
        this.states = states;
        savedStates = new State[states.length];
        for (int i = 0; i < states.length; i++) savedStates[i] = states[i].copy();
    }

    void save() {
        copy(live, saved, states, savedStates);
    }

    void restore() {
        copy(saved, live, savedStates, states);
    }

    private static void copy(double[][] from, double[][] to, State[] fromStates, State[] toStates) {
        for (int i = 0; i < from.length; i++) System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        for (int i = 0; i < fromStates.length; i++) toStates[i].copyFrom(fromStates[i]);
    }
}
