package descent.experiment;

import descent.base.Format;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.nn.Layer;
import descent.nn.Layers;
import descent.nn.Loss;
import descent.nn.Losses;
import descent.nn.Mlp;
import descent.nn.Sequential;
import descent.optim.Optimizer;
import descent.plot.DecisionBoundary;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import descent.plot.Subplots;
import descent.train.EpochResult;
import descent.train.History;
import descent.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * One classifier trained three ways on the same data, from the same initial weights and the same batches: the lecture's
 * "classification as regression" and its two losses on top of softmax.
 *
 * <pre>
 *   one-hot regression   scores z = net(x), loss MSE(z, one-hot)            (no softmax)
 *   softmax + MSE        p = softmax(z),    loss MSE(p, one-hot)            the lecture's MSE
 *   softmax + CE         p = softmax(z),    loss −Σ t ln p                  the lecture's cross-entropy
 *   prediction: argmax z in all three (softmax keeps the order)
 * </pre>
 *
 * Hung-yi Lee, ML2021 P8: with softmax, MSE has flat regions where the prediction is confidently wrong, so training
 * with it can stall; cross-entropy does not.
 *
 * <pre>{@code
 * var split = Splits.trainTest(Datasets.spirals(200, 0.05, 1), 0.25, 2);
 * var setup = new NetSetup(2, 16, Optimizers.sgd(0.3), 32, 10, 7);   // 2 hidden layers of 16, batches of 32, 10 epochs
 * var c = LossComparison.run(setup, split.train(), split.test());
 * LossComparison.run(setup.withInit(Initializers.normal(1.0)), split.train(), split.test());   // from large scores
 * c.table();      // setup, loss, trainLoss, trainAccuracy, testAccuracy, epochTo90, divergedAt
 * c.curves();     // training accuracy per epoch
 * c.figure()      // the decision regions of the three classifiers, test points on top
 * }</pre>
 *
 * @param table   one row per setup: the loss used, its final training value, train and test accuracy, the first epoch
 *                whose training accuracy reached 90% (missing if none), and the iteration where training diverged
 *                (empty if it did not; the model keeps its weights from before that step)
 * @param epochs  setup, epoch, loss, accuracy, testAccuracy
 * @param figure  decision regions, one panel per setup
 * @param curves  training accuracy against the epoch, one line per setup
 * @param models  the trained networks, in table order
 */
public record LossComparison(Table table, Table epochs, PlotlyFigure figure, PlotlyFigure curves, List<Sequential> models) {

    /** The names of the three setups, in table order. */
    public static final List<String> SETUPS = List.of("one-hot regression (MSE on scores)", "softmax + MSE", "softmax + cross-entropy");

    public LossComparison {
        models = List.copyOf(models);
    }

    /**
     * Trains the setup's network (the same initial weights each time) once per loss setup, on the same batches, and
     * evaluates on {@code test}.
     */
    public static LossComparison run(NetSetup setup, Dataset train, Dataset test) {
        int epochs = setup.epochs();
        List<Sequential> models = new ArrayList<>();
        List<Trainer> trainers = new ArrayList<>();
        Mlp net = null;
        for (int s = 0; s < SETUPS.size(); s++) {
            Mlp fresh = setup.network(train); // a new network with the same weights
            net = fresh;
            Sequential model = fresh;
            Loss loss = Losses.mse();
            if (s == 1) {
                List<Layer> layers = new ArrayList<>(fresh.layers());
                layers.add(Layers.softmax());
                model = Sequential.of(layers);
            } else if (s == 2) {
                loss = Losses.softmaxCrossEntropy();
            }
            models.add(model);
            trainers.add(setup.trainer(model, train).loss(loss).validation(test));
        }
        List<String> diverged = Parallel.map(SETUPS.size(), s -> {
            try {
                trainers.get(s).fit(epochs);
                return "";
            } catch (ArithmeticException e) { // a setup that blows up is a result, not a crash: its row says when
                return "iteration " + trainers.get(s).iteration();
            }
        });
        List<History> histories = trainers.stream().map(Trainer::history).toList();

        StringColumn setupName = StringColumn.create("setup"), lossName = StringColumn.create("loss");
        DoubleColumn trainLoss = DoubleColumn.create("trainLoss"), trainAcc = DoubleColumn.create("trainAccuracy");
        DoubleColumn testAcc = DoubleColumn.create("testAccuracy");
        IntColumn to90 = IntColumn.create("epochTo90");
        StringColumn div = StringColumn.create("divergedAt");
        StringColumn eSetup = StringColumn.create("setup");
        IntColumn eEpoch = IntColumn.create("epoch");
        DoubleColumn eLoss = DoubleColumn.create("loss"), eAcc = DoubleColumn.create("accuracy"), eTest = DoubleColumn.create("testAccuracy");
        List<PlotlyFigure> panels = new ArrayList<>();
        List<LineTrace> lines = new ArrayList<>();
        for (int s = 0; s < SETUPS.size(); s++) {
            Trainer t = trainers.get(s);
            List<EpochResult> rs = histories.get(s).epochResults();
            double[] ex = new double[rs.size()], ey = new double[rs.size()];
            int reached = -1;
            for (int k = 0; k < rs.size(); k++) {
                EpochResult e = rs.get(k);
                eSetup.append(SETUPS.get(s));
                eEpoch.append(e.epoch());
                eLoss.append(e.loss());
                eAcc.append(e.accuracy());
                eTest.append(e.validationAccuracy());
                ex[k] = e.epoch();
                ey[k] = e.accuracy();
                if (reached < 0 && e.accuracy() >= 0.9) reached = e.epoch();
            }
            var onTrain = t.evaluate(train);
            var onTest = t.evaluate(test);
            setupName.append(SETUPS.get(s));
            lossName.append(s == 2 ? "SoftmaxCrossEntropy" : "MSE");
            trainLoss.append(onTrain.loss());
            trainAcc.append(onTrain.accuracy());
            testAcc.append(onTest.accuracy());
            if (reached < 0) to90.appendMissing();
            else to90.append(reached);
            div.append(diverged.get(s));
            panels.add(DecisionBoundary.figure(models.get(s), test, SETUPS.get(s) + ": test accuracy "
                    + Format.number(onTest.accuracy(), 3)));
            lines.add(LineTrace.of(ex, ey).lines().name(SETUPS.get(s)).width(2));
        }
        Optimizer optimizer = setup.optimizer();
        String title = net + ", " + optimizer + ", batch " + setup.batchSize() + ", " + epochs + " epochs, seed " + setup.seed();
        Table table = Table.create("losses compared: " + title, setupName, lossName, trainLoss, trainAcc, testAcc, to90, div);
        Table ep = Table.create("per epoch", eSetup, eEpoch, eLoss, eAcc, eTest);
        PlotlyFigure figure = Subplots.of("Decision regions after training on " + train.name(), 3, panels)
                .withHeight(420);
        PlotlyFigure curves = PlotlyFigure.of("Training accuracy per epoch (" + optimizer + ")", lines.toArray(LineTrace[]::new))
                .withAxisTitles("epoch", "training accuracy (mean over the epoch's batches)");
        return new LossComparison(table, ep, figure, curves, models);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
