package descent.nn;

import descent.tensor.DType;
import descent.tensor.Matrix;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The file format of {@link Sequential#save} and {@link Sequential#load}: named tensors of doubles (or floats),
 * simple enough to read from numpy with {@code np.frombuffer(..., '>f8')} (or {@code '>f4'}). All integers and
 * values are big-endian.
 *
 * <pre>
 *   magic       8 bytes   "DESCENTP"
 *   version     int32     2 (every tensor float64) or 3 (a model with float32 tensors)
 *   count       int32     number of tensors
 *   count ×     name      uint16 byte length, then the name in UTF-8 (e.g. "0.W", "1.runningMean")
 *               rows      int32
 *               cols      int32
 *               width     uint8     version 3 only: bytes per value, 8 (float64) or 4 (float32)
 *   headerCrc   uint32    CRC-32 of every byte above
 *   count ×     values    rows·cols IEEE-754 float64 (or float32), row-major, in the order of the headers
 *   valuesCrc   uint32    CRC-32 of the values
 *   (end of file: trailing bytes are an error)
 * </pre>
 *
 * A float64 model writes version 2, byte for byte as before version 3 existed. A float32 model writes version 3
 * and stores its float32 tensors as floats, so save and load round-trip bit for bit. Loading checks each tensor's
 * dtype against the model's: a file from a float32 model does not load into a float64 one, nor the reverse (the
 * error says how to convert the model first).
 *
 * Every write has a checking read. Saving refuses non-finite values (naming the tensor, row and column) and writes
 * to a temporary file that is then moved over the target, so a failed save leaves an older file intact. Reading
 * checks the magic, the version, both checksums (CRC-32 detects every error of up to 32 consecutive bits, so any
 * one damaged byte), the shapes and that every value is finite. The header has its own checksum so that a damaged
 * shape is reported as damaged, and a file cut short as truncated. Loading into a model is all or nothing: the file
 * is parsed into fresh arrays and checked against the model (names, order, shapes) before anything is copied.
 *
 * <pre>{@code
 * import java.nio.file.*;
 * var net = Mlp.of(2, 16, 2).seed(1);
 * var file = Files.createTempFile("net", ".bin");
 * net.save(file);
 * ParameterFile.read(file).keySet()    // [0.W, 0.b, 2.W, 2.b]: layer index, tensor name
 * }</pre>
 *
 * Version 1 (descent before this format had checksums) is refused with a hint to save the model again.
 */
public final class ParameterFile {
    /** The first 8 bytes of every file. */
    public static final String MAGIC = "DESCENTP";
    public static final int VERSION = 2;
    /** The version written when a tensor is float32: {@link #VERSION} with a value width per tensor. */
    public static final int VERSION_WITH_DTYPES = 3;
    /** More tensors than any model descent builds; a larger count means a damaged header. */
    private static final int MAX_TENSORS = 100_000;

    private ParameterFile() {
    }

