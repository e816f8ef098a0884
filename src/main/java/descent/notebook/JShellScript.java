package descent.notebook;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs JShell scripts non-interactively, as {@code jshell FILE} does, but stops at the first error with a non-zero
 * exit status and the file and line; this is what {@code ./descent shell FILE.jsh} runs. Plain {@code jshell FILE}
 * carries on after a failed snippet and exits 0, which hides mistakes in scripts and in CI.
 *
 * <pre>{@code
 * // from a terminal:  ./descent shell tour.jsh
 * // or in Java:
 * import java.nio.file.*;
 * import descent.notebook.JShellScript;
 * var tour = Files.writeString(Files.createTempFile("tour", ".jsh"), "var f = Functions.dlfsBowl();\nf.value(Vec.of(-7, 2))\n/vars\n/exit\n");
 * int status = JShellScript.run(List.of(tour));   // prints $1 ==> 6.45 and |    DlfsBowl f = ...; status 0
 * }</pre>
 *
 * Each script starts with JShell's default imports and descent's start-up imports. Expression values print as
 * JShell prints them ({@code $3 ==> SGD(lr=0.95)}), except that a table, figure or {@code Html} shows as in
 * interactive {@code ./descent shell} ({@link ShellAgent}): a table with readable numbers, 4 significant digits. These JShell commands work in scripts, on a line of their own:
 * <pre>
 *  /exit [N]       end here with status N (0 by default); N may be an int expression
 *  /open FILE      run another script; FILE is relative to the script that opens it (or to the working directory)
 *  /vars /imports /methods /types /list [-all]    print what JShell prints for them
 *  /set ...        accepted and ignored (values print as JShell's normal feedback)
 * </pre>
 * Any other command (/edit, /reset, /save, ...) is interactive only and stops the script with an error.
 */
public final class JShellScript {
    /** What {@code jshell --startup DEFAULT} imports, so scripts behave as they do interactively. */
    static final String DEFAULT_IMPORTS = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;");

    /** The commands a script may use. */
    static final List<String> COMMANDS = List.of("/exit", "/open", "/vars", "/imports", "/methods", "/types", "/list", "/set");
    /** JShell's interactive commands, so an abbreviation is resolved as jshell resolves it and rejected by name. */
    private static final List<String> INTERACTIVE = List.of("/edit", "/drop", "/save", "/reload", "/reset", "/env",
            "/history", "/help", "/debug", "/retain", "/!", "/?");
    /** /open nested deeper than this is almost surely a script that opens itself. */
    private static final int MAX_OPEN_DEPTH = 20;
    /** JShell's JDI execution with {@link ShellAgent} in place of its own agent (the spec of jshell's --execution). */
    static final String AGENT = "jdi:remoteAgent(" + ShellAgent.class.getName() + ")";
    /** {@link Script#eval} keeps going. */
    private static final int CONTINUE = Integer.MIN_VALUE;

    private JShellScript() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: JShellScript FILE.jsh ...");
            System.exit(2);
        }
        System.exit(run(Arrays.stream(args).map(Path::of).toList()));
    }

    /**
     * Runs the scripts in order in one JShell; returns 0 when every snippet succeeded, the status of {@code /exit N}
     * when a script ends that way, and 1 at the first error.
     */
    public static int run(List<Path> scripts) {
        return run(scripts, System.out, System.err);
    }

    /** {@link #run(List)} with its own output streams (the scripts' {@code System.out} goes to {@code out}). */
    public static int run(List<Path> scripts, PrintStream out, PrintStream err) {
        // The whole class path at once: adding its ~30 entries one by one to the remote JShell costs seconds.
        String cp = System.getProperty("java.class.path");
        // descent's agent runs the code, as in interactive ./descent shell: a table, figure or Html value shows with
        // readable numbers ($3 ==> a table of 4 significant digits), not Tablesaw's seventeen.
        try (JShell shell = JShell.builder().out(out).err(err).executionEngine(AGENT)
                .compilerOptions("--class-path", cp).remoteVMOptions("--class-path", cp).build()) {
            Script script = new Script(shell, out, err);
            int status = script.eval("JShell's default imports", null, DEFAULT_IMPORTS, 0);
            if (status == CONTINUE) status = script.eval("descent start-up", null, startupScript(), 0);
            script.startupSnippets = shell.snippets().count();
            for (Path file : scripts) {
                if (status != CONTINUE) break;
                status = script.evalFile(file, "", 0, 0);
            }
            return status == CONTINUE ? 0 : status;
        }
    }

    /** The imports every descent session starts with (the same file the Jupyter extension evaluates). */
    static String startupScript() {
        try (InputStream in = JShellScript.class.getResourceAsStream("/descent/startup.jsh")) {
            if (in == null) throw new IllegalStateException("descent/startup.jsh is missing from the class path; rebuild the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JShell session fed from scripts: snippets, commands and where each came from. */
    private static final class Script {
        private final JShell shell;
        private final PrintStream out;
        private final PrintStream err;
        private long startupSnippets;

        Script(JShell shell, PrintStream out, PrintStream err) {
            this.shell = shell;
            this.out = out;
            this.err = err;
        }

        int evalFile(Path file, String where, int line, int depth) {
            String source;
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(where + (where.isEmpty() ? "" : ":" + line + ": ") + "error: cannot read " + file + ": " + e);
                return 1;
            }
            return eval(file.toString(), file.toAbsolutePath().getParent(), source, depth);
        }

        /**
         * Feeds the script line by line, as interactive JShell does: a snippet runs as soon as the lines so far form
         * a complete one, so an expression on its own line ends at the line break. A line starting with a command
         * name between snippets is a command. Returns {@link #CONTINUE} or the status to exit with.
         */
        int eval(String name, Path dir, String source, int depth) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            StringBuilder pending = new StringBuilder();
            int snippetLine = 1;
            String[] lines = source.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (pending.isEmpty() && isCommand(lines[i])) {
                    int status = command(lines[i].strip(), name, i + 1, dir, depth);
                    if (status != CONTINUE) return status;
                    continue;
                }
                if (pending.isEmpty()) snippetLine = i + 1;
                pending.append(lines[i]).append('\n');
                String buffered = pending.toString();
                while (true) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(buffered);
                    SourceCodeAnalysis.Completeness c = info.completeness();
                    if (c == SourceCodeAnalysis.Completeness.EMPTY) {
                        pending.setLength(0);
                        break;
                    }
                    if (!c.isComplete()) break; // wait for more lines
                    for (SnippetEvent event : shell.eval(info.source())) {
                        if (!report(name, snippetLine, event)) return 1;
                    }
                    buffered = info.remaining();
                    pending.setLength(0);
                    pending.append(buffered);
                    if (buffered.isBlank()) {
                        pending.setLength(0);
                        break;
                    }
                }
            }
            if (!pending.toString().isBlank()) {
                err.println(name + ":" + snippetLine + ": incomplete code at the end of the script: " + firstLine(pending.toString()));
                return 1;
            }
            return CONTINUE;
        }

        private int command(String line, String name, int lineNo, Path dir, int depth) {
            String[] parts = line.split("\\s+", 2);
            String arg = parts.length > 1 ? parts[1].strip() : "";
            String cmd = resolve(parts[0]);
            if (cmd == null || !COMMANDS.contains(cmd)) {
                err.println(name + ":" + lineNo + ": " + (cmd == null ? "unknown or ambiguous JShell command " + parts[0]
                        : cmd + " is an interactive JShell command") + "; scripts support " + String.join(" ", COMMANDS)
                        + " (on a line of their own).");
                return 1;
            }
            switch (cmd) {
                case "/exit":
                    return exitStatus(arg, name, lineNo);
                case "/open":
                    return open(arg, name, lineNo, dir, depth);
                case "/vars":
                    shell.variables().filter(this::listed).forEach(v ->
                            out.println("|    " + v.typeName() + " " + v.name() + " = " + valueOf(v)));
                    return CONTINUE;
                case "/imports":
                    shell.imports().filter(this::listed).forEach(s ->
                            out.println("|    import " + (s.isStatic() ? "static " : "") + s.fullname()));
                    return CONTINUE;
                case "/methods":
                    shell.methods().filter(this::listed).forEach(m -> out.println("|    " + methodSignature(m)));
                    return CONTINUE;
                case "/types":
                    shell.types().filter(this::listed).forEach(t -> out.println("|    " + kind(t) + " " + t.name()));
                    return CONTINUE;
                case "/list":
                    return list(arg, name, lineNo);
                default: // "/set": feedback, prompts and editors mean nothing to a script
                    return CONTINUE;
            }
        }

        private int exitStatus(String arg, String name, int lineNo) {
            if (arg.isEmpty()) return 0;
            String value = null;
            if (arg.matches("-?\\d+")) {
                value = arg;
            } else {
                for (SnippetEvent e : shell.eval(arg)) {
                    if (e.causeSnippet() == null && e.exception() == null && e.status() == Snippet.Status.VALID) value = e.value();
                }
            }
            try {
                return Integer.parseInt(value == null ? "" : value.strip());
            } catch (NumberFormatException e) {
                err.println(name + ":" + lineNo + ": /exit " + arg + ": expected an int status such as /exit 0 or /exit 3"
                        + (value == null ? "" : "; the expression gave " + value) + ".");
                return 1;
            }
        }

        private int open(String arg, String name, int lineNo, Path dir, int depth) {
            String file = arg.length() > 1 && arg.startsWith("\"") && arg.endsWith("\"") ? arg.substring(1, arg.length() - 1) : arg;
            if (file.isEmpty()) {
                err.println(name + ":" + lineNo + ": /open needs a file, e.g. /open other.jsh");
                return 1;
            }
            Path p = Path.of(file);
            if (dir != null && !p.isAbsolute() && Files.isRegularFile(dir.resolve(p))) p = dir.resolve(p);
            if (!Files.isRegularFile(p)) {
                err.println(name + ":" + lineNo + ": /open: no such file " + file + " (looked in "
                        + (dir != null ? dir + " and " : "") + Path.of("").toAbsolutePath() + ").");
                return 1;
            }
            if (depth >= MAX_OPEN_DEPTH) {
                err.println(name + ":" + lineNo + ": /open " + file + " is nested " + depth + " deep; does a script open itself?");
                return 1;
            }
            return evalFile(p, name, lineNo, depth + 1);
        }

        private int list(String arg, String name, int lineNo) {
            boolean all = arg.equals("-all");
            if (!arg.isEmpty() && !all) {
                err.println(name + ":" + lineNo + ": /list " + arg + ": scripts support /list and /list -all.");
                return 1;
            }
            shell.snippets().filter(s -> shell.status(s).isActive() && (all || isUser(s))).forEach(s -> {
                String src = s.source().strip().replace("\n", "\n       ");
                out.printf(Locale.ROOT, "%4s : %s%n", isUser(s) ? String.valueOf(userNumber(s)) : "s" + s.id(), src);
            });
            return CONTINUE;
        }

        /** What /vars, /methods and /types show: active declarations (jshell lists start-up ones too). */
        private boolean listed(Snippet s) {
            return shell.status(s).isActive();
        }

        private boolean isUser(Snippet s) {
            return Long.parseLong(s.id()) > startupSnippets;
        }

        private long userNumber(Snippet s) {
            return Long.parseLong(s.id()) - startupSnippets;
        }

        private String valueOf(VarSnippet v) {
            try {
                return shell.status(v) == Snippet.Status.VALID ? shell.varValue(v) : "(not initialized)";
            } catch (RuntimeException e) {
                return "(" + e.getMessage() + ")";
            }
        }

        private boolean report(String name, int line, SnippetEvent event) {
            Snippet s = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                err.println(name + ":" + line + ": error in: " + firstLine(s.source()));
                for (Diag d : shell.diagnostics(s).toList()) {
                    err.println("    " + d.getMessage(null));
                }
                return false;
            }
            if (event.exception() != null) {
                Throwable e = event.exception();
                String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
                err.println(name + ":" + line + ": " + type + ": " + e.getMessage());
                err.println("    in: " + firstLine(s.source()));
                return false;
            }
            if (event.value() != null && event.causeSnippet() == null) {
                if (s instanceof VarSnippet v && v.name().startsWith("$")) {
                    out.println(v.name() + " ==> " + event.value());
                } else if (s instanceof ExpressionSnippet e) {
                    out.println(e.name() + " ==> " + event.value());
                }
            }
            return true;
        }
    }

    /** A command line: a slash and a name, not the start of a comment ({@code //} or {@code /*}). */
    static boolean isCommand(String line) {
        String t = line.strip();
        return t.length() > 1 && t.charAt(0) == '/' && (Character.isLetter(t.charAt(1)) || t.charAt(1) == '!' || t.charAt(1) == '?');
    }

    /** The full command name for a name or unique abbreviation (as jshell accepts {@code /ex}), or null. */
    static String resolve(String typed) {
        List<String> all = new ArrayList<>(COMMANDS);
        all.addAll(INTERACTIVE);
        if (all.contains(typed)) return typed;
        List<String> matches = all.stream().filter(c -> c.startsWith(typed)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** {@code int twice(int)}, as jshell's /methods prints it. */
    static String methodSignature(MethodSnippet m) {
        String sig = m.signature(); // "(int)int"
        int close = sig.lastIndexOf(')');
        return sig.substring(close + 1) + " " + m.name() + "(" + m.parameterTypes() + ")";
    }

    private static String kind(TypeDeclSnippet t) {
        return switch (t.subKind().name()) {
            case "INTERFACE_SUBKIND" -> "interface";
            case "ENUM_SUBKIND" -> "enum";
            case "ANNOTATION_TYPE_SUBKIND" -> "@interface";
            case "RECORD_SUBKIND" -> "record";
            default -> "class";
        };
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " ...";
    }
}
