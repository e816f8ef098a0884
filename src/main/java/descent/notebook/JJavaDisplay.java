package descent.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.Map;
import java.util.UUID;

/** {@link LiveDisplay} in the running JJava kernel: display_data with a display id, then update_display_data. */
final class JJavaDisplay implements LiveDisplay {

    @Override
    public String display(Map<String, Object> bundle) {
        String id = UUID.randomUUID().toString();
        DisplayData data = data(bundle);
        data.putTransientData("display_id", id);   // setDisplayId returns void in JJava 1.0a6, DisplayData in 1.0a8
        kernel().display(data);
        return id;
    }

    @Override
    public void update(String id, Map<String, Object> bundle) {
        kernel().getIO().display.updateDisplay(id, data(bundle));
    }

    private static DisplayData data(Map<String, Object> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        return data;
    }

    static BaseKernel kernel() {
        BaseKernel k;
        try {
            k = BaseKernel.notebookKernel();
        } catch (RuntimeException e) {
            k = null;   // JJava 1.0a6 throws when no kernel runs
        }
        if (k == null) {
            throw new IllegalStateException("No running JJava kernel: JupyterProgress.jjava() works inside a notebook; "
                    + "in JShell use Progress.console().");
        }
        return k;
    }
}
