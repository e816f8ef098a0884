package descent.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads one file over HTTP(S) with java.net.http, hashing it while it streams to {@code name.part}; only a file
 * whose checksum matches is moved to its final name, so a half-downloaded or altered file never looks like data.
 *
 * <pre>
 * if target exists and its checksum matches: done (no network)
 * GET url (following redirects) → stream to target.part, updating the digest
 * status ≠ 200, network error, or digest ≠ expected → delete target.part, throw DownloadException
 * else move target.part → target (atomically where the file system can)
 * </pre>
 * The checksum is SHA-256 (64 hex digits); MD5 (32 hex digits) is accepted for publishers that list only MD5, such as
 * the Fashion-MNIST README.
 */
final class Downloader {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;

    private Downloader() {
    }

    static Path fetch(URI url, String checksum, Path target) {
        String expected = normalize(checksum);
        String algorithm = expected.length() == 64 ? "SHA-256" : "MD5";
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            if (Files.isRegularFile(target) && expected.equals(digest(target, algorithm))) return target;
        } catch (IOException e) {
            throw new DownloadException(target + ": cannot prepare the download directory: " + e, e);
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            HttpURLConnection connection = open(url, 0);
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) > 0; ) {
                    md.update(buf, 0, r);
                    out.write(buf, 0, r);
                }
            } finally {
                connection.disconnect();
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equals(expected)) {
                Files.deleteIfExists(part);
                throw new DownloadException(url + ": " + algorithm + " is " + actual + " but expected " + expected
                        + "; deleted the partial file " + part + ". The download was corrupted or the file on the server"
                        + " changed; try again, and check the checksum you passed.");
            }
            try {
                return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicNotSupported) {
                return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new DownloadException(url + ": download failed (" + e + "); deleted the partial file " + part
                    + ". Check the network connection and the URL.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks " + algorithm + ", which every Java platform must provide", e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /**
     * Connects and follows up to {@link #MAX_REDIRECTS} redirects, also from http to https (which
     * HttpURLConnection alone will not). java.net.http.HttpClient is avoided on purpose: its selector thread outlives
     * the call, and JShell's local execution (used by notebook kernels) waits for every thread a snippet started.
     */
    private static HttpURLConnection open(URI url, int redirects) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout((int) TIMEOUT.toMillis());
        c.setReadTimeout((int) TIMEOUT.toMillis());
        c.setInstanceFollowRedirects(false);
        int status = c.getResponseCode();
        if (status >= 300 && status < 400 && c.getHeaderField("Location") != null) {
            c.disconnect();
            if (redirects >= MAX_REDIRECTS) {
                throw new DownloadException(url + ": more than " + MAX_REDIRECTS + " redirects; check the URL.");
            }
            return open(url.resolve(c.getHeaderField("Location")), redirects + 1);
        }
        if (status != 200) {
            c.disconnect();
            throw new DownloadException(url + ": the server answered HTTP " + status
                    + "; expected 200. Check the URL, or get the file another way and put it in the data folder.");
        }
        return c;
    }

    /** Lower-case hex, checked to be a SHA-256 (64 digits) or MD5 (32 digits). */
    static String normalize(String checksum) {
        String c = checksum == null ? "" : checksum.strip().toLowerCase(Locale.ROOT);
        if (!c.matches("[0-9a-f]{64}|[0-9a-f]{32}")) {
            throw new IllegalArgumentException("Invalid checksum: '" + checksum + "'; expected a SHA-256 as 64 hex"
                    + " digits (sha256sum FILE prints it), or an MD5 as 32 hex digits.");
        }
        return c;
    }

    static String digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks " + algorithm, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original failure is the one to report
        }
    }
}
