package descent.base;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParallelTest {

    @Test
    void resultsComeBackInIndexOrder() {
        List<Integer> expected = IntStream.range(0, 50).map(i -> i * i).boxed().toList();
        for (int threads : new int[]{1, 2, 7, 64}) {
            assertEquals(expected, Parallel.map(50, threads, i -> {
                if (i % 3 == 0) Thread.yield();
                return i * i;
            }), threads + " threads");
        }
        assertEquals(List.of(), Parallel.map(0, 4, i -> i));
        assertEquals(List.of("A", "B", "C"), Parallel.map(List.of("a", "b", "c"), String::toUpperCase));
    }

    @Test
    void theLowestFailingTaskIsRethrownAndNamed() {
        for (int threads : new int[]{1, 3}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Parallel.map(10, threads, i -> {
                if (i == 4 || i == 7) throw new IllegalArgumentException("bad item " + i);
                return i;
            }));
            assertEquals("bad item 4", e.getMessage(), "the original exception, untouched");
            assertEquals(1, e.getSuppressed().length);
            assertEquals("task 4 of 10 failed (Parallel.map)", e.getSuppressed()[0].getMessage());
        }
        var err = new AssertionError("boom");
        assertSame(err, assertThrows(AssertionError.class, () -> Parallel.map(3, 2, i -> {
            if (i == 2) throw err;
            return i;
        })));
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Parallel.map(3, 0, i -> i));
        assertEquals("Invalid number of threads: 0; expected a whole number >= 1; such as "
                + Parallel.defaultThreads() + " (the cores available).", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.map(-1, 2, i -> i));
    }
}
