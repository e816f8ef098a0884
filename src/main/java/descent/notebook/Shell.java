package descent.notebook;

import jdk.jshell.tool.JavaShellToolBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Interactive {@code ./descent shell}: JShell with descent's feedback mode, in which no value is cut short (JShell's
 * {@code normal} mode cuts a declaration's value after 80 characters and an expression's after 1000, so a table ends
 * in the middle of a row), and with {@link ShellAgent} showing tables with readable numbers.
 *
 * <pre>{@code
 * descent.notebook.Shell.FEEDBACK_MODE   // the JShell commands that define the "descent" feedback mode
 * }</pre>
 *
 * <pre>
 *  java -cp CLASSPATH descent.notebook.Shell PREFS-FILE [jshell options]     (what ./descent shell runs)
 *  1. a silent JShell defines the mode and retains it into a map, not into the user's Java preferences
 *     (a start-up script cannot: JShell runs start-up scripts and load files before its built-in modes exist)
 *  2. the interactive JShell starts from that map with --feedback descent
 *  3. the map (history, retained settings) is saved to PREFS-FILE for the next session
 * </pre>
 * Switch back inside the shell with {@code /set feedback normal}.
 */
public final class Shell {
    /** The "descent" mode: JShell's normal mode with nothing truncated and a descent prompt. */
    public static final String FEEDBACK_MODE = """
            /set mode descent normal -command
            /set truncation descent 2000000
            /set prompt descent "descent> " "   ...> "
            /set mode descent -retain
            """;

    private Shell() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java descent.notebook.Shell PREFS-FILE [jshell options]");
            System.exit(2);
        }
        Path prefsFile = Path.of(args[0]);
        Map<String, String> prefs = load(prefsFile);
        defineMode(prefs);
        String[] jshellArgs = new String[args.length + 1];
        System.arraycopy(args, 1, jshellArgs, 0, args.length - 1);
        jshellArgs[args.length - 1] = "--feedback";
        jshellArgs[args.length] = "descent";
        int status;
        try {
            status = JavaShellToolBuilder.builder().persistence(prefs).start(jshellArgs);
        } finally {
            save(prefs, prefsFile);
        }
        System.exit(status);
    }

    /** Runs a silent JShell that defines the mode and retains it into {@code prefs}. */
    static void defineMode(Map<String, String> prefs) throws Exception {
        InputStream commands = new ByteArrayInputStream((FEEDBACK_MODE + "/exit\n").getBytes(StandardCharsets.UTF_8));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        JavaShellToolBuilder.builder().persistence(prefs).in(commands, null).out(quiet).err(quiet)
                .interactiveTerminal(false).start("--execution", "local", "--no-startup", "-q");
    }

    private static Map<String, String> load(Path file) {
        Map<String, String> m = new HashMap<>();
        if (!Files.isRegularFile(file)) return m;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("descent shell: ignoring unreadable " + file + " (" + e.getMessage() + ")");
            return m;
        }
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static void save(Map<String, String> prefs, Path file) {
        Properties p = new Properties();
        p.putAll(prefs);
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "JShell settings and history of ./descent shell");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("descent shell: could not save history to " + file + ": " + e.getMessage());
        }
    }
}
