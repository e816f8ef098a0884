package descent.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateTest {

    @Test
    void copyAndRestoreFromRollBackAnUpdate() {
        var adam = Optimizers.adam(0.1);
        State s = adam.newState(2);
        double[] w = {1, 2};
        adam.update(w, new double[]{0.5, -1}, s, 0.1);
        State saved = s.copy();
        String before = s.toString();
        adam.update(w, new double[]{3, 4}, s, 0.1);
        assertEquals(2, s.t());
        s.restoreFrom(saved);
        assertEquals(before, s.toString(), "restored state");
        assertEquals(1, s.t());
        saved.buffer("m")[0] = 99;
        assertEquals(0.05, s.buffer("m")[0], 1e-15, "restoreFrom copies values, it does not share the snapshot's arrays");
    }

    @Test
    void restoreFromAnotherShapeFailsAndChangesNothing() {
        State s = State.of(2, "m", "v");
        s.buffer("m")[0] = 1;
        String before = s.toString();
        var e = assertThrows(IllegalArgumentException.class, () -> s.restoreFrom(State.of(3, "m", "v")));
        assertEquals("Cannot restore State(size=2, buffers=[m, v]) from State(size=3, buffers=[m, v]); a snapshot must come"
                + " from copy() of a state with the same size and buffers.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.restoreFrom(State.of(2, "v")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.restoreFrom(null)).getMessage().contains("from null"));
        assertEquals(before, s.toString());
    }
}
