package descent.notebook;

import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interactive ./descent shell: the agent that prints tables readably, and the feedback mode. */
class ShellTest {

    /** The values JShell shows for these snippets, run through {@link ShellAgent} in a JVM of their own. */
    private static List<String> valuesThroughTheAgent(String... snippets) {
        try (JShell shell = JShell.builder()
                .executionEngine("jdi:remoteAgent(descent.notebook.ShellAgent)")
                .remoteVMOptions("--class-path", System.getProperty("java.class.path"))
                .build()) {
            shell.eval("import tech.tablesaw.api.*;");
            shell.eval("import descent.notebook.Tables;");
            return java.util.Arrays.stream(snippets)
                    .map(s -> {
                        SnippetEvent main = shell.eval(s).stream().filter(e -> e.causeSnippet() == null)
                                .findFirst().orElseThrow();
                        assertNull(main.exception(), s);
                        assertEquals(jdk.jshell.Snippet.Status.VALID, main.status(), () -> s + ": "
                                + shell.diagnostics(main.snippet()).map(d -> d.getMessage(null)).toList());
                        return main.value();
                    }).toList();
        }
    }

    @Test
    void theAgentShowsTablesAsReadableTextAndEverythingElseAsJShellDoes() {
        List<String> values = valuesThroughTheAgent(
                "var t = Table.create(\"history\", IntColumn.create(\"epoch\", 1, 2), DoubleColumn.create(\"accuracy\", 0.9849999999999998, 6.938522015366697e-05));",
                "Tables.exact(t)",
                "1 + 1",
                "\"text\"",
                "0.1 + 0.2");
        assertEquals("""
                history: 2 rows x 2 columns
                epoch   accuracy
                    1      0.985
                    2  6.939e-05""", values.get(0), "a declared table");
        assertEquals("""
                history: 2 rows x 2 columns
                epoch               accuracy
                    1     0.9849999999999998
                    2  6.938522015366697e-05""", values.get(1), "Tables.exact shows every digit");
        assertEquals("2", values.get(2));
        assertEquals("\"text\"", values.get(3), "strings stay quoted, as JShell shows them");
        assertEquals("0.30000000000000004", values.get(4), "a plain double is JShell's business");
    }

    @Test
    void theFeedbackModeIsDefinedIntoAMapNotIntoTheUsersPreferences() throws Exception {
        Map<String, String> prefs = new HashMap<>();
        Shell.defineMode(prefs);
        assertFalse(prefs.isEmpty(), "JShell retained the mode into the map");
        assertTrue(prefs.values().stream().anyMatch(v -> v.contains("descent")), prefs.toString());
        assertTrue(Shell.FEEDBACK_MODE.contains("/set truncation descent 2000000"), "nothing cut short");
    }
}
