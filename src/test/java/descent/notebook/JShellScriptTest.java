package descent.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts run through a real (remote) JShell, as {@code ./descent shell FILE} runs them. */
class JShellScriptTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run run(Path... scripts) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8); var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = JShellScript.run(List.of(scripts), o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void exitEndsTheScriptWithStatusZeroAndOpenIsRelativeToTheScript() throws IOException {
        write("lib/other.jsh", "// defines f for the main script\nvar f = Functions.dlfsBowl();\n/* a block comment */\n");
        Path main = write("lib/main.jsh", """
                /open other.jsh
                f.value(Vec.of(-7, 2))
                /ex
                System.out.println("after exit");
                """);
        Run r = run(main);
        assertEquals(0, r.status(), "status; stderr: " + r.err());
        assertTrue(r.out().contains("==> 6.45"), "f.value(-7, 2) after /open: " + r.out());
        assertFalse(r.out().contains("after exit"), "/exit must end the script: " + r.out());
        assertEquals("", r.err(), "stderr");
    }

    @Test
    void aTableValueShowsReadableNumbersAsInTheInteractiveShell() throws IOException {
        Run r = run(write("t.jsh", """
                var t = tech.tablesaw.api.Table.create("acc", tech.tablesaw.api.DoubleColumn.create("accuracy", 0.9849999999999998));
                t.first(1)
                0.1 + 0.2
                """));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("0.985"), "the table's value, rounded to 4 significant digits: " + r.out());
        assertFalse(r.out().contains("0.9849999999999998"), "Tablesaw's seventeen digits: " + r.out());
        assertTrue(r.out().contains("==> 0.30000000000000004"), "a double prints as JShell prints it: " + r.out());
    }

    @Test
    void exitTakesAStatusOrAnIntExpression() throws IOException {
        assertEquals(3, run(write("a.jsh", "int n = 2;\n/exit n + 1\n")).status(), "/exit n + 1");
        Run r = run(write("b.jsh", "/exit \"no\"\n"));
        assertEquals(1, r.status(), "/exit with a String");
        assertTrue(r.err().contains("b.jsh:1: /exit \"no\": expected an int status"), r.err());
    }

    @Test
    void listingCommandsPrintAsJShellDoes() throws IOException {
        Run r = run(write("list.jsh", """
                int n = 2;
                int twice(int x) { return 2 * x; }
                record Point(double x, double y) {}
                twice(n)
                /vars
                /methods
                /types
                /imports
                /list
                """));
        assertEquals(0, r.status(), "status; stderr: " + r.err());
        String out = r.out();
        for (String expected : List.of("|    int n = 2", "|    int $1 = 4", "|    int twice(int)", "|    record Point",
                "|    import java.util.*", "|    import descent.fn.*",
                "   1 : int n = 2;", "   2 : int twice(int x) { return 2 * x; }", "   4 : twice(n)")) {
            assertTrue(out.contains(expected + "\n"), "expected the line '" + expected + "' in:\n" + out);
        }
        assertFalse(out.contains(": import descent.fn.*;"), "/list shows only the script's snippets:\n" + out);
    }

    @Test
    void theFirstErrorStopsWithFileAndLineEvenInAnOpenedFile() throws IOException {
        write("bad.jsh", "int ok = 1;\nint bad = \"text\";\n");
        Run r = run(write("main.jsh", "/open bad.jsh\nSystem.out.println(\"not reached\");\n"));
        assertEquals(1, r.status(), "status");
        assertTrue(r.err().contains(dir.resolve("bad.jsh") + ":2: error in: int bad = \"text\";"), r.err());
        assertFalse(r.out().contains("not reached"), r.out());

        Run thrown = run(write("throws.jsh", "var v = Vec.of(1, 2);\n\nv.get(5)\n"));
        assertEquals(1, thrown.status(), "status after an exception");
        assertTrue(thrown.err().contains("throws.jsh:3: "), thrown.err());
    }

    @Test
    void interactiveAndMissingCommandsAreErrors() throws IOException {
        Run edit = run(write("edit.jsh", "/edit\n"));
        assertEquals(1, edit.status(), "/edit");
        assertTrue(edit.err().contains("edit.jsh:1: /edit is an interactive JShell command; scripts support /exit /open"), edit.err());
        Run missing = run(write("missing.jsh", "\n/open nowhere.jsh\n"));
        assertEquals(1, missing.status(), "/open of a missing file");
        assertTrue(missing.err().contains("missing.jsh:2: /open: no such file nowhere.jsh (looked in " + dir), missing.err());
    }

    @Test
    void commandsAreToldFromCommentsAndAbbreviationsResolve() {
        assertTrue(JShellScript.isCommand("/exit"));
        assertTrue(JShellScript.isCommand("  /vars"));
        assertFalse(JShellScript.isCommand("// comment"));
        assertFalse(JShellScript.isCommand("/* comment */"));
        assertEquals("/exit", JShellScript.resolve("/ex"));
        assertEquals("/open", JShellScript.resolve("/o"));
        assertNull(JShellScript.resolve("/e"), "/e is ambiguous (/exit, /edit, /env)");
    }
}
