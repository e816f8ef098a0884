package descent.notebook;

import descent.train.Progress;
import descent.train.ProgressProvider;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Makes {@link Progress#live()} a {@link JupyterProgress} chart inside a JJava notebook. Listed in
 * {@code META-INF/services/descent.train.ProgressProvider}; see {@link ProgressProvider}.
 *
 * <pre>{@code
 * new descent.notebook.JJavaProgressProvider().active()   // true in a JJava notebook, false in JShell (JJava's classes are absent)
 * }</pre>
 */
public final class JJavaProgressProvider implements ProgressProvider {

    /** True while a JJava kernel runs this code (its {@code BaseKernel.notebookKernel()} is set). */
    @Override
    public boolean active() {
        try {
            return BaseKernel.notebookKernel() != null;
        } catch (LinkageError e) {
            return false;   // JJava is not on the class path: plain JShell, a test, another kernel
        } catch (RuntimeException e) {
            return false;   // JJava 1.0a6 throws "No kernel running" instead of returning null
        }
    }

    @Override
    public Progress create() {
        return JupyterProgress.jjava();
    }

    @Override
    public String toString() {
        return "JJavaProgressProvider(active=" + active() + ")";
    }
}
