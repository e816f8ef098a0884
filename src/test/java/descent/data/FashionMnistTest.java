package descent.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Fashion-MNIST from Debian's {@code dataset-fashion-mnist}. In CI ({@code CI=true}), whose launcher installs
 * the package, missing data is a failure; on a developer machine without it the test is skipped with the install hint.
 */
class FashionMnistTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private static Path debianData() {
        boolean present = Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz"));
        String hint = "Fashion-MNIST is not installed at " + DEBIAN + "; install it with: sudo apt-get install"
                + " dataset-fashion-mnist (or ./descent lab).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertTrue(present, hint);
        else assumeTrue(present, hint);
        return DEBIAN;
    }

    @Test
    void debianPackageHasTheOfficialCountsAndFirstLabel() {
        TrainTest data = Datasets.fashionMnist(debianData());
        Dataset train = data.train(), test = data.test();
        assertEquals("Dataset(fashion-mnist-train, 60000 examples x 784 features, 10 classes)", train.toString());
        assertEquals("Dataset(fashion-mnist-test, 10000 examples x 784 features, 10 classes)", test.toString());
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, train.classCounts()[c], "training images of class " + c);
            assertEquals(1000, test.classCounts()[c], "test images of class " + c);
        }
        // The official first training example is an ankle boot (label 9); its first labels are 9, 0, 0, 3, 0.
        assertArrayEquals(new int[]{9, 0, 0, 3, 0}, java.util.Arrays.copyOf(train.labels(), 5));
        assertEquals("Ankle boot", train.classNames().get(train.label(0)));
        assertEquals(9, test.label(0)); // the first test image is an ankle boot too
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double v : train.x().data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max);
    }

    @Test
    void limitLoadsAPrefixOfBothSets() {
        Path dir = debianData();
        TrainTest small = Datasets.fashionMnist(dir, 100);
        assertEquals(100, small.train().size());
        assertEquals(100, small.test().size());
        assertEquals(9, small.train().label(0));
    }
}
