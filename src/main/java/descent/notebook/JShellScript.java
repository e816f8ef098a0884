package descent.notebook;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs JShell scripts non-interactively and stops at the first error with a non-zero exit status; this is what
 * {@code ./descent shell FILE.jsh} runs. Plain {@code jshell FILE} carries on after a failed snippet and exits 0,
 * which hides mistakes in scripts and in CI.
 *
 * <pre>{@code
 * // from a terminal:  ./descent shell tour.jsh
 * // or in Java:
 * import java.nio.file.*;
 * import descent.notebook.JShellScript;
 * var tour = Files.writeString(Files.createTempFile("tour", ".jsh"), "var f = Functions.dlfsBowl();\nf.value(Vec.of(-7, 2))\n");
 * int status = JShellScript.run(List.of(tour));   // prints $1 ==> 6.45; status 0 (1 at the first failing snippet)
 * }</pre>
 *
 * Each script starts with descent's start-up imports. Expression values print as JShell prints them
 * ({@code $3 ==> SGD(lr=0.95)}), except tables and figures, which print as aligned text and as the path of an
 * HTML file.
 */
public final class JShellScript {
    /** What {@code jshell --startup DEFAULT} imports, so scripts behave as they do interactively. */
    static final String DEFAULT_IMPORTS = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;");

    private JShellScript() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: JShellScript FILE.jsh ...");
            System.exit(2);
        }
        System.exit(run(java.util.Arrays.stream(args).map(Path::of).toList()));
    }

    /** Runs the scripts in order in one JShell; returns 0 when every snippet succeeded, 1 otherwise. */
    public static int run(List<Path> scripts) {
        // The whole class path at once: adding its ~30 entries one by one to the remote JShell costs seconds.
        String cp = System.getProperty("java.class.path");
        try (JShell shell = JShell.builder().out(System.out).err(System.err)
                .compilerOptions("--class-path", cp).remoteVMOptions("--class-path", cp).build()) {
            if (!eval(shell, "JShell's default imports", DEFAULT_IMPORTS)) return 1;
            if (!eval(shell, "descent start-up", startupScript())) return 1;
            for (Path script : scripts) {
                String source;
                try {
                    source = Files.readString(script, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    System.err.println("error: cannot read " + script + ": " + e.getMessage());
                    return 1;
                }
                if (!eval(shell, script.toString(), source)) return 1;
            }
            return 0;
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

    /**
     * Feeds the script line by line, as interactive JShell does: a snippet runs as soon as the lines so far form a
     * complete one, so an expression on its own line ends at the line break.
     */
    private static boolean eval(JShell shell, String name, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        int snippetLine = 1;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (pending.length() == 0) snippetLine = i + 1;
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
                    if (!report(shell, name, snippetLine, event)) return false;
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
            System.err.println(name + ":" + snippetLine + ": incomplete code at the end of the script: " + firstLine(pending.toString()));
            return false;
        }
        return true;
    }

    private static boolean report(JShell shell, String name, int line, SnippetEvent event) {
        Snippet s = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            System.err.println(name + ":" + line + ": error in: " + firstLine(s.source()));
            for (Diag d : shell.diagnostics(s).toList()) {
                System.err.println("    " + d.getMessage(null));
            }
            return false;
        }
        if (event.exception() != null) {
            Throwable e = event.exception();
            String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
            System.err.println(name + ":" + line + ": " + type + ": " + e.getMessage());
            System.err.println("    in: " + firstLine(s.source()));
            return false;
        }
        if (event.value() != null) {
            if (s instanceof VarSnippet v && v.name().startsWith("$")) {
                System.out.println(v.name() + " ==> " + event.value());
            } else if (s instanceof ExpressionSnippet e) {
                System.out.println(e.name() + " ==> " + event.value());
            }
        }
        return true;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " ...";
    }
}
