package descent.data;

import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static descent.data.IdxFiles.*;
import static org.junit.jupiter.api.Assertions.*;

class IdxTest {
    @TempDir
    Path dir;

    /** 3 images of 2 rows × 3 columns; pixel k of the file is (37k mod 256), so the expected value is that / 255. */
    private static final byte[] PIXELS = pattern(3 * 2 * 3);

    private static double[] expectedPixels() {
        double[] e = new double[PIXELS.length];
        for (int i = 0; i < e.length; i++) e[i] = ((i * 37) % 256) / 255.0;
        return e;
    }

    private IdxFormatException fails(Path file) {
        return assertThrows(IdxFormatException.class, () -> Idx.images(file));
    }

    private static void assertMentions(IdxFormatException e, Path file, String... parts) {
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        for (String p : parts) assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
    }

    @Test
    void readsUncompressedImagesScaledToUnitInterval() {
        Path f = write(dir, "imgs-idx3-ubyte", images(3, 2, 3, PIXELS));
        Images im = Idx.images(f);
        assertEquals(3, im.count());
        assertEquals(2, im.height());
        assertEquals(3, im.width());
        assertArrayEquals(expectedPixels(), im.pixels().data());
        assertEquals(Matrix.wrap(2, 3, Arrays.copyOfRange(expectedPixels(), 6, 12)), im.image(1));
        assertEquals("Images(3 of 2x3 from imgs-idx3-ubyte)", im.toString());
        // 255 → exactly 1.0 and 0 → 0.0, as the book's x / 255.0
        Path extremes = write(dir, "ext", images(1, 1, 2, new byte[]{0, (byte) 255}));
        assertArrayEquals(new double[]{0.0, 1.0}, Idx.images(extremes).pixels().data());
    }

    @Test
    void detectsGzipByMagicBytesNotByName() {
        Path gz = write(dir, "no-suffix", gzip(images(3, 2, 3, PIXELS)));
        Path plainNamedGz = write(dir, "plain.gz", images(3, 2, 3, PIXELS));
        assertArrayEquals(expectedPixels(), Idx.images(gz).pixels().data());
        assertArrayEquals(expectedPixels(), Idx.images(plainNamedGz).pixels().data());
    }

    @Test
    void limitReadsOnlyTheFirstItems() {
        Path gz = write(dir, "i.gz", gzip(images(3, 2, 3, PIXELS)));
        Path raw = write(dir, "i", images(3, 2, 3, PIXELS));
        for (Path f : List.of(gz, raw)) {
            Images two = Idx.images(f, 2);
            assertEquals(2, two.count());
            assertArrayEquals(Arrays.copyOf(expectedPixels(), 12), two.pixels().data());
            assertEquals(3, Idx.images(f, 1000).count());
        }
        assertThrows(IllegalArgumentException.class, () -> Idx.images(raw, 0));
    }

    @Test
    void readsLabelsPlainAndGzipped() {
        Path raw = write(dir, "l", labels(9, 0, 0, 3, 255));
        Path gz = write(dir, "l.gz", gzip(labels(9, 0, 0, 3, 255)));
        assertArrayEquals(new int[]{9, 0, 0, 3, 255}, Idx.labels(raw));
        assertArrayEquals(new int[]{9, 0, 0, 3, 255}, Idx.labels(gz));
        assertArrayEquals(new int[]{9, 0}, Idx.labels(gz, 2));
    }

    @Test
    void datasetPairsImagesWithLabelsAndOneHot() {
        Path im = write(dir, "im.gz", gzip(images(3, 2, 3, PIXELS)));
        Path lb = write(dir, "lb.gz", gzip(labels(2, 0, 1)));
        Dataset d = Idx.dataset("tiny", im, lb, List.of("a", "b", "c"), Integer.MAX_VALUE);
        assertEquals("Dataset(tiny, 3 examples x 6 features, 3 classes)", d.toString());
        assertArrayEquals(new double[]{0, 0, 1, 1, 0, 0, 0, 1, 0}, d.oneHot().data());
        assertEquals(2, Idx.dataset("tiny", im, lb, List.of("a", "b", "c"), 2).size());
    }

    @Test
    void wrongMagicNumberNamesFileAndNumber() {
        Path f = write(dir, "bad-magic", idx(0x00000804, new int[]{1, 1, 1, 1}, new byte[1]));
        assertMentions(fails(f), f, "magic number 0x00000804", "expected images (0x00000803)");
        Path text = write(dir, "notes.txt", "hello world, not an IDX file".getBytes());
        assertMentions(fails(text), text, "0x68656C6C is not an IDX magic number", "MNIST-format");
        Path floats = write(dir, "floats", idx(0x00000D03, new int[]{1, 1, 1}, new byte[4]));
        assertMentions(fails(floats), floats, "type 0xd", "only unsigned bytes");
    }

