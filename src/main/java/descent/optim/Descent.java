package descent.optim;

import descent.base.Check;
import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step-by-step run of one optimizer on one function: call {@link #step()} and look at the point and the
 * optimizer's state after each update.
 *
 * <pre>{@code
 * var run = Optimizers.adam(0.3).start(Functions.dlfsBowl(), Vec.of(-7, 2));
 * run.step();          // Step[step=1, x=Vec[-6.700000004285714, 1.70000000075], ...]
 * run.stateTable();    // one row per coordinate: i, x, g, m, v, effLr
 * run.reset();         // back to the start: replaying gives the same numbers, bit for bit
 * run.trajectory()     // every point so far: Trajectory(Adam(...), 0 steps, from Vec[-7.0, 2.0] to Vec[-7.0, 2.0])
 * }</pre>
 *
 * A step that diverges ({@link Divergence}: a NaN or infinite point, f or gradient, or f grown past
 * {@link Divergence#GROWTH} times its start) throws an {@link ArithmeticException} naming the step, the point and the
 * value, and is not kept: the run stays as it was before it, marked {@link #diverged()}. With
 * {@link Stop#markDiverged()} the run ends there instead of throwing. f, its gradient and the schedule are checked
 * where their values are used; a bad value at the start point is blamed on the function, not the learning rate.
 */
public final class Descent {
    private final Optimizer optimizer;
    private final Objective f;
    private final Vec start;
    private final List<Step> steps = new ArrayList<>();
    private double[] w;
    private State state;
    private String stopReason;
    private boolean diverged;

    Descent(Optimizer optimizer, Objective f, Vec start) {
        Check.notNull("optimizer", optimizer, "such as Optimizers.sgd(0.1)");
        Check.notNull("function", f, "such as Functions.dlfsBowl()");
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
        State fresh = optimizer.newState(start.dim());
        Step first = observe(0, start.toArray(), fresh, Double.NaN);
        w = start.toArray();
        state = fresh;
        steps.clear();
        steps.add(first);
        stopReason = null;
        diverged = false;
        return this;
    }

    /**
     * One update; returns the new point's row. The update is computed into copies of the point and the state and kept
     * only when the new point, f and the gradient there are finite and f has not grown past {@link Divergence#GROWTH}:
     * otherwise this throws an {@link ArithmeticException}, the run stays as it was before this step (point, step
     * count, trajectory, state) and is marked {@link #diverged()}.
     */
    public Step step() {
        if (diverged) {
            throw new IllegalStateException("This run diverged (" + stopReason + "); call reset() to start again.");
        }
        Step here = steps.get(steps.size() - 1);
        double[] next = w.clone();
        State nextState = state.copy();
        optimizer.update(next, here.gradient().toArray(), nextState, here.lr());
        Step row;
        try {
            row = observe(steps.size(), next, nextState, steps.get(0).f());
        } catch (ArithmeticException e) {
            diverged = true;
            stopReason = e.getMessage();
            throw e;
        }
        w = next;
        state = nextState;
        steps.add(row);
        return row;
    }

    /** Runs {@code n} more updates and returns the whole trajectory. */
    public Trajectory run(int n) {
        Check.nonNegative("number of steps", n);
        for (int i = 0; i < n; i++) step();
        stopReason = "ran " + n + " steps";   // not reached when a step throws: the run keeps the divergence as its reason
        return trajectory();
    }

    /** Runs until {@code stop} says so and returns the whole trajectory. */
    public Trajectory run(Stop stop) {
        Check.notNull("stop", stop, "use Stop.after(100) or run(100)");
        String reason = "ran " + stop.maxSteps() + " steps";
        for (int i = 0; i < stop.maxSteps(); i++) {
            Step last = steps.get(steps.size() - 1);
            if (stop.gradNorm() > 0 && last.gradNorm() < stop.gradNorm()) {
                reason = "gradNorm " + Format.number(last.gradNorm()) + " < " + Format.repr(stop.gradNorm()) + " at step " + last.step();
                break;
            }
            if (stop.fChange() > 0 && steps.size() > 1) {
                double change = Math.abs(last.f() - steps.get(steps.size() - 2).f());
                if (change < stop.fChange()) {
                    reason = "fChange " + Format.number(change) + " < " + Format.repr(stop.fChange()) + " at step " + last.step();
                    break;
                }
            }
            try {
                step();
            } catch (ArithmeticException e) {
                if (!stop.markOnDivergence()) throw e;
                return trajectory();   // step() marked the run diverged, with the reason, as it was before the failing update
            }
        }
        stopReason = reason;
        return trajectory();
    }

    /** The current point. */
    public Vec x() {
        return Vec.of(w);
    }

    /** Number of updates made so far. */
    public int t() {
        return steps.size() - 1;
    }

    /** A snapshot of the optimizer's state for this run. */
    public State state() {
        return state.copy();
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** True once a step met a NaN or infinity or f grew past {@link Divergence#GROWTH} (the run then stays at the last good point). */
    public boolean diverged() {
        return diverged;
    }

    /** Every point visited so far, start included. */
    public Trajectory trajectory() {
        return new Trajectory(optimizer.toString(), f, steps, diverged, stopReason == null ? "ran " + t() + " steps" : stopReason);
    }

    /**
     * The optimizer's state after the latest update, one row per coordinate: {@code i}, {@code x} (the current
     * point), {@code g} (the gradient that update used, i.e. at the previous point; at step 0 the gradient at the
     * start, which the first update will use), one column per buffer (v, h, m, ...) and {@code effLr}, the
     * effective learning rate η/σ of that update (empty before the first adaptive update).
     */
    public Table stateTable() {
        int t = t();
        Step now = steps.get(t);
        Step used = steps.get(Math.max(0, t - 1));
        Table table = Table.create(optimizer + " after update " + t);
        IntColumn coord = IntColumn.create("i");
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn g = DoubleColumn.create("g");
        DoubleColumn eff = DoubleColumn.create("effLr");
        List<DoubleColumn> bufs = new ArrayList<>();
        for (String name : state.names()) bufs.add(DoubleColumn.create(name));
        for (int i = 0; i < w.length; i++) {
            coord.append(i);
            x.append(now.x().get(i));
            g.append(used.gradient().get(i));
            for (int b = 0; b < bufs.size(); b++) bufs.get(b).append(now.state().get(state.names().get(b)).get(i));
            eff.append(now.effectiveLr().get(i));
        }
        table.addColumns(coord, x, g);
        bufs.forEach(table::addColumns);
        table.addColumns(eff);
        return table;
    }

    /**
     * The row for point x after t updates, checking each user-supplied value where it is used: f(x), ∇f(x) and the
     * schedule's factor (in {@link Optimizer#lrAt}). At the start (f0 = NaN) a bad value is the function's fault, not
     * the learning rate's, and is reported as such.
     */
    private Step observe(int t, double[] point, State s, double f0) {
        Vec x = Vec.of(point);
        if (!x.isFinite()) {
            throw new ArithmeticException(optimizer + " diverged at step " + t + ": the point is " + x + "; try a smaller learning rate.");
        }
        double fx = f.value(x);
        if (!Double.isFinite(fx)) throw notFinite(t, "f", x, "= " + fx);
        Vec g = f.gradient(x);
        if (!g.isFinite()) throw notFinite(t, "the gradient of " + f.name(), x, "is " + g);
        if (t > 0 && Divergence.grewTooFar(f0, fx)) {
            throw new ArithmeticException(optimizer + " diverged at step " + t + ": f = " + Format.number(fx) + " at " + x
                    + " rose more than " + Format.repr(Divergence.GROWTH) + " × max(1, |f(start)|) above f(start) = "
                    + Format.number(f0) + " (Divergence.GROWTH); try a smaller learning rate.");
        }
        Map<String, Vec> buffers = new LinkedHashMap<>();
        for (String name : s.names()) buffers.put(name, Vec.of(s.buffer(name)));
        // the rate the t-th update used (t >= 1), so η/σ lines up with the buffers it came from
        double usedLr = t == 0 ? optimizer.lrAt(0) : optimizer.lrAt(t - 1);
        Vec eff = Vec.of(optimizer.effectiveLr(s, usedLr));
        return new Step(t, x, fx, g, optimizer.lrAt(t), buffers, eff);
    }

    /**
     * f or its gradient is NaN or infinite at x. At the start point, or NaN at a finite point where the run had not
     * grown, the function is the suspect; an infinity after some updates is the classic too-large step.
     */
    private RuntimeException notFinite(int t, String what, Vec x, String value) {
        if (t == 0) {
            return new IllegalArgumentException(what + " " + value + " at the start point " + x + ", before any update"
                    + " (so not the learning rate): " + f.name() + " is not defined there; check the function or start elsewhere.");
        }
        boolean nan = value.contains("NaN");
        return new ArithmeticException(optimizer + " diverged at step " + t + ": " + what + " at " + x + " " + value
                + (nan ? "; " + f.name() + " is not defined at that finite point (such as log or sqrt of a negative number, 0/0):"
                        + " check the function, or try a smaller learning rate if the step jumped there."
                        : "; try a smaller learning rate."));
    }

    @Override
    public String toString() {
        return "Descent(" + optimizer + " on " + f.name() + ", step " + t() + ", x=" + x() + (diverged ? ", diverged" : "") + ")";
    }
}
