package descent.notebook;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the {@code <pre>{@code ...}</pre>} examples of descent.plot and descent.notebook in JShell after the
 * start-up imports, typed line by line as in JShell, and checks that each statement ends with ';' so the same
 * code also runs as one Jupyter cell.
 * Examples that need a notebook kernel (magics, IJava) or a terminal ({@code ./descent ...}) are skipped.
 */
class JavadocExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);

    @TempDir
    static Path plotsDir;
    private static String oldPlotsDir;
    private static JShell typed;

    @BeforeAll
    static void shells() {
        oldPlotsDir = System.getProperty("descent.plots.dir");
        System.setProperty("descent.plots.dir", plotsDir.toString());
        typed = StartupTest.newShell();
        assertEquals(List.of(), StartupTest.eval(typed, Startup.script(), true));
    }

    @AfterAll
    static void close() {
        typed.close();
        if (oldPlotsDir == null) System.clearProperty("descent.plots.dir");
        else System.setProperty("descent.plots.dir", oldPlotsDir);
    }

    /**
     * Lines that would run into the next one in a notebook cell, which is parsed as a whole: every code line but the
     * last must end a statement or open a block or argument list. (Typed into JShell, each such line is complete by
     * itself; both readings agree only when statements end with ';'. The last line may be a bare expression: a cell
     * displays its value.)
     */
    static List<String> unterminatedLines(String code) {
        List<String> lines = code.lines()
                .map(l -> l.replaceAll("\\s*//.*$", "").strip())
                .filter(l -> !l.isEmpty())
                .toList();
        return lines.subList(0, Math.max(0, lines.size() - 1)).stream()
                .filter(l -> !l.matches(".*[;{}(,]$"))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> examplesRun() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String pkg : List.of("plot", "notebook")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/descent", pkg))) {
                for (Path file : files.sorted().toList()) {
                    Matcher m = EXAMPLE.matcher(Files.readString(file));
                    int k = 0;
                    while (m.find()) {
                        String code = m.group(1).replaceAll("(?m)^ \\* ?", "");
                        // notebook magics, the IJava kernel and terminal commands cannot run in a test's JShell
                        if (code.contains("%") || code.contains("IJava.install") || code.contains("./descent")) continue;
                        String name = file.getFileName() + " example " + (++k);
                        tests.add(DynamicTest.dynamicTest(name, () -> {
                            assertEquals(List.of(), StartupTest.eval(typed, code, true), name + ", typed into JShell");
                            assertEquals(List.of(), unterminatedLines(code), name + ", as one notebook cell");
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }
}
