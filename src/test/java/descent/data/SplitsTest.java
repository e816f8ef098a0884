package descent.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SplitsTest {
    private static Set<String> rowsOf(Dataset d) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) s.add(Arrays.toString(d.x().row(i)) + d.label(i));
        return s;
    }

    @Test
    void trainValTestPartitionsTheExamples() {
        Dataset d = Datasets.moons(1000, 0.2, 42);
        TrainValTest s = Splits.trainValTest(d, 0.15, 0.1, 7);
        assertEquals(750, s.train().size());
        assertEquals(150, s.validation().size());
        assertEquals(100, s.test().size());
        Set<String> all = new HashSet<>();
        all.addAll(rowsOf(s.train()));
        all.addAll(rowsOf(s.validation()));
        all.addAll(rowsOf(s.test()));
        assertEquals(rowsOf(d), all, "the three parts together are the dataset, without overlap");
        assertEquals("moons(n=1000, noise=0.2, seed=42) validation", s.validation().name());
        assertEquals(s, Splits.trainValTest(d, 0.15, 0.1, 7), "same seed, same split");
        assertNotEquals(s.test(), Splits.trainValTest(d, 0.15, 0.1, 8).test());
    }

    @Test
    void stratifiedKeepsClassProportions() {
        // 300 of class 0, 100 of class 1 ... blobs make 3 equal classes; take an unbalanced subset instead
        Dataset d = Datasets.blobs(400, 4, 0.3, 3);
        int[] keep = java.util.stream.IntStream.range(0, 400).filter(i -> d.label(i) != 3 || i % 5 == 0).toArray();
        Dataset u = d.rows(keep);
        int[] counts = u.classCounts();
        TrainTest tt = Splits.stratifiedTrainTest(u, 0.2, 1);
        for (int c = 0; c < 4; c++) {
            assertEquals(Math.round(counts[c] * 0.2), tt.test().classCounts()[c], "test examples of class " + c);
            assertEquals(counts[c] - Math.round(counts[c] * 0.2), tt.train().classCounts()[c], "train of class " + c);
        }
        // parts are shuffled after stratifying: the first 10 test labels are not one class
        assertTrue(Arrays.stream(Arrays.copyOf(tt.test().labels(), 10)).distinct().count() > 1);
    }

    @Test
    void withValidationSplitsTheTrainingSetOnly() {
        TrainTest tt = Splits.trainTest(Datasets.xor(200, 0.1, 1), 0.25, 3);
        TrainValTest three = tt.withValidation(0.2, 4);
        assertEquals(120, three.train().size());
        assertEquals(30, three.validation().size());
        assertSame(tt.test(), three.test());
    }

    @Test
    void badFractionsAreNamed() {
        Dataset d = Datasets.xor(10, 0.1, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(d, 1.5, 1));
        assertTrue(e.getMessage().contains("invalid test fraction 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Splits.trainValTest(d, 0.5, 0.5, 1));
        assertTrue(e.getMessage().contains("leaves nothing to train on"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(d, 0.01, 1));
        assertTrue(e.getMessage().contains("test part"), e.getMessage());
        TrainTest tt = Splits.trainTest(d, 0.2, 1);
        e = assertThrows(IllegalArgumentException.class, () -> tt.withValidation(1.5, 1));
        assertEquals("TrainTest.withValidation: invalid validation fraction 1.5; expected a number in (0, 1), such as 0.2.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tt.withValidation(0.01, 1));
        assertTrue(e.getMessage().startsWith("TrainTest.withValidation: the validation part of"), e.getMessage());
    }
}
