package descent.base;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second core: who may hold it, what runs where, and what a failing task leaves behind. */
class HelperThreadTest {

    @Test
    void aPostedTaskRunsOnTheHelperAndItsWritesAreSeenAfterAwait() {
        assertTrue(HelperThread.tryAcquire(), "nobody else holds the helper in this test");
        long[] out = new long[2];
        Thread[] ran = new Thread[1];
        try {
            HelperThread.post(() -> {
                ran[0] = Thread.currentThread();
                long s = 0;
                for (int i = 1; i <= 1000; i++) s += i;
                out[1] = s;
            });
            out[0] = 42;
            HelperThread.await();
        } finally {
            HelperThread.release();
        }
        assertNotEquals(Thread.currentThread(), ran[0], "the task ran on another thread");
        assertEquals("descent-helper", ran[0].getName());
        assertEquals(500500, out[1], "the task's result is visible after await()");
    }

    @Test
    void theHolderAndTheHelperItselfCannotAcquireItAgain() throws Exception {
        assertTrue(HelperThread.tryAcquire());
        boolean[] insideTask = new boolean[1];
        try {
            assertFalse(HelperThread.tryAcquire(), "the holder's nested work stays on its own thread");
            boolean other = CompletableFuture.supplyAsync(HelperThread::tryAcquire).get(10, TimeUnit.SECONDS);
            assertFalse(other, "another thread cannot take it while it is held");
            HelperThread.post(() -> insideTask[0] = HelperThread.tryAcquire());
            HelperThread.await();
        } finally {
            HelperThread.release();
        }
        assertFalse(insideTask[0], "a task on the helper cannot post to itself");
        assertTrue(CompletableFuture.supplyAsync(() -> {
            boolean got = HelperThread.tryAcquire();
            if (got) HelperThread.release();
            return got;
        }).get(10, TimeUnit.SECONDS), "after release another thread can take it");
    }

    @Test
    void aFailureIsRethrownInTheCallerAndTheHelperGoesOn() {
        assertTrue(HelperThread.tryAcquire());
        try {
            HelperThread.post(() -> {
                throw new IllegalStateException("task failed");
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, HelperThread::await);
            assertEquals("task failed", e.getMessage());
            HelperThread.post(() -> {
                throw new AssertionError("an Error too");
            });
            assertEquals("an Error too", assertThrows(AssertionError.class, HelperThread::await).getMessage());
            AtomicReference<String> after = new AtomicReference<>();
            HelperThread.post(() -> after.set("ran"));
            HelperThread.await();
            assertEquals("ran", after.get(), "the helper takes work after failures");
        } finally {
            HelperThread.release();
        }
    }

    @Test
    void misuseIsNamedWithTheCallThatWasMissing() throws Exception {
        IllegalStateException notHeld = assertThrows(IllegalStateException.class, () -> HelperThread.post(() -> { }));
        assertTrue(notHeld.getMessage().contains("tryAcquire()"), notHeld.getMessage());
        assertTrue(HelperThread.tryAcquire());
        CountDownLatch go = new CountDownLatch(1);
        try {
            HelperThread.post(() -> {
                try {
                    go.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> HelperThread.post(() -> { }));
            assertTrue(twice.getMessage().contains("await()"), twice.getMessage());
            IllegalStateException early = assertThrows(IllegalStateException.class, HelperThread::release);
            assertTrue(early.getMessage().contains("await()"), early.getMessage());
            go.countDown();
            HelperThread.await();
        } finally {
            go.countDown();
            HelperThread.release();
        }
        assertThrows(IllegalArgumentException.class, () -> {
            assertTrue(HelperThread.tryAcquire());
            try {
                HelperThread.post(null);
            } finally {
                HelperThread.release();
            }
        });
    }
}
