package descent.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs independent, seeded experiments on all cores; results come back in index order, so threads cannot change them. */
final class Runs {
    private Runs() {
    }

    static <T> List<T> parallel(int n, IntFunction<T> run) {
        int threads = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            List<T> r = new ArrayList<>();
            for (int i = 0; i < n; i++) r.add(run.apply(i));
            return r;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "descent-experiment");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> run.apply(k)));
            }
            List<T> r = new ArrayList<>();
            for (Future<T> f : futures) r.add(f.get());
            return r;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running experiments", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code DESCENT_QUICK=1} (or any value but 0/false) asks notebooks for the small setting. */
    static boolean quick() {
        String q = System.getenv("DESCENT_QUICK");
        return q != null && !q.isBlank() && !q.equals("0") && !q.equalsIgnoreCase("false");
    }
}
