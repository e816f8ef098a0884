package descent.data;

/**
 * What {@link Datasets#download} throws when the download itself fails: the server could not be reached, answered
 * with an error status, or sent a file whose checksum is not the one expected (the partial file is deleted then).
 * The message names the URL and, for a checksum mismatch, both checksums. (A malformed checksum argument is an
 * {@link IllegalArgumentException} before anything is fetched.)
 *
 * <pre>{@code
 * var dir = java.nio.file.Files.createTempDirectory("data");
 * try {
 *     Datasets.download(URI.create("http://localhost:9/no-such-file.gz"), "0".repeat(64), dir);   // nothing listens there
 * } catch (DownloadException e) {
 *     System.out.println(e.getMessage());   // http://localhost:9/no-such-file.gz: download failed (java.net.ConnectException);
 * }                                         // deleted the partial file /tmp/data.../no-such-file.gz.part. Check the network ...
 * }</pre>
 * A server's error reads {@code <url>: the server answered HTTP 404; expected 200. ...}.
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
