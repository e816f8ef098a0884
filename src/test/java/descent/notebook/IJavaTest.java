package descent.notebook;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IJava's parts that need no running kernel; tools/test_notebook_tools.py runs install() in the real IJava 1.3. */
class IJavaTest {

    /** Stands in for IJava's JavaKernel: records what evalRaw was given; rejects one package. */
    public static final class FakeKernel {
        final List<String> evaluated = new ArrayList<>();

        public Object evalRaw(String code) {
            evaluated.add(code);
            if (code.contains("descent.nn")) throw new IllegalStateException("cannot find symbol");
            return null;
        }
    }

    @Test
    void eachImportIsEvaluatedOnItsOwn() {
        var kernel = new FakeKernel();
        List<String> failed = IJava.importStartup(kernel);
        List<String> expected = Startup.imports().lines().toList();
        assertEquals(expected, kernel.evaluated, "one evalRaw per import line, in the script's order");
        assertTrue(expected.size() > 5 && expected.stream().allMatch(l -> l.startsWith("import ") && l.endsWith(";")),
                "import lines: " + expected);
        assertEquals(List.of("import descent.nn.*; (java.lang.IllegalStateException: cannot find symbol)"), failed);
    }

    @Test
    void aKernelWithoutEvalRawIsNamed() {
        var e = assertThrows(IllegalStateException.class, () -> IJava.importStartup(new Object()));
        assertTrue(e.getMessage().startsWith("IJava.install(): the running kernel (java.lang.Object) has no public "
                + "evalRaw(String); descent supports IJava 1.3. Paste the imports yourself:\nimport descent.fn.*;"), e.getMessage());
    }

    @Test
    void outsideIJavaInstallSaysWhereItWorks() {
        var e = assertThrows(IllegalStateException.class, IJava::install);
        assertEquals("IJava.install() works inside the IJava kernel, but io.github.spencerpark.ijava.IJava is not on the "
                + "class path. In JJava nothing is needed (descent registers itself); in JShell use Plots.show(figure).",
                e.getMessage());
    }
}
