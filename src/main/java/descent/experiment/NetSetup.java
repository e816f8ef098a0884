package descent.experiment;

import descent.data.Dataset;
import descent.nn.Mlp;
import descent.optim.Optimizer;
import descent.optim.Optimizers;
import descent.train.Trainer;

import java.util.Locale;

/**
 * The network and training settings shared by the overfitting and search experiments: how many hidden ReLU layers of
 * what width, which optimizer, batch size, epochs and seed. Input and output widths come from the data.
 *
 * <pre>{@code
 * NetSetup.book()                                  // NetSetup(6x100 ReLU, SGD(lr=0.01), batchSize=100, epochs=200, seed=1)
 * NetSetup.book().withEpochs(50).withOptimizer(Optimizers.adam(0.001))
 * NetSetup.book().network(train)                   // Mlp[Dense(784, 100), ReLU, ..., Dense(100, 10); seed=1]
 * }</pre>
 *
 * {@link #book()} is Deep Learning from Scratch §6.4.1 ({@code MultiLayerNet(784, [100]*6, 10)}, He initialization,
 * SGD with lr 0.01, mini-batches of 100). The book trains on MNIST; the notebooks use Fashion-MNIST.
 *
 * @param hiddenLayers number of hidden layers (Dense + ReLU), at least 0
 * @param width        units per hidden layer
 * @param optimizer    the optimizer (immutable, so it can be shared between runs and threads)
 * @param batchSize    examples per update
 * @param epochs       passes over the training data
 * @param seed         seeds the weights, the dropout masks and the batch order
 */
public record NetSetup(int hiddenLayers, int width, Optimizer optimizer, int batchSize, int epochs, long seed) {

    public NetSetup {
        if (hiddenLayers < 0 || width < 1) {
            throw new IllegalArgumentException("Invalid network shape: " + hiddenLayers + " hidden layers of " + width
                    + " units; expected >= 0 layers of >= 1 unit, such as 6 layers of 100 (the book's).");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("NetSetup needs an optimizer, such as Optimizers.sgd(0.01).");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + "; expected at least 1, such as 100.");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("Invalid number of epochs: " + epochs + "; expected at least 1.");
        }
    }

    /** The book's overfitting setup (§6.4.1): 6 hidden layers of 100 ReLU units, SGD lr 0.01, batch 100, 200 epochs, seed 1. */
    public static NetSetup book() {
        return new NetSetup(6, 100, Optimizers.sgd(0.01), 100, 200, 1);
    }

    public NetSetup withHidden(int hiddenLayers, int width) {
        return new NetSetup(hiddenLayers, width, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withOptimizer(Optimizer optimizer) {
        return new NetSetup(hiddenLayers, width, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withBatchSize(int batchSize) {
        return new NetSetup(hiddenLayers, width, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withEpochs(int epochs) {
        return new NetSetup(hiddenLayers, width, optimizer, batchSize, epochs, seed);
    }

    public NetSetup withSeed(long seed) {
        return new NetSetup(hiddenLayers, width, optimizer, batchSize, epochs, seed);
    }

    /** A fresh network for this data: features → hidden layers → one output per class (ReLU, He initialization). */
    public Mlp network(Dataset data) {
        int[] widths = new int[hiddenLayers + 2];
        widths[0] = data.features();
        for (int i = 1; i <= hiddenLayers; i++) widths[i] = width;
        widths[hiddenLayers + 1] = data.classes();
        return Mlp.of(widths).seed(seed);
    }

    /** A trainer for this network with this setup's optimizer, batch size and seed (no per-layer statistics). */
    public Trainer trainer(Mlp network, Dataset train) {
        return Trainer.of(network, train, optimizer).batchSize(Math.min(batchSize, train.size())).seed(seed).layerStats(false);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NetSetup(%dx%d ReLU, %s, batchSize=%d, epochs=%d, seed=%d)",
                hiddenLayers, width, optimizer, batchSize, epochs, seed);
    }
}
