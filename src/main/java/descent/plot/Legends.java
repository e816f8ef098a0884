package descent.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short legend names for long {@code toString}s, so a legend stays a few lines under the plot.
 *
 * <pre>
 *  a name of at most MAX characters stays as it is
 *  a longer name Head(k1=v1, k2=v2, ...) keeps its first parameter (lr, the one people change) and every
 *  parameter whose value differs from another name with the same Head; the rest become "…":
 *     SGD(lr=0.95), Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1e-08)        -> SGD(lr=0.95), Adam(lr=0.3, …)
 *     Adam(lr=0.3, ..., eps=1e-08), Adam(lr=0.3, ..., eps=1e-07, form=BOOK) -> Adam(lr=0.3, eps=1e-08, …),
 *                                                                              Adam(lr=0.3, eps=1e-07, form=BOOK, …)
 *  a name that is not of that shape, or would become the same as another one, stays as it is
 * </pre>
 * The full name stays in the hover text of descent's figures and in every table.
 */
final class Legends {
    /** Longest legend name kept as it is. */
    static final int MAX = 32;

    private Legends() {
    }

    /** The legend names for these full names, in the same order. */
    static List<String> shorten(List<String> names) {
        List<Parsed> parsed = names.stream().map(Legends::parse).toList();
        Map<String, Map<String, Set<String>>> values = new HashMap<>();   // head -> key -> values seen
        for (Parsed p : parsed) {
            if (p == null) continue;
            for (String[] kv : p.params) {
                values.computeIfAbsent(p.head, h -> new HashMap<>()).computeIfAbsent(kv[0], k -> new java.util.HashSet<>())
                        .add(kv.length > 1 ? kv[1] : "");
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Parsed p = parsed.get(i);
            if (name == null || name.length() <= MAX || p == null) {
                out.add(name);
                continue;
            }
            List<String> kept = new ArrayList<>();
            int countOfHead = 0;
            for (Parsed q : parsed) if (q != null && q.head.equals(p.head)) countOfHead++;
            for (int k = 0; k < p.params.size(); k++) {
                String[] kv = p.params.get(k);
                Set<String> seen = values.get(p.head).get(kv[0]);
                boolean differs = countOfHead > 1 && (seen.size() > 1 || countOfKey(parsed, p.head, kv[0]) < countOfHead);
                if (k == 0 || differs) kept.add(String.join("=", kv));
            }
            out.add(kept.size() == p.params.size() ? name : p.head + "(" + String.join(", ", kept) + ", …)");
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < out.size(); j++) {
                if (i != j && out.get(i) != null && out.get(i).equals(out.get(j)) && !names.get(i).equals(names.get(j))) {
                    return new ArrayList<>(names);   // shortening would make two different runs look alike
                }
            }
        }
        return out;
    }

    private static int countOfKey(List<Parsed> parsed, String head, String key) {
        int n = 0;
        for (Parsed q : parsed) {
            if (q != null && q.head.equals(head) && q.params.stream().anyMatch(kv -> kv[0].equals(key))) n++;
        }
        return n;
    }

    private record Parsed(String head, List<String[]> params) {
    }

    /** {@code Head(a=1, b=Inner(c=2, d=3))} as head and top-level key=value pairs; null for other shapes. */
    private static Parsed parse(String name) {
        if (name == null) return null;
        int open = name.indexOf('(');
        if (open <= 0 || !name.endsWith(")")) return null;
        String inner = name.substring(open + 1, name.length() - 1);
        List<String[]> params = new ArrayList<>();
        int depth = 0, start = 0;
        for (int k = 0; k <= inner.length(); k++) {
            char c = k < inner.length() ? inner.charAt(k) : ',';
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                String part = inner.substring(start, k).strip();
                if (part.isEmpty()) return null;
                int eq = part.indexOf('=');
                params.add(eq < 0 ? new String[] {part} : new String[] {part.substring(0, eq), part.substring(eq + 1)});
                start = k + 1;
            }
            if (depth < 0) return null;
        }
        return depth == 0 && !params.isEmpty() ? new Parsed(name.substring(0, open), params) : null;
    }
}
