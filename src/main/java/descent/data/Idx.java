package descent.data;

import descent.base.Check;
import descent.base.Format;
import descent.tensor.Matrix;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST-format (IDX) files, gzipped or not: images as a {@link Matrix} of pixels scaled to [0, 1], one
 * flattened image per row, and labels as ints.
 *
 * <pre>{@code
 * var dir = Datasets.fashionMnistDir();                                // e.g. /usr/share/datasets/fashion-mnist
 * var images = Idx.images(dir.resolve("train-images-idx3-ubyte.gz"));  // Images(60000 of 28x28 from train-images-idx3-ubyte.gz)
 * images.pixels();                                                    // Matrix(60000x784)[...]
 * images.image(0);                                                    // Matrix(28x28): the first image, shape kept
 * int[] y = Idx.labels(dir.resolve("train-labels-idx1-ubyte.gz"), 5); // the first 5 labels: [9, 0, 0, 3, 0]
 * }</pre>
 *
 * <p>The format (LeCun et al., http://yann.lecun.com/exdb/mnist/): all integers are 32-bit big-endian.
 * <pre>
 * magic      0x00 0x00 type ndims      type 0x08 = unsigned byte; ndims 3 for images, 1 for labels
 * dims       ndims × int32              images: count, rows, cols;  labels: count
 * data       count·rows·cols bytes      row-major, pixel 0 = background, 255 = ink
 * </pre>
 * Pixels become {@code byte / 255.0}, as the book's {@code load_mnist(normalize=True)} does.
 *
 * <p>Safety: the header is checked before anything is allocated. A file is recognised as gzip by its magic bytes
 * {@code 1f 8b}, not by its name. For an uncompressed file the header's item count must match the file length exactly;
 * for a gzip file the data is inflated incrementally into a buffer that grows only as bytes actually arrive, so a
 * header that claims 2^31 images in a 20-byte file fails with "file ends after 0 of 2147483647 images" instead of
 * allocating gigabytes. Every problem is an {@link IdxFormatException} naming the file.
 */
public final class Idx {
    /** Magic number of an IDX file of unsigned-byte images: type 0x08, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels: type 0x08, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Largest image side accepted; anything larger is a corrupt header, not an image. */
    public static final int MAX_SIDE = 4096;

    /** Java arrays hold at most about 2^31 values; a Matrix is one array. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** Gzip data is inflated into a buffer that starts at most this big and doubles as data arrives. */
    private static final int FIRST_CHUNK = 1 << 16;
    /** Bytes read per step; the converter thread follows step by step. */
    private static final int READ_STEP = 1 << 20;
    /** Below this many values a second thread costs more than the allocation it would hide. */
    private static final int PARALLEL_ALLOCATION = 1 << 20;
    /** Deflate's largest possible expansion is about 1032:1 (a 258-byte match in about 2 bits). */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final double[] SCALE = new double[256];

    static {
        for (int i = 0; i < 256; i++) SCALE[i] = i / 255.0;
    }

    private Idx() {
    }

    /** All images of an IDX image file (magic 0x00000803), pixels scaled to [0, 1]. */
    public static Images images(Path file) {
        return images(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} images (or all, if there are fewer); only those are read and inflated. */
    public static Images images(Path file, int limit) {
        checkLimit(limit);
        try (Source in = Source.open(file)) {
            Header h = Header.read(in, IMAGES_MAGIC);
            int rows = h.dims[1], cols = h.dims[2];
            int n = (int) Math.min(h.count(), limit);
            long need = in.checkItems(h, n, rows * cols, "images");
            checkMemory(file, n, need);
            int width = rows * cols;
            if (need < PARALLEL_ALLOCATION || (in.gzip && need > FIRST_CHUNK + 8L * in.fileLength)) {
                byte[] bytes = in.readItems(h, n, width, "images");
                double[] out = new double[bytes.length];
                convert(bytes, out, 0, bytes.length);
                return new Images(file, rows, cols, Matrix.wrap(n, width, out));
            }
            // Zeroing a fresh 376 MB array costs as much as inflating the file: a second thread allocates it and then
            // converts each megabyte as soon as this thread has inflated it. Only for sizes the file can plausibly
            // hold (checked length, or at most 8 bytes per compressed byte), never from the header's word alone.
            byte[] bytes = new byte[(int) need];
            Converter converter = new Converter(bytes);
            startDaemon(converter);
            try {
                in.readItems(h, n, width, "images", bytes, converter::ready);
            } catch (RuntimeException | Error e) {
                converter.cancel();
                throw e;
            }
            return new Images(file, rows, cols, Matrix.wrap(n, width, converter.await()));
        }
    }

    /** All labels of an IDX label file (magic 0x00000801). */
    public static int[] labels(Path file) {
        return labels(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} labels (or all, if there are fewer). */
    public static int[] labels(Path file, int limit) {
        checkLimit(limit);
        try (Source in = Source.open(file)) {
            Header h = Header.read(in, LABELS_MAGIC);
            int n = (int) Math.min(h.count(), limit);
            in.checkItems(h, n, 1, "labels");
            byte[] bytes = in.readItems(h, n, 1, "labels");
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = bytes[i] & 0xff;
            return labels;
        }
    }

    /**
     * Images and labels as one dataset; the two files must hold the same number of items and every label must name one
     * of the classes.
     *
     * @param limit read only the first {@code limit} examples ({@code Integer.MAX_VALUE} for all)
     */
    public static Dataset dataset(String name, Path imagesFile, Path labelsFile, List<String> classNames, int limit) {
        // Compare the headers first: with a limit the loaded counts could agree although the files do not.
        long imageCount = count(imagesFile, IMAGES_MAGIC), labelCount = count(labelsFile, LABELS_MAGIC);
        if (imageCount != labelCount) {
            throw new IdxFormatException(labelsFile, "has " + labelCount + " labels but " + imagesFile.getFileName()
                    + " has " + imageCount + " images; each image needs exactly one label. Are images and labels"
                    + " from the same set (train-* with train-*, t10k-* with t10k-*)?");
        }
        Images images = images(imagesFile, limit);
        int[] labels = labels(labelsFile, limit);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classNames.size()) {
                throw new IdxFormatException(labelsFile, "label " + labels[i] + " of item " + i + " is outside 0.."
                        + (classNames.size() - 1) + "; expected one of the " + classNames.size() + " classes "
                        + classNames + ".");
            }
        }
        return new Dataset(name, images.pixels(), labels, classNames);
    }

    /** The item count in a file's header (the header alone is read and checked). */
    static long count(Path file, int magic) {
        try (Source in = Source.open(file)) {
            return Header.read(in, magic).count();
        }
    }

    private static void checkLimit(int limit) {
        Check.atLeast("limit", limit, 1, "the number of items to read, or Integer.MAX_VALUE for all");
    }

    private static void checkMemory(Path file, int n, long values) {
        long need = values * Double.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new IdxFormatException(file, n + " images need " + Format.number(need / 1e9, 2) + " GB as doubles but this"
                    + " JVM may use at most " + Format.number(max / 1e9, 2) + " GB; pass a limit (Idx.images(file, 10000))"
                    + " or start java with a larger -Xmx.");
        }
    }

    private static void startDaemon(Runnable task) {
        Thread t = new Thread(task, "descent-idx-convert");
        t.setDaemon(true);
        t.start();
    }

    /** Bulk byte → double through a 256-entry table: one load per pixel, no division in the loop. */
    private static void convert(byte[] bytes, double[] out, int from, int to) {
        double[] scale = SCALE;
        for (int i = from; i < to; i++) out[i] = scale[bytes[i] & 0xff];
    }

    /**
     * Allocates the pixel array, then converts bytes while they are still being read: the reader publishes its
     * progress through a volatile count (a happens-before edge for the bytes below it), this thread follows.
     */
    private static final class Converter implements Runnable {
        private final byte[] bytes;
        private final int n;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile int ready;
        private volatile boolean cancelled;
        private volatile Thread worker;
        private double[] out;
        private Throwable failure;

        Converter(byte[] bytes) {
            this.bytes = bytes;
            this.n = bytes.length;
        }

        /** Called by the reader after each step: bytes [0, count) are in. */
        void ready(int count) {
            ready = count;
            if (count % (4 * READ_STEP) == 0 || count == n) wake();
        }

        void cancel() {
            cancelled = true;
            wake();
        }

        private void wake() {
            Thread w = worker;
            if (w != null) LockSupport.unpark(w);
        }

        @Override
        public void run() {
            worker = Thread.currentThread();
            try {
                double[] o = new double[n];
                int converted = 0;
                while (converted < n && !cancelled) {
                    int r = ready;
                    if (r == converted) {
                        LockSupport.parkNanos(200_000);
                        continue;
                    }
                    convert(bytes, o, converted, r);
                    converted = r;
                }
                out = o;
            } catch (Throwable t) {
                failure = t;
            } finally {
                done.countDown();
            }
        }

        double[] await() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while converting images", e);
            }
            if (failure instanceof Error e) throw e; // OutOfMemoryError stays what it is
            if (failure != null) throw new IllegalStateException(failure);
            return out;
        }
    }

    /** The fixed part of an IDX file: magic number and dimensions, checked before any data is read. */
    private static final class Header {
        final Path file;
        final int magic;
        final int[] dims;

        private Header(Path file, int magic, int[] dims) {
            this.file = file;
            this.magic = magic;
            this.dims = dims;
        }

        long count() {
            return dims[0];
        }

        int bytes() {
            return 4 + 4 * dims.length;
        }

        static Header read(Source in, int expected) {
            Path f = in.file;
            String what = expected == IMAGES_MAGIC ? "images" : "labels";
            byte[] m = in.header(4, "a 4-byte magic number");
            int magic = ((m[0] & 0xff) << 24) | ((m[1] & 0xff) << 16) | ((m[2] & 0xff) << 8) | (m[3] & 0xff);
            if (magic != expected) {
                throw new IdxFormatException(f, "magic number " + hex(magic) + describe(magic) + "; expected " + what
                        + " (" + hex(expected) + ")." + hint(magic, in.gzip));
            }
            int ndims = expected & 0xff;
            byte[] d = in.header(4 * ndims, ndims + " dimension sizes after the magic number");
            int[] dims = new int[ndims];
            for (int i = 0; i < ndims; i++) {
                int v = ((d[4 * i] & 0xff) << 24) | ((d[4 * i + 1] & 0xff) << 16) | ((d[4 * i + 2] & 0xff) << 8)
                        | (d[4 * i + 3] & 0xff);
                dims[i] = v;
            }
            long count = Integer.toUnsignedLong(dims[0]);
            if (dims[0] < 1) {
                throw new IdxFormatException(f, "header claims " + count + " " + what + "; expected between 1 and "
                        + Integer.MAX_VALUE + ". The header is corrupt.");
            }
            if (ndims == 3) {
                for (int i = 1; i < 3; i++) {
                    if (dims[i] < 1 || dims[i] > MAX_SIDE) {
                        throw new IdxFormatException(f, "header claims images of " + Integer.toUnsignedLong(dims[1])
                                + "x" + Integer.toUnsignedLong(dims[2]) + " pixels; expected each side between 1 and "
                                + MAX_SIDE + " (MNIST: 28x28). The header is corrupt.");
                    }
                }
            }
            return new Header(f, magic, dims);
        }

        private static String describe(int magic) {
            if (magic == LABELS_MAGIC) return " marks an IDX label file";
            if (magic == IMAGES_MAGIC) return " marks an IDX image file";
            if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xff) >= 0x08 && ((magic >>> 8) & 0xff) <= 0x0e) {
                return " marks an IDX file of type 0x" + Integer.toHexString((magic >>> 8) & 0xff) + " with "
                        + (magic & 0xff) + " dimensions (only unsigned bytes, type 0x08, are supported)";
            }
            return " is not an IDX magic number";
        }

        private static String hint(int magic, boolean gzip) {
            if (magic == LABELS_MAGIC || magic == IMAGES_MAGIC) return " Did you swap the images and labels files?";
            if ((magic >>> 16) != 0) {
                return " Is this an MNIST-format file (train-images-idx3-ubyte[.gz])?"
                        + (gzip ? " (The number was read after gunzip.)" : " A gzip file would start with 1f 8b.");
            }
            return "";
        }
    }

    static String hex(int v) {
        return String.format(Locale.ROOT, "0x%08X", v);
    }

    /** The file's bytes after gzip detection; converts every I/O problem into an IdxFormatException. */
    private static final class Source implements AutoCloseable {
        final Path file;
        final long fileLength;
        final boolean gzip;
        private final InputStream in;
        private long position;

        private Source(Path file, long fileLength, boolean gzip, InputStream in) {
            this.file = file;
            this.fileLength = fileLength;
            this.gzip = gzip;
            this.in = in;
        }

        static Source open(Path file) {
            InputStream raw = null;
            try {
                long length = Files.size(file);
                raw = Files.newInputStream(file);
                byte[] magic = new byte[2];
                int got = raw.readNBytes(magic, 0, 2);
                boolean gzip = got == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
                raw.close();
                raw = Files.newInputStream(file);
                InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
                return new Source(file, length, gzip, in);
            } catch (NoSuchFileException e) {
                throw new IdxFormatException(file, "no such file.", e);
            } catch (EOFException e) {
                closeQuietly(raw);
                throw new IdxFormatException(file, "starts like gzip (1f 8b) but ends inside the gzip header; the file is"
                        + " truncated. Download it again.", e);
            } catch (AccessDeniedException e) {
                throw new IdxFormatException(file, "permission denied.", e);
            } catch (IOException e) {
                closeQuietly(raw);
                throw failure(file, e);
            }
        }

        /** Exactly {@code n} header bytes, or an error saying the file is too short to hold them. */
        byte[] header(int n, String what) {
            byte[] b = new byte[n];
            int got = read(b, 0, n);
            if (got < n) {
                throw new IdxFormatException(file, "file ends after " + (position) + " bytes" + (gzip ? " of gzip data" : "")
                        + " while reading " + what + "; an IDX file starts with a magic number and the dimension sizes."
                        + " The file is truncated or not an IDX file.");
            }
            return b;
        }

        /**
         * The data of the first {@code n} items of {@code itemBytes} each. Allocates in proportion to what the file
         * really holds: exactly the checked length for plain files, a growing buffer for gzip.
         */
        long checkItems(Header h, int n, int itemBytes, String what) {
            long claimed = h.count();
            long need = (long) n * itemBytes;
            long promised = h.bytes() + claimed * itemBytes;
            if (gzip && promised > MAX_DEFLATE_RATIO * fileLength + 1024) {
                // Deflate cannot expand data more than ~1032:1, so the claim is impossible: count what is really
                // there with a small scratch buffer (no allocation from the header) and say how much that is.
                long available = skipAll(promised - h.bytes());
                throw new IdxFormatException(file, "file ends after " + available / itemBytes + " of " + claimed + " "
                        + what + " (the gzip data holds " + (h.bytes() + available) + " bytes; the header promises "
                        + promised + "). The file is truncated or its header is wrong.");
            }
            if (!gzip && fileLength != promised) {
                checkLength(h, claimed, itemBytes, promised, what);
            }
            if (need > MAX_VALUES) {
                throw new IdxFormatException(file, n + " " + what + " of " + itemBytes + " bytes are " + need
                        + " values, more than one Java array holds; pass a limit of at most " + MAX_VALUES / itemBytes + ".");
            }
            return need;
        }

        /** Reads the items {@link #checkItems} approved. */
        byte[] readItems(Header h, int n, int itemBytes, String what) {
            return readItems(h, n, itemBytes, what, null, got -> { });
        }

        /**
         * Reads in 1 MB steps, telling {@code progress} how many bytes are in after each. With an {@code exact}
         * buffer of the final size (allocated by the caller only for sizes the file can plausibly hold), a thread
         * that follows the progress may use the bytes reported so far; without one, the buffer grows as data arrives.
         */
        byte[] readItems(Header h, int n, int itemBytes, String what, byte[] exact, IntConsumer progress) {
            long claimed = h.count();
            int need = (int) ((long) n * itemBytes);
            int first = gzip ? (int) Math.min(need, FIRST_CHUNK + 8L * fileLength) : need;
            byte[] data = exact != null ? exact : new byte[first];
            int got = 0;
            while (got < need) {
                if (got == data.length) data = Arrays.copyOf(data, (int) Math.min(need, 2L * data.length));
                int r = read(data, got, Math.min(READ_STEP, data.length - got));
                got += r;
                progress.accept(got);
                if (r == 0) {
                    throw new IdxFormatException(file, "file ends after " + got / itemBytes + " of " + claimed + " "
                            + what + (gzip ? " (the gzip data holds " + (h.bytes() + got) + " bytes; the header promises "
                            + (h.bytes() + claimed * itemBytes) + "). The file is truncated or its header is wrong."
                            : " although its length promised more; was it changed while being read?"));
                }
            }
            if (gzip && n == claimed && readByte() >= 0) {
                throw new IdxFormatException(file, "has more data after its " + claimed + " " + what + "; the header's"
                        + " item count is wrong or this is not an IDX file.");
            }
            return data;
        }

        private void checkLength(Header h, long claimed, int itemBytes, long promised, String what) {
            if (fileLength < promised) {
                long whole = (fileLength - h.bytes()) / itemBytes;
                throw new IdxFormatException(file, "file ends after " + whole + " of " + claimed + " " + what
                        + " (" + fileLength + " bytes; the header promises " + promised + "). The file is truncated"
                        + " or its header is wrong.");
            }
            throw new IdxFormatException(file, "has " + (fileLength - promised) + " bytes after its " + claimed
                    + " " + what + " (" + fileLength + " bytes; the header promises " + promised + "). The"
                    + " header's item count is wrong or this is not an IDX file.");
        }

        /** Reads and discards up to {@code max} bytes; returns how many there were. */
        private long skipAll(long max) {
            byte[] scratch = new byte[1 << 16];
            long total = 0;
            while (total < max) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, max - total));
                if (r <= 0) break;
                total += r;
            }
            return total;
        }

        /** Reads until {@code len} bytes or the end; a gzip stream cut short counts as the end. */
        private int read(byte[] b, int off, int len) {
            int total = 0;
            try {
                while (total < len) {
                    int r = in.read(b, off + total, len - total);
                    if (r < 0) break;
                    total += r;
                }
            } catch (EOFException e) {
                // GZIPInputStream signals a truncated deflate stream this way: the data simply ends here.
            } catch (IOException e) {
                throw failure(file, e);
            }
            position += total;
            return total;
        }

        private int readByte() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        static IdxFormatException failure(Path file, IOException e) {
            if (e instanceof ZipException) {
                return new IdxFormatException(file, "starts like gzip (1f 8b) but its compressed data is corrupt ("
                        + e.getMessage() + "). Download the file again.", e);
            }
            return new IdxFormatException(file, "cannot be read: " + e, e);
        }

        private static void closeQuietly(InputStream s) {
            try {
                if (s != null) s.close();
            } catch (IOException ignored) {
                // already failing with a better message
            }
        }

        @Override
        public void close() {
            closeQuietly(in);
        }
    }
}
