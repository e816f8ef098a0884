package descent.plot;

import tech.tablesaw.plotly.components.Figure;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes figures as self-contained HTML files and opens them, for {@link Plots#show}.
 *
 * <pre>
 *  dir  = system property descent.plots.dir, else ~/.descent/plots, else the temp directory
 *  file = dir/&lt;title-slug&gt;-&lt;yyyyMMdd-HHmmss-SSS&gt;.html
 *  open with java.awt.Desktop only when not headless and BROWSE is supported; otherwise print the path
 * </pre>
 */
final class FigureFiles {
    static final String DIR_PROPERTY = "descent.plots.dir";

    private FigureFiles() {
    }

    static Path show(Figure figure) {
        Path file = write(figure);
        if (browse(file)) {
            System.out.println("Opened " + file.toUri() + " in the browser.");
        } else {
            System.out.println("Figure saved to " + file + " (open it in a browser; no desktop browser here).");
        }
        return file;
    }

    static Path write(Figure figure) {
        String html = FigureHtml.page(figure);
        IOException firstError = null;
        for (Path dir : candidateDirs()) {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(slug(FigureHtml.titleOf(figure)) + "-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT))
                        + ".html");
                Files.writeString(file, html, StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                if (firstError == null) firstError = e;
            }
        }
        throw new UncheckedIOException("Could not write the figure's HTML file in " + candidateDirs()
                + "; set -D" + DIR_PROPERTY + "=<a writable directory>.", firstError);
    }

    private static java.util.List<Path> candidateDirs() {
        java.util.List<Path> dirs = new java.util.ArrayList<>();
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) dirs.add(Path.of(configured));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) dirs.add(Path.of(home, ".descent", "plots"));
        dirs.add(Path.of(System.getProperty("java.io.tmpdir"), "descent-plots"));
        return dirs;
    }

    /** Opens the file in the desktop browser; false (never an exception) where that is impossible. */
    static boolean browse(Path file) {
        try {
            if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) return false;
            Desktop d = Desktop.getDesktop();
            if (!d.isSupported(Desktop.Action.BROWSE)) return false;
            d.browse(file.toUri());
            return true;
        } catch (Exception | LinkageError | java.awt.AWTError e) {
            // HeadlessException, UnsupportedOperationException, IOException, or a missing native AWT library
            return false;
        }
    }

    static String slug(String title) {
        // NFKC turns the superscripts of titles (x²) back into plain digits for the file name
        String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) s = s.substring(0, 40).replaceAll("-+$", "");
        return s.isEmpty() ? "figure" : s;
    }
}
