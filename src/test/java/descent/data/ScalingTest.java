package descent.data;

import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static descent.Approx.EXACT;
import static descent.Approx.TIGHT;
import static descent.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.*;

class ScalingTest {
    // column 0: 1, 3, 5 (mean 3, population std sqrt(8/3)); columns 1 and 2 are constant
    private static final Matrix TRAIN = Matrix.of(new double[][]{{1, 10, 5}, {3, 10, 5}, {5, 10, 5}});
    private static final Matrix TEST = Matrix.of(new double[][]{{7, 12, 5}});

    @Test
    void standardizerByHand() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertEquals("Standardizer(3 features, 2 constant)", s.toString());
        assertClose(new double[]{3, 10, 5}, s.mean().toArray(), EXACT, "mean");
        assertClose(new double[]{Math.sqrt(8.0 / 3), 0, 0}, s.std().toArray(), EXACT, "std");
        // (1 − 3)/sqrt(8/3) = −sqrt(3/2); constant columns are centred to 0, not divided by 0
        double r = Math.sqrt(1.5);
        assertClose(new double[]{-r, 0, 0, 0, 0, 0, r, 0, 0}, s.transform(TRAIN).data(), TIGHT, "z(train)");
        // test data uses the training statistics: (7 − 3)/sqrt(8/3) = sqrt(6); 12 − 10 = 2 (scale 1)
        assertClose(new double[]{Math.sqrt(6), 2, 0}, s.transform(TEST).data(), TIGHT, "z(test)");
        assertClose(TEST.data(), s.inverse(s.transform(TEST)).data(), TIGHT, "inverse");
        for (double v : s.transform(TRAIN).data()) assertTrue(Double.isFinite(v));
    }

    @Test
    void minMaxByHand() {
        MinMaxScaler m = MinMaxScaler.fit(TRAIN);
        assertEquals("MinMaxScaler(3 features, range [0.0, 1.0], 2 constant)", m.toString());
        assertClose(new double[]{0, 0, 0, 0.5, 0, 0, 1, 0, 0}, m.transform(TRAIN).data(), EXACT, "train");
        // (7 − 1)/4 = 1.5: beyond the training range, not clipped; constant 12 → 0 + (12 − 10)
        assertClose(new double[]{1.5, 2, 0}, m.transform(TEST).data(), EXACT, "test");
        MinMaxScaler sym = MinMaxScaler.fit(TRAIN, -1, 1);
        assertClose(new double[]{-1, -1, -1, 0, -1, -1, 1, -1, -1}, sym.transform(TRAIN).data(), EXACT, "[-1, 1]");
        assertClose(TEST.data(), sym.inverse(sym.transform(TEST)).data(), TIGHT, "inverse");
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(TRAIN, 1, 1));
    }

    @Test
    void compareTableShowsBeforeAndAfter() {
        Matrix z = Standardizer.fit(TRAIN).transform(TRAIN);
        Table t = Scaling.compare(TRAIN, z);
        assertEquals(3, t.rowCount());
        assertEquals(java.util.List.of("feature", "mean before", "std before", "min before", "max before",
                "mean after", "std after", "min after", "max after"), t.columnNames());
        assertClose(3, t.doubleColumn("mean before").get(0), EXACT, "mean before");
        assertClose(Math.sqrt(8.0 / 3), t.doubleColumn("std before").get(0), EXACT, "std before");
        assertClose(0, t.doubleColumn("mean after").get(0), TIGHT, "mean after");
        assertClose(1, t.doubleColumn("std after").get(0), TIGHT, "std after");
        assertClose(-Math.sqrt(1.5), t.doubleColumn("min after").get(0), TIGHT, "min after");
        Table st = Scaling.stats(TRAIN);
        assertEquals(java.util.List.of("feature", "mean", "std", "min", "max"), st.columnNames());
        assertClose(10, st.doubleColumn("max").get(1), EXACT, "max of column 1");
        assertTrue(Standardizer.fit(TRAIN).statsTable().booleanColumn("constant").get(1));
    }

    @Test
    void wrongWidthAndNonFiniteValuesAreErrors() {
        Standardizer s = Standardizer.fit(TRAIN);
        var e = assertThrows(IllegalArgumentException.class, () -> s.transform(Matrix.of(new double[][]{{1, 2}})));
        assertTrue(e.getMessage().contains("fitted on 3 features but x is 1x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(Matrix.of(new double[][]{{1, Double.NaN}})));
        assertTrue(e.getMessage().contains("value NaN at row 0, feature 1"), e.getMessage());
    }

    @Test
    void datasetTransformKeepsLabels() {
        Dataset d = Datasets.blobs(300, 3, 0.5, 1);
        Dataset z = Standardizer.fit(d).transform(d);
        assertArrayEquals(d.labels(), z.labels());
        Table t = Scaling.stats(z.x());
        for (int j = 0; j < 2; j++) {
            assertClose(0, t.doubleColumn("mean").get(j), TIGHT, "mean of feature " + j);
            assertClose(1, t.doubleColumn("std").get(j), TIGHT, "std of feature " + j);
        }
    }

    @Test
    void float32FeaturesAreScaledInDoublesAndStoredAsFloat32() {
        Matrix f = Matrix.of(new double[][]{{0.1, 1.0 / 3}, {0.7, 2.2}, {1.3, -0.4}}).to(DType.FLOAT32);
        Matrix widened = f.to(DType.FLOAT64);   // the same values as doubles: the fit must not see a difference
        Standardizer s = Standardizer.fit(f);
        assertEquals(Standardizer.fit(widened).mean(), s.mean(), "means from float32 features");
        Matrix z = s.transform(f);
        assertEquals(DType.FLOAT32, z.dtype(), "a float32 input gives a float32 output");
        assertEquals(s.transform(widened).to(DType.FLOAT32), z, "computed in doubles, rounded once");
        MinMaxScaler m = MinMaxScaler.fit(f);
        assertEquals(m.transform(widened).to(DType.FLOAT32), m.transform(f), "min-max, float32");
        assertEquals(DType.FLOAT64, m.transform(widened).dtype(), "float64 stays float64");
    }
}
