package descent.nn;

import descent.tensor.Matrix;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file format of {@link Sequential#save} and {@link Sequential#load}: named tensors of doubles, simple enough
 * to read from numpy with {@code np.frombuffer(..., '>f8')}. All integers and doubles are big-endian.
 *
 * <pre>
 *   magic     8 bytes   "DESCENTP"
 *   version   int32     1
 *   count     int32     number of tensors
 *   count ×   name      uint16 byte length, then the name in UTF-8 (e.g. "0.W", "1.runningMean")
 *             rows      int32
 *             cols      int32
 *   count ×   values    rows·cols IEEE-754 float64, row-major, in the order of the headers
 *   (end of file: trailing bytes are an error)
 * </pre>
 *
 * Reading is all or nothing: the whole file is parsed and checked against the model (names, order, shapes,
 * length) into fresh arrays, and only then copied into the model's matrices.
 *
 * <pre>{@code
 * import java.nio.file.*;
 * var net = Mlp.of(2, 16, 2).seed(1);
 * var file = Files.createTempFile("net", ".bin");
 * net.save(file);
 * ParameterFile.read(file).keySet()    // [0.W, 0.b, 2.W, 2.b]: layer index, tensor name
 * }</pre>
 */
public final class ParameterFile {
    /** The first 8 bytes of every file. */
    public static final String MAGIC = "DESCENTP";
    public static final int VERSION = 1;

    private ParameterFile() {
    }

    /** Writes the tensors, in map order. */
    public static void write(Path file, Map<String, Matrix> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(e.getValue().rows());
                out.writeInt(e.getValue().cols());
            }
            for (Matrix m : tensors.values()) {
                for (double v : m.data()) out.writeDouble(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write parameters to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every tensor of a file, checking its structure. */
    public static Map<String, Matrix> read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read parameters from " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        try {
            byte[] magic = new byte[MAGIC.length()];
            in.get(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
                throw new IllegalArgumentException(file + " is not a descent parameter file: it does not start with \""
                        + MAGIC + "\". Was it written by Sequential.save?");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(file + " has format version " + version + " but this descent reads version "
                        + VERSION + ".");
            }
            int count = in.getInt();
            if (count < 0 || count > 100_000) {
                throw new IllegalArgumentException(file + " claims " + count + " tensors; the file is damaged.");
            }
            List<String> names = new ArrayList<>();
            List<int[]> shapes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[in.getShort() & 0xFFFF];
                in.get(name);
                names.add(new String(name, StandardCharsets.UTF_8));
                int r = in.getInt(), c = in.getInt();
                if (r <= 0 || c <= 0) {
                    throw new IllegalArgumentException(file + ": tensor " + names.get(i) + " has shape " + r + "x" + c + "; the file is damaged.");
                }
                shapes.add(new int[]{r, c});
            }
            long needed = 0;
            for (int[] s : shapes) needed += 8L * s[0] * s[1];
            if (in.remaining() != needed) {
                throw new IllegalArgumentException(file + " should hold " + needed + " bytes of values after its header but has "
                        + in.remaining() + (in.remaining() < needed ? "; the file is truncated." : "; it has trailing bytes."));
            }
            Map<String, Matrix> result = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Matrix m = Matrix.zeros(shapes.get(i)[0], shapes.get(i)[1]);
                double[] d = m.data();
                for (int j = 0; j < d.length; j++) d[j] = in.getDouble();
                result.put(names.get(i), m);
            }
            return result;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(file + " ends after " + all.length + " bytes, inside its header; the file is truncated.");
        }
    }

    /**
     * Reads a file and copies it into {@code target}, which must have exactly the same names, in the same order, with
     * the same shapes; nothing is copied unless everything matches.
     */
    public static void readInto(Path file, Map<String, Matrix> target) {
        Map<String, Matrix> read = read(file);
        if (!new ArrayList<>(read.keySet()).equals(new ArrayList<>(target.keySet()))) {
            throw new IllegalArgumentException(file + " holds tensors " + read.keySet() + " but the model has "
                    + target.keySet() + "; it was saved from a different architecture.");
        }
        for (Map.Entry<String, Matrix> e : target.entrySet()) {
            Matrix m = read.get(e.getKey());
            if (!m.sameShape(e.getValue())) {
                throw new IllegalArgumentException(file + ": tensor " + e.getKey() + " is " + m.shape() + " in the file but "
                        + e.getValue().shape() + " in the model; it was saved from a different architecture.");
            }
        }
        target.forEach((name, m) -> m.copyFrom(read.get(name)));
    }
}
