package descent.optim;

import descent.Approx;
import descent.fn.Functions;
import descent.fn.Vec;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SGDTest {

    private static List<double[]> seedTable() throws IOException {
        try (InputStream in = SGDTest.class.getResourceAsStream("/seeds/dlfs-sgd-bowl.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.trim().split("\\s+"))
                    .map(p -> new double[]{Double.parseDouble(p[0]), Double.parseDouble(p[1])})
                    .toList();
        }
    }

    @Test
    void reproducesTheBooksThirtyStepsOnTheBowl() throws IOException {
        List<double[]> seed = seedTable();
        assertEquals(30, seed.size(), "the seed prints 30 points");
        Table t = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable();
        assertEquals(31, t.rowCount(), "start + 30 updates");
        for (int i = 0; i < seed.size(); i++) {
            Approx.assertClose(seed.get(i)[0], t.doubleColumn("x0").get(i), Approx.EXACT, "x0 at step " + i);
            Approx.assertClose(seed.get(i)[1], t.doubleColumn("x1").get(i), Approx.EXACT, "x1 at step " + i);
        }
    }

    @Test
    void firstStepByHand() {
        // g(-7, 2) = (-0.7, 4); w - 0.95 g = (-7 + 0.665, 2 - 3.8)
        Step s = Optimizers.sgd(0.95).start(Functions.dlfsBowl(), Vec.of(-7, 2)).step();
        Approx.assertClose(new double[]{-6.335, -1.8}, s.x().toArray(), Approx.TIGHT, "SGD step 1");
        Approx.assertClose(-6.335 * -6.335 / 20 + 1.8 * 1.8, s.f(), Approx.TIGHT, "f after step 1");
    }

    @Test
    void resetAndReplayIsBitIdentical() {
        var run = Optimizers.sgd(0.3).start(Functions.of((x, y) -> x * x + 3 * y * y + x * y), Vec.of(1, -2));
        var first = run.run(20).toTable();
        var second = run.reset().run(20).toTable();
        for (int i = 0; i <= 20; i++) {
            assertEquals(first.doubleColumn("x0").get(i), second.doubleColumn("x0").get(i), "x0 at step " + i);
            assertEquals(first.doubleColumn("x1").get(i), second.doubleColumn("x1").get(i), "x1 at step " + i);
        }
    }

    @Test
    void rejectsBadLearningRatesByValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(-1));
        assertTrue(e.getMessage().contains("Invalid learning rate: -1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(Double.NaN));
    }

    @Test
    void rejectsAStartPointOfTheWrongDimension() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.sgd(0.1).minimize(Functions.dlfsBowl(), Vec.of(1, 2, 3), 5));
        assertTrue(e.getMessage().contains("takes 2 coordinates"), e.getMessage());
    }

    @Test
    void divergenceNamesTheStepAndThePoint() {
        var e = assertThrows(ArithmeticException.class,
                () -> Optimizers.sgd(1e200).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 10));
        assertTrue(e.getMessage().contains("diverged at step"), e.getMessage());
    }

    @Test
    void printsLikeTheSpec() {
        assertEquals("SGD(lr=0.95)", Optimizers.sgd(0.95).toString());
        assertEquals("SGD(lr=1e-08)", Optimizers.sgd(1e-8).toString());
    }
}
