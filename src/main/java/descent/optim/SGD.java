package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * Stochastic gradient descent: a step against the gradient, η times its length.
 *
 * <pre>
 *   w ← w − η·g
 * </pre>
 *
 * Deep Learning from Scratch §6.1.2; PyTorch {@code torch.optim.SGD} without momentum.
 *
 * <pre>{@code
 * Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable()
 * }</pre>
 */
public record SGD(double lr, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        state.advance();
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * g[i];
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        state.advance();
        float eta = (float) lr;
        for (int i = 0; i < w.length; i++) w[i] -= eta * g[i];
    }

    public SGD {
        Plumbing.check(lr, schedule);
    }

    public SGD(double lr) { this(lr, Schedules.constant()); }

    @Override public SGD withLr(double lr) { return new SGD(lr, schedule); }
    @Override public SGD withSchedule(Schedule schedule) { return new SGD(lr, schedule); }
    @Override public List<String> stateNames() { return List.of(); }
    @Override public String toString() { return Plumbing.describe(this); }
}
