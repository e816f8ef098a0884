package descent.data;

/**
 * What {@link Datasets#download} throws when the download itself fails: the server could not be reached, answered
 * with an error status, or sent a file whose checksum is not the one expected (the partial file is deleted then).
 * The message names the URL and, for a checksum mismatch, both checksums. (A malformed checksum argument is an
 * {@link IllegalArgumentException} before anything is fetched.)
 *
 * <pre>{@code
 * try {
 *     Datasets.download(URI.create("https://example.org/no-such-file.gz"), "0".repeat(64), Path.of("data"));
 * } catch (DownloadException e) {
 *     e.getMessage()  // https://example.org/no-such-file.gz: the server answered HTTP 404; expected 200. ...
 * }
 * }</pre>
 * A checksum mismatch reads {@code <url>: SHA-256 is 2c26b4... but expected 9f86d0...; deleted the partial file ...}.
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
