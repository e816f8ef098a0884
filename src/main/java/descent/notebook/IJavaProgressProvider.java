package descent.notebook;

import descent.train.Progress;
import descent.train.ProgressProvider;

/**
 * Makes {@link Progress#live()} a {@link JupyterProgress} chart inside an IJava 1.3 notebook, through IJava's
 * display and update-display. Listed in {@code META-INF/services/descent.train.ProgressProvider}; see
 * {@link ProgressProvider}.
 *
 * <pre>{@code
 * new descent.notebook.IJavaProgressProvider().active()   // true in an IJava notebook with descent on its class path, false in JShell
 * }</pre>
 */
public final class IJavaProgressProvider implements ProgressProvider {

    /** True while an IJava kernel runs this code ({@code io.github.spencerpark.ijava.IJava.getKernelInstance()} is set). */
    @Override
    public boolean active() {
        return IJava.runningKernel() != null;
    }

    @Override
    public Progress create() {
        return new JupyterProgress(IJava.liveDisplay(), JupyterProgress.DEFAULT_INTERVAL_MS);
    }

    @Override
    public String toString() {
        return "IJavaProgressProvider(active=" + active() + ")";
    }
}
