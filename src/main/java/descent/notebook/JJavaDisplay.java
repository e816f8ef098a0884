package descent.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.UUID;

/** {@link JupyterProgress.Display} in the running JJava kernel: display_data, then update_display_data. */
final class JJavaDisplay implements JupyterProgress.Display {

    @Override
    public String show(String html, String text) {
        String id = UUID.randomUUID().toString();
        DisplayData data = data(html, text);
        data.putTransientData("display_id", id);   // setDisplayId returns void in JJava 1.0a6, DisplayData in 1.0a8
        kernel().display(data);
        return id;
    }

    @Override
    public void update(String id, String html, String text) {
        kernel().getIO().display.updateDisplay(id, data(html, text));
    }

    private static DisplayData data(String html, String text) {
        DisplayData data = new DisplayData();
        data.putData(MIMEType.TEXT_PLAIN, text);
        data.putData(MIMEType.TEXT_HTML, html);
        return data;
    }

    private static BaseKernel kernel() {
        BaseKernel k = BaseKernel.notebookKernel();
        if (k == null) {
            throw new IllegalStateException("No running JJava kernel: JupyterProgress.jjava() works inside a notebook; "
                    + "in JShell use Progress.console().");
        }
        return k;
    }
}
