package descent.schedule;

import descent.base.Check;
import descent.base.Format;

/**
 * The schedule of "Attention Is All You Need": linear warm-up, then decay as 1/√t, scaled by the model width.
 *
 * <pre>
 *   s = t + 1                                   (the paper counts steps from 1)
 *   factor(t) = scale · d^−0.5 · min(s^−0.5, s · w^−1.5)
 * </pre>
 * Vaswani et al. (2017), eq. 3, with d = d_model and w = warmup_steps (the paper: 512 and 4000); the peak is at
 * s = w. This factor is itself a learning rate: use it with base lr 1, e.g.
 * {@code Optimizers.adam(1).withBetas(0.9, 0.98).withSchedule(Schedules.transformer(512, 4000))} as in the paper.
 * {@code scale} is the Annotated Transformer's "factor" (1 in the paper).
 *
 * <pre>{@code
 * Schedules.transformer(512, 4000).factor(3999)    // peak: 512^-0.5 · 4000^-0.5 = 6.99e-04
 * }</pre>
 */
public record Transformer(int dModel, int warmup, double scale) implements Schedule {
    public Transformer {
        Check.positive("dModel", dModel);
        Check.positive("warmup", warmup);
        Check.positive("scale", scale);
    }

    @Override
    public double factor(int step) {
        double s = step + 1.0;
        return scale * Math.pow(dModel, -0.5) * Math.min(Math.pow(s, -0.5), s * Math.pow(warmup, -1.5));
    }

    @Override
    public String toString() {
        return "Transformer(dModel=" + dModel + ", warmup=" + warmup + (scale == 1 ? "" : ", scale=" + Format.repr(scale)) + ")";
    }
}