    /**
     * Writes the tensors, in map order. Throws, naming the tensor and position, if any value is NaN or infinite:
     * such a model cannot be used, so it is not saved. The file appears whole or not at all.
     */
    public static void write(Path file, Map<String, Matrix> tensors) {
        for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
            Matrix m = e.getValue();
            int bad = m.firstNonFinite();
            if (bad >= 0) {
                throw new IllegalArgumentException("Cannot save " + e.getKey() + ": it holds " + m.flat(bad) + " at row "
                        + bad / m.cols() + ", column " + bad % m.cols() + ". A model with non-finite values cannot be used;"
                        + " the training diverged: reload an earlier save or retrain (a smaller learning rate, or check the data for NaN).");
            }
        }
        byte[] bytes = encode(tensors);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, file.getFileName() + ".", ".part");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
            throw ioError("write parameters to", file, e);
        }
    }

    private static byte[] encode(Map<String, Matrix> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean dtypes = tensors.values().stream().anyMatch(Matrix::isFloat32);
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(dtypes ? VERSION_WITH_DTYPES : VERSION);
            out.writeInt(tensors.size());
            for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(e.getValue().rows());
                out.writeInt(e.getValue().cols());
                if (dtypes) out.writeByte(e.getValue().isFloat32() ? 4 : 8);
            }
            out.flush();
            out.writeInt((int) crc(bytes.toByteArray(), 0, bytes.size()));
            int valuesStart = bytes.size();
            for (Matrix m : tensors.values()) {
                if (m.isFloat32()) for (float v : m.floats()) out.writeFloat(v);
                else for (double v : m.data()) out.writeDouble(v);
            }
            out.flush();
            out.writeInt((int) crc(bytes.toByteArray(), valuesStart, bytes.size() - valuesStart));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static long crc(byte[] b, int offset, int length) {
        CRC32 c = new CRC32();
        c.update(b, offset, length);
        return c.getValue();
    }

    /** An I/O failure with its cause kept, and a hint for the common ones (a missing file or folder, no permission). */
    private static UncheckedIOException ioError(String what, Path file, IOException e) {
        String hint;
        Path parent = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException) {
            hint = parent != null && !Files.isDirectory(parent)
                    ? "the folder " + parent + " does not exist; create it first with Files.createDirectories(" + "Path.of(\"" + parent + "\"))."
                    : "no such file. Check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")"
                    + (what.startsWith("read") ? "; net.save(path) writes one." : ".");
        } else if (e instanceof AccessDeniedException) {
            hint = "permission denied; choose a file you may " + (what.startsWith("read") ? "read." : "write.");
        } else {
            hint = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new UncheckedIOException("Cannot " + what + " " + file + ": " + hint, e);
    }

    /** Reads every tensor of a file, checking its structure, checksums and values. */
    public static Map<String, Matrix> read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ioError("read parameters from", file, e);
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        String damaged = "; the file is damaged (changed after it was written). Save the model again, or use another copy.";
        try {
            byte[] magic = new byte[MAGIC.length()];
            in.get(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
                throw new IllegalArgumentException(file + " is not a descent parameter file: it does not start with \""
                        + MAGIC + "\". Was it written by Sequential.save?");
            }
            int version = in.getInt();
            if (version == 1) {
                throw new IllegalArgumentException(file + " has format version 1, written by an older descent without "
                        + "checksums; this descent reads version " + VERSION + ". Load it with the older descent and save it again.");
            }
            if (version != VERSION && version != VERSION_WITH_DTYPES) {
                throw new IllegalArgumentException(file + " has format version " + version + " but this descent reads versions "
                        + VERSION + " and " + VERSION_WITH_DTYPES + "; it was written by a newer descent, or it is damaged.");
            }
            int count = in.getInt();
            if (count < 0 || count > MAX_TENSORS) {
                throw new IllegalArgumentException(file + " claims " + count + " tensors" + damaged);
            }
            List<String> names = new ArrayList<>();
            List<int[]> shapes = new ArrayList<>();   // rows, cols, bytes per value
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[in.getShort() & 0xFFFF];
                in.get(name);
                names.add(new String(name, StandardCharsets.UTF_8));
                shapes.add(new int[]{in.getInt(), in.getInt(), version == VERSION ? 8 : in.get()});
            }
            int headerEnd = in.position();
            long storedHeaderCrc = in.getInt() & 0xFFFFFFFFL;
            if (storedHeaderCrc != crc(all, 0, headerEnd)) {
                throw new IllegalArgumentException(file + ": the header's checksum does not match (stored "
                        + hex(storedHeaderCrc) + ", computed " + hex(crc(all, 0, headerEnd)) + ")" + damaged);
            }
            long needed = 4;
            for (int i = 0; i < count; i++) {
                int r = shapes.get(i)[0], c = shapes.get(i)[1], width = shapes.get(i)[2];
                if (r <= 0 || c <= 0 || (long) r * c > Integer.MAX_VALUE / 8 || (width != 8 && width != 4)) {
                    throw new IllegalArgumentException(file + ": tensor " + names.get(i) + " has shape " + r + "x" + c
                            + (width == 8 || width == 4 ? "" : " and " + width + " bytes per value")
                            + " although its header checksum matches; the file is corrupt. Save the model again.");
                }
                needed += (long) width * r * c;
            }
            if (in.remaining() != needed) {
                throw new IllegalArgumentException(file + " should hold " + needed + " bytes of values and checksum after its header but has "
                        + in.remaining() + (in.remaining() < needed ? "; the file is truncated (an interrupted copy or download?)."
                        : "; it has trailing bytes" + damaged));
            }
            int valuesStart = in.position();
            long storedValuesCrc = all.length < 4 ? 0 : ByteBuffer.wrap(all, all.length - 4, 4).getInt() & 0xFFFFFFFFL;
            long valuesCrc = crc(all, valuesStart, all.length - 4 - valuesStart);
            if (storedValuesCrc != valuesCrc) {
                throw new IllegalArgumentException(file + ": the values' checksum does not match (stored " + hex(storedValuesCrc)
                        + ", computed " + hex(valuesCrc) + ")" + damaged);
            }
            Map<String, Matrix> result = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                boolean float32 = shapes.get(i)[2] == 4;
                Matrix m = Matrix.zeros(shapes.get(i)[0], shapes.get(i)[1], float32 ? DType.FLOAT32 : DType.FLOAT64);
                for (int j = 0; j < m.size(); j++) {
                    if (float32) m.floats()[j] = in.getFloat();
                    else m.data()[j] = in.getDouble();
                }
                int bad = m.firstNonFinite();
                if (bad >= 0) {
                    throw new IllegalArgumentException(file + ": tensor " + names.get(i) + " holds " + m.flat(bad) + " at row "
                            + bad / m.cols() + ", column " + bad % m.cols() + "; a saved model must be finite (descent refuses"
                            + " to save such a model, so another program wrote this file).");
                }
                if (result.put(names.get(i), m) != null) {
                    throw new IllegalArgumentException(file + " holds the tensor " + names.get(i) + " twice; the file is corrupt.");
                }
            }
            return result;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(file + " ends after " + all.length + " bytes, inside its header; the file is truncated"
                    + " or its header is damaged. Save the model again, or use another copy.");
        }
    }

    private static String hex(long crc) {
        return String.format("%08x", crc);
    }

    /**
     * Reads a file and copies it into {@code target}, which must have exactly the same names, in the same order, with
     * the same shapes and dtypes; nothing is copied unless everything matches.
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
            if (m.dtype() != e.getValue().dtype()) {
                DType model = e.getValue().dtype();
                throw new IllegalArgumentException(file + ": tensor " + e.getKey() + " is " + m.dtype() + " in the file but "
                        + model + " in the model; it was saved from a " + m.dtype() + " model. Load it into one: build the model"
                        + " with " + (m.dtype() == DType.FLOAT32 ? ".float32()" : ".float64()") + " (or call model.to(DType."
                        + m.dtype().name() + ")) before load, then convert afterwards if you want " + model + ".");
            }
        }
        target.forEach((name, m) -> m.copyFrom(read.get(name)));
    }
}
