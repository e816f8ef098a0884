package descent.experiment;

import descent.Approx;
import descent.data.Datasets;
import descent.data.Splits;
import descent.nn.Initializers;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GradientFlow, ActivationHistograms, ActivationComparison and InitComparison (notebook 05). */
class InitializationExperimentsTest {

    @Test
    void sigmoidGradientsVanishTowardsTheInput() {
        GradientFlow g = GradientFlow.of(Datasets.blobs(64, 3, 0.5, 1), 6, 32, 1);
        Table t = g.table();
        assertEquals(List.of("activation", "layer", "gradNorm", "relativeToLast"), t.columnNames());
        assertEquals(3 * 7, t.rowCount());
        double sigmoidFirst = t.doubleColumn("relativeToLast").get(0), reluFirst = t.doubleColumn("relativeToLast").get(14);
        assertEquals("Sigmoid", t.stringColumn("activation").get(0));
        assertEquals("ReLU", t.stringColumn("activation").get(14));
        assertTrue(sigmoidFirst < 0.01, "sigmoid first/last " + sigmoidFirst);
        assertTrue(reluFirst > 0.1, "ReLU first/last " + reluFirst);
    }

    @Test
    void heKeepsReluActivationsAliveAndStd001CollapsesThem() {
        ActivationHistograms h = ActivationHistograms.of(Mlp.Activation.RELU, 200, 50, 5, 3,
                Initializers.normal(0.01), Initializers.he());
        Table t = h.table();
        assertEquals(List.of("activation", "init", "layer", "mean", "std", "stuck"), t.columnNames());
        double small = t.doubleColumn("std").get(4), he = t.doubleColumn("std").get(9);
        assertTrue(he > 0.3, "He, layer 5 std " + he);
        assertTrue(small < 1e-4, "std 0.01, layer 5 std " + small);
        // the same draws, only scaled: ReLU zeroes the same units
        assertEquals(t.doubleColumn("stuck").get(4), t.doubleColumn("stuck").get(9));
        // sigmoid with tiny weights: every output is close to σ(0) = 1/2
        Table s = ActivationHistograms.of(Mlp.Activation.SIGMOID, 200, 50, 3, 3, Initializers.normal(0.01)).table();
        Approx.assertClose(0.5, s.doubleColumn("mean").get(2), 0.01, "sigmoid mean");
        assertTrue(s.doubleColumn("std").get(2) < 0.05, s.toString());
        assertEquals(10, ((List<?>) h.figure().layout().get("annotations")).size());
    }

    @Test
    void reluFamilyOnTheSameData() {
        var split = Splits.trainTest(Datasets.moons(120, 0.1, 2), 0.25, 1);
        var c = ActivationComparison.run(new NetSetup(2, 8, Optimizers.adam(0.02), 16, 20, 1), split.train(), split.test(), 2);
        Table t = c.table();
        assertEquals(List.of("activation", "parameters", "trainLoss", "trainAccuracy", "testAccuracy", "learnedAlpha"), t.columnNames());
        assertEquals(List.of("ReLU", "LeakyReLU(0.01)", "PReLU", "Maxout"), t.stringColumn("activation").asList());
        assertEquals(ActivationComparison.ACTIVATIONS, c.models().stream().map(Mlp::activation).toList());
        // Dense: 2·8+8 + 8·8+8 + 8·2+2 = 114; PReLU adds 2 slopes; Maxout(k=2) doubles the hidden pieces: 48 + 144 + 18
        assertEquals(List.of(114, 114, 116, 210), t.intColumn("parameters").asList());
        assertNotEquals(0.25, t.doubleColumn("learnedAlpha").get(2), "PReLU's α moved from its start");
        for (int i = 0; i < 4; i++) assertTrue(t.doubleColumn("testAccuracy").get(i) > 0.8, t.toString());
        assertEquals(4, c.maxout().traces().stream().filter(x -> x.name().equals("max of the pieces")).count());
    }

    @Test
    void tinyWeightsDoNotLearn() {
        var split = Splits.trainTest(Datasets.blobs(300, 3, 0.3, 4), 0.25, 1);
        InitComparison c = InitComparison.run(InitComparison.bookSetup(), split.train(), split.test(), 150, Initializers.normal(0.01), Initializers.he());
        Table t = c.table();
        assertEquals(List.of("init", "firstLoss", "finalLoss", "testAccuracy"), t.columnNames());
        Approx.assertClose(Math.log(3), t.doubleColumn("finalLoss").get(0), 1e-3, "std 0.01 stays at ln 3");
        assertTrue(t.doubleColumn("finalLoss").get(1) < 0.5 * Math.log(3), t.toString());
        assertEquals(2 * 150, c.losses().rowCount());
    }
}
