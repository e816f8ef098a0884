package descent.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class BatchesTest {
    @Test
    void shuffledCoversEveryExampleOncePerEpochInANewOrder() {
        Batches b = Batches.shuffled(10, 3, 42);
        assertEquals(3, b.batchesPerEpoch());
        int[][] epochs = new int[2][];
        for (int e = 0; e < 2; e++) {
            int[] seen = new int[9];
            for (int k = 0; k < 3; k++) {
                int[] rows = b.next();
                assertEquals(e, b.epoch());
                assertEquals(k == 2, b.endOfEpoch(), "end of epoch after batch " + k);
                System.arraycopy(rows, 0, seen, 3 * k, 3);
            }
            epochs[e] = seen;
            int[] sorted = seen.clone();
            Arrays.sort(sorted);
            assertEquals(9, Arrays.stream(sorted).distinct().count(), "distinct examples in epoch " + e);
        }
        assertFalse(Arrays.equals(epochs[0], epochs[1]), "each epoch is shuffled anew");
        assertEquals("Batches(n=10, batchSize=3, shuffled, seed=42; epoch 1, step 6)", b.toString());
    }

    @Test
    void sameSeedSameBatches() {
        Batches a = Batches.shuffled(100, 7, 5), b = Batches.shuffled(100, 7, 5);
        Batches c = Batches.withReplacement(100, 7, 5), d = Batches.withReplacement(100, 7, 5);
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(a.next(), b.next());
            assertArrayEquals(c.next(), d.next());
        }
    }

    @Test
    void withReplacementDrawsUniformlyAndCountsEpochsAsTheBook() {
        Batches r = Batches.withReplacement(10, 5, 1);
        assertEquals(2, r.batchesPerEpoch()); // the book: iter_per_epoch = train_size / batch_size
        int[] counts = new int[10];
        boolean repeated = false;
        for (int i = 0; i < 2000; i++) {
            int[] rows = r.next();
            if (Arrays.stream(rows).distinct().count() < rows.length) repeated = true;
            for (int x : rows) counts[x]++;
        }
        assertTrue(repeated, "draws with replacement repeat indices within a batch sometimes");
        for (int c : counts) assertEquals(1000, c, 150); // 10,000 draws over 10 rows: ±4.7 standard deviations
        assertEquals(999, r.epoch());
        assertTrue(r.endOfEpoch());
        assertEquals("Batches(n=10, batchSize=5, withReplacement, seed=1; epoch 999, step 2000)", r.toString());
    }

    @Test
    void inOrderKeepsTheShortLastBatch() {
        Batches b = Batches.inOrder(7, 3);
        assertEquals(3, b.batchesPerEpoch());
        assertArrayEquals(new int[]{0, 1, 2}, b.next());
        assertArrayEquals(new int[]{3, 4, 5}, b.next());
        assertFalse(b.endOfEpoch());
        assertArrayEquals(new int[]{6}, b.next());
        assertTrue(b.endOfEpoch());
        assertArrayEquals(new int[]{0, 1, 2}, b.next());
        assertEquals(1, b.epoch());
        assertEquals("Batches(n=7, batchSize=3, inOrder; epoch 1, step 4)", b.toString());
    }

    @Test
    void badSizesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Batches.shuffled(10, 0, 1));
        assertTrue(e.getMessage().contains("Invalid batch size: 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Batches.inOrder(0, 1));
        assertEquals(4, Batches.shuffled(4, 100, 1).next().length); // cut to n
    }

    @Test
    void nextIntoABufferGivesTheSameSequenceAsNext() {
        Batches[][] pairs = {
                {Batches.shuffled(10, 3, 7), Batches.shuffled(10, 3, 7)},
                {Batches.withReplacement(10, 3, 7), Batches.withReplacement(10, 3, 7)},
                {Batches.inOrder(7, 3), Batches.inOrder(7, 3)}};
        for (Batches[] p : pairs) {
            int[] buffer = new int[3];
            for (int k = 0; k < 8; k++) {
                int[] expected = p[0].next();
                int size = p[1].next(buffer);
                assertArrayEquals(expected, Arrays.copyOf(buffer, size), p[0] + ", batch " + k);
                assertEquals(p[0].epoch(), p[1].epoch(), "epoch after batch " + k);
                assertEquals(p[0].endOfEpoch(), p[1].endOfEpoch(), "end of epoch after batch " + k);
            }
        }
    }

    @Test
    void nextIntoRejectsATooShortBuffer() {
        var e = assertThrows(IllegalArgumentException.class, () -> Batches.shuffled(10, 3, 7).next(new int[2]));
        assertEquals("Batches.next(rows) needs an array of at least 3 indices but got 2; allocate new int[batches.batchSize()].",
                e.getMessage());
    }
}
