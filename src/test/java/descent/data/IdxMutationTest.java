package descent.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded mutation fuzzer that runs in every build, alongside Jazzer's coverage-guided {@link IdxFuzzTest}: it takes
 * valid IDX files (plain and gzipped), applies random bit flips, truncations, header-field edits and splices, and
 * checks that the loader only ever throws {@link IdxFormatException}. Bounded: 1,500 cases, a second or two.
 */
class IdxMutationTest {
    private static final int CASES = 1500;
    private static final int[] INTERESTING = {0, 1, -1, 2, 28, 255, 256, 4096, 4097, 65535, 1 << 16, 1 << 24,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 0x801, 0x803, 0x1f8b0800};

    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailOnlyWithIdxFormatException() {
        SplittableRandom random = new SplittableRandom(20240611);
        byte[][] seeds = {
                IdxFiles.images(3, 4, 5, IdxFiles.pattern(60)),
                IdxFiles.images(1, 28, 28, IdxFiles.pattern(784)),
                IdxFiles.labels(9, 0, 0, 3, 0, 2, 7),
        };
        Path file = dir.resolve("mutant");
        for (int k = 0; k < CASES; k++) {
            byte[] seed = seeds[random.nextInt(seeds.length)];
            boolean gzipFirst = random.nextBoolean();
            byte[] base = gzipFirst ? IdxFiles.gzip(seed) : seed.clone();
            byte[] m = mutate(base, random);
            if (!gzipFirst && random.nextInt(4) == 0) m = IdxFiles.gzip(m); // mutate the content, then compress
            IdxFiles.write(dir, "mutant", m);
            int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : Integer.MAX_VALUE;
            try {
                IdxFuzzTest.check(file, limit);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + k + " (bytes " + Arrays.toString(Arrays.copyOf(m, Math.min(m.length, 40)))
                        + "..., limit " + limit + "): " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] b, SplittableRandom r) {
        byte[] m = b.clone();
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && m.length > 0; e++) {
            switch (r.nextInt(5)) {
                case 0 -> { // flip one bit
                    int i = r.nextInt(m.length);
                    m[i] ^= (byte) (1 << r.nextInt(8));
                }
                case 1 -> m = Arrays.copyOf(m, r.nextInt(m.length + 1)); // truncate
                case 2 -> { // overwrite a header field (or any aligned int) with an interesting value
                    int field = r.nextInt(Math.max(1, Math.min(m.length, 16) / 4));
                    if (4 * field + 4 <= m.length) {
                        ByteBuffer.wrap(m).putInt(4 * field, INTERESTING[r.nextInt(INTERESTING.length)]);
                    }
                }
                case 3 -> { // append random bytes
                    byte[] extra = new byte[1 + r.nextInt(32)];
                    r.nextBytes(extra);
                    int at = m.length;
                    m = Arrays.copyOf(m, at + extra.length);
                    System.arraycopy(extra, 0, m, at, extra.length);
                }
                default -> { // overwrite a random byte
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
            }
        }
        return m;
    }
}
