/**
 * Layers, activations, losses, initializers, regularizers and models, each forward beside its backward.
 *
 * <pre>{@code
 * var net = Mlp.of(784, 100, 100, 10).relu().batchNorm().dropout(0.2).init(Initializers.he()).seed(42);
 * net.summary();                                  // index, layer, output, params: 90010 parameters
 * var small = Mlp.of(2, 8, 2).relu().batchNorm().seed(1);
 * var data = Datasets.spirals(16, 0.05, 1);
 * BackpropCheck.model(small, Losses.softmaxCrossEntropy(), data.x(), data.oneHot()).toTable()   // every relativeError below 1e-10
 * }</pre>
 *
 * Start with {@link descent.nn.Layer} (the contract), {@link descent.nn.Dense} and {@link descent.nn.ReLU} (the
 * simplest forward/backward pairs), then {@link descent.nn.BatchNorm} and {@link descent.nn.Dropout}. Factories:
 * {@link descent.nn.Layers}, {@link descent.nn.Losses}, {@link descent.nn.Initializers},
 * {@link descent.nn.Regularizers}. User guide: {@code docs/networks.md}.
 *
 * <p>float32: {@code Mlp.of(...).float32()} (or {@link descent.nn.Sequential#to}) runs the same layers on float32
 * matrices. Each elementwise layer's forward and backward then has its float loop right below its double loop (ReLU,
 * Dense's bias through {@code Matrix}); batch norm, softmax and the losses run their double code on widened copies
 * ({@code Widening}) and round once. Gradient checks are float64 only. See {@code docs/performance.md}.
 */
package descent.nn;
