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

    /** Evaluates code snippet by snippet in an in-process JShell; returns the problems found. */
    private static List<String> evalInJShell(String code) {
        List<String> problems = new ArrayList<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (!info.completeness().isComplete()) {
                    problems.add("incomplete: " + remaining.strip());
                    break;
                }
                for (SnippetEvent e : shell.eval(info.source())) {
                    if (e.status() != Snippet.Status.VALID || e.exception() != null) {
                        problems.add(e.snippet().source().strip() + " -> " + e.status() + " "
                                + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                    }
                }
                remaining = info.remaining();
            }
        }
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
