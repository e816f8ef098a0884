package descent.experiment;

import descent.base.Check;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.nn.Initializer;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.train.History;
import descent.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Deep Learning from Scratch §6.2.4: one ReLU network trained from three initializations, otherwise identical.
 *
 * <pre>
 *   network   784 → 5 × [Dense(100) → ReLU] → Dense(10), biases 0
 *   training  SGD lr 0.01, batches of 128 drawn with replacement (np.random.choice), 2,000 iterations
 *   compared  the training loss per iteration (and its moving average over 50), final test accuracy
 * </pre>
 *
 * The book (on MNIST): with std 0.01 the network does not learn at all (the signal and its gradient vanish through
 * five layers), He learns fastest, Xavier close behind.
 *
 * <pre>{@code
 * var fashion = Datasets.fashionMnist(2000);   // the book: all 60,000 training images
 * var c = InitComparison.run(InitComparison.bookSetup(), fashion.train(), fashion.test(), 50,   // the book: 2000 iterations
 *         Initializers.normal(0.01), Initializers.xavier(), Initializers.he());
 * c.table();    // init, firstLoss, finalLoss, testAccuracy
 * c.losses();   // init, iteration, loss
 * c.figure()    // training loss per iteration (moving average), one line per initializer
 * }</pre>
 */
public record InitComparison(Table table, Table losses, PlotlyFigure figure) {
    /** Iterations averaged for the plotted curve and the final loss. */
    public static final int SMOOTH = 50;

    /**
     * The book's setting (§6.2.4): 5 hidden layers of 100 ReLU units, SGD lr 0.01, batches of 128, seed 1. This
     * experiment counts iterations, not epochs, as the book does: the setup's epochs are not used.
     */
    public static NetSetup bookSetup() {
        return new NetSetup(5, 100, Optimizers.sgd(0.01), 128, 1, 1);
    }

    /**
     * Trains the setup's network once per initializer for {@code iterations} steps, with batches drawn with
     * replacement as the book does; the setup's seed fixes the weights' draws and the batches.
     */
    public static InitComparison run(NetSetup setup, Dataset train, Dataset test, int iterations, Initializer... inits) {
        if (inits.length == 0) {
            throw new IllegalArgumentException("InitComparison needs at least one initializer, e.g. Initializers.he().");
        }
        Check.atLeast("number of iterations", iterations, 1, "such as 2000");
        List<Trainer> trainers = new ArrayList<>();
        for (Initializer in : inits) {
            Mlp net = setup.withInit(in).network(train);
            trainers.add(setup.trainer(net, train).replacement(true));
        }
        List<History> hs = Parallel.map(inits.length, i -> trainers.get(i).fitIterations(iterations));

        StringColumn name = StringColumn.create("init");
        DoubleColumn first = DoubleColumn.create("firstLoss"), fin = DoubleColumn.create("finalLoss"), acc = DoubleColumn.create("testAccuracy");
        StringColumn lName = StringColumn.create("init");
        IntColumn lIt = IntColumn.create("iteration");
        DoubleColumn lLoss = DoubleColumn.create("loss");
        List<LineTrace> lines = new ArrayList<>();
        String[] colors = {"#ff7f0e", "#2ca02c", "#1f77b4", "#d62728", "#9467bd"};
        for (int i = 0; i < inits.length; i++) {
            History h = hs.get(i);
            int n = h.size();
            double[] xs = new double[n], ys = new double[n];
            double window = 0;
            for (int t = 0; t < n; t++) {
                lName.append(inits[i].toString());
                lIt.append(t);
                lLoss.append(h.loss(t));
                window += h.loss(t);
                if (t >= SMOOTH) window -= h.loss(t - SMOOTH);
                xs[t] = t;
                ys[t] = window / Math.min(t + 1, SMOOTH);
            }
            name.append(inits[i].toString());
            first.append(h.loss(0));
            fin.append(ys[n - 1]);
            acc.append(trainers.get(i).evaluate(test).accuracy());
            lines.add(LineTrace.of(xs, ys).lines().width(2).color(colors[i % colors.length]).name(inits[i].toString()));
        }
        String what = train.size() + " images of " + train.name() + ", " + setup.hiddenLayers() + " hidden layers of " + setup.width()
                + " ReLU, " + setup.optimizer() + ", batch " + setup.batchSize() + ", " + iterations + " iterations, seed " + setup.seed();
        Table table = Table.create("initializers compared (" + what + "); finalLoss = mean of the last " + SMOOTH + " iterations",
                name, first, fin, acc);
        Table losses = Table.create("training loss per iteration", lName, lIt, lLoss);
        PlotlyFigure figure = PlotlyFigure.of("Training loss by weight initialization (" + what + ")", lines.toArray(LineTrace[]::new))
                .withAxisTitles("iteration", "training loss (moving average of " + SMOOTH + ")").withLayout("title.font.size", 13);
        return new InitComparison(table, losses, figure);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
