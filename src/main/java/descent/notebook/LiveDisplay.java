package descent.notebook;

import java.util.Map;

/**
 * One notebook output that can be replaced in place: Jupyter's {@code display_data} with a {@code display_id},
 * then {@code update_display_data} for the same id. This is all {@link JupyterProgress} needs from a kernel, so any
 * kernel can host the live training chart by implementing these two calls.
 *
 * <pre>{@code
 * var shown = new ArrayList<String>();
 * descent.notebook.LiveDisplay out = new descent.notebook.LiveDisplay() {   // a recording fake, as the tests use
 *     public String display(Map<String, Object> b) { shown.add("display " + b.get("text/plain")); return "1"; }
 *     public void update(String id, Map<String, Object> b) { shown.add("update " + id + " " + b.get("text/plain")); }
 * };
 * var data = Datasets.spirals(100, 0.05, 2);
 * Trainer.of(Mlp.of(2, 8, 2).seed(1), data, Optimizers.sgd(0.1)).progress(new descent.notebook.JupyterProgress(out, 250)).fit(3);
 * shown   // [display epoch 1 · it 1/30 · loss ..., ..., update 1 Figure 'epoch 3/3 · it 30/30 · loss ...' with 6 traces (...)]
 * }</pre>
 *
 * <p>A bundle maps MIME types to content, as in Jupyter's message protocol: {@code "text/plain"} and
 * {@code "text/html"} map to strings; JSON types ({@code "application/json"}, {@code "application/vnd.*+json"}) may
 * map to a {@code Map}/{@code List} tree. The bundles {@link MimeBundle#of} makes for descent's types are what every
 * other output of the same value shows, so a live output ends exactly like an ordinary one.
 *
 * <p>Implementations: {@code JJavaDisplay} (JJava's {@code BaseKernel.display} and
 * {@code getIO().display.updateDisplay}); for IJava 1.3, {@code kernel.display(DisplayData)} and
 * {@code kernel.getIO().display.updateDisplay(id, DisplayData)} of jupyter-jvm-basekernel 2.3 are the same two calls.
 * Tests use a recording fake. Calls come from the thread that runs {@code fit}, in order; an implementation need not
 * be thread-safe.
 */
public interface LiveDisplay {

    /**
     * Shows {@code bundle} as a new output of the running cell and returns its display id, a string unique in this
     * kernel session (a random UUID is fine). Never null.
     */
    String display(Map<String, Object> bundle);

    /**
     * Replaces the content of the output {@code id} (returned by {@link #display}) with {@code bundle}, wherever that
     * output is shown; MIME types missing from the new bundle disappear from the output.
     */
    void update(String id, Map<String, Object> bundle);
}
