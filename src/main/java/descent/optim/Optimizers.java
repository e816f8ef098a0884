package descent.optim;

/**
 * Short factories for optimizers: the one knob people change (the learning rate), the paper's / PyTorch's defaults
 * for the rest, changed with withers.
 *
 * <pre>{@code
 * Optimizers.sgd(0.95);                          // SGD(lr=0.95)
 * Optimizers.momentum(0.1);                      // Momentum(lr=0.1, momentum=0.9)
 * Optimizers.nesterov(0.1);                      // Nesterov(lr=0.1, momentum=0.9)
 * Optimizers.adaGrad(1.5);                       // AdaGrad(lr=1.5, eps=1e-10)
 * Optimizers.rmsProp(0.1);                       // RMSProp(lr=0.1, alpha=0.99, eps=1e-08)
 * Optimizers.adam(0.3);                          // Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)
 * Optimizers.adam(0.3).withBetas(0.9, 0.99);     // Adam(lr=0.3, beta1=0.9, beta2=0.99, eps=1e-08)
 * Optimizers.adam(0.3).bookForm();               // the book's lr_t form with eps 1e-7: ..., eps=1e-07, form=BOOK)
 * Optimizers.adamW(0.01);                        // AdamW(..., weightDecay=0.01)
 * Optimizers.radam(0.01)                         // RAdam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-08)
 * }</pre>
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** Plain SGD: w ← w − η·g. */
    public static SGD sgd(double lr) {
        return new SGD(lr);
    }

    /** Momentum with μ = 0.9 (the book's form v ← μv − ηg, w ← w + v). */
    public static Momentum momentum(double lr) {
        return new Momentum(lr);
    }

    /** Momentum with the given μ. */
    public static Momentum momentum(double lr, double momentum) {
        return new Momentum(lr).withMomentum(momentum);
    }

    /** Nesterov momentum with μ = 0.9. */
    public static Nesterov nesterov(double lr) {
        return new Nesterov(lr);
    }

    /** Nesterov momentum with the given μ. */
    public static Nesterov nesterov(double lr, double momentum) {
        return new Nesterov(lr).withMomentum(momentum);
    }

    /** AdaGrad: η / √(sum of past g²) per coordinate. */
    public static AdaGrad adaGrad(double lr) {
        return new AdaGrad(lr);
    }

    /** AdaGrad with PyTorch's default lr = 0.01. */
    public static AdaGrad adaGrad() {
        return new AdaGrad(AdaGrad.DEFAULT_LR);
    }

    /** RMSProp: η / √(moving average of g²), α = 0.99. */
    public static RMSProp rmsProp(double lr) {
        return new RMSProp(lr);
    }

    /** RMSProp with PyTorch's default lr = 0.01. */
    public static RMSProp rmsProp() {
        return new RMSProp(RMSProp.DEFAULT_LR);
    }

    /** Adam with betas (0.9, 0.999), eps 1e-8, PyTorch's placement of ε. */
    public static Adam adam(double lr) {
        return new Adam(lr);
    }

    /** Adam with the paper's default lr = 0.001. */
    public static Adam adam() {
        return new Adam(Adam.DEFAULT_LR);
    }

    /** AdamW: Adam with decoupled weight decay 0.01. */
    public static AdamW adamW(double lr) {
        return new AdamW(lr);
    }

    /** AdamW with PyTorch's default lr = 0.001. */
    public static AdamW adamW() {
        return new AdamW(Adam.DEFAULT_LR);
    }

    /** RAdam: Adam with a rectified (warmed-up) adaptive step. */
    public static RAdam radam(double lr) {
        return new RAdam(lr);
    }

    /** RAdam with PyTorch's default lr = 0.001. */
    public static RAdam radam() {
        return new RAdam(Adam.DEFAULT_LR);
    }
}
