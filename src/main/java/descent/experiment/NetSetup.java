package descent.experiment;

import descent.base.Check;
import descent.data.Dataset;
import descent.nn.Initializer;
import descent.nn.Mlp;
import descent.nn.Sequential;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.train.Trainer;

import java.util.Locale;

/**
 * The network and training settings every training experiment takes: how many hidden ReLU layers of what width,
 * their initializer, which optimizer, batch size, epochs and seed. Input and output widths come from the data. An
 * experiment is called as {@code Experiment.run(setup, train, test, what it varies)}, and varies one thing of the
 * network it gets from {@link #network} (the activation, the initializer, batch norm, dropout, the loss).
 *
 * <pre>{@code
 * NetSetup.book();                                 // NetSetup(6x100 ReLU, SGD(lr=0.01), batchSize=100, epochs=200, seed=1)
 * var setup = NetSetup.book().withHidden(2, 16).withEpochs(5).withOptimizer(Optimizers.adam(0.001));
 * var train = Datasets.blobs(200, 3, 0.5, 1);
 * setup.network(train);                            // Mlp[Dense(2, 16), ReLU, Dense(16, 16), ReLU, Dense(16, 3); seed=1]
 * setup.withInit(Initializers.normal(1.0))         // NetSetup(2x16 ReLU, Normal(std=1.0), Adam(lr=0.001, ...), batchSize=100, epochs=5, seed=1)
 * }</pre>
 *
 * {@link #book()} is Deep Learning from Scratch §6.4.1 ({@code MultiLayerNet(784, [100]*6, 10)}, He initialization,
 * SGD with lr 0.01, mini-batches of 100). The book trains on MNIST; the notebooks use Fashion-MNIST.
 *
 * @param hiddenLayers number of hidden layers (Dense + ReLU), at least 0
 * @param width        units per hidden layer
 * @param init         the weight initializer, or null for the activation's default (He for ReLU)
 * @param optimizer    the optimizer (immutable, so it can be shared between runs and threads)
 * @param batchSize    examples per update
 * @param epochs       passes over the training data
 * @param seed         seeds the weights, the dropout masks and the batch order
 */
public record NetSetup(int hiddenLayers, int width, Initializer init, Optimizer optimizer, int batchSize, int epochs, long seed) {

    /** The activation's default initializer (He for ReLU). */
    public NetSetup(int hiddenLayers, int width, Optimizer optimizer, int batchSize, int epochs, long seed) {
        this(hiddenLayers, width, null, optimizer, batchSize, epochs, seed);
    }

    public NetSetup {
        Check.nonNegative("number of hidden layers", hiddenLayers);
        Check.atLeast("hidden layer width", width, 1, "units per hidden layer, such as 100 (the book's)");
        Check.notNull("optimizer", optimizer, "such as Optimizers.sgd(0.01)");
        Check.positive("batch size", batchSize);
        Check.positive("number of epochs", epochs);
    }

    /** The book's overfitting setup (§6.4.1): 6 hidden layers of 100 ReLU units, SGD lr 0.01, batch 100, 200 epochs, seed 1. */
    public static NetSetup book() {
        return new NetSetup(6, 100, Optimizers.sgd(0.01), 100, 200, 1);
    }

    public NetSetup withHidden(int hiddenLayers, int width) {
        return new NetSetup(hiddenLayers, width, init, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withOptimizer(Optimizer optimizer) {
        return new NetSetup(hiddenLayers, width, init, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withBatchSize(int batchSize) {
        return new NetSetup(hiddenLayers, width, init, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withEpochs(int epochs) {
        return new NetSetup(hiddenLayers, width, init, optimizer, batchSize, epochs, seed);
    }

    /** Weights drawn by {@code init} instead of the default (He). */
    public NetSetup withInit(Initializer init) {
        return new NetSetup(hiddenLayers, width, init, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withSeed(long seed) {
        return new NetSetup(hiddenLayers, width, init, optimizer, batchSize, epochs, seed);
    }

    /** A fresh network for this data: features → hidden layers → one output per class (ReLU, He unless set). */
    public Mlp network(Dataset data) {
        int[] widths = new int[hiddenLayers + 2];
        widths[0] = data.features();
        for (int i = 1; i <= hiddenLayers; i++) widths[i] = width;
        widths[hiddenLayers + 1] = data.classes();
        Mlp net = Mlp.of(widths).seed(seed);
        return init == null ? net : net.init(init);
    }

    /** A trainer for this network with this setup's optimizer, batch size and seed (no per-layer statistics). */
    public Trainer trainer(Sequential network, Dataset train) {
        return Trainer.of(network, train, optimizer).batchSize(Math.min(batchSize, train.size())).seed(seed).layerStats(false);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NetSetup(%dx%d ReLU, %s%s, batchSize=%d, epochs=%d, seed=%d)",
                hiddenLayers, width, init == null ? "" : init + ", ", optimizer, batchSize, epochs, seed);
    }
}
