package descent.train;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training gives the same bits with one thread or two: a short run of the benchmark's network (SGD and Adam) in two
 * fresh JVMs, {@code -Ddescent.threads=1} and {@code 2}, with OpenBLAS on one thread as {@code ./descent} runs it.
 */
class ThreadCountTest {

    private static String fingerprint(int threads) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Ddescent.threads=" + threads, "-cp",
                System.getProperty("java.class.path"), ThreadCountFingerprint.class.getName(), "12");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish: " + out);
        assertEquals(0, p.exitValue(), "the child JVM failed:\n" + out);
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void oneThreadAndTwoTrainBitForBitAlike() throws Exception {
        String one = fingerprint(1), two = fingerprint(2);
        assertEquals(64, one.length(), "a SHA-256 in hex: " + one);
        assertEquals(one, two, "losses and weights after 12 SGD and 12 Adam steps with descent.threads=1 vs 2");
        if ("1".equals(System.getenv("OPENBLAS_NUM_THREADS"))) {   // as the build's surefire configuration sets it
            assertEquals(one, ThreadCountFingerprint.fingerprint(12), "and the same in this JVM, descent.threads=" + descent.tensor.Blas.threads());
        }
    }
}
