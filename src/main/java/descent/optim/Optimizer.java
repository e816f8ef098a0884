package descent.optim;

import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.schedule.Schedule;
import descent.schedule.Schedules;
import descent.tensor.Matrix;

import java.util.Arrays;
import java.util.List;

/**
 * A first-order optimizer: given parameters w and their gradient g, it changes w in place, keeping what it must
 * remember in a {@link State}. The same interface moves a point on a 2-D surface and trains a network.
 *
 * <pre>{@code
 * var sgd = Optimizers.sgd(0.95);
 * var path = sgd.minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * path.toTable();                                     // step, x0, x1, f, gradNorm, lr
 *
 * var run = sgd.start(Functions.dlfsBowl(), Vec.of(-7, 2));   // or step by step
 * run.step();  run.step();  run.state()               // State(t=2): SGD keeps no buffers
 * }</pre>
 *
 * Implementations are records: immutable descriptions of an algorithm and its hyperparameters whose file opens with
 * the algorithm and {@code update}; all mutable memory is in the {@code State} objects they create, so one optimizer
 * can drive many runs and {@code reset} is just a new state.
 */
public interface Optimizer {

    /** The base learning rate η, before any schedule. */
    double lr();

    /** The schedule that multiplies {@link #lr()} at each step. */
    Schedule schedule();

    /** The same optimizer with a schedule attached. */
    Optimizer withSchedule(Schedule schedule);

    /** The same algorithm and hyperparameters with another base learning rate. */
    Optimizer withLr(double lr);

    /**
     * The learning rate of the update with this 0-based step number: η times the schedule's factor, which is checked
     * here, where it is used (a NaN, infinite or negative factor throws, naming the step and the schedule).
     */
    default double lrAt(int step) {
        double lr = lr() * schedule().checkedFactor(step);
        if (!Double.isFinite(lr)) {
            throw new IllegalStateException("The learning rate at step " + step + " is " + lr + " = " + Format.repr(lr()) + " × "
                    + Format.repr(schedule().factor(step)) + " from " + Schedules.name(schedule())
                    + "; a schedule's factor times the base rate must stay finite.");
        }
        return lr;
    }

    /** The per-coordinate buffers this algorithm keeps, in display order (empty for SGD). */
    List<String> stateNames();

    /** Fresh float64 state for a parameter with {@code size} coordinates. */
    default State newState(int size) {
        return State.of(size, stateNames().toArray(String[]::new));
    }

    /** Fresh state for this parameter tensor, in its dtype (float32 moments for a float32 parameter). */
    default State newState(Matrix parameter) {
        return State.of(parameter.dtype(), parameter.size(), stateNames().toArray(String[]::new));
    }

    /**
     * One update of {@code w} in place, from gradient {@code g}, at learning rate {@code lr}. Implementations call
     * {@code state.advance()} first, so {@code state.t()} is the 1-based number of this update.
     */
    void update(double[] w, double[] g, State state, double lr);

    /**
     * One update of the parameter tensor {@code w} in place from its gradient {@code g}, in w's dtype: what a
     * trainer calls, with a state from {@link #newState(Matrix)}. float64 runs
     * {@link #update(double[], double[], State, double)} on the live arrays, float32
     * {@link #update(float[], float[], State, double)}.
     * <pre>{@code
     * var w = Matrix.of(new double[][]{{1, 2}}).to(DType.FLOAT32);
     * var g = Matrix.of(new double[][]{{0.5, -0.5}}).to(DType.FLOAT32);
     * var sgd = Optimizers.sgd(0.1);
     * sgd.update(w, g, sgd.newState(w), 0.1);   // w: Matrix(1x2, float32)[[0.95, 2.05]]
     * }</pre>
     */
    default void update(Matrix w, Matrix g, State state, double lr) {
        w.requireSameShape(g, "pair the gradient and the parameter,");
        w.requireSameDType(g, "update a parameter from its gradient");
        if (w.size() != state.size()) state.requireSize(w.size(), w.shape());
        if (state.dtype() != w.dtype()) {
            throw new IllegalArgumentException("This optimizer state is " + state.dtype() + " but the parameter is " + w.dtype()
                    + "; make the state with optimizer.newState(parameter), after converting the model.");
        }
        if (w.isFloat32()) update(w.floats(), g.floats(), state, lr);
        else update(w.data(), g.data(), state, lr);
    }

    /**
     * The same update for a float32 parameter, in float32 arithmetic (as PyTorch's float32 optimizers), with a
     * float32 state ({@link State#floats}): the loop of {@link #update(double[], double[], State, double)} with
     * floats, hyperparameters rounded to float once per call. Each optimizer of descent implements it; one of your
     * own trains in float64 until it does.
     */
    default void update(float[] w, float[] g, State state, double lr) {
        throw new UnsupportedOperationException(this + " has no float32 update; train in float64, or implement "
                + "update(float[] w, float[] g, State state, double lr).");
    }

    /**
     * The step size each coordinate got per unit of (corrected) gradient or momentum in the latest update, the
     * lecture's η/σ: for SGD, Momentum and Nesterov just η; for the adaptive methods η/(√h + ε) or η/(√v̂ + ε).
     * {@code lr} is the learning rate that update used. Adaptive methods return NaN before their first update,
     * when there is no σ yet.
     */
    default double[] effectiveLr(State state, double lr) {
        double[] r = new double[state.size()];
        Arrays.fill(r, lr);
        return r;
    }

    /** Starts a step-by-step run of this optimizer on f from {@code start}. */
    default Descent start(Objective f, Vec start) {
        return new Descent(this, f, start);
    }

    /** Runs {@code steps} updates from {@code start} and returns every point visited (steps + 1 rows). */
    default Trajectory minimize(Objective f, Vec start, int steps) {
        return start(f, start).run(steps);
    }

    /**
     * Runs from {@code start} until {@code stop} says so: a step budget, optional tolerances on the gradient norm
     * or the change of f, and optionally ending marked diverged instead of throwing.
     */
    default Trajectory minimize(Objective f, Vec start, Stop stop) {
        return start(f, start).run(stop);
    }
}
