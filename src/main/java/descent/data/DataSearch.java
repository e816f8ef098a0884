package descent.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where descent looks for a dataset's files, in order: a directory the caller names, {@code $DESCENT_DATA},
 * {@code ~/.descent/data}, and the Debian data directory {@code /usr/share/datasets}. Each root may hold the files
 * directly or in a sub-directory named after the dataset ({@code fashion-mnist}, {@code mnist}).
 *
 * <p>Package-private: {@link Datasets} is the public face; tests build one with their own environment and home.
 */
final class DataSearch {
    static final String ENV = "DESCENT_DATA";

    private final Map<String, String> env;
    private final Path home;
    private final Path system;

    DataSearch(Map<String, String> env, Path home, Path system) {
        this.env = env;
        this.home = home;
        this.system = system;
    }

    static DataSearch ofSystem() {
        return new DataSearch(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("/usr/share/datasets"));
    }

    /** {@code ~/.descent/data}: where downloads go. */
    Path userData() {
        return home.resolve(".descent").resolve("data");
    }

    /** One IDX set: its directory name, a human name, the four file names (without .gz) and the install hint. */
    record Spec(String dir, String title, List<String> files, String installHint) {
    }

    /** The directory and the actual files found, in the order of {@code spec.files()}. */
    record Found(Path dir, List<Path> files) {
    }

    /** Searches the standard places (after {@code given}, when not null). */
    Found find(Spec spec, Path given) {
        Map<Path, String> looked = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (given != null) {
            Found f = tryRoot(spec, given, looked);
            if (f != null) return f;
            // A path the caller names is a promise: do not quietly load other data from elsewhere.
            throw notFound(spec, looked, notes);
        }
        String envDir = env.get(ENV);
        if (envDir == null || envDir.isBlank()) {
            notes.add("$" + ENV + " is not set");
        } else {
            Found f = tryRoot(spec, Path.of(envDir), looked);
            if (f != null) return f;
        }
        Found f = tryRoot(spec, userData(), looked);
        if (f != null) return f;
        f = tryRoot(spec, system, looked);
        if (f != null) return f;
        throw notFound(spec, looked, notes);
    }

    /** The root itself, then root/dir. */
    private Found tryRoot(Spec spec, Path root, Map<Path, String> looked) {
        for (Path dir : List.of(root.resolve(spec.dir()), root)) {
            if (!Files.isDirectory(dir)) {
                looked.putIfAbsent(dir, "no such directory");
                continue;
            }
            List<Path> files = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String name : spec.files()) {
                Path p = locate(dir, name);
                if (p == null) missing.add(name + "[.gz]");
                else files.add(p);
            }
            if (missing.isEmpty()) return new Found(dir, files);
            looked.put(dir, "missing " + String.join(", ", missing));
        }
        return null;
    }

    /** {@code name.gz}, {@code name}, and the variant with a dot ({@code train-images.idx3-ubyte}) some archives use. */
    static Path locate(Path dir, String name) {
        String dotted = name.replaceFirst("-(idx\\d)", ".$1");
        for (String candidate : List.of(name + ".gz", name, dotted + ".gz", dotted)) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static DatasetNotFoundException notFound(Spec spec, Map<Path, String> looked, List<String> notes) {
        StringBuilder sb = new StringBuilder(spec.title()).append(" not found. Looked for ")
                .append(String.join(", ", spec.files())).append(" (each optionally .gz) in:");
        int i = 1;
        for (var e : looked.entrySet()) {
            sb.append("\n  ").append(i++).append(". ").append(e.getKey()).append(" (").append(e.getValue()).append(')');
        }
        for (String note : notes) sb.append("\n  (").append(note).append(')');
        sb.append("\n").append(spec.installHint());
        return new DatasetNotFoundException(sb.toString(), new ArrayList<>(looked.keySet()));
    }
}
