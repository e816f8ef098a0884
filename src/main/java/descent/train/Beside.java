package descent.train;

import descent.base.HelperThread;
import descent.tensor.Blas;

/**
 * Runs one task on descent's second core ({@link HelperThread}) while the caller goes on, for work whose result the
 * caller needs only later in the same step (the trainer's activation statistics, during the updates). When the helper
 * is busy, or descent uses one thread ({@link Blas#threads()}), the task runs on the caller's thread when the caller
 * asks for it. Either way the same code computes the same numbers.
 *
 * <pre>
 *   Beside.Task t = ...;   t.post();   ... other work ...;   t.await();   // t.run() has completed
 * </pre>
 */
final class Beside {
    private Beside() {
    }

    /** A task that can be posted again and again without allocating. */
    abstract static class Task implements Runnable {
        private boolean posted;     // waiting for await(): running beside, or left for the caller
        private boolean beside;     // holds the helper thread

        /** Starts run() on the helper thread if it is free, else leaves it for {@link #await()}; no-op if posted. */
        final void post() {
            if (posted) return;
            posted = true;
            beside = Blas.threads() > 1 && HelperThread.tryAcquire();
            if (beside) HelperThread.post(this);
        }

        /** Returns when run() has completed (running it here if it was not started beside), rethrowing its failure. */
        final void await() {
            if (!posted) return;
            posted = false;
            if (!beside) {
                run();
                return;
            }
            beside = false;
            try {
                HelperThread.await();
            } finally {
                HelperThread.release();
            }
        }
    }
}
