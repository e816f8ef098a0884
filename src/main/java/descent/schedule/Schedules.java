package descent.schedule;

import descent.base.Check;

/**
 * Short factories for learning-rate schedules; each returns a record that prints as its spec.
 *
 * <pre>{@code
 * Schedules.constant();                 // Constant()
 * Schedules.stepDecay(10, 0.5);         // ×0.5 every 10 steps
 * Schedules.exponential(0.95);          // ×0.95 every step
 * Schedules.inverseTime(0.1);           // 1/(1 + 0.1·t)
 * Schedules.cosine(100);                // half a cosine from 1 to 0 over 100 steps
 * Schedules.cosineRestarts(10, 2);      // SGDR: periods 10, 20, 40, ...
 * Schedules.warmupCosine(10, 100);      // linear warm-up for 10 steps, cosine to 0 at step 100
 * Schedules.warmupLinear(10, 100);
 * Schedules.warmupConstant(10);
 * Schedules.transformer(512, 4000);     // d^-0.5·min(t^-0.5, t·w^-1.5), use with base lr 1
 * Schedules.oneCycle(100);             // PyTorch's OneCycleLR shape (base lr = max_lr)
 * Schedules.of("halve at 50", t -> t < 50 ? 1 : 0.5)   // your own, printed as Schedule(halve at 50)
 * }</pre>
 */
public final class Schedules {
    private static final Constant CONSTANT = new Constant();

    private Schedules() {
    }

    /** The identity schedule: the base rate at every step. */
    public static Schedule constant() {
        return CONSTANT;
    }

    /** γ^⌊t/stepSize⌋. */
    public static StepDecay stepDecay(int stepSize, double gamma) {
        return new StepDecay(stepSize, gamma);
    }

    /** γ^t. */
    public static Exponential exponential(double gamma) {
        return new Exponential(gamma);
    }

    /** 1/(1 + decay·t). */
    public static InverseTime inverseTime(double decay) {
        return new InverseTime(decay, 1);
    }

    /** 1/(1 + decay·t)^power; {@code inverseTime(1, 0.5)} is η/√(t+1). */
    public static InverseTime inverseTime(double decay, double power) {
        return new InverseTime(decay, power);
    }

    /** Linear from 1 to {@code endFactor} over {@code steps} steps. */
    public static LinearDecay linear(int steps, double endFactor) {
        return new LinearDecay(steps, endFactor);
    }

    /** Cosine annealing from 1 to 0 over {@code period} steps. */
    public static Cosine cosine(int period) {
        return new Cosine(period, 0);
    }

    /** Cosine annealing from 1 to {@code minFactor} over {@code period} steps. */
    public static Cosine cosine(int period, double minFactor) {
        return new Cosine(period, minFactor);
    }

    /** Cosine annealing with warm restarts, first period {@code period}, each next one {@code multiplier} times longer. */
    public static CosineRestarts cosineRestarts(int period, int multiplier) {
        return new CosineRestarts(period, multiplier, 0);
    }

    /** Linear warm-up for {@code warmup} steps, then {@code then}. */
    public static Warmup warmup(int warmup, Schedule then) {
        return new Warmup(warmup, then);
    }

    /** Linear warm-up, then cosine annealing to 0 at step {@code total}. */
    public static Warmup warmupCosine(int warmup, int total) {
        return new Warmup(warmup, new Cosine(afterWarmup(warmup, total), 0));
    }

    /** Linear warm-up, then linear decay to 0 at step {@code total}. */
    public static Warmup warmupLinear(int warmup, int total) {
        return new Warmup(warmup, new LinearDecay(afterWarmup(warmup, total), 0));
    }

    /** Linear warm-up, then the base rate. */
    public static Warmup warmupConstant(int warmup) {
        return new Warmup(warmup, CONSTANT);
    }

    /** The Transformer schedule with d_model {@code dModel} and {@code warmup} warm-up steps; use base lr 1. */
    public static Transformer transformer(int dModel, int warmup) {
        return new Transformer(dModel, warmup, 1);
    }

    /** One-cycle over {@code totalSteps} with PyTorch's defaults (pctStart 0.3, divFactor 25, finalDivFactor 1e4). */
    public static OneCycle oneCycle(int totalSteps) {
        return new OneCycle(totalSteps, OneCycle.DEFAULT_PCT_START, OneCycle.DEFAULT_DIV_FACTOR, OneCycle.DEFAULT_FINAL_DIV_FACTOR);
    }

    /** A schedule written as a lambda, with a name to print: {@code of("1/sqrt(t+1)", t -> 1 / Math.sqrt(t + 1.0))}. */
    public static Named of(String name, Schedule factor) {
        return new Named(name, factor);
    }

    /**
     * How a schedule prints in an optimizer's {@code toString}, a table or a legend: its own {@code toString}, or
     * {@code Schedule(lambda)} for a lambda (whose {@code toString} would be a JVM class name).
     */
    public static String name(Schedule s) {
        if (s == null) return "null";
        try {
            if (s.getClass().getMethod("toString").getDeclaringClass() != Object.class) return s.toString();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e); // every class has toString
        }
        return "Schedule(" + (s.getClass().isHidden() || s.getClass().isSynthetic() ? "lambda" : s.getClass().getSimpleName()) + ")";
    }

    private static int afterWarmup(int warmup, int total) {
        Check.that(warmup >= 1 && total > warmup, "warm-up", warmup + " of " + total + " steps", "1 <= warmup < total",
                "such as warmupCosine(10, 100)");
        return total - warmup;
    }
}