    @Test
    void swappedImagesAndLabelsAreNamedAsSuch() {
        Path lb = write(dir, "train-labels-idx1-ubyte", labels(1, 2, 3));
        Path im = write(dir, "train-images-idx3-ubyte", images(3, 2, 3, PIXELS));
        assertMentions(fails(lb), lb, "marks an IDX label file", "swap");
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.labels(im));
        assertMentions(e, im, "marks an IDX image file", "expected labels (0x00000801)");
    }

    @Test
    void truncatedPlainFileSaysHowManyImagesArePresent() {
        byte[] full = images(3, 2, 3, PIXELS);
        Path f = write(dir, "cut", Arrays.copyOf(full, full.length - 4)); // 2 whole images + 2 bytes
        assertMentions(fails(f), f, "file ends after 2 of 3 images", "truncated");
    }

    @Test
    void truncatedGzipSaysHowManyImagesArePresent() {
        byte[] raw = images(200, 28, 28, pattern(200 * 784));
        byte[] gz = gzip(raw);
        Path f = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
        IdxFormatException e = fails(f);
        assertMentions(e, f, " of 200 images", "truncated");
        assertTrue(e.getMessage().matches(".*file ends after \\d+ of 200 images.*"), e.getMessage());
    }

    @Test
    void headerClaimingMoreItemsThanPresent() {
        Path raw = write(dir, "more", images(5, 2, 3, PIXELS));
        Path gz = write(dir, "more.gz", gzip(images(5, 2, 3, PIXELS)));
        assertMentions(fails(raw), raw, "file ends after 3 of 5 images");
        assertMentions(fails(gz), gz, "file ends after 3 of 5 images");
        Path lb = write(dir, "lab.gz", gzip(idx(Idx.LABELS_MAGIC, new int[]{10}, new byte[4])));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.labels(lb));
        assertMentions(e, lb, "file ends after 4 of 10 labels");
    }

    @Test
    void extraDataAfterTheItemsIsAnError() {
        byte[] extra = Arrays.copyOf(images(3, 2, 3, PIXELS), 16 + 18 + 4);
        Path raw = write(dir, "extra", extra);
        Path gz = write(dir, "extra.gz", gzip(extra));
        assertMentions(fails(raw), raw, "has 4 bytes after its 3 images");
        assertMentions(fails(gz), gz, "has more data after its 3 images");
    }

    @Test
    void absurdHeaderFailsFastWithoutAllocating() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // 2^31 − 1 images of 28×28 (about 1.7 TB) claimed by a 20-byte file, plain and gzipped.
        byte[] header = images(Integer.MAX_VALUE, 28, 28, new byte[4]);
        Path raw = write(dir, "huge", header);
        Path gz = write(dir, "huge.gz", gzip(header));
        long before = threads.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        assertMentions(fails(raw), raw, "file ends after 0 of 2147483647 images");
        assertMentions(fails(gz), gz, "file ends after 0 of 2147483647 images");
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 8 << 20, "allocated " + allocated + " bytes for a 20-byte file");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "took more than 2 s");
        // 2^31 images (negative as an int) and absurd sides.
        Path neg = write(dir, "neg", images(0x80000000, 28, 28, new byte[4]));
        assertMentions(fails(neg), neg, "header claims 2147483648 images");
        Path wide = write(dir, "wide", images(1, 28, 1 << 20, new byte[4]));
        assertMentions(fails(wide), wide, "28x1048576 pixels", "between 1 and 4096");
        Path zero = write(dir, "zero", images(0, 28, 28, new byte[0]));
        assertMentions(fails(zero), zero, "header claims 0 images");
    }

    @Test
    void shortOrEmptyHeaderAndMissingFile() {
        Path empty = write(dir, "empty", new byte[0]);
        assertMentions(fails(empty), empty, "file ends after 0 bytes", "magic number");
        Path shortDims = write(dir, "short", new byte[]{0, 0, 8, 3, 0, 0});
        assertMentions(fails(shortDims), shortDims, "file ends after 6 bytes", "3 dimension sizes");
        Path missing = dir.resolve("nope.gz");
        assertMentions(fails(missing), missing, "no such file");
    }

    @Test
    void corruptGzipDataIsNamed() {
        byte[] gz = gzip(images(3, 2, 3, PIXELS));
        gz[gz.length - 8] ^= 1; // the CRC-32 of the data no longer matches
        Path f = write(dir, "bad-crc.gz", gz);
        assertMentions(fails(f), f, "compressed data is corrupt", "Corrupt GZIP trailer");
        byte[] method = gzip(images(3, 2, 3, PIXELS));
        method[2] = 7; // compression method 7 does not exist (8 = deflate)
        Path m = write(dir, "bad-method.gz", method);
        assertMentions(fails(m), m, "compressed data is corrupt");
        Path onlyMagic = write(dir, "magic-only.gz", new byte[]{0x1f, (byte) 0x8b});
        assertMentions(fails(onlyMagic), onlyMagic, "gzip");
    }

    @Test
    void datasetChecksCountsAndLabelRange() {
        Path im = write(dir, "im", images(3, 2, 3, PIXELS));
        Path two = write(dir, "two-labels", labels(0, 1));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> Idx.dataset("d", im, two, List.of("a", "b"), Integer.MAX_VALUE));
        assertMentions(e, two, "has 2 labels but im has 3 images");
        // with a limit the loaded counts would agree; the headers do not
        e = assertThrows(IdxFormatException.class, () -> Idx.dataset("d", im, two, List.of("a", "b"), 1));
        assertMentions(e, two, "has 2 labels but im has 3 images");
        Path big = write(dir, "big-label", labels(0, 1, 7));
        e = assertThrows(IdxFormatException.class, () -> Idx.dataset("d", im, big, List.of("a", "b"), Integer.MAX_VALUE));
        assertMentions(e, big, "label 7 of item 2 is outside 0..1");
    }
}
