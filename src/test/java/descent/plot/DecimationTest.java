package descent.plot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimationTest {

    @Test
    void flatRunsKeepTheirEnds() {
        double[] y = {1, 1, 1, 1, 2, 2, 3, 3, 3, 0};
        assertArrayEquals(new int[] {0, 3, 4, 5, 6, 8, 9}, Decimation.flatRunEnds(y));
        assertArrayEquals(new int[] {0, 1}, Decimation.flatRunEnds(new double[] {5, 5}), "two points stay two");
    }

    @Test
    void eachBucketKeepsItsFirstLastLowestAndHighest() {
        int n = 10_000, buckets = 100;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.5;
            y[i] = Math.sin(i * 0.37) * (1 + i % 11) + (i == 5_432 ? 50 : 0);   // noise and one spike
        }
        int[] kept = Decimation.keep(x, y, buckets);
        assertEquals(0, kept[0], "first point");
        assertEquals(n - 1, kept[kept.length - 1], "last point");
        for (int k = 1; k < kept.length; k++) assertTrue(kept[k] > kept[k - 1], "ascending, no repeats at " + k);
        assertTrue(kept.length <= 4 * buckets, kept.length + " points for " + buckets + " buckets");
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 5_432), "the spike survives");
        // by brute force: every bucket's first, last, lowest and highest index is among the kept ones
        double span = x[n - 1] - x[0];
        for (int b = 0; b < buckets; b++) {
            int first = -1, last = -1, lo = -1, hi = -1;
            for (int i = 0; i < n; i++) {
                int bucket = (int) Math.min(buckets - 1, Math.floor((x[i] - x[0]) / span * buckets));
                if (bucket != b) continue;
                if (first < 0) first = i;
                last = i;
                if (lo < 0 || y[i] < y[lo]) lo = i;
                if (hi < 0 || y[i] > y[hi]) hi = i;
            }
            for (int i : new int[] {first, last, lo, hi}) {
                int want = i;
                assertTrue(Arrays.stream(kept).anyMatch(k -> k == want), "bucket " + b + " keeps index " + i);
            }
            // nothing else of the bucket is kept
            int fb = first, lb = last, lob = lo, hib = hi;
            long inBucket = Arrays.stream(kept).filter(k -> k >= fb && k <= lb).count();
            assertEquals(Arrays.stream(new int[] {fb, lb, lob, hib}).distinct().count(), inBucket, "bucket " + b);
        }
    }

    @Test
    void fewPointsStayAsTheyAre() {
        double[] x = {0, 1, 2, 3, 4}, y = {3, 1, 4, 1, 5};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Decimation.keep(x, y, 3), "at most two points a bucket");
        assertArrayEquals(new int[] {0, 1, 4}, Decimation.keep(x, y, 1), "one bucket: first, lowest (the first 1), highest = last");
    }
}
