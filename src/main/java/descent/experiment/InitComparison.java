package descent.experiment;

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
 * var c = InitComparison.run(fashion.train(), fashion.test(), 50, 1,   // the book: 2000 iterations
 *         Initializers.normal(0.01), Initializers.xavier(), Initializers.he());
 * c.table();    // init, firstLoss, finalLoss, testAccuracy
 * c.losses();   // init, iteration, loss
 * c.figure()    // training loss per iteration (moving average), one line per initializer
 * }</pre>
 */
public record InitComparison(Table table, Table losses, PlotlyFigure figure) {
    public static final int HIDDEN_LAYERS = 5;
    public static final int WIDTH = 100;
    public static final double LR = 0.01;
    public static final int BATCH = 128;
    /** Iterations averaged for the plotted curve and the final loss. */
    public static final int SMOOTH = 50;

    /** Trains one network per initializer for {@code iterations} steps; {@code seed} fixes the weights' draws and batches. */
    public static InitComparison run(Dataset train, Dataset test, int iterations, long seed, Initializer... inits) {
        if (inits.length == 0) {
            throw new IllegalArgumentException("InitComparison needs at least one initializer, e.g. Initializers.he().");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Invalid number of iterations: " + iterations + "; expected at least 1, e.g. 2000.");
        }
        int[] widths = new int[HIDDEN_LAYERS + 2];
        widths[0] = train.features();
        for (int i = 1; i <= HIDDEN_LAYERS; i++) widths[i] = WIDTH;
        widths[HIDDEN_LAYERS + 1] = train.classes();
        List<Trainer> trainers = new ArrayList<>();
        for (Initializer in : inits) {
            Mlp net = Mlp.of(widths).relu().init(in).seed(seed);
            trainers.add(Trainer.of(net, train, Optimizers.sgd(LR)).batchSize(BATCH).replacement(true).seed(seed).layerStats(false));
        }
        List<History> hs = Runs.parallel(inits.length, i -> trainers.get(i).fitIterations(iterations));

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
        String what = train.size() + " images of " + train.name() + ", " + HIDDEN_LAYERS + " hidden layers of " + WIDTH
                + " ReLU, SGD(lr=" + LR + "), batch " + BATCH + ", " + iterations + " iterations, seed " + seed;
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
