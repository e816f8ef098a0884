package descent.optim;

import descent.schedule.Schedule;
import descent.schedule.Schedules;

import java.util.List;

/**
 * Adam: RMSProp's per-coordinate scaling applied to a momentum, with both averages corrected for their start at 0.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g                 first moment (momentum)
 *   v ← β2·v + (1 − β2)·g⊙g               second moment (RMSProp's h)
 *   Form.PYTORCH (default, Algorithm 1 of the paper):
 *       m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
 *       w ← w − η·m̂ / (√v̂ + ε)
 *   Form.BOOK (Deep Learning from Scratch; the paper's "more efficient" ordering, §2):
 *       η_t = η·√(1 − β2^t) / (1 − β1^t)
 *       w ← w − η_t·m / (√v + ε)
 * </pre>
 *
 * Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015); PyTorch {@code torch.optim.Adam}
 * (lr = 0.001, betas = (0.9, 0.999), eps = 1e-8); Deep Learning from Scratch §6.1.6 ({@code Adam}, eps = 1e-7).
 * <p>
 * <b>Where ε sits.</b> The two forms are algebraically the same except for ε: the book's form equals the
 * PyTorch form with ε replaced by ε/√(1 − β2^t), a much larger ε in the first steps (×31.6 at t = 1 with
 * β2 = 0.999). The difference matters only when √v̂ is comparable to ε. {@link #bookForm()} gives the book's code
 * exactly (its form and its ε = 1e-7); {@code withForm(Form.BOOK)} changes only the form.
 * In the lecture's summary θ ← θ − (η/σ)·m, σ is √v̂ and m is m̂.
 *
 * <pre>{@code
 * Optimizers.adam(0.3);                             // Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)
 * Optimizers.adam(0.3).withBetas(0.9, 0.99);        // Adam(lr=0.3, beta1=0.9, beta2=0.99, eps=1e-08)
 * Optimizers.adam(0.3).bookForm()                   // Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-07, form=BOOK)
 * }</pre>
 */
public final class Adam implements Optimizer {
    /** PyTorch's and the paper's default learning rate. */
    public static final double DEFAULT_LR = 0.001;
    /** Decay of the first moment (the paper's β1). */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Decay of the second moment (the paper's β2). */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The paper's and PyTorch's ε. */
    public static final double DEFAULT_EPS = 1e-8;

    /** Where the bias correction and ε are applied; see the class comment. */
    public enum Form {
        /** w ← w − η·m̂/(√v̂ + ε): the paper's Algorithm 1 and PyTorch. */
        PYTORCH,
        /** w ← w − η·√(1−β2^t)/(1−β1^t)·m/(√v + ε): Deep Learning from Scratch's code. */
        BOOK
    }

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Form form;
    private final Schedule schedule;

    public Adam(double lr) {
        this(lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, Form.PYTORCH, Schedules.constant());
    }

    private Adam(double lr, double beta1, double beta2, double eps, Form form, Schedule schedule) {
        this.lr = Hyper.learningRate(lr);
        this.beta1 = Hyper.unitInterval("beta1", beta1);
        this.beta2 = Hyper.unitInterval("beta2", beta2);
        this.eps = Hyper.positive("eps", eps);
        if (form == null) {
            throw new IllegalArgumentException("Adam form is null; use Adam.Form.PYTORCH or Adam.Form.BOOK.");
        }
        this.form = form;
        this.schedule = Hyper.schedule(schedule);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    public Form form() {
        return form;
    }

    /** The same optimizer with other moment decays, each in [0, 1). */
    public Adam withBetas(double beta1, double beta2) {
        return new Adam(lr, beta1, beta2, eps, form, schedule);
    }

    public Adam withEps(double eps) {
        return new Adam(lr, beta1, beta2, eps, form, schedule);
    }

    /** The same optimizer with ε placed as in {@code form} (ε itself unchanged). */
    public Adam withForm(Form form) {
        return new Adam(lr, beta1, beta2, eps, form, schedule);
    }

    /** Deep Learning from Scratch's Adam exactly: {@link Form#BOOK} with the book's ε = 1e-7. */
    public Adam bookForm() {
        return new Adam(lr, beta1, beta2, Hyper.BOOK_EPS, Form.BOOK, schedule);
    }

    @Override
    public Adam withLr(double lr) {
        return new Adam(lr, beta1, beta2, eps, form, schedule);
    }

    @Override
    public Adam withSchedule(Schedule schedule) {
        return new Adam(lr, beta1, beta2, eps, form, schedule);
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
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void update(double[] w, double[] g, State state, double lr) {
        int t = state.advance();
        step(w, g, state.buffer("m"), state.buffer("v"), t, lr, beta1, beta2, eps, form);
    }

    /** m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g². Shared with AdamW and RAdam. */
    static void moments(double[] g, double[] m, double[] v, double beta1, double beta2) {
        for (int i = 0; i < g.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        }
    }

    /** The bias-corrected step, in either form. Shared with AdamW. */
    /**
     * The moments and the step in one pass, as the class comment writes them: m̂/(√v̂ + ε) with m̂ = m/c1 and
     * √v̂ = √v/√c2, the bias corrections c1 = 1-β1^t and c2 = 1-β2^t taken out of the loop. One division and one
     * square root per coordinate; on a network this loop is most of Adam's cost.
     */
    static void step(double[] w, double[] g, double[] m, double[] v, int t, double lr, double beta1, double beta2,
                     double eps, Form form) {
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        // PyTorch: lr·(m/c1)/(√v/√c2 + ε).  Book: lr_t·m/(√v + ε) with lr_t = lr·√c2/c1.
        double a = form == Form.PYTORCH ? lr / c1 : lr * Math.sqrt(c2) / c1;
        double s = form == Form.PYTORCH ? 1 / Math.sqrt(c2) : 1;
        for (int i = 0; i < w.length; i++) {
            double mi = beta1 * m[i] + (1 - beta1) * g[i];
            double vi = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            m[i] = mi;
            v[i] = vi;
            w[i] -= a * mi / (Math.sqrt(vi) * s + eps);
        }
    }

    static double[] effective(State state, double lr, double beta2, double eps, Form form) {
        if (state.t() == 0) return Hyper.nan(state.size());
        double c2 = 1 - Math.pow(beta2, state.t());
        double e = form == Form.PYTORCH ? eps : eps / Math.sqrt(c2);
        double[] v = state.buffer("v");
        double[] r = new double[v.length];
        for (int i = 0; i < r.length; i++) r[i] = lr / (Math.sqrt(v[i] / c2) + e);
        return r;
    }

    @Override
    public double[] effectiveLr(State state, double lr) {
        return effective(state, lr, beta2, eps, form);
    }

    @Override
    public String toString() {
        return "Adam(lr=" + Hyper.format(lr) + ", beta1=" + Hyper.format(beta1) + ", beta2=" + Hyper.format(beta2)
                + ", eps=" + Hyper.format(eps) + (form == Form.PYTORCH ? "" : ", form=" + form) + Hyper.scheduleSuffix(schedule) + ")";
    }
}
