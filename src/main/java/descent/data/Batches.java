package descent.data;

import descent.base.Check;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batch row indices for a dataset of {@code n} examples.
 *
 * <pre>{@code
 * var b = Batches.shuffled(60000, 100, 42);          // each epoch: a fresh permutation cut into batches
 * int[] rows = b.next();                             // 100 distinct indices
 * b;                                                 // Batches(n=60000, batchSize=100, shuffled, seed=42; epoch 0, step 1)
 * var r = Batches.withReplacement(60000, 100, 42);   // the book's np.random.choice(train_size, batch_size)
 * var e = Batches.inOrder(10000, 500);               // 0..499, 500..999, ...: for evaluating a test set
 * }</pre>
 *
 * <pre>
 * shuffled:         at the start of each epoch, Fisher–Yates shuffle 0..n−1 (seeded); hand out consecutive slices of
 *                   batchSize; the last partial slice is dropped (every batch has the same size)
 * withReplacement:  each batch is batchSize independent uniform draws from 0..n−1, as the book's
 *                   batch_mask = np.random.choice(train_size, batch_size); an "epoch" is n / batchSize batches
 * inOrder:          0..n−1 in order, the last batch may be shorter; no randomness
 * </pre>
 * The same seed gives the same sequence of batches, bit for bit. A batch size larger than {@code n} is cut to {@code n}.
 */
public final class Batches {
    private enum Kind { SHUFFLED, REPLACEMENT, IN_ORDER }

    private final int n;
    private final int batchSize;
    private final long seed;
    private final Kind kind;
    private final SplittableRandom random;
    private final int[] order;
    private int cursor;
    private int epoch = -1;
    private long steps;
    private boolean endOfEpoch;

    private Batches(int n, int batchSize, long seed, Kind kind) {
        if (n <= 0) {
            throw new IllegalArgumentException("Cannot make batches from " + n + " examples; the dataset is empty.");
        }
        Check.atLeast("batch size", batchSize, 1, "such as 100");
        this.n = n;
        this.batchSize = Math.min(batchSize, n);
        this.seed = seed;
        this.kind = kind;
        this.random = new SplittableRandom(seed);
        this.order = kind == Kind.REPLACEMENT ? null : new int[n];
        if (order != null) for (int i = 0; i < n; i++) order[i] = i;
        this.cursor = n; // forces a new epoch (and for SHUFFLED a shuffle) before the first batch
    }

    /** Without replacement: every example once per epoch, in a new random order each epoch; the last partial batch is dropped. */
    public static Batches shuffled(int n, int batchSize, long seed) {
        return new Batches(n, batchSize, seed, Kind.SHUFFLED);
    }

    /** With replacement: each batch is {@code batchSize} independent uniform draws, as the book samples. */
    public static Batches withReplacement(int n, int batchSize, long seed) {
        return new Batches(n, batchSize, seed, Kind.REPLACEMENT);
    }

    /** In order, without randomness, keeping the last shorter batch: for evaluation passes over a whole set. */
    public static Batches inOrder(int n, int batchSize) {
        return new Batches(n, batchSize, 0, Kind.IN_ORDER);
    }

    /** The row indices of the next batch. */
    public int[] next() {
        int[] rows = new int[batchSize];
        int size = next(rows);
        return size == rows.length ? rows : Arrays.copyOf(rows, size);
    }

    /**
     * The next batch written into {@code rows}, which must hold at least {@link #batchSize()} indices: the same
     * sequence as {@link #next()}, for training loops that allocate nothing per step. Returns how many indices were
     * written, fewer than the batch size only for the last batch of an {@link #inOrder} pass.
     */
    public int next(int[] rows) {
        if (rows.length < batchSize) {
            throw new IllegalArgumentException("Batches.next(rows) needs an array of at least " + batchSize
                    + " indices but got " + rows.length + "; allocate new int[batches.batchSize()].");
        }
        steps++;
        if (kind == Kind.REPLACEMENT) {
            for (int i = 0; i < batchSize; i++) rows[i] = random.nextInt(n);
            epoch = (int) ((steps - 1) / batchesPerEpoch());
            endOfEpoch = steps % batchesPerEpoch() == 0;
            return batchSize;
        }
        int need = kind == Kind.IN_ORDER ? 1 : batchSize;
        if (cursor + need > n) {
            if (kind == Kind.SHUFFLED) shuffle();
            cursor = 0;
            epoch++;
        }
        int size = Math.min(batchSize, n - cursor);
        System.arraycopy(order, cursor, rows, 0, size);
        cursor += size;
        endOfEpoch = cursor + (kind == Kind.IN_ORDER ? 1 : batchSize) > n;
        return size;
    }

    /** Batches per epoch: n / batchSize (rounded up for {@link #inOrder}, which keeps the last short batch). */
    public int batchesPerEpoch() {
        return kind == Kind.IN_ORDER ? (n + batchSize - 1) / batchSize : n / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The 0-based epoch of the most recent batch (0 before the first batch). */
    public int epoch() {
        return Math.max(epoch, 0);
    }

    /** Number of batches handed out so far. */
    public long steps() {
        return steps;
    }

    /** True when the most recent batch was the last one of its epoch: the moment to evaluate. */
    public boolean endOfEpoch() {
        return endOfEpoch;
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
        String how = switch (kind) {
            case SHUFFLED -> "shuffled, seed=" + seed;
            case REPLACEMENT -> "withReplacement, seed=" + seed;
            case IN_ORDER -> "inOrder";
        };
        return "Batches(n=" + n + ", batchSize=" + batchSize + ", " + how + "; epoch " + epoch() + ", step " + steps + ")";
    }
}
