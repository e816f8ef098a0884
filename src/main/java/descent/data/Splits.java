package descent.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded train / validation / test splits, plain or stratified (each class split in the same proportions).
 *
 * <pre>{@code
 * var d = Datasets.moons(1000, 0.2, 42);
 * var tt = Splits.trainTest(d, 0.2, 7);                    // 800 train, 200 test
 * var s = Splits.stratifiedTrainValTest(d, 0.1, 0.1, 7);   // 800 / 100 / 100, each 50% upper, 50% lower
 * }</pre>
 *
 * <pre>
 * plain:       shuffle all indices (Fisher–Yates, seeded); the first round(n·test) are test, the next round(n·val)
 *              validation, the rest train
 * stratified:  the same within each class (round(n_c·test), round(n_c·val) per class), then each part is shuffled
 * </pre>
 * Sizes are rounded per class when stratified, so they can differ by a few examples from the plain split's. Every part
 * must keep at least one example; a fraction that would empty a part is an error, not a silent empty set.
 */
public final class Splits {
    private Splits() {
    }

    /** A random {@code testFraction} of the examples (in (0, 1)) becomes the test set. */
    public static TrainTest trainTest(Dataset d, double testFraction, long seed) {
        TrainValTest s = split(d, 0, testFraction, seed, false, false, "trainTest");
        return new TrainTest(s.train(), s.test());
    }

    /** Like {@link #trainTest} with every class split in the same proportion. */
    public static TrainTest stratifiedTrainTest(Dataset d, double testFraction, long seed) {
        TrainValTest s = split(d, 0, testFraction, seed, true, false, "stratifiedTrainTest");
        return new TrainTest(s.train(), s.test());
    }

    /** Random validation and test fractions; the rest is train. */
    public static TrainValTest trainValTest(Dataset d, double valFraction, double testFraction, long seed) {
        return split(d, valFraction, testFraction, seed, false, true, "trainValTest");
    }

    /** Like {@link #trainValTest} with every class split in the same proportions. */
    public static TrainValTest stratifiedTrainValTest(Dataset d, double valFraction, double testFraction, long seed) {
        return split(d, valFraction, testFraction, seed, true, true, "stratifiedTrainValTest");
    }

    /** A random {@code fraction} of d held out as a part named {@code part}; {@code what} names the caller in errors. */
    static TrainTest holdOut(Dataset d, double fraction, long seed, String part, String what) {
        TrainValTest s = split(d, 0, fraction, seed, false, false, what, part);
        return new TrainTest(s.train(), s.test());
    }

    private static TrainValTest split(Dataset d, double val, double test, long seed, boolean stratified,
                                      boolean three, String what) {
        return split(d, val, test, seed, stratified, three, what, "test");
    }

    private static TrainValTest split(Dataset d, double val, double test, long seed, boolean stratified,
                                      boolean three, String what, String testPart) {
        checkFraction(what, "validation", val, three);
        checkFraction(what, testPart, test, true);
        if (val + test >= 1) {
            throw new IllegalArgumentException(what + ": validation " + val + " + test " + test + " = " + (val + test)
                    + " leaves nothing to train on; expected fractions that add up to less than 1, such as 0.1 and 0.1.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> trainIdx = new ArrayList<>(), valIdx = new ArrayList<>(), testIdx = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        if (stratified) {
            int[] labels = d.labels();
            int[] counts = d.classCounts();
            for (int c = 0; c < d.classes(); c++) {
                int[] g = new int[counts[c]];
                int k = 0;
                for (int i = 0; i < labels.length; i++) if (labels[i] == c) g[k++] = i;
                groups.add(g);
            }
        } else {
            int[] all = new int[d.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            groups.add(all);
        }
        for (int[] g : groups) {
            shuffle(g, random);
            int nTest = (int) Math.round(g.length * test), nVal = (int) Math.round(g.length * val);
            for (int i = 0; i < g.length; i++) {
                (i < nTest ? testIdx : i < nTest + nVal ? valIdx : trainIdx).add(g[i]);
            }
        }
        String name = d.name();
        Dataset tr = part(d, trainIdx, random, stratified, name, "train", what);
        Dataset te = part(d, testIdx, random, stratified, name, testPart, what);
        Dataset va = three ? part(d, valIdx, random, stratified, name, "validation", what) : null;
        return new TrainValTest(tr, va, te);
    }

    private static Dataset part(Dataset d, List<Integer> idx, SplittableRandom random, boolean reshuffle, String name,
                                String part, String what) {
        if (idx.isEmpty()) {
            throw new IllegalArgumentException(what + ": the " + part + " part of " + d + " would be empty; use a"
                    + " larger dataset or a larger " + part + " fraction.");
        }
        int[] rows = idx.stream().mapToInt(Integer::intValue).toArray();
        if (reshuffle) shuffle(rows, random); // class blocks would otherwise come one after another
        return d.rows(rows).withName(name + " " + part);
    }

    private static void checkFraction(String what, String part, double f, boolean required) {
        boolean ok = required ? f > 0 && f < 1 : f >= 0 && f < 1;
        if (!ok) {
            throw new IllegalArgumentException(what + ": invalid " + part + " fraction " + f + "; expected a number in "
                    + (required ? "(0, 1)" : "[0, 1)") + ", such as 0.2.");
        }
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
