package descent.plot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes sure tablesaw's figures can start on this Java version, and says how to fix it when they cannot.
 *
 * <pre>{@code
 * PebbleCheck.check();   // nothing on a working class path; a clear IllegalStateException otherwise
 * }</pre>
 *
 * <pre>
 *  every tablesaw Figure, Layout, Font ... creates a Pebble 3.1.2 template engine
 *  Pebble then looks up each method listed in /unsafeMethods.properties and fails on a missing one
 *  Java 23+ removed Thread.resume/suspend and ThreadGroup.resume/stop, which Pebble's own list names
 *  => descent's jar carries a copy of the list without them; it must precede pebble-3.1.2.jar on the class path
 * </pre>
 * The check runs before descent builds a figure, because once Pebble's initialisation has failed it stays failed
 * for the life of the JVM (later attempts only say NoClassDefFoundError).
 */
public final class PebbleCheck {
    private static final String RESOURCE = "unsafeMethods.properties";
    private static volatile boolean checked;

    private PebbleCheck() {
    }

    /** Throws an IllegalStateException naming the missing methods and the fix if Pebble would fail to start. */
    public static void check() {
        if (checked) return;
        List<String> missing = missingMethods();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("tablesaw's figures cannot start on Java " + Runtime.version().feature()
                    + ": their template engine (Pebble 3.1.2) lists methods this Java removed " + missing
                    + ". descent's jar carries a fixed /" + RESOURCE + "; put descent's jar before pebble-3.1.2.jar on"
                    + " the class path (e.g. --class-path descent.jar:lib/*), or run on Java 17 or 21.");
        }
        checked = true;
    }

    /** The methods named in the {@code unsafeMethods.properties} that Pebble will read but this JVM lacks. */
    static List<String> missingMethods() {
        ClassLoader loader = pebbleLoader();
        URL url = loader.getResource(RESOURCE);
        if (url == null) return List.of();   // no Pebble on the class path: nothing to check
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();                 // Pebble would fail to read it too, with its own message
        }
        List<String> missing = new ArrayList<>();
        for (String line : text.split("\n")) {
            String spec = line.strip();
            if (spec.isEmpty() || spec.startsWith("#")) continue;
            if (!exists(spec)) missing.add(spec);
        }
        return missing;
    }

    static URL resource() {
        return pebbleLoader().getResource(RESOURCE);
    }

    private static ClassLoader pebbleLoader() {
        try {
            ClassLoader l = Class.forName("com.mitchellbosecke.pebble.PebbleEngine", false,
                    PebbleCheck.class.getClassLoader()).getClassLoader();
            return l != null ? l : ClassLoader.getSystemClassLoader();
        } catch (ClassNotFoundException e) {
            return PebbleCheck.class.getClassLoader();
        }
    }

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", int.class, "long", long.class,
            "boolean", boolean.class, "byte", byte.class, "short", short.class, "char", char.class,
            "float", float.class, "double", double.class);

    /** {@code java.lang.Thread.join(long,int)} resolves to a public method of this JVM. */
    private static boolean exists(String spec) {
        try {
            int open = spec.indexOf('(');
            int dot = spec.lastIndexOf('.', open);
            Class<?> owner = Class.forName(spec.substring(0, dot));
            String args = spec.substring(open + 1, spec.lastIndexOf(')'));
            List<Class<?>> types = new ArrayList<>();
            for (String a : args.split(",")) {
                a = a.strip();
                if (a.isEmpty()) continue;
                types.add(PRIMITIVES.containsKey(a) ? PRIMITIVES.get(a) : Class.forName(a));
            }
            owner.getMethod(spec.substring(dot + 1, open), types.toArray(Class[]::new));
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
