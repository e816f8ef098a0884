package descent.data;

/**
 * The one exception {@link Datasets#download} throws: the server could not be reached, answered with an error status,
 * or sent a file whose checksum is not the one expected (the partial file is deleted then). The message names the URL
 * and, for a checksum mismatch, both checksums.
 *
 * <pre>{@code
 * try {
 *     Datasets.download(URI.create("https://example.org/train-images-idx3-ubyte.gz"), "9f86d0...", dir);
 * } catch (DownloadException e) {
 *     e.getMessage()  // https://example.org/...: SHA-256 is 2c26b4... but expected 9f86d0...; deleted the partial file ...
 * }
 * }</pre>
 */
public final class DownloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
