package descent.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The imports a descent session starts with, kept in one file: {@code descent/startup.jsh} inside the jar
 * (source: {@code src/main/resources/descent/startup.jsh}).
 *
 * <pre>{@code
 * import descent.notebook.Startup;
 * Startup.script();    // the file's text: comments and import lines
 * Startup.imports();   // the import lines only, joined by newlines
 * Startup.writeTo(java.nio.file.Files.createTempFile("descent", ".jsh"));   // a copy for jshell --startup or IJava's %load
 * }</pre>
 *
 * JJava runs it through {@link JJavaExtension}; IJava through {@link IJava#install()} (one import per evaluation)
 * or the kernel spec's {@code IJAVA_STARTUP_SCRIPTS_PATH}; {@code ./descent shell} passes it to JShell. It imports
 * only packages that have public classes, because JShell rejects an import of an empty package.
 */
public final class Startup {
    /** Class-path location of the script. */
    public static final String RESOURCE = "descent/startup.jsh";

    private Startup() {
    }

    /** The start-up script's text. */
    public static String script() {
        try (InputStream in = Startup.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path; rebuild descent's jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    /** The import lines of the script, without comments. */
    public static String imports() {
        return script().lines().map(String::strip).filter(l -> l.startsWith("import "))
                .collect(Collectors.joining("\n"));
    }

    /** Writes the script to {@code file} (creating parent directories) and returns the file. */
    public static Path writeTo(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            return Files.writeString(file, script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the start-up script to " + file, e);
        }
    }
}
