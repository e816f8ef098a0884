package descent.experiment;

import descent.data.Dataset;
import descent.nn.Dropout;
import descent.nn.Mlp;
import descent.nn.Regularizer;
import descent.train.EarlyStopping;
import descent.train.Evaluation;
import descent.train.History;
import descent.train.Trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * The overfitting experiments of the lecture ("过拟合处理策略": early stopping, regularization, dropout) and of Deep
 * Learning from Scratch §6.4, each returning a record with a table and a figure.
 *
 * <pre>{@code
 * var data = Datasets.fashionMnist();
 * var few = data.train().head(300);                       // the book's 300 training images
 * var test = data.test().head(2000);
 * var setup = NetSetup.book();                            // 6x100 ReLU, SGD(lr=0.01), batch 100, 200 epochs
 *
 * Overfitting.earlyStopping(setup.withOptimizer(Optimizers.sgd(0.1)).withEpochs(60), data.train().head(1000), test, 5)
 * Overfitting.regularization(setup, few, test, Regularizers.l2(0.1), Regularizers.l1(0.005))   // gap and histograms
 * Overfitting.dropout(setup, few, test, 0.2).ensemble(test, 32)                                // both conventions
 * }</pre>
 *
 * Every run is seeded by the setup: the same setup gives the same tables, bit for bit. Runs of one experiment share
 * the seed, so they start from the same weights and see the same batches; only the treatment differs.
 */
public final class Overfitting {
    private Overfitting() {
    }

    /**
     * Trains with {@link EarlyStopping} on the validation loss (restoring the best epoch's weights), and the same
     * network again for all {@code setup.epochs()} without stopping, to show what stopping avoided.
     */
    public static EarlyStoppingRun earlyStopping(NetSetup setup, Dataset train, Dataset validation, int patience) {
        EarlyStopping rule = EarlyStopping.patience(patience);
        Mlp net = setup.network(train);
        Trainer t = setup.trainer(net, train).validation(validation).earlyStopping(rule);
        History h = t.fit(setup.epochs());
        Evaluation restored = t.evaluate(validation);

        Trainer full = setup.trainer(setup.network(train), train).validation(validation);
        History all = full.fit(setup.epochs());
        return new EarlyStoppingRun(setup, rule, h.bestEpoch() + 1, h.epochResults().size(), h.stoppedEarly(),
                restored.loss(), restored.accuracy(), EarlyStoppingRun.table(all, h.epochResults().size()));
    }

    /**
     * Trains the same network once without a penalty and once with each regularizer, recording the accuracy on the
     * whole training set and on the test set before training and after every epoch (as the book's Figure 6-20 and
     * 6-21), and keeps the final weights for histograms.
     */
    public static RegularizationRun regularization(NetSetup setup, Dataset train, Dataset test, Regularizer... regularizers) {
        List<String> names = new ArrayList<>();
        List<Mlp> nets = new ArrayList<>();
        List<double[][]> curves = new ArrayList<>();
        names.add("none");
        for (Regularizer r : regularizers) names.add(r.toString());
        for (int k = 0; k <= regularizers.length; k++) {
            Mlp net = setup.network(train);
            Trainer t = setup.trainer(net, train);
            if (k > 0) t.regularizer(regularizers[k - 1]);
            curves.add(accuracyCurves(t, setup.epochs(), train, test));
            nets.add(net);
        }
        return new RegularizationRun(setup, names, RegularizationRun.curveTable("regularizer", names, curves), nets);
    }

    /**
     * Trains three copies of the network on the same batches: without dropout, with inverted dropout (PyTorch's:
     * scale by 1/(1−p) while training) and with the book's convention (scale by 1−p at test time), all with drop
     * probability {@code p} after every hidden layer. Accuracy on the training and test sets after every epoch.
     */
    public static DropoutRun dropout(NetSetup setup, Dataset train, Dataset test, double p) {
        List<String> names = List.of("no dropout", "inverted", "scaleAtTest");
        List<Mlp> nets = List.of(setup.network(train), setup.network(train).dropout(p, Dropout.Convention.INVERTED),
                setup.network(train).dropout(p, Dropout.Convention.SCALE_AT_TEST));
        List<double[][]> curves = new ArrayList<>();
        for (Mlp net : nets) curves.add(accuracyCurves(setup.trainer(net, train), setup.epochs(), train, test));
        return new DropoutRun(setup, p, RegularizationRun.curveTable("dropout", names, curves), nets);
    }

    /** {train accuracy, test accuracy} for epochs 0 (before training) .. epochs, evaluated in evaluation mode. */
    static double[][] accuracyCurves(Trainer t, int epochs, Dataset train, Dataset test) {
        double[][] c = new double[2][epochs + 1];
        for (int e = 0; e <= epochs; e++) {
            if (e > 0) t.fit(1);
            c[0][e] = t.evaluate(train).accuracy();
            c[1][e] = t.evaluate(test).accuracy();
        }
        return c;
    }
}
