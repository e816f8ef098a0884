package descent.notebook;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the {@code <pre>{@code ...}</pre>} examples of every descent package in JShell after the start-up imports
 * (and the java.* imports that both JShell and JJava start with), typed line by line as in JShell, and checks that
 * each statement ends with ';' so the same code also runs as one Jupyter cell. Each example runs on its own: what the
 * previous one defined or imported is dropped first, so an example that uses a name it does not define fails.
 * Examples that need a notebook kernel (a {@code %magic} line, IJava) are skipped.
 * {@link #everyPublicTypeHasAnExample()} checks that each public top-level type has a class-level example.
 */
class JavadocExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);
    private static final List<String> PACKAGES = List.of(
            "base", "fn", "optim", "schedule", "tensor", "nn", "data", "train", "landscape", "experiment", "plot", "notebook");
    /**
     * The imports both places where people type examples start with: JShell's DEFAULT start-up and JJava's notebook
     * initializer. (java.nio.file and java.util.stream are in JShell's only, so examples import them.)
     */
    private static final String JAVA_IMPORTS = """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            """;
    /** A public top-level type declaration, at the start of a line. */
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    @TempDir
    static Path plotsDir;
    private static String oldPlotsDir;
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
    private static JShell typed;
    private static Set<Snippet> startup;

    @BeforeAll
    static void shells() {
        oldPlotsDir = System.getProperty("descent.plots.dir");
        System.setProperty("descent.plots.dir", plotsDir.toString());
        typed = StartupTest.newShell();
        assertEquals(List.of(), StartupTest.eval(typed, JAVA_IMPORTS + Startup.script(), true));
        startup = Set.copyOf(typed.snippets().toList());
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
                .map(l -> withoutLineComment(l).strip())
                .filter(l -> !l.isEmpty())
                .toList();
        return lines.subList(0, Math.max(0, lines.size() - 1)).stream()
                .filter(l -> !l.matches(".*[;{}(,]$"))
                .toList();
    }

    /**
     * Drops what earlier examples defined or imported, so the next example starts from the start-up state. A dropped
     * variable's value stays reachable from the class JShell compiled for it (the local execution engine never
     * unloads one), so reference variables are set to null first: otherwise every example that loads Fashion-MNIST
     * (about 440 MB of doubles) would keep it until the shell closes, and the full suite ran out of heap.
     */
    private static void forgetPreviousExample() {
        typed.variables()
                .filter(v -> !startup.contains(v) && typed.status(v).isActive())
                .filter(v -> !PRIMITIVES.contains(v.typeName()))
                .toList()
                .forEach(v -> typed.eval(v.name() + " = null;"));
        typed.snippets()
                .filter(sn -> !startup.contains(sn))
                .filter(sn -> typed.status(sn).isActive())
                .toList()
                .forEach(typed::drop);
    }

    /** Whether an example needs a notebook kernel: a {@code %magic} line, or IJava's installer. */
    static boolean needsKernel(String code) {
        return code.lines().anyMatch(l -> l.strip().startsWith("%")) || code.contains("IJava.install");
    }

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/descent", pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The line without its {@code //} comment; a {@code //} inside a string or char literal is code. */
    static String withoutLineComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    @TestFactory
    Stream<DynamicTest> examplesRun() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String pkg : PACKAGES) {
            for (Path file : sources(pkg)) {
                Matcher m = EXAMPLE.matcher(Files.readString(file));
                int k = 0;
                while (m.find()) {
                    String code = m.group(1).replaceAll("(?m)^ \\* ?", "");
                    String name = pkg + "/" + file.getFileName() + " example " + (++k);
                    if (needsKernel(code)) continue;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        forgetPreviousExample();
                        assertEquals(List.of(), StartupTest.eval(typed, code, true), name + ", typed into JShell");
                        assertEquals(List.of(), unterminatedLines(code), name + ", as one notebook cell");
                    }));
                }
            }
        }
        return tests.stream();
    }

    /**
     * The public top-level types of a source file whose class-level Javadoc (the comment right before the
     * declaration and its annotations) has no {@code <pre>{@code ...}} example.
     */
    static List<String> typesWithoutExample(String source) {
        List<String> missing = new ArrayList<>();
        Matcher m = PUBLIC_TYPE.matcher(source);
        while (m.find()) {
            String before = source.substring(0, m.start());
            // step back over annotations (one per line) between the comment and the declaration
            String trimmed = before.stripTrailing();
            while (true) {
                int lineStart = trimmed.lastIndexOf('\n') + 1;
                if (!trimmed.substring(lineStart).strip().startsWith("@")) break;
                trimmed = trimmed.substring(0, lineStart).stripTrailing();
            }
            int open = trimmed.lastIndexOf("/**");
            boolean documented = trimmed.endsWith("*/") && open >= 0;
            if (!documented || !trimmed.substring(open).contains("<pre>{@code")) missing.add(m.group(1));
        }
        return missing;
    }

    @Test
    void everyPublicTypeHasAnExample() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : PACKAGES) {
            for (Path file : sources(pkg)) {
                for (String type : typesWithoutExample(Files.readString(file))) offenders.add("descent." + pkg + "." + type);
            }
        }
        assertEquals(List.of(), offenders, "public types whose class Javadoc has no <pre>{@code ...}</pre> example");
    }

    @Test
    void everyPackageIsChecked() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/descent"))) {
            List<String> found = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            assertEquals(PACKAGES.stream().sorted().toList(), found, "packages under src/main/java/descent");
        }
    }

    @Test
    void anExampleDoesNotSeeTheNamesOfAnEarlierOne() {
        assertEquals(List.of(), StartupTest.eval(typed, "import java.nio.file.*;\nvar leftover = Path.of(\"a\");", true));
        forgetPreviousExample();
        assertEquals(1, StartupTest.eval(typed, "leftover", true).size(), "a variable of the earlier example");
        assertEquals(1, StartupTest.eval(typed, "Path.of(\"b\")", true).size(), "an import of the earlier example");
        assertEquals(List.of(), StartupTest.eval(typed, "Vec.of(1, 2)", true), "the start-up imports stay");
    }

    @Test
    void findsTypesWithoutExamples() {
        String documented = "/**\n * A.\n * <pre>{@code\n * new A()\n * }</pre>\n */\n@Deprecated\npublic final class A {}\n";
        String plain = "/** B, no example. */\npublic record B(int x) {}\n";
        String bare = "import x.Y;\n\npublic interface C {}\n";
        String hidden = "/** D. */\nfinal class D {}\n";
        assertEquals(List.of(), typesWithoutExample(documented));
        assertEquals(List.of("B"), typesWithoutExample(plain));
        assertEquals(List.of("C"), typesWithoutExample(bare));
        assertEquals(List.of(), typesWithoutExample(hidden));
        assertTrue(needsKernel("%maven a:b:1\nvar x = 1;"));
        assertEquals("var u = URI.create(\"http://h/a\"); ", withoutLineComment("var u = URI.create(\"http://h/a\"); // c"));
        assertEquals("char c = '\\''; ", withoutLineComment("char c = '\\''; // c"));
        assertEquals(List.of("f(\"a//b\")"), unterminatedLines("f(\"a//b\")   // no ';'\ng();"));
        assertFalse(needsKernel("String.format(\"%.3f\", 1.0);"));
    }
}
