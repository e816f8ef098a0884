package descent.train;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Where {@link Progress#live()} finds a display that suits the environment it runs in. descent's notebook
 * integration provides one for the JJava kernel (a live loss chart); in JShell, a terminal or a test none is active,
 * and {@code live()} is the console bar.
 *
 * <pre>{@code
 * ProgressProvider.installed();  // [JJavaProgressProvider(active=false)] in JShell: live() is the console bar
 * Progress.live()                // ConsoleProgress(every 100 ms) here; a JupyterProgress chart inside a JJava notebook
 * }</pre>
 *
 * <pre>
 *  Progress.live():  for each provider listed in META-INF/services/descent.train.ProgressProvider, in class-path order:
 *                        if provider.active(): return provider.create()
 *                    return Progress.console()
 * </pre>
 * Nothing is registered at run time and no global switch is set: a provider answers {@link #active()} by looking at
 * the environment itself (is a JJava kernel running?), so the answer is the same from every thread and after any
 * sequence of calls. To add a display for another front end, implement this interface in a public class with a
 * public no-argument constructor and list it in that file (the {@link ServiceLoader} convention). Providers whose
 * classes cannot load (e.g. a kernel's API missing from the class path) are skipped.
 */
public interface ProgressProvider {

    /** True when this provider's environment is the one running now, e.g. code executing inside a JJava kernel. */
    boolean active();

    /** A new progress display for one run of {@code fit}. */
    Progress create();

    /** The providers on descent's class path, in the order {@link ServiceLoader} finds them. */
    static List<ProgressProvider> installed() {
        List<ProgressProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(ProgressProvider.class, ProgressProvider.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // a provider for a kernel that is not on this class path: not this environment
            }
        }
        return found;
    }
}
