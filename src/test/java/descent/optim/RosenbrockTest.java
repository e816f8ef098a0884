package descent.optim;

import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every optimizer reaches Rosenbrock's minimum (1, 1) from the classic start (−1.2, 1), within distance 0.01, with
 * the setting documented here (also listed in docs/optimizers.md). The step budgets leave ~30% headroom.
 */
class RosenbrockTest {

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(Optimizers.sgd(1e-3), 15_000),                // reaches at step ~11 300
                Arguments.of(Optimizers.momentum(1e-3), 2_000),            // ~1 030
                Arguments.of(Optimizers.nesterov(1e-3), 2_000),            // ~1 070
                Arguments.of(Optimizers.adaGrad(0.5), 8_000),              // ~6 000
                Arguments.of(Optimizers.rmsProp(1e-3), 8_000),             // ~5 900
                Arguments.of(Optimizers.adam(0.05), 2_000),                // ~1 460
                Arguments.of(Optimizers.adam(0.05).bookForm(), 2_000),     // ~1 460
                Arguments.of(Optimizers.adamW(0.01), 10_000),              // ~7 030 (decay shifts the end point by ~0.007)
                Arguments.of(Optimizers.radam(5e-3), 11_000));             // ~8 500
    }

    @ParameterizedTest
    @MethodSource("settings")
    void reachesTheMinimumRegion(Optimizer opt, int steps) {
        Trajectory t = opt.minimize(Functions.rosenbrock(), Vec.of(-1.2, 1), Stop.after(steps).markDiverged());
        assertFalse(t.diverged(), t.stopReason());
        double d = t.distanceToMinimum(t.last().x());
        assertTrue(d < 0.01, opt + " ended at " + t.last().x() + ", distance " + d + " from (1, 1)");
    }
}
