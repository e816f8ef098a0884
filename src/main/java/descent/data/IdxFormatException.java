package descent.data;

import java.nio.file.Path;

/**
 * The one exception the IDX loader throws for a file it cannot read as MNIST-format data: a wrong magic number, an
 * absurd or inconsistent header, a file that ends early, corrupt gzip data, or a read error. The message names the
 * file, the problem and, where it helps, what to do.
 *
 * <pre>{@code
 * var labels = Datasets.fashionMnistDir().resolve("t10k-labels-idx1-ubyte.gz");
 * try {
 *     Idx.images(labels);                   // a label file where images are expected
 * } catch (IdxFormatException e) {
 *     System.out.println(e.getMessage());   // .../t10k-labels-idx1-ubyte.gz: magic number 0x00000801 marks an IDX label
 * }                                         // file; expected images (0x00000803). Did you swap the images and labels files?
 * }</pre>
 *
 * Unchecked (an {@link IllegalArgumentException}: the argument, a file, is not what the method needs) so that REPL
 * code does not need try/catch.
 */
public final class IdxFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public IdxFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
