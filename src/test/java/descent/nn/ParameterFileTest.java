package descent.nn;

import descent.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static descent.nn.BackpropChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every write has a checking read: damaged, truncated, foreign and non-finite files are refused, the model unchanged. */
class ParameterFileTest {

    /** Header layout of a model with tensors named like "0.W": where the header checksum sits. */
    private static int headerEnd(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        in.position(12);
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
            int nameLength = in.getShort() & 0xFFFF;
            in.position(in.position() + nameLength + 8);
        }
        return in.position();
    }

    /** Recomputes both checksums, as a program that writes a wrong file on purpose would. */
    private static byte[] withValidChecksums(byte[] b) {
        byte[] c = b.clone();
        int h = headerEnd(c);
        CRC32 crc = new CRC32();
        crc.update(c, 0, h);
        ByteBuffer.wrap(c).putInt(h, (int) crc.getValue());
        crc.reset();
        crc.update(c, h + 4, c.length - 4 - (h + 4));
        ByteBuffer.wrap(c).putInt(c.length - 4, (int) crc.getValue());
        return c;
    }

    private static Map<String, Matrix> copyOf(Sequential net) {
        Map<String, Matrix> m = new LinkedHashMap<>();
        net.stateTensors().forEach((k, v) -> m.put(k, v.copy()));
        return m;
    }

    private static void assertUnchanged(Map<String, Matrix> before, Sequential net, String where) {
        net.stateTensors().forEach((k, v) -> assertArrayEquals(before.get(k).data(), v.data(), where + ": " + k + " changed"));
    }

    @Test
    void everyDamagedByteIsRejectedAndTheModelIsUnchanged(@TempDir Path dir) throws IOException {
        var net = Mlp.of(2, 8, 3).batchNorm().dropout(0.3).seed(42);
        net.forward(random(6, 2, 1)); // moves the running statistics and the dropout generator
        Path good = dir.resolve("model.bin");
        net.save(good);
        byte[] bytes = Files.readAllBytes(good);
        var target = Mlp.of(2, 8, 3).batchNorm().dropout(0.3).seed(7);
        var before = copyOf(target);
        SplittableRandom flips = new SplittableRandom(11);
        Path bad = dir.resolve("damaged.bin");
        for (int pos = 0; pos < bytes.length; pos++) {
            byte[] b = bytes.clone();
            b[pos] ^= (byte) (1 + flips.nextInt(255)); // a nonzero change of this one byte
            Files.write(bad, b);
            int at = pos;
            assertThrows(IllegalArgumentException.class, () -> target.load(bad), "byte " + at + " damaged but the load succeeded");
            assertUnchanged(before, target, "after damaging byte " + pos);
        }
        target.load(good);
        net.stateTensors().forEach((k, v) -> assertArrayEquals(v.data(), target.stateTensors().get(k).data(), k));
    }

    @Test
    void theIssuesReproducerIsRejected(@TempDir Path dir) throws IOException {
        var net = Mlp.of(2, 8, 3).batchNorm().seed(42);
        Path p = dir.resolve("model.bin");
        net.save(p);
        byte[] b = Files.readAllBytes(p);
        b[b.length - 20] ^= 0x40;
        Files.write(p, b);
        var target = Mlp.of(2, 8, 3).batchNorm().seed(7);
        var before = copyOf(target);
        var e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertTrue(e.getMessage().startsWith(p + ": the values' checksum does not match (stored "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the file is damaged (changed after it was written). Save the model again, or use another copy."),
                e.getMessage());
        assertUnchanged(before, target, "after a damaged load");
    }

    @Test
    void aModelWithNonFiniteValuesIsNotSavedAndAnOlderFileSurvives(@TempDir Path dir) throws IOException {
        var net = Mlp.of(2, 4, 3).seed(1);
        Path p = dir.resolve("model.bin");
        net.save(p);
        byte[] saved = Files.readAllBytes(p);
        net.namedParameters().get("0.W").value().set(1, 2, Double.NaN);
        var e = assertThrows(IllegalArgumentException.class, () -> net.save(p));
        assertEquals("Cannot save 0.W: it holds NaN at row 1, column 2. A model with non-finite values cannot be used; the training "
                + "diverged: reload an earlier save or retrain (a smaller learning rate, or check the data for NaN).", e.getMessage());
        assertArrayEquals(saved, Files.readAllBytes(p), "the earlier file is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        net.namedParameters().get("0.W").value().set(1, 2, Double.POSITIVE_INFINITY);
        Path fresh = dir.resolve("fresh.bin");
        assertThrows(IllegalArgumentException.class, () -> net.save(fresh));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void nonFiniteValuesInAFileWithValidChecksumsAreRefused(@TempDir Path dir) throws IOException {
        var net = Mlp.of(2, 4, 3).seed(1);
        Path p = dir.resolve("model.bin");
        net.save(p);
        byte[] b = Files.readAllBytes(p);
        int firstValue = headerEnd(b) + 4;
        ByteBuffer.wrap(b).putDouble(firstValue + 8 * 5, Double.NaN); // 0.W is 2x4: index 5 is row 1, column 1
        Files.write(p, withValidChecksums(b));
        var target = Mlp.of(2, 4, 3).seed(2);
        var before = copyOf(target);
        var e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertEquals(p + ": tensor 0.W holds NaN at row 1, column 1; a saved model must be finite (descent refuses to save such a "
                + "model, so another program wrote this file).", e.getMessage());
        assertUnchanged(before, target, "after a NaN file");
    }

    @Test
    void aDamagedShapeIsReportedAsDamagedNotTruncated(@TempDir Path dir) throws IOException {
        var net = Mlp.of(2, 4, 3).seed(1);
        Path p = dir.resolve("model.bin");
        net.save(p);
        byte[] b = Files.readAllBytes(p);
        int rowsOf0W = 8 + 4 + 4 + 2 + 3; // magic, version, count, name length, "0.W"
        assertEquals(2, ByteBuffer.wrap(b).getInt(rowsOf0W));
        byte[] shape = b.clone();
        ByteBuffer.wrap(shape).putInt(rowsOf0W, 2000);
        Files.write(p, shape);
        var target = Mlp.of(2, 4, 3).seed(2);
        var e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertTrue(e.getMessage().startsWith(p + ": the header's checksum does not match"), e.getMessage());
        assertFalse(e.getMessage().contains("truncated"), e.getMessage());

        ByteBuffer.wrap(shape).putInt(rowsOf0W, -3);
        Files.write(p, withValidChecksums(shape));
        e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertEquals(p + ": tensor 0.W has shape -3x4 although its header checksum matches; the file is corrupt. Save the model again.",
                e.getMessage());

        Files.write(p, Arrays.copyOf(b, b.length - 8));
        e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertTrue(e.getMessage().endsWith("; the file is truncated (an interrupted copy or download?)."), e.getMessage());
        Files.write(p, Arrays.copyOf(b, 20));
        e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertEquals(p + " ends after 20 bytes, inside its header; the file is truncated or its header is damaged. Save the model "
                + "again, or use another copy.", e.getMessage());
        byte[] longer = Arrays.copyOf(b, b.length + 3);
        Files.write(p, longer);
        e = assertThrows(IllegalArgumentException.class, () -> target.load(p));
        assertTrue(e.getMessage().contains("; it has trailing bytes; the file is damaged"), e.getMessage());
    }

    @Test
    void versionsAreChecked(@TempDir Path dir) throws IOException {
        var net = Mlp.of(2, 4, 3).seed(1);
        Path p = dir.resolve("model.bin");
        net.save(p);
        byte[] b = Files.readAllBytes(p);
        assertEquals(ParameterFile.VERSION, ByteBuffer.wrap(b).getInt(8));
        ByteBuffer.wrap(b).putInt(8, 1);
        Files.write(p, b);
        var e = assertThrows(IllegalArgumentException.class, () -> net.load(p));
        assertEquals(p + " has format version 1, written by an older descent without checksums; this descent reads version 2. "
                + "Load it with the older descent and save it again.", e.getMessage());
        ByteBuffer.wrap(b).putInt(8, 4);
        Files.write(p, b);
        e = assertThrows(IllegalArgumentException.class, () -> net.load(p));
        assertEquals(p + " has format version 4 but this descent reads versions 2 and 3; it was written by a newer descent, or it is damaged.",
                e.getMessage());
    }

    @Test
    void aMissingFileOrFolderKeepsItsCauseAndGivesAHint(@TempDir Path dir) {
        var net = Mlp.of(2, 4, 3).seed(1);
        var before = copyOf(net);
        Path missing = dir.resolve("nope.bin");
        var e = assertThrows(UncheckedIOException.class, () -> net.load(missing));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("Cannot read parameters from " + missing + ": no such file. Check the path (relative paths start at "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; net.save(path) writes one."), e.getMessage());

        Path noFolder = dir.resolve("models").resolve("net.bin");
        e = assertThrows(UncheckedIOException.class, () -> net.load(noFolder));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertEquals("Cannot read parameters from " + noFolder + ": the folder " + noFolder.getParent()
                + " does not exist; create it first with Files.createDirectories(Path.of(\"" + noFolder.getParent() + "\")).", e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> net.save(noFolder));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("Cannot write parameters to " + noFolder + ": the folder "), e.getMessage());
        assertUnchanged(before, net, "after failed loads");
    }

    @Test
    void theLayoutIsAsDocumented(@TempDir Path dir) throws IOException {
        var net = Sequential.of(Layers.dense(1, 1, Initializers.zeros(), 0));
        net.layer(0).parameters().get(0).value().set(0, 0, 1.5);
        net.layer(0).parameters().get(1).value().set(0, 0, -2);
        Path file = dir.resolve("tiny.bin");
        net.save(file);
        byte[] all = Files.readAllBytes(file);
        var in = ByteBuffer.wrap(all);
        byte[] magic = new byte[8];
        in.get(magic);
        assertEquals("DESCENTP", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, in.getInt());
        assertEquals(2, in.getInt());
        assertEquals(3, in.getShort());
        byte[] name = new byte[3];
        in.get(name);
        assertEquals("0.W", new String(name));
        assertEquals(1, in.getInt());
        assertEquals(1, in.getInt());
        in.position(in.position() + 2 + 3 + 8);
        CRC32 crc = new CRC32();
        crc.update(all, 0, in.position());
        assertEquals((int) crc.getValue(), in.getInt(), "header CRC-32");
        int values = in.position();
        assertEquals(1.5, in.getDouble());
        assertEquals(-2.0, in.getDouble());
        crc.reset();
        crc.update(all, values, 16);
        assertEquals((int) crc.getValue(), in.getInt(), "values CRC-32");
        assertEquals(0, in.remaining());
    }
}
