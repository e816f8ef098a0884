package descent.optim;

import descent.base.Format;
import descent.fn.Objective;
import descent.fn.Vec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The points an optimizer visited, start first, as records and as a table.
 *
 * <pre>{@code
 * var path = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * path.toTable();     // step, x0, x1, f, gradNorm, lr, and |buffer| per optimizer state
 * path.last().x()     // Vec[-0.3503929957523197, 0.0847823165504322]
 * }</pre>
 */
public final class Trajectory {
    private final String name;
    private final Objective f;
    private final List<Step> steps;
    private final boolean diverged;
    private final String stopReason;

    /** A finished run of {@code steps.size() - 1} updates that did not diverge. */
    public Trajectory(String name, Objective f, List<Step> steps) {
        this(name, f, steps, false, "ran " + (steps.size() - 1) + " steps");
    }

    /**
     * A run that ended for {@code stopReason}; when {@code diverged}, the steps are the finite points before the
     * NaN or infinity and the reason names the step, point and value.
     */
    public Trajectory(String name, Objective f, List<Step> steps, boolean diverged, String stopReason) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A trajectory needs at least its start point; got no steps.");
        }
        this.name = name;
        this.f = f;
        this.steps = List.copyOf(steps);
        this.diverged = diverged;
        this.stopReason = stopReason;
    }

    /** True when the run met a NaN or infinity (only with {@link Stop#markDiverged()}; otherwise it throws). */
    public boolean diverged() {
        return diverged;
    }

    /** Why the run ended: {@code "ran 30 steps"}, {@code "gradNorm 9.7e-07 < 1e-06 at step 412"}, or the divergence. */
    public String stopReason() {
        return stopReason;
    }

    /** The first step at which the distance to the nearest known minimum is below tol, or -1 (also when none known). */
    public int stepsToReach(double tol) {
        if (f.minima().isEmpty()) return -1;
        for (Step s : steps) if (distanceToMinimum(s.x()) < tol) return s.step();
        return -1;
    }

    /** Distance from x to the nearest known minimum of the function, NaN when none is known. */
    public double distanceToMinimum(Vec x) {
        double best = Double.NaN;
        for (Vec m : f.minima()) {
            double d = x.distanceTo(m);
            if (!(d >= best)) best = d;
        }
        return best;
    }

    /** The legend text: the optimizer's {@code toString}. */
    public String name() {
        return name;
    }

    public Objective function() {
        return f;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Number of updates made (rows minus one). */
    public int size() {
        return steps.size() - 1;
    }

    public Step get(int step) {
        return steps.get(step);
    }

    public Step last() {
        return steps.get(steps.size() - 1);
    }

    /** Coordinate {@code i} of every point, in order. */
    public double[] coordinate(int i) {
        double[] r = new double[steps.size()];
        for (int k = 0; k < r.length; k++) r[k] = steps.get(k).x().get(i);
        return r;
    }

    /**
     * One row per point: step, x0..x(n-1), f, gradNorm, lr, then the norm of each optimizer buffer. The cells hold
     * every digit; printed, they show {@link Format#DIGITS} significant ones, in scientific notation outside [1e-4, 1e6).
     */
    public Table toTable() {
        int n = steps.get(0).x().dim();
        Table t = Table.create(name);
        IntColumn step = IntColumn.create("step");
        DoubleColumn[] xs = new DoubleColumn[n];
        for (int i = 0; i < n; i++) xs[i] = DoubleColumn.create("x" + i);
        DoubleColumn fx = DoubleColumn.create("f");
        DoubleColumn gn = DoubleColumn.create("gradNorm");
        DoubleColumn lr = DoubleColumn.create("lr");
        List<String> bufferNames = List.copyOf(last().state().keySet()).stream().sorted().toList();
        DoubleColumn[] bufs = new DoubleColumn[bufferNames.size()];
        for (int b = 0; b < bufs.length; b++) bufs[b] = DoubleColumn.create("|" + bufferNames.get(b) + "|");
        for (Step s : steps) {
            step.append(s.step());
            for (int i = 0; i < n; i++) xs[i].append(s.x().get(i));
            fx.append(s.f());
            gn.append(s.gradNorm());
            lr.append(s.lr());
            for (int b = 0; b < bufs.length; b++) {
                Vec v = s.state().get(bufferNames.get(b));
                bufs[b].append(v == null ? 0.0 : v.norm());
            }
        }
        t.addColumns(step);
        t.addColumns(xs);
        t.addColumns(fx, gn, lr);
        t.addColumns(bufs);
        for (DoubleColumn c : t.columns().stream().filter(DoubleColumn.class::isInstance).map(DoubleColumn.class::cast).toList()) {
            c.setPrintFormatter(Format.numberFormat(Format.DIGITS), "");   // println(table): 6.4e+60, not 61 digits
        }
        return t;
    }

    @Override
    public String toString() {
        return "Trajectory(" + name + ", " + size() + " steps, from " + steps.get(0).x() + " to " + last().x()
                + (diverged ? ", diverged" : "") + ")";
    }
}
