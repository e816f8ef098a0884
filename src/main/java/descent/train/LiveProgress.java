package descent.train;

import java.util.function.Supplier;

/** Holds the factory behind {@link Progress#live()} (an interface cannot hold a mutable field). */
final class LiveProgress {
    static volatile Supplier<Progress> factory = Progress::console;

    private LiveProgress() {
    }
}
