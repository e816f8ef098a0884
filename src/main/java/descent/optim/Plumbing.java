package descent.optim;

import descent.base.Check;
import descent.base.Format;
import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every optimizer record shares, kept here so that each algorithm's file shows its math first: the checks of
 * its hyperparameters (one wording for all), the effective rate η/σ of the adaptive methods, and {@code toString}.
 */
final class Plumbing {
    private Plumbing() {
    }

    /** The two hyperparameters every optimizer has: a learning rate and a schedule. */
    static void check(double lr, Schedule schedule) {
        Check.positive("learning rate", lr, "typically between 1e-4 and 1");
        Check.notNull("schedule", schedule, "use Schedules.constant() for a fixed learning rate");
    }

    /** A decay rate or momentum in [0, 1). */
    static void unitInterval(String name, double value) {
        Check.closedOpen(name, value, 0, 1, "such as 0.9");
    }

    /** a/(√(s·b_i) + e) per coordinate of buffer b: η/σ of AdaGrad, RMSProp, Adam and RAdam; NaN before the first update. */
    static double[] adaptiveRate(State state, String buffer, double a, double s, double e) {
        if (state.t() == 0) return filled(state.size(), Double.NaN);   // no σ yet; Tablesaw shows an empty cell
        double[] r = new double[state.size()];
        for (int i = 0; i < r.length; i++) r[i] = a / (Math.sqrt(s * state.value(buffer, i)) + e);
        return r;
    }

    static double[] filled(int n, double value) {
        double[] r = new double[n];
        Arrays.fill(r, value);
        return r;
    }

    /**
     * {@code Name(component=value, ...)} in the record's order, numbers as PyTorch prints them ({@code 0.9},
     * {@code 1e-08}); a nested optimizer's components inline (AdamW shows its Adam's); left out: a constant
     * schedule and an enum at its first (default) value; a schedule goes last.
     */
    static String describe(Record optimizer) {
        List<String> parts = new ArrayList<>();
        String schedule = components(optimizer, parts);
        if (schedule != null) parts.add("schedule=" + schedule);
        return optimizer.getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
    }

    private static String components(Record r, List<String> parts) {
        String schedule = null;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = value(r, c);
            if (v instanceof Schedule s) {
                if (!(s instanceof descent.schedule.Constant)) schedule = Schedules.name(s);
            } else if (v instanceof Optimizer && v instanceof Record inner) {
                String s = components(inner, parts);
                if (s != null) schedule = s;
            } else if (!(v instanceof Enum<?> e && e.ordinal() == 0)) {
                parts.add(c.getName() + "=" + (v instanceof Double d ? Format.repr(d) : String.valueOf(v)));
            }
        }
        return schedule;
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
