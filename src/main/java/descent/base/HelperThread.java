package descent.base;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * descent's second core: one daemon thread that runs one task at a time while its caller goes on. Matrix products
 * hand it half their rows, a dense layer's backward pass its weight gradient, the trainer its activation statistics.
 * A caller acquires it, posts a task, does its own part, awaits the task and releases it. A caller that cannot
 * acquire it (another thread holds it, or the caller already holds it, or is the helper itself) does the whole work
 * on its own thread: the same code computes the same numbers either way, so results never depend on who ran what.
 *
 * <pre>{@code
 * double[] half = new double[2];
 * if (HelperThread.tryAcquire()) {
 *     try {
 *         HelperThread.post(() -> half[1] = 3 * 3);   // on the helper thread
 *         half[0] = 2 * 2;                             // meanwhile, here
 *         HelperThread.await();                        // rethrows the task's failure, if any
 *     } finally {
 *         HelperThread.release();
 *     }
 * }
 * }</pre>
 *
 * <pre>
 *  waiting : after a task the helper spins for 50 µs, so the next product of a training step starts at once, then
 *            parks; a waiting caller spins for as long and then parks too
 *  failure : anything the task throws is kept and rethrown by await(), in the caller's thread; the helper goes on
 *  memory  : what the caller wrote before post() is visible to the task, and what the task wrote to the caller after
 *            await() (both through a volatile write and read)
 * </pre>
 */
public final class HelperThread {
    private static final long SPIN_NANOS = 50_000;
    private static final ReentrantLock HELD = new ReentrantLock();
    private static volatile Runnable task;          // posted and not yet taken
    private static volatile boolean done = true;
    private static volatile Thread waiter;
    private static Throwable failure;               // written by the helper before done, read by the caller after
    private static Thread thread;

    private HelperThread() {
    }

    /**
     * Reserves the helper for the calling thread. False when another thread holds it, when this thread holds it
     * already (work nested inside a posted task's caller stays on the caller), or when called on the helper itself.
     */
    public static boolean tryAcquire() {
        Thread me = Thread.currentThread();
        if (me == thread || HELD.isHeldByCurrentThread()) return false;
        return HELD.tryLock();
    }

    /** Gives the helper back; every posted task must have been awaited. */
    public static void release() {
        if (!done) throw new IllegalStateException("HelperThread.release() with a task still running: await() it first.");
        HELD.unlock();
    }

    /** Starts {@code work} on the helper thread; the caller must hold it and have awaited any earlier task. */
    public static void post(Runnable work) {
        Check.notNull("work", work);
        if (!HELD.isHeldByCurrentThread()) {
            throw new IllegalStateException("HelperThread.post() without holding the helper: call tryAcquire() first.");
        }
        if (!done) throw new IllegalStateException("HelperThread.post() while a task still runs: await() it first.");
        failure = null;
        waiter = Thread.currentThread();
        done = false;
        task = work;                                // publishes the fields above and everything the caller wrote
        LockSupport.unpark(helper());
    }

    /** Returns when the posted task has finished, rethrowing what it threw; returns at once if none is running. */
    public static void await() {
        long start = System.nanoTime();
        while (!done) {
            if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
            else LockSupport.park(HelperThread.class);
        }
        Throwable f = failure;
        failure = null;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    private static synchronized Thread helper() {
        if (thread == null) {
            thread = new Thread(HelperThread::loop, "descent-helper");
            thread.setDaemon(true);
            thread.start();
        }
        return thread;
    }

    private static void loop() {
        while (true) {
            Runnable work;
            long start = System.nanoTime();
            while ((work = task) == null) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.park(HelperThread.class);
            }
            task = null;
            try {
                work.run();
            } catch (Throwable e) {
                failure = e;
            }
            done = true;
            LockSupport.unpark(waiter);
        }
    }
}
