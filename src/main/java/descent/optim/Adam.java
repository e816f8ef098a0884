package descent.optim;

import descent.base.Check;
import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * Adam: RMSProp's per-coordinate scaling applied to a momentum, both averages corrected for their start at 0.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g                 first moment (momentum)
 *   v ← β2·v + (1 − β2)·g⊙g               second moment (RMSProp's h)
 *   m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
 *   w ← w − η·m̂ / (√v̂ + ε)                Form.PYTORCH (the default; the paper's Algorithm 1)
 *   w ← w − η·√(1 − β2^t)/(1 − β1^t)·m / (√v + ε)   Form.BOOK (Deep Learning from Scratch)
 * </pre>
 *
 * Kingma &amp; Ba, "Adam" (ICLR 2015); PyTorch {@code torch.optim.Adam} (lr = 0.001, betas = (0.9, 0.999), eps = 1e-8);
 * Deep Learning from Scratch §6.1.6 (eps = 1e-7). The forms differ only in where ε sits ({@link Form}).
 * <pre>{@code
 * Optimizers.adam(0.3).withBetas(0.9, 0.99)   // Adam(lr=0.3, beta1=0.9, beta2=0.99, eps=1e-08); bookForm(): eps=1e-07, form=BOOK
 * }</pre>
 */
public record Adam(double lr, double beta1, double beta2, double eps, Form form, Schedule schedule) implements Optimizer {

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        int t = state.advance();
        double[] m = state.buffer("m"), v = state.buffer("v");
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        // both forms as a·m/(√v·s + ε), corrections out of the loop: one division and one root per coordinate
        double a = form == Form.PYTORCH ? lr / c1 : lr * Math.sqrt(c2) / c1;
        double s = form == Form.PYTORCH ? 1 / Math.sqrt(c2) : 1;
        for (int i = 0; i < w.length; i++) {
            moments(m, v, g, i, beta1, beta2);
            w[i] -= a * m[i] / (Math.sqrt(v[i]) * s + eps);
        }
    }

    @Override
    public void update(float[] w, float[] g, State state, double lr) {
        int t = state.advance();
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);   // corrections in double, once per call
        float a = (float) (form == Form.PYTORCH ? lr / c1 : lr * Math.sqrt(c2) / c1);
        float s = (float) (form == Form.PYTORCH ? 1 / Math.sqrt(c2) : 1);
        float[] m = state.floats("m"), v = state.floats("v");
        float b1 = (float) beta1, b2 = (float) beta2, o1 = (float) (1 - beta1), o2 = (float) (1 - beta2), e = (float) eps;
        for (int i = 0; i < w.length; i++) {
            m[i] = b1 * m[i] + o1 * g[i];
            v[i] = b2 * v[i] + o2 * g[i] * g[i];
            w[i] -= a * m[i] / ((float) Math.sqrt(v[i]) * s + e);
        }
    }

    /** m ← β1·m + (1 − β1)·g and v ← β2·v + (1 − β2)·g² in float32, for RAdam. */
    static void floatMoments(float[] m, float[] v, float[] g, double beta1, double beta2) {
        float b1 = (float) beta1, b2 = (float) beta2, o1 = (float) (1 - beta1), o2 = (float) (1 - beta2);
        for (int i = 0; i < g.length; i++) {
            m[i] = b1 * m[i] + o1 * g[i];
            v[i] = b2 * v[i] + o2 * g[i] * g[i];
        }
    }

    /** m ← β1·m + (1 − β1)·g and v ← β2·v + (1 − β2)·g² at coordinate i; RAdam's moments too. */
    static void moments(double[] m, double[] v, double[] g, int i, double beta1, double beta2) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    }

    /**
     * η/σ = η/(√v̂ + ε) per coordinate, the rate on m̂ (in the book's form ε acts as ε/√(1 − β2^t)); NaN before the
     * first update. In the lecture's θ ← θ − (η/σ)·m, σ is √v̂ and m is m̂.
     */
    @Override
    public double[] effectiveLr(State state, double lr) {
        double c2 = 1 - Math.pow(beta2, state.t());
        return Plumbing.adaptiveRate(state, "v", lr, 1 / c2, form == Form.PYTORCH ? eps : eps / Math.sqrt(c2));
    }

    /**
     * Where the bias correction and ε are applied. The two forms are the same algebra except for ε: the book's
     * equals the PyTorch form with ε replaced by ε/√(1 − β2^t), a much larger ε in the first steps (×31.6 at t = 1
     * with β2 = 0.999), which matters only when √v̂ is comparable to ε. {@link #bookForm()} gives the book's code
     * exactly (its form and its ε = 1e-7); {@code withForm(Form.BOOK)} changes only the form.
     */
    public enum Form {
        /** w ← w − η·m̂/(√v̂ + ε): the paper's Algorithm 1 and PyTorch. */
        PYTORCH,
        /** w ← w − η·√(1−β2^t)/(1−β1^t)·m/(√v + ε): Deep Learning from Scratch's code (the paper's §2 ordering). */
        BOOK
    }

    /** PyTorch's and the paper's default learning rate. */
    public static final double DEFAULT_LR = 0.001;
    /** Decay of the first moment (the paper's β1). */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Decay of the second moment (the paper's β2). */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The paper's and PyTorch's ε. */
    public static final double DEFAULT_EPS = 1e-8;
    /** Deep Learning from Scratch's ε ({@code 1e-7} in common/optimizer.py). */
    public static final double BOOK_EPS = 1e-7;

    public Adam {
        Plumbing.check(lr, schedule);
        Plumbing.unitInterval("beta1", beta1);
        Plumbing.unitInterval("beta2", beta2);
        Check.positive("eps", eps);
        Check.notNull("Adam form", form, "use Adam.Form.PYTORCH or Adam.Form.BOOK");
    }

    public Adam(double lr) { this(lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, Form.PYTORCH, Schedules.constant()); }

    /** The same optimizer with other moment decays, each in [0, 1). */
    public Adam withBetas(double beta1, double beta2) { return new Adam(lr, beta1, beta2, eps, form, schedule); }
    public Adam withEps(double eps) { return new Adam(lr, beta1, beta2, eps, form, schedule); }
    /** The same optimizer with ε placed as in {@code form} (ε itself unchanged). */
    public Adam withForm(Form form) { return new Adam(lr, beta1, beta2, eps, form, schedule); }
    /** Deep Learning from Scratch's Adam exactly: {@link Form#BOOK} with the book's ε = 1e-7. */
    public Adam bookForm() { return new Adam(lr, beta1, beta2, BOOK_EPS, Form.BOOK, schedule); }
    @Override public Adam withLr(double lr) { return new Adam(lr, beta1, beta2, eps, form, schedule); }
    @Override public Adam withSchedule(Schedule schedule) { return new Adam(lr, beta1, beta2, eps, form, schedule); }
    @Override public List<String> stateNames() { return List.of("m", "v"); }
    @Override public String toString() { return Plumbing.describe(this); }
}
