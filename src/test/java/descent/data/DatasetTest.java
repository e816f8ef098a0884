package descent.data;

import descent.tensor.DType;
import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetTest {
    private static final Dataset TOY = new Dataset("toy", Matrix.of(new double[][]{{0, 1}, {2, 3}, {4, 5}, {6, 7}}),
            new int[]{0, 1, 1, 0}, List.of("no", "yes"));

    @Test
    void toTableHasFeaturesLabelAndClassName() {
        Table t = TOY.toTable();
        assertEquals(List.of("x0", "x1", "label", "class"), t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals(4.0, t.doubleColumn("x0").get(2));
        assertEquals(7.0, t.doubleColumn("x1").get(3));
        assertEquals(1, t.intColumn("label").get(1));
        assertEquals("yes", t.stringColumn("class").get(1));
        assertEquals("toy", t.name());
    }

    @Test
    void headAndSample() {
        assertEquals(2, TOY.head(2).size());
        assertArrayEquals(new double[]{0, 1, 2, 3}, TOY.head(2).x().data());
        assertEquals(4, TOY.head(100).size());
        Dataset s = TOY.sample(3, 42);
        assertEquals(s, TOY.sample(3, 42));
        int[] firsts = new int[3];
        for (int i = 0; i < 3; i++) firsts[i] = (int) s.x().get(i, 0);
        assertEquals(3, Arrays.stream(firsts).distinct().count(), "distinct examples");
        assertThrows(IllegalArgumentException.class, () -> TOY.sample(5, 1));
    }

    @Test
    void withNameAndWithX() {
        assertEquals("Dataset(renamed, 4 examples x 2 features, 2 classes)", TOY.withName("renamed").toString());
        Dataset one = TOY.withX(Matrix.zeros(4, 1));
        assertEquals(1, one.features());
        assertArrayEquals(TOY.labels(), one.labels());
        assertThrows(IllegalArgumentException.class, () -> TOY.withX(Matrix.zeros(3, 1)));
    }

    @Test
    void toFloat32RoundsEachFeatureOnceAndKeepsLabels() {
        Dataset d = new Dataset("thirds", Matrix.of(new double[][]{{1.0 / 3, 0.1}, {-2.5, 1e-40}}), new int[]{1, 0}, List.of("a", "b"));
        Dataset f = d.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(DType.FLOAT64, d.dtype(), "the original is unchanged");
        float[] expected = {(float) (1.0 / 3), 0.1f, -2.5f, (float) 1e-40};
        assertArrayEquals(expected, f.x().floats(), "float32 features, rounded to nearest");
        assertArrayEquals(d.labels(), f.labels());
        assertEquals(d.classNames(), f.classNames());
        assertSame(d, d.to(DType.FLOAT64), "already float64: no copy");
        assertSame(f, f.to(DType.FLOAT32), "already float32: no copy");
        Dataset back = f.to(DType.FLOAT64);
        for (int i = 0; i < expected.length; i++) assertEquals((double) expected[i], back.x().flat(i), "widened exactly, value " + i);
    }

    @Test
    void aFloat32DataSetKeepsItsTypeThroughRowsHeadAndSample() {
        Dataset f = TOY.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, f.rows(new int[]{3, 1}).dtype());
        assertArrayEquals(new float[]{6, 7, 2, 3}, f.rows(new int[]{3, 1}).x().floats());
        assertArrayEquals(new float[]{0, 1, 2, 3}, f.head(2).x().floats());
        assertEquals(TOY.sample(3, 42).to(DType.FLOAT32), f.sample(3, 42), "the same examples as the float64 set's sample");
        Table t = f.toTable();
        assertEquals(7.0, t.doubleColumn("x1").get(3));
        assertEquals("yes", t.stringColumn("class").get(1));
    }

    @Test
    void pairsAndTriplesConvertEverySet() {
        TrainTest pair = new TrainTest(TOY, TOY.head(2));
        TrainTest f = pair.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, f.train().dtype());
        assertEquals(DType.FLOAT32, f.test().dtype());
        assertArrayEquals(new float[]{0, 1, 2, 3}, f.test().x().floats());
        assertSame(pair, pair.to(DType.FLOAT64), "already float64: the same pair");
        TrainValTest three = new TrainValTest(TOY, TOY.head(3), TOY.head(1)).to(DType.FLOAT32);
        assertEquals(List.of(DType.FLOAT32, DType.FLOAT32, DType.FLOAT32),
                List.of(three.train().dtype(), three.validation().dtype(), three.test().dtype()));
        assertSame(three, three.to(DType.FLOAT32));
    }
}
