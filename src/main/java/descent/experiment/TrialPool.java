package descent.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent tasks 0..n−1 on a fixed pool of threads and returns their results in task order. Each task must
 * depend only on its index (its own seeds, its own model), so the results are the same whatever the thread timing.
 */
final class TrialPool {
    private TrialPool() {
    }

    /** The number of threads to use by default: every core the JVM sees. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    static <T> List<T> map(int n, int threads, IntFunction<T> task) {
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid number of threads: " + threads + "; expected at least 1, such as "
                    + defaultThreads() + " (the cores available).");
        }
        if (threads == 1 || n <= 1) {
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(task.apply(i));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "descent-trial");
            t.setDaemon(true); // a notebook kernel must not hang on a forgotten pool
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> out = new ArrayList<>(n);
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the trials to finish.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A well-mixed seed for trial {@code index} of a run seeded with {@code seed} (SplitMix64's finalizer). */
    static long trialSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
