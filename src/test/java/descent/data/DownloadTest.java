package descent.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Downloads from a local HTTP server on 127.0.0.1: the real java.net.http code path, never the network. */
class DownloadTest {
    /** SHA-256 and MD5 of "abc" (FIPS 180-2 and RFC 1321 test vectors). */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String ABC_MD5 = "900150983cd24fb0d6963f7d28e17f72";

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void downloadsAndVerifiesSha256() throws IOException {
        files.put("/d/abc.txt", "abc".getBytes(StandardCharsets.US_ASCII));
        Path got = Datasets.download(url("/d/abc.txt"), ABC_SHA256.toUpperCase(), dir);
        assertEquals(dir.resolve("abc.txt"), got);
        assertEquals("abc", Files.readString(got));
        assertFalse(Files.exists(dir.resolve("abc.txt.part")));
        // already there with the right checksum: no second request
        int before = requests.get();
        Datasets.download(url("/d/abc.txt"), ABC_SHA256, dir);
        assertEquals(before, requests.get());
        // MD5 is accepted for publishers that only list MD5
        Files.delete(got);
        assertEquals("abc", Files.readString(Datasets.download(url("/d/abc.txt"), ABC_MD5, dir)));
    }

    @Test
    void checksumMismatchDeletesThePartialFile() {
        files.put("/d/abc.txt", "abd".getBytes(StandardCharsets.US_ASCII));
        DownloadException e = assertThrows(DownloadException.class,
                () -> Datasets.download(url("/d/abc.txt"), ABC_SHA256, dir));
        assertTrue(e.getMessage().contains("expected " + ABC_SHA256), e.getMessage());
        assertTrue(e.getMessage().contains("deleted the partial file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("abc.txt")));
        assertFalse(Files.exists(dir.resolve("abc.txt.part")));
    }

    @Test
    void httpErrorsAndBadChecksumsAreNamed() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> Datasets.download(url("/missing.gz"), ABC_SHA256, dir));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("/missing.gz"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing.gz.part")));
        var bad = assertThrows(IllegalArgumentException.class, () -> Datasets.download(url("/x.gz"), "abc123", dir));
        assertTrue(bad.getMessage().contains("expected a SHA-256 as 64 hex digits"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.download(url("/"), ABC_SHA256, dir));
    }

    @Test
    void downloadIdxFetchesTheFourFilesReadyToLoad() throws Exception {
        Path source = DataSearchTest.fakeSet(dir.resolve("source"), true, 7);
        Map<String, String> sums = new java.util.HashMap<>();
        for (String f : Datasets.IDX_FILES) {
            byte[] b = Files.readAllBytes(source.resolve(f + ".gz"));
            files.put("/fashion/" + f + ".gz", b);
            sums.put(f + ".gz", sha256(b));
        }
        Path target = Datasets.downloadIdx(url("/fashion"), sums, dir.resolve("data/fashion-mnist"));
        TrainTest t = Datasets.fashionMnist(target);
        assertEquals(7, t.train().label(0));
        sums.remove("t10k-labels-idx1-ubyte.gz");
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.downloadIdx(url("/fashion"), sums, dir));
        assertTrue(e.getMessage().contains("No checksum for t10k-labels-idx1-ubyte.gz"), e.getMessage());
    }
}
