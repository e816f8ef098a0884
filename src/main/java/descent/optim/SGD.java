package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * Stochastic gradient descent.
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
public final class SGD implements Optimizer {
    private final double lr;
    private final Schedule schedule;

    public SGD(double lr) {
        this(lr, Schedules.constant());
    }

    private SGD(double lr, Schedule schedule) {
        this.lr = Hyper.learningRate(lr);
        this.schedule = Hyper.schedule(schedule);
    }

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public SGD withSchedule(Schedule schedule) {
        return new SGD(lr, schedule);
    }

    /** The same algorithm with another base learning rate. */
    public SGD withLr(double lr) {
        return new SGD(lr, schedule);
    }

    @Override
    public List<String> stateNames() {
        return List.of();
    }

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        state.advance();
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * g[i];
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + Hyper.format(lr) + Hyper.scheduleSuffix(schedule) + ")";
    }
}
