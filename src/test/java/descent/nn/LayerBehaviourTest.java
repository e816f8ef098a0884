package descent.nn;

import descent.Approx;
import descent.optim.Optimizers;
import descent.optim.State;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static descent.nn.BackpropChecks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerBehaviourTest {

    @Test
    void gradientCheckCatchesAWrongBackward() {
        // A layer that claims dy·2 for y = x: the check must report it, or passing checks mean nothing.
        Layer wrong = new Layer() {
            Matrix y;

            public Matrix forward(Matrix x) {
                return y = x.copy();
            }

            public Matrix backward(Matrix dy) {
                Matrix d = dy.copy();
                for (int i = 0; i < d.size(); i++) d.data()[i] *= 2;
                return d;
            }

            public int outputWidth(int w) {
                return w;
            }
        };
        var check = BackpropCheck.layer(wrong, random(3, 4, 1), 2);
        Approx.assertClose(1.0 / 3.0, check.result("input").relativeError(), Approx.TIGHT, "|2g − g| / (|2g| + |g|)");
    }

    @Test
    void denseForwardByHand() {
        Dense d = Layers.dense(2, 2, Initializers.zeros(), 0);
        d.weights().copyFrom(Matrix.of(new double[][]{{1, 2}, {3, 4}}));
        d.bias().copyFrom(Matrix.of(new double[][]{{0.5, -1}}));
        Matrix y = d.forward(Matrix.of(new double[][]{{1, 1}, {2, 0}}));
        Approx.assertClose(new double[]{4.5, 5, 2.5, 3}, y.data(), Approx.EXACT, "xW + b");
        d.backward(Matrix.of(new double[][]{{1, 0}, {0, 1}}));
        Approx.assertClose(new double[]{1, 2, 1, 0}, d.parameters().get(0).grad().data(), Approx.EXACT, "xᵀ·dy");
        Approx.assertClose(new double[]{1, 1}, d.parameters().get(1).grad().data(), Approx.EXACT, "Σ dy");
    }

    @Test
    void denseRejectsTheWrongInputWidthWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> Layers.dense(2, 16, 1).forward(Matrix.zeros(5, 3)));
        assertEquals("Dense(2, 16, seed=1) expects input width 2 but got 3; did you leave the label column in x?", e.getMessage());
        assertTrue(e.getMessage().contains("did you leave the label column in x?"), e.getMessage());
    }

    @Test
    void backwardBeforeForwardIsAClearError() {
        var e = assertThrows(IllegalStateException.class, () -> Layers.relu().backward(Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("before forward"), e.getMessage());
    }

    @Test
    void batchNormTrainingOutputsAndRunningStatisticsByHand() {
        BatchNorm bn = Layers.batchNorm(2);
        // column 0: 1, 3 → μ 2, σ² 1;   column 1: 2, 6 → μ 4, σ² 4
        Matrix y = bn.forward(Matrix.of(new double[][]{{1, 2}, {3, 6}}));
        double s0 = Math.sqrt(1 + 1e-5), s1 = Math.sqrt(4 + 1e-5);
        Approx.assertClose(new double[]{-1 / s0, -2 / s1, 1 / s0, 2 / s1}, y.data(), Approx.EXACT, "x̂ with γ=1, β=0");
        // running = 0.9·initial + 0.1·batch, initial mean 0 and var 1
        Approx.assertClose(new double[]{0.2, 0.4}, bn.runningMean().data(), Approx.EXACT, "running mean");
        Approx.assertClose(new double[]{1.0, 1.3}, bn.runningVar().data(), Approx.EXACT, "running var");

        bn.gamma().copyFrom(Matrix.of(new double[][]{{2, 0.5}}));
        bn.beta().copyFrom(Matrix.of(new double[][]{{1, -1}}));
        bn.setTraining(false);
        assertEquals("BatchNorm(2, eval)", bn.toString());
        Matrix e = bn.forward(Matrix.of(new double[][]{{1, 2}}));
        Approx.assertClose(new double[]{2 * (1 - 0.2) / Math.sqrt(1.0 + 1e-5) + 1, 0.5 * (2 - 0.4) / Math.sqrt(1.3 + 1e-5) - 1},
                e.data(), Approx.EXACT, "eval uses running statistics, γ and β");
        Approx.assertClose(new double[]{0.2, 0.4}, bn.runningMean().data(), Approx.EXACT, "eval leaves running mean");
    }

    @Test
    void batchNormNeedsTwoExamplesInTraining() {
        var e = assertThrows(IllegalArgumentException.class, () -> Layers.batchNorm(3).forward(Matrix.zeros(1, 3)));
        assertTrue(e.getMessage().contains("at least 2 examples"), e.getMessage());
        assertEquals("BatchNorm(3, train)", Layers.batchNorm(3).toString());
    }

    @Test
    void dropoutExpectationsInBothConventions() {
        int n = 200_000;
        Matrix x = Matrix.zeros(1, n).fill(3.0);
        Dropout inverted = Layers.dropout(0.2, 7);
        Matrix y = inverted.forward(x);
        int kept = 0;
        double sum = 0;
        for (double v : y.data()) {
            assertTrue(v == 0 || v == 3.0 / 0.8, "inverted dropout outputs 0 or x/(1−p), got " + v);
            if (v != 0) kept++;
            sum += v;
        }
        // kept ~ Binomial(n, 0.8): sd of the fraction is 0.0009, so 0.005 is more than 5 sd
        assertEquals(0.8, kept / (double) n, 0.005, "fraction kept");
        assertEquals(3.0, sum / n, 3 * 0.005 / 0.8, "E[y_train] = x");
        inverted.setTraining(false);
        Approx.assertClose(3.0, inverted.forward(x).data()[123], Approx.EXACT, "inverted: evaluation is the identity");

        Dropout book = Layers.dropout(0.2, 7, Dropout.Convention.SCALE_AT_TEST);
        double bookSum = 0;
        for (double v : book.forward(x).data()) bookSum += v;
        assertEquals(3.0 * 0.8, bookSum / n, 3 * 0.005, "E[y_train] = x·(1 − p)");
        book.setTraining(false);
        Approx.assertClose(3.0 * 0.8, book.forward(x).data()[5], Approx.EXACT, "book: evaluation scales by 1 − p");
        assertEquals("Dropout(0.2, scaleAtTest, seed=7)", book.toString());
    }

    @Test
    void dropoutMasksAreSeeded() {
        Matrix x = Matrix.zeros(4, 50).fill(1);
        Approx.assertClose(Layers.dropout(0.5, 3).forward(x).data(), Layers.dropout(0.5, 3).forward(x).data(), 0, "same seed");
        Dropout d = Layers.dropout(0.5, 3);
        double[] first = d.forward(x).data().clone();
        double[] second = d.forward(x).data();
        boolean differs = false;
        for (int i = 0; i < first.length; i++) differs |= first[i] != second[i];
        assertTrue(differs, "each batch draws a new mask");
    }

    @Test
    void dropoutRejectsProbabilitiesOutsideTheUnitInterval() {
        for (double p : new double[]{-0.1, 1.0, 1.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Layers.dropout(p, 1));
            assertTrue(e.getMessage().startsWith("Invalid dropout probability p: " + p), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(2, 3, 2).dropout(1.0));
    }

    /** Full-batch SGD on one layer with MSE. */
    private static void fit(Layer layer, Matrix x, Matrix t, double lr, int steps) {
        var sgd = Optimizers.sgd(lr);
        var mse = Losses.mse();
        List<Parameter> ps = layer.parameters();
        List<State> states = ps.stream().map(p -> sgd.newState(p.size())).toList();
        for (int s = 0; s < steps; s++) {
            mse.forward(layer.forward(x), t);
            layer.backward(mse.backward());
            for (int i = 0; i < ps.size(); i++) sgd.update(ps.get(i).value().data(), ps.get(i).grad().data(), states.get(i), sgd.lrAt(s));
        }
    }

    @Test
    void preluLearnsItsSlope() {
        // target: a leaky ReLU with slope 0.1 on the negative side; PReLU starts at 0.25
        Matrix x = random(64, 1, 11), t = x.copy();
        for (int i = 0; i < t.size(); i++) if (t.data()[i] < 0) t.data()[i] *= 0.1;
        PReLU shared = Layers.prelu();
        fit(shared, x, t, 0.5, 300);
        Approx.assertClose(0.1, shared.alpha().get(0, 0), 1e-9, "learned shared α");

        Matrix x2 = random(64, 2, 12), t2 = x2.copy();
        for (int i = 0; i < t2.size(); i++) if (t2.data()[i] < 0) t2.data()[i] *= (i % 2 == 0 ? 0.0 : 0.5);
        PReLU perNeuron = Layers.prelu(2);
        fit(perNeuron, x2, t2, 0.5, 300);
        Approx.assertClose(new double[]{0.0, 0.5}, perNeuron.alpha().data(), 1e-9, "learned α per neuron");
    }

    @Test
    void maxoutLearnsAbsoluteValue() {
        // |x| = max(x, −x): two pieces with slopes +1 and −1 and no offset
        Matrix x = random(64, 1, 13), t = x.copy();
        for (int i = 0; i < t.size(); i++) t.data()[i] = Math.abs(t.data()[i]);
        Maxout m = Layers.maxout(1, 1, 2, 5);
        m.weights().copyFrom(Matrix.of(new double[][]{{0.5, -0.2}})); // one piece rising, one falling
        fit(m, x, t, 0.1, 2000);
        double[] w = m.weights().data().clone();
        java.util.Arrays.sort(w);
        Approx.assertClose(new double[]{-1, 1}, w, 1e-6, "slopes of the two pieces");
        Approx.assertClose(new double[]{0, 0}, m.bias().data(), 1e-6, "offsets");
        Approx.assertClose(new double[]{2.5, 0.5}, m.forward(Matrix.of(new double[][]{{-2.5}, {0.5}})).data(), 1e-6, "|x|");
    }

    @Test
    void softmaxRowsSumToOne() {
        Matrix p = Layers.softmax().forward(Matrix.of(new double[][]{{0.3, 2.9, 4.0}, {1000, 1000, -1000}}));
        // the book's example a = [0.3, 2.9, 4.0] → [0.01821127, 0.24519181, 0.73659691]
        Approx.assertClose(new double[]{0.01821127, 0.24519181, 0.73659691}, java.util.Arrays.copyOf(p.data(), 3), 1e-7, "book §3.5.1");
        Approx.assertClose(new double[]{0.5, 0.5, 0}, java.util.Arrays.copyOfRange(p.data(), 3, 6), Approx.EXACT, "large scores");
    }

    @Test
    void initializersHaveTheirStandardDeviations() {
        Matrix w = Matrix.zeros(400, 300);
        Initializers.he().initialize(w, 400, 300, new SplittableRandom(1));
        assertEquals(Math.sqrt(2.0 / 400), w.norm() / Math.sqrt(w.size()), 0.01 * Math.sqrt(2.0 / 400), "He");
        Initializers.xavier().initialize(w, 400, 300, new SplittableRandom(1));
        assertEquals(Math.sqrt(1.0 / 400), w.norm() / Math.sqrt(w.size()), 0.01 * Math.sqrt(1.0 / 400), "book's Xavier");
        Approx.assertClose(Math.sqrt(2.0 / 700), Initializers.glorot().std(400, 300), Approx.EXACT, "Glorot");
        Initializers.zeros().initialize(w, 400, 300, new SplittableRandom(1));
        assertEquals(0.0, w.norm());
        assertEquals("Normal(std=0.01)", Initializers.normal(0.01).toString());
        Matrix a = Matrix.zeros(3, 3), b = Matrix.zeros(3, 3);
        Initializers.he().initialize(a, 3, 3, new SplittableRandom(9));
        Initializers.he().initialize(b, 3, 3, new SplittableRandom(9));
        assertEquals(a, b, "same seed, same weights");
    }

    @Test
    void toStringsReadLikeTheSpec() {
        assertEquals("Dense(784, 100, seed=1)", Layers.dense(784, 100, 1).toString());
        assertNotEquals(Layers.dense(784, 100, 1).toString(), Layers.dense(784, 100, 2).toString(), "the seed tells them apart");
        assertEquals("LeakyReLU(0.01)", Layers.leakyRelu(0.01).toString());
        assertEquals("PReLU(shared)", Layers.prelu().toString());
        assertEquals("PReLU(100)", Layers.prelu(100).toString());
        assertEquals("Maxout(784, 100, k=2, seed=1)", Layers.maxout(784, 100, 2, 1).toString());
        assertEquals("Dropout(0.2, seed=1)", Layers.dropout(0.2, 1).toString());
        assertEquals("Sigmoid", Layers.sigmoid().toString());
    }
}
