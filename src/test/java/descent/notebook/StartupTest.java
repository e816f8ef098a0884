package descent.notebook;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupTest {

    /** Evaluates code as if typed into JShell line by line; see {@link #eval(JShell, String, boolean)}. */
    static List<String> evalInJShell(String code) {
        try (JShell shell = newShell()) {
            return eval(shell, code, true);
        }
    }

    /** An in-process JShell with the test class path. */
    static JShell newShell() {
        JShell shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
        return shell;
    }

    /**
     * Evaluates code in a JShell and returns the problems found (empty when every snippet is valid).
     * {@code lineByLine} mimics typing into JShell, where a line without ';' that parses is complete; otherwise
     * the code is parsed as a whole, as a Jupyter cell is.
     */
    static List<String> eval(JShell shell, String code, boolean lineByLine) {
        List<String> problems = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        for (String line : lineByLine ? code.split("\n", -1) : new String[] {code}) {
            pending.append(line).append('\n');
            String remaining = pending.toString();
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (!info.completeness().isComplete()) break;
                for (SnippetEvent e : shell.eval(info.source())) {
                    if (e.causeSnippet() == null && (e.status() != Snippet.Status.VALID || e.exception() != null)) {
                        problems.add(e.snippet().source().strip() + " -> " + e.status() + " "
                                + (e.exception() != null ? e.exception() + " " : "")
                                + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                    }
                }
                remaining = info.remaining();
            }
            pending.setLength(0);
            pending.append(remaining.isBlank() ? "" : remaining);
        }
        if (!pending.toString().isBlank()) problems.add("incomplete: " + pending.toString().strip());
        return problems;
    }

    @Test
    void everyImportResolvesInJShell() {
        assertEquals(List.of(), evalInJShell(Startup.script()), "start-up script problems");
    }

    @Test
    void quickTourRunsAfterTheImports() {
        List<String> problems = evalInJShell(Startup.script() + """
                var f = Functions.dlfsBowl();
                var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
                Table t = path.toTable();
                Figure fig = Plots.contour(f, path);
                var check = GradientCheck.of(f, Vec.of(0.5, 0.5));
                Class<?> layerCheck = BackpropCheck.class;
                """);
        assertEquals(List.of(), problems);
    }

    @Test
    void importsAreTheScriptsImportLines() {
        String imports = Startup.imports();
        assertTrue(imports.startsWith("import descent.fn.*;"), imports);
        assertTrue(imports.contains("import descent.plot.*;"));
        assertTrue(imports.contains("import tech.tablesaw.plotly.components.Figure;"));
        assertTrue(imports.lines().allMatch(l -> l.startsWith("import ")));
    }

    @Test
    void writeToMakesACopyForJShellStartup(@TempDir Path dir) throws Exception {
        Path file = Startup.writeTo(dir.resolve("sub/descent.jsh"));
        assertEquals(Startup.script(), Files.readString(file));
    }
}
