/**
 * Layers, activations, losses, initializers, regularizers and models, each forward beside its backward.
 *
 * <pre>{@code
 * var net = Mlp.of(784, 100, 100, 10).relu().batchNorm().dropout(0.2).init(Initializers.he()).seed(42);
 * net.summary()
 * BackpropCheck.model(net, Losses.softmaxCrossEntropy(), x, oneHot).toTable()
 * }</pre>
 *
 * Start with {@link descent.nn.Layer} (the contract), {@link descent.nn.Dense} and {@link descent.nn.ReLU} (the
 * simplest forward/backward pairs), then {@link descent.nn.BatchNorm} and {@link descent.nn.Dropout}. Factories:
 * {@link descent.nn.Layers}, {@link descent.nn.Losses}, {@link descent.nn.Initializers},
 * {@link descent.nn.Regularizers}. User guide: {@code docs/networks.md}.
 */
package descent.nn;
