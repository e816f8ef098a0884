package descent.data;

import java.util.SplittableRandom;

/**
 * Mini-batch row indices for a dataset of {@code n} examples.
 *
 * <pre>{@code
 * var b = Batches.shuffled(60000, 100, 42);          // each epoch: a fresh permutation cut into batches
 * int[] rows = b.next();                             // 100 distinct indices
 * var r = Batches.withReplacement(60000, 100, 42);   // the book's np.random.choice(train_size, batch_size)
 * }</pre>
 *
 * The same seed gives the same sequence of batches, bit for bit.
 */
public final class Batches {
    private final int n;
    private final int batchSize;
    private final long seed;
    private final boolean replacement;
    private final SplittableRandom random;
    private final int[] order;
    private int cursor;
    private int epoch;

    private Batches(int n, int batchSize, long seed, boolean replacement) {
        if (n <= 0) {
            throw new IllegalArgumentException("Cannot make batches from " + n + " examples; the dataset is empty.");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + "; expected at least 1, such as 100.");
        }
        this.n = n;
        this.batchSize = Math.min(batchSize, n);
        this.seed = seed;
        this.replacement = replacement;
        this.random = new SplittableRandom(seed);
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        this.cursor = n; // forces a shuffle before the first batch
    }

    /** Without replacement: every example once per epoch, in a new random order each epoch; the last partial batch is dropped. */
    public static Batches shuffled(int n, int batchSize, long seed) {
        return new Batches(n, batchSize, seed, false);
    }

    /** With replacement: each batch is {@code batchSize} independent uniform draws, as the book samples. */
    public static Batches withReplacement(int n, int batchSize, long seed) {
        return new Batches(n, batchSize, seed, true);
    }

    /** The row indices of the next batch. */
    public int[] next() {
        int[] rows = new int[batchSize];
        if (replacement) {
            for (int i = 0; i < batchSize; i++) rows[i] = random.nextInt(n);
            return rows;
        }
        if (cursor + batchSize > n) {
            shuffle();
            cursor = 0;
            epoch++;
        }
        System.arraycopy(order, cursor, rows, 0, batchSize);
        cursor += batchSize;
        return rows;
    }

    /** Full batches per epoch: n / batchSize. */
    public int batchesPerEpoch() {
        return n / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    private void shuffle() {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public String toString() {
        return "Batches(n=" + n + ", batchSize=" + batchSize + (replacement ? ", withReplacement" : ", shuffled")
                + ", seed=" + seed + ")";
    }
}
