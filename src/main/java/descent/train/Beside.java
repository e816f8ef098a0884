package descent.train;

import descent.tensor.Blas;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one task on a second thread while the caller goes on, for work whose result the caller needs only later in the
 * same step (the trainer's activation statistics, during the updates). One shared daemon thread; when it is busy with
 * another trainer's task, or descent uses one thread ({@link Blas#threads()}), the task runs on the caller's thread
 * when the caller asks for it. Either way the same code computes the same numbers.
 *
 * <pre>
 *   Beside.Task t = ...;   t.post();   ... other work ...;   t.await();   // t.run() has completed
 * </pre>
 */
final class Beside {
    private static final long SPIN_NANOS = 20_000;
    private static final ReentrantLock BUSY = new ReentrantLock();
    private static volatile Task current;
    private static Thread thread;

    private Beside() {
    }

    /** A task that can be posted again and again without allocating. */
    abstract static class Task {
        private volatile boolean posted;     // waiting for the caller or running beside it
        private volatile boolean done;
        private volatile Thread waiter;
        private boolean beside;
        private RuntimeException failure;

        abstract void run();

        /** Starts run() on the second thread if it is free, else leaves it for {@link #await()}; no-op if posted. */
        final void post() {
            if (posted) return;
            done = false;
            failure = null;
            posted = true;
            beside = Blas.threads() > 1 && BUSY.tryLock();
            if (beside) {
                waiter = Thread.currentThread();
                current = this;
                LockSupport.unpark(helper());
            }
        }

        /** Returns when run() has completed (running it here if it was not started beside). */
        final void await() {
            if (!posted) return;
            if (!beside) {
                posted = false;
                run();
                return;
            }
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            posted = false;
            beside = false;
            BUSY.unlock();
            if (failure != null) throw failure;
        }
    }

    private static synchronized Thread helper() {
        if (thread == null) {
            thread = new Thread(Beside::loop, "descent-beside");
            thread.setDaemon(true);
            thread.start();
        }
        return thread;
    }

    private static void loop() {
        while (true) {
            Task t;
            while ((t = current) == null) LockSupport.park(Beside.class);
            current = null;
            try {
                t.run();
            } catch (RuntimeException e) {
                t.failure = e;
            }
            t.done = true;
            LockSupport.unpark(t.waiter);
        }
    }
}
