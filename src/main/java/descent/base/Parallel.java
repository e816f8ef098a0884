package descent.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Runs independent tasks 0..n−1 on a bounded pool of threads and returns their results in task order.
 *
 * <pre>{@code
 * List<Integer> squares = Parallel.map(4, i -> i * i);             // [0, 1, 4, 9]
 * Parallel.map(List.of(1L, 2L, 3L), seed -> new Random(seed).nextInt(100))  // one result per item, in order
 * }</pre>
 *
 * <pre>
 *  order      : result i is task i's, whatever the thread timing; each task must depend only on its index
 *               (its own seed, its own model), so the results are the same on 1 core or 64
 *  threads    : min(n, threads), default every core the JVM sees; 1 thread runs the tasks in the caller's thread
 *  failure    : the failing task with the lowest index is rethrown as it was thrown (same type and message), with a
 *               suppressed exception naming the task ("task 3 of 8 failed"); the other tasks are cancelled
 *  threads    : daemon threads, so a notebook kernel never hangs on a forgotten pool
 * </pre>
 */
public final class Parallel {
    private Parallel() {
    }

    /** Every core the JVM sees. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code task(0) .. task(n-1)} on {@link #defaultThreads()} threads, results in index order. */
    public static <T> List<T> map(int n, IntFunction<T> task) {
        return map(n, defaultThreads(), task);
    }

    /** One result per item, in the list's order. */
    public static <A, T> List<T> map(List<A> items, Function<? super A, T> task) {
        Check.notNull("items", items);
        return map(items.size(), defaultThreads(), i -> task.apply(items.get(i)));
    }

    /** {@code task(0) .. task(n-1)} on at most {@code threads} threads, results in index order. */
    public static <T> List<T> map(int n, int threads, IntFunction<T> task) {
        Check.nonNegative("number of tasks", n);
        Check.atLeast("number of threads", threads, 1, "such as " + defaultThreads() + " (the cores available)");
        Check.notNull("task", task);
        List<T> out = new ArrayList<>(n);
        if (threads == 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                try {
                    out.add(task.apply(i));
                } catch (RuntimeException | Error e) {
                    throw named(e, i, n);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "descent-parallel");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (int i = 0; i < n; i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException || cause instanceof Error) throw named(cause, i, n);
                    throw new IllegalStateException("Task " + i + " of " + n + " failed: " + cause, cause);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + n + " parallel tasks to finish.", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds the task's name to {@code e}; throws it if it is an Error, else returns it for the caller to throw. */
    private static RuntimeException named(Throwable e, int index, int n) {
        e.addSuppressed(new TaskFailed("task " + index + " of " + n + " failed (Parallel.map)"));
        if (e instanceof Error err) throw err;
        return (RuntimeException) e;
    }

    /** Marks which task a rethrown exception came from; carries no stack trace of its own. */
    static final class TaskFailed extends RuntimeException {
        TaskFailed(String message) {
            super(message, null, false, false);
        }
    }
}
