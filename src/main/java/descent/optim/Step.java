package descent.optim;

import descent.fn.Vec;

import java.util.Map;

/**
 * One row of a run: the point x_t after t updates, f(x_t), the gradient there, the learning rate the next update
 * uses, the optimizer's buffers after the t-th update (empty for SGD and at step 0), and the effective per-coordinate
 * learning rate η/σ of the t-th update (NaN where not defined yet).
 *
 * <pre>{@code
 * var s = Optimizers.sgd(0.95).start(Functions.dlfsBowl(), Vec.of(-7, 2)).step();
 * s.x()   // Vec[-6.335, -1.7999999999999998]
 * }</pre>
 */
public record Step(int step, Vec x, double f, Vec gradient, double lr, Map<String, Vec> state, Vec effectiveLr) {

    public Step {
        state = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state)); // keeps the optimizer's order
    }

    /** Euclidean norm of the gradient at x. */
    public double gradNorm() {
        return gradient.norm();
    }
}
