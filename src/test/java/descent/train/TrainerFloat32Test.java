package descent.train;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Trainer runs a float32 model through the same step: same accuracy as float64, bit-identical reruns, rollback. */
class TrainerFloat32Test {

    @Test
    void float32LearnsTheSpiralsAsWellAsFloat64() {
        Dataset spirals = Datasets.spirals(400, 0.02, 1);
        double[] accuracy = new double[2];
        for (int k = 0; k < 2; k++) {
            Mlp net = Mlp.of(2, 32, 32, 2).batchNorm().seed(3);
            if (k == 1) net = net.float32();
            var trainer = Trainer.of(net, spirals, Optimizers.adam(0.01)).batchSize(20).seed(4);
            trainer.fit(60);
            accuracy[k] = trainer.evaluate(spirals).accuracy();
            assertEquals(k == 1 ? DType.FLOAT32 : DType.FLOAT64, net.parameters().get(0).value().dtype());
        }
        assertTrue(accuracy[0] >= 0.97 && accuracy[1] >= 0.97, "float64 " + accuracy[0] + ", float32 " + accuracy[1]);
        assertEquals(accuracy[0], accuracy[1], 0.02, "float32 against float64 accuracy");
    }

    @Test
    void sameSeedsGiveABitIdenticalFloat32History() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        Table a = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).float32().seed(5), d, Optimizers.adam(0.01)).batchSize(10).seed(6).fit(3).iterations();
        Table b = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).float32().seed(5), d, Optimizers.adam(0.01)).batchSize(10).seed(6).fit(3).iterations();
        assertArrayEquals(a.doubleColumn("loss").asDoubleArray(), b.doubleColumn("loss").asDoubleArray());
        Table c = Trainer.of(Mlp.of(2, 8, 2).batchNorm().dropout(0.1).seed(5), d, Optimizers.adam(0.01)).batchSize(10).seed(6).fit(3).iterations();
        assertTrue(c.doubleColumn("loss").get(5) != a.doubleColumn("loss").get(5), "float64 rounds differently from float32");
    }

    @Test
    void aFloat32ModelGetsFloat32BatchesRoundedOnceFromTheData() {
        Dataset d = Datasets.spirals(50, 0.05, 2);
        var loader = new BatchLoader(d, 8, 3, false, DType.FLOAT32);
        loader.next();
        assertEquals(DType.FLOAT32, loader.x.dtype(), "a float32 model's batch");
        int[] rows = loader.rows();
        for (int k = 0; k < rows.length; k++) {
            for (int j = 0; j < d.features(); j++) {
                float expected = (float) d.x().get(rows[k], j);
                assertEquals(expected, loader.x.floats()[k * d.features() + j], "row " + k + " (data row " + rows[k] + "), column " + j);
            }
        }
    }

    @Test
    void float32FeaturesTrainTheSameBitsAsFloat64FeaturesRoundedPerBatch() {
        // Rounding the data set once (Dataset.to) and rounding each batch as it is gathered give the same floats, so
        // the whole run must agree bit for bit: losses, accuracies, weights. The float32 copy is only faster.
        Dataset d = Datasets.spirals(120, 0.05, 2);
        Dataset f = d.to(DType.FLOAT32);
        Mlp fromDoubles = Mlp.of(2, 16, 16, 2).batchNorm().float32().seed(5);
        Mlp fromFloats = Mlp.of(2, 16, 16, 2).batchNorm().float32().seed(5);
        Table a = Trainer.of(fromDoubles, d, Optimizers.adam(0.01)).batchSize(16).seed(6).validation(d).fit(4).epochs();
        Table b = Trainer.of(fromFloats, f, Optimizers.adam(0.01)).batchSize(16).seed(6).validation(f).fit(4).epochs();
        for (String column : new String[]{"loss", "accuracy", "validationLoss", "validationAccuracy"}) {
            assertArrayEquals(a.doubleColumn(column).asDoubleArray(), b.doubleColumn(column).asDoubleArray(), "epoch " + column);
        }
        for (int i = 0; i < fromDoubles.parameters().size(); i++) {
            assertEquals(fromDoubles.parameters().get(i).value(), fromFloats.parameters().get(i).value(),
                    "parameter " + fromDoubles.parameters().get(i).name() + " of layer tensor " + i);
        }
    }

    @Test
    void aFloat64ModelWidensFloat32FeaturesExactly() {
        Dataset f = Datasets.spirals(60, 0.05, 3).to(DType.FLOAT32);
        Dataset widened = f.to(DType.FLOAT64);
        Table a = Trainer.of(Mlp.of(2, 8, 2).seed(1), f, Optimizers.sgd(0.1)).batchSize(10).seed(2).fit(2).iterations();
        Table b = Trainer.of(Mlp.of(2, 8, 2).seed(1), widened, Optimizers.sgd(0.1)).batchSize(10).seed(2).fit(2).iterations();
        assertArrayEquals(b.doubleColumn("loss").asDoubleArray(), a.doubleColumn("loss").asDoubleArray(), "iteration losses");
    }

    @Test
    void aNonFiniteFloat32FeatureIsNamedBeforeTraining() {
        Matrix x = Matrix.zeros(4, 2, DType.FLOAT32);
        x.set(2, 1, Double.NaN);
        Dataset d = new Dataset("holes", x, new int[]{0, 1, 0, 1}, java.util.List.of("a", "b"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(Mlp.of(2, 4, 2).float32().seed(1), d, Optimizers.sgd(0.1)));
        assertTrue(e.getMessage().contains("has NaN at row 2, column 1"), e.getMessage());
    }

    @Test
    void aFloat32DivergenceRollsBackTheFloatWeights() {
        Dataset d = Datasets.spirals(100, 0.05, 2);
        var net = Mlp.of(2, 16, 2).batchNorm().float32().seed(1);
        var trainer = Trainer.of(net, d, Optimizers.sgd(1e30)).batchSize(10);
        ArithmeticException e = null;
        Matrix before = null;
        for (int i = 0; i < 50 && e == null; i++) {
            before = net.namedParameters().get("0.W").value().copy();
            try {
                trainer.step();
            } catch (ArithmeticException ex) {
                e = ex;
            }
        }
        assertTrue(e != null, "a learning rate of 1e30 must overflow float32");
        assertEquals(before, net.namedParameters().get("0.W").value(), "the bad update was not applied");
    }
}
