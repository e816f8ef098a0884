package descent.notebook;

import descent.plot.Html;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The side of interactive {@code ./descent shell} that runs your code: JShell's own agent, except that a value that
 * is a Tablesaw {@link Table}, a figure or an {@link Html} shows as it does in a notebook's text view, so a table has
 * readable numbers (4 significant digits) instead of Tablesaw's seventeen.
 *
 * <pre>{@code
 * var path = Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30);
 * // what ./descent shell shows for path.toTable():
 * // SGD(lr=0.95): 31 rows x 6 columns
 * // step      x0      x1       f  gradNorm    lr
 * //    0      -7       2    6.45     4.061  0.95
 * descent.notebook.ShellAgent.text(path.toTable())
 * }</pre>
 *
 * {@code ./descent shell} starts JShell with {@code --execution "jdi:remoteAgent(descent.notebook.ShellAgent)"}, and
 * JShell calls the agent's {@code main(port)} in the JVM it starts for the code; every other value prints as JShell
 * prints it ({@code toString}, strings quoted).
 */
public final class ShellAgent extends RemoteExecutionControl {

    /** What JShell's remote agent does, with this class in its place. */
    public static void main(String[] args) throws Exception {
        Socket socket = new Socket((String) null, Integer.parseInt(args[0]));
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true)));
        Map<String, Consumer<InputStream>> input = new HashMap<>();
        input.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new ShellAgent(), in, out, outputs, input);
    }

    /**
     * Runs the snippet as JShell does, then, if the snippet's one variable (an expression's {@code $3} or a
     * declaration's {@code t}) holds a table, figure or Html, returns descent's text for it instead.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        String shown = super.invoke(doit);
        Object value = snippetValue(doit.getDeclaringClass());
        return value == null ? shown : text(value);
    }

    /** descent's text for a table, figure or Html; null for anything else. */
    public static String text(Object value) {
        if (value instanceof Table || value instanceof Figure || value instanceof Html) {
            String s = MimeBundle.text(value);
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        }
        return null;
    }

    /** The value of the wrapper class's only static variable, if it is one descent renders. */
    private static Object snippetValue(Class<?> wrapper) {
        Object found = null;
        for (Field f : wrapper.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
            if (found != null) return null;
            try {
                f.setAccessible(true);
                found = f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
            if (found == null) return null;
        }
        return text(found) == null ? null : found;
    }
}
