package descent.train;

import descent.nn.Parameter;
import descent.nn.Sequential;
import descent.optim.State;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's tensors, and optionally an optimizer's states, at one moment, to go back to. It comes in parts, each saved
 * just before it changes, so that the values are copied while they are in cache anyway:
 *
 * <pre>
 *   for a step (rollback):   part 0      the model's buffers (batch-norm statistics, dropout's random state),
 *                                        saved before the forward pass
 *                            part i + 1  parameter i and its optimizer state (buffers and step count t),
 *                                        saved just before its update
 *   restore-best:            part 0      every tensor of the model
 *   save(part): saved ← live;   restore(n): live ← saved for parts 0 .. n−1
 * </pre>
 * The arrays are allocated once; saving and restoring copy values only, in one loop.
 */
final class Snapshot {
    private final Object[][] live;    // double[] or float[] per tensor, by its dtype
    private final Object[][] saved;
    private final State[] states;     // per part, or null
    private final int[] savedT;

    private Snapshot(List<List<Object>> parts, State[] states) {
        live = new Object[parts.size()][];
        saved = new Object[parts.size()][];
        for (int p = 0; p < live.length; p++) {
            live[p] = parts.get(p).toArray();
            saved[p] = new Object[live[p].length];
            for (int i = 0; i < live[p].length; i++) {
                Object a = live[p][i];
                saved[p][i] = a instanceof float[] f ? new float[f.length] : new double[((double[]) a).length];
            }
        }
        this.states = states;
        savedT = new int[states.length];
    }

    /** One part: every tensor of the model (parameters and buffers), for early stopping's best weights. */
    static Snapshot ofModel(Sequential model) {
        return new Snapshot(List.of(arrays(model.stateTensors().values())), new State[1]);
    }

    /** Part 0 the model's buffers, part i + 1 parameter i with its optimizer state: for rolling a step back. */
    static Snapshot forSteps(Sequential model, List<Parameter> params, State[] optimizerStates) {
        List<List<Object>> parts = new ArrayList<>();
        parts.add(arrays(model.buffers().values()));
        State[] states = new State[params.size() + 1];
        for (int i = 0; i < params.size(); i++) {
            List<Object> part = new ArrayList<>(List.of(params.get(i).value().array()));
            for (String name : optimizerStates[i].names()) part.add(optimizerStates[i].array(name));
            parts.add(part);
            states[i + 1] = optimizerStates[i];
        }
        return new Snapshot(parts, states);
    }

    private static List<Object> arrays(Iterable<Matrix> tensors) {
        List<Object> a = new ArrayList<>();
        for (Matrix m : tensors) a.add(m.array());
        return a;
    }

    void save(int part) {
        copy(live[part], saved[part]);
        if (states[part] != null) savedT[part] = states[part].t();
    }

    /** Restores parts 0 .. parts − 1 (those saved during the current step). */
    void restore(int parts) {
        for (int p = 0; p < parts; p++) {
            copy(saved[p], live[p]);
            if (states[p] != null) states[p].rewind(savedT[p]);
        }
    }

    private static void copy(Object[] from, Object[] to) {
        for (int i = 0; i < from.length; i++) System.arraycopy(from[i], 0, to[i], 0, java.lang.reflect.Array.getLength(from[i]));
    }
}
