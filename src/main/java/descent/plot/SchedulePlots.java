package descent.plot;

import descent.base.Check;
import descent.schedule.Schedule;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Learning-rate schedules as curves against the step.
 *
 * <pre>{@code
 * SchedulePlots.curves(100, Schedules.stepDecay(20, 0.5), Schedules.cosine(100), Schedules.warmupCosine(10, 100));
 * SchedulePlots.curves(100, 0.3, Schedules.oneCycle(100))      // the learning rate itself, base 0.3
 * }</pre>
 */
public final class SchedulePlots {
    private SchedulePlots() {
    }

    /** factor(t) for t = 0..steps−1, one line per schedule, named by its toString. */
    public static PlotlyFigure curves(int steps, Schedule... schedules) {
        return figure(steps, 1, "factor", schedules);
    }

    /** baseLr·factor(t) for t = 0..steps−1, one line per schedule. */
    public static PlotlyFigure curves(int steps, double baseLr, Schedule... schedules) {
        Check.positive("base learning rate", baseLr);
        return figure(steps, baseLr, "lr", schedules);
    }

    private static PlotlyFigure figure(int steps, double base, String what, Schedule... schedules) {
        if (schedules.length == 0 || steps < 1) {
            throw new IllegalArgumentException("SchedulePlots.curves needs steps >= 1 and at least one schedule; got steps="
                    + steps + " and " + schedules.length + " schedules.");
        }
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) t[i] = i;
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < schedules.length; k++) {
            double[] y = schedules[k].factors(steps);
            for (int i = 0; i < steps; i++) y[i] *= base;
            traces.add(LineTrace.of(t, y).lines().width(2).color(TrajectoryPlots.LINE_COLORS[k % TrajectoryPlots.LINE_COLORS.length])
                    .name(schedules[k].toString()));
        }
        return PlotlyFigure.of(what.equals("lr") ? "learning rate by step (base " + base + ")" : "schedule factor by step",
                        traces.toArray(Trace[]::new))
                .withAxisTitles("step", what).withLayout("legend.orientation", "h").withLayout("legend.y", -0.2);
    }
}
