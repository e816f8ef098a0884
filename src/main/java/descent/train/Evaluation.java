package descent.train;

import descent.base.Check;
import descent.base.Format;
import descent.data.Dataset;
import descent.nn.Loss;
import descent.nn.Losses;
import descent.nn.Sequential;
import descent.tensor.Matrix;

/**
 * Loss and accuracy of a model on a data set, in evaluation mode (no dropout, batch norm's running statistics): a
 * function of the model and the data, which needs no trainer.
 *
 * <pre>{@code
 * var data = Splits.trainTest(Datasets.spirals(400, 0.05, 1), 0.2, 7);
 * var net = Mlp.of(2, 32, 32, 2).seed(1);
 * Trainer.of(net, data.train(), Optimizers.adam(0.01)).batchSize(32).seed(42).validation(data.test()).fit(10);
 * Evaluation.of(net, data.test())      // Evaluation(loss=0.647797, accuracy=0.5375), softmax cross-entropy
 * }</pre>
 *
 * The data goes through the model in chunks of 100 rows (a trainer uses its batch size); the model's
 * training/evaluation mode is restored afterwards.
 */
public record Evaluation(double loss, double accuracy) {
    private static final int CHUNK = 100;

    /** The model on the data with softmax cross-entropy, the trainer's default loss. */
    public static Evaluation of(Sequential model, Dataset data) {
        return of(model, data, Losses.softmaxCrossEntropy());
    }

    public static Evaluation of(Sequential model, Dataset data, Loss loss) {
        Check.notNull("model", model, "for example Mlp.of(2, 16, 2)");
        Check.notNull("loss", loss, "for example Losses.softmaxCrossEntropy()");
        BatchLoader.check(model, data, "Evaluation");
        return of(model, data, loss, CHUNK);
    }

    /** Unchecked, by chunks of the given size: what the trainer calls with data it has checked. */
    static Evaluation of(Sequential model, Dataset data, Loss loss, int chunk) {
        boolean was = model.isTraining();
        model.setTraining(false);
        try {
            int n = data.size(), b = Math.min(chunk, n);
            Matrix x = Matrix.zeros(b, data.features(), model.dtype()), t = Matrix.zeros(b, data.classes());
            int[] ys = new int[b];
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            double lossSum = 0, correct = 0;
            for (int from = 0; from < n; from += b) {
                int m = Math.min(b, n - from);
                if (m != x.rows()) {
                    x = Matrix.zeros(m, data.features(), model.dtype());
                    t = Matrix.zeros(m, data.classes());
                }
                BatchLoader.gather(data, all, from, m, x, t, ys);
                Matrix out = model.forwardTrusted(x);   // the trainer checked the data set when it was given it
                lossSum += loss.forward(out, t) * m;
                correct += accuracy(out, ys, m) * m;
            }
            // the inputs skipped forward's check (checked when given); if a change since made one non-finite, say so
            if (!Double.isFinite(lossSum)) BatchLoader.check(model, data, "Evaluation");
            return new Evaluation(lossSum / n, correct / n);
        } finally {
            model.setTraining(was);
        }
    }

    /** The fraction of the first n rows whose largest output is the label. */
    static double accuracy(Matrix out, int[] labels, int n) {
        int correct = 0;
        for (int i = 0; i < n; i++) if (out.argmaxOfRow(i) == labels[i]) correct++;
        return correct / (double) n;
    }

    @Override
    public String toString() {
        return "Evaluation(loss=" + Format.number(loss, 6) + ", accuracy=" + Format.number(accuracy) + ")";
    }
}
