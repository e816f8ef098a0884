package descent.data;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzzes the IDX loader with Jazzer: on any bytes it either returns well-formed data or throws
 * {@link IdxFormatException}; any other exception (or error) is a finding.
 *
 * <p>Under plain {@code mvn test} this replays the seeds in
 * {@code src/test/resources/descent/data/IdxFuzzTestInputs/loaderThrowsOnlyIdxFormatException/} (written by
 * {@code make_seeds.py} there) as a regression test. To fuzz for real, for at most the {@code maxDuration}:
 * <pre>
 * JAZZER_FUZZ=1 mvn -o test -Dtest=IdxFuzzTest
 * </pre>
 * Input layout: one control byte (bit 0: gzip the rest; bits 1–7: the limit passed to the loader, 0 = none), then the
 * file's bytes.
 */
class IdxFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("descent-fuzz", ".idx");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void loaderThrowsOnlyIdxFormatException(byte[] input) throws IOException {
        int control = input.length > 0 ? input[0] & 0xff : 0;
        byte[] body = input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : input;
        Files.write(FILE, (control & 1) != 0 ? IdxFiles.gzip(body) : body);
        int limit = control >>> 1 == 0 ? Integer.MAX_VALUE : control >>> 1;
        check(FILE, limit);
    }

    /** Shared with {@link IdxMutationTest}: load the file every way; only IdxFormatException may come out. */
    static void check(Path file, int limit) {
        try {
            Images im = Idx.images(file, limit);
            assertTrue(im.count() >= 1 && im.count() <= limit, "count " + im.count());
            assertEquals(im.height() * im.width(), im.pixels().cols());
            for (double v : im.pixels().data()) assertTrue(v >= 0 && v <= 1, "pixel " + v);
        } catch (IdxFormatException expected) {
            assertEquals(file, expected.file());
        }
        try {
            int[] labels = Idx.labels(file, limit);
            assertTrue(labels.length >= 1 && labels.length <= limit);
            for (int y : labels) assertTrue(y >= 0 && y <= 255);
        } catch (IdxFormatException expected) {
            assertEquals(file, expected.file());
        }
        try {
            Idx.dataset("fuzz", file, file, Datasets.MNIST_CLASSES, limit);
            fail("one file cannot be both images and labels");
        } catch (IdxFormatException expected) {
            assertEquals(file, expected.file());
        }
    }
}
