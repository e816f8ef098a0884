package descent.optim;

import descent.fn.Objective;
import descent.fn.Vec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step-by-step run of one optimizer on one function: call {@link #step()} and look at the point and the
 * optimizer's state after each update.
 *
 * <pre>{@code
 * var run = Optimizers.sgd(0.95).start(Functions.dlfsBowl(), Vec.of(-7, 2));
 * run.step();          // Step[step=1, x=Vec[-6.335, -1.7999999999999998], ...]
 * run.state()          // State(t=1)
 * run.reset();         // back to the start: replaying gives the same numbers, bit for bit
 * run.trajectory()     // every point so far
 * }</pre>
 */
public final class Descent {
    private final Optimizer optimizer;
    private final Objective f;
    private final Vec start;
    private final List<Step> steps = new ArrayList<>();
    private double[] w;
    private State state;

    Descent(Optimizer optimizer, Objective f, Vec start) {
        if (optimizer == null || f == null) {
            throw new IllegalArgumentException("Descent needs an optimizer and a function; got optimizer=" + optimizer + ", f=" + f + ".");
        }
        f.checkInput(start);
        if (!start.isFinite()) {
            throw new IllegalArgumentException("Start point " + start + " has a NaN or infinite coordinate; pick a finite point such as Vec.of(-7, 2).");
        }
        this.optimizer = optimizer;
        this.f = f;
        this.start = start;
        reset();
    }

    /** Back to the start point with fresh optimizer state. */
    public Descent reset() {
        w = start.toArray();
        state = optimizer.newState(w.length);
        steps.clear();
        steps.add(observe(0));
        return this;
    }

    /** One update; returns the new point's row. Throws if f or the gradient stops being finite. */
    public Step step() {
        Step here = steps.get(steps.size() - 1);
        double[] g = here.gradient().toArray();
        optimizer.update(w, g, state, here.lr());
        Step next = observe(steps.size());
        steps.add(next);
        return next;
    }

    /** Runs {@code n} more updates and returns the whole trajectory. */
    public Trajectory run(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of steps must be >= 0; got " + n + ".");
        }
        for (int i = 0; i < n; i++) step();
        return trajectory();
    }

    /** The current point. */
    public Vec x() {
        return Vec.of(w);
    }

    /** A snapshot of the optimizer's state for this run. */
    public State state() {
        return state.copy();
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Every point visited so far, start included. */
    public Trajectory trajectory() {
        return new Trajectory(optimizer.toString(), f, steps);
    }

    private Step observe(int t) {
        Vec x = Vec.of(w);
        double fx = f.value(x);
        if (!Double.isFinite(fx)) {
            throw new ArithmeticException(optimizer + " diverged at step " + t + ": f" + x + " = " + fx
                    + "; try a smaller learning rate.");
        }
        Vec g = f.gradient(x);
        if (!g.isFinite()) {
            throw new ArithmeticException(optimizer + " diverged at step " + t + ": gradient at " + x + " is " + g
                    + "; try a smaller learning rate.");
        }
        Map<String, Vec> buffers = new LinkedHashMap<>();
        for (String name : state.names()) buffers.put(name, Vec.of(state.buffer(name)));
        return new Step(t, x, fx, g, optimizer.lrAt(t), buffers);
    }

    @Override
    public String toString() {
        return "Descent(" + optimizer + " on " + f.name() + ", step " + (steps.size() - 1) + ", x=" + x() + ")";
    }
}
