package descent.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DataSearchTest {
    @TempDir
    Path tmp;

    /** Writes a tiny but valid Fashion-MNIST look-alike (2 train, 1 test image of 2x2) into {@code dir}. */
    static Path fakeSet(Path dir, boolean gz, int firstLabel) throws IOException {
        Files.createDirectories(dir);
        byte[][] files = {
                IdxFiles.images(2, 2, 2, IdxFiles.pattern(8)), IdxFiles.labels(firstLabel, 1),
                IdxFiles.images(1, 2, 2, IdxFiles.pattern(4)), IdxFiles.labels(2)};
        for (int i = 0; i < 4; i++) {
            String name = Datasets.IDX_FILES.get(i) + (gz ? ".gz" : "");
            IdxFiles.write(dir, name, gz ? IdxFiles.gzip(files[i]) : files[i]);
        }
        return dir;
    }

    private DataSearch search(Map<String, String> env) {
        return new DataSearch(env, tmp.resolve("home"), tmp.resolve("usr-share-datasets"));
    }

    private TrainTest load(DataSearch s, Path given) {
        return Datasets.load(Datasets.FASHION, s, given, Integer.MAX_VALUE, Datasets.FASHION_MNIST_CLASSES);
    }

    @Test
    void searchOrderIsEnvThenHomeThenSystem() throws IOException {
        fakeSet(tmp.resolve("usr-share-datasets/fashion-mnist"), true, 3);
        assertEquals(3, load(search(Map.of()), null).train().label(0));
        fakeSet(tmp.resolve("home/.descent/data/fashion-mnist"), false, 4);
        assertEquals(4, load(search(Map.of()), null).train().label(0));
        fakeSet(tmp.resolve("env"), true, 5); // the files directly in $DESCENT_DATA
        assertEquals(5, load(search(Map.of("DESCENT_DATA", tmp.resolve("env").toString())), null).train().label(0));
        fakeSet(tmp.resolve("mine/fashion-mnist"), true, 6); // a given root with a fashion-mnist/ sub-directory
        TrainTest t = load(search(Map.of("DESCENT_DATA", tmp.resolve("env").toString())), tmp.resolve("mine"));
        assertEquals(6, t.train().label(0));
        assertEquals("Dataset(fashion-mnist-test, 1 examples x 4 features, 10 classes)", t.test().toString());
    }

    @Test
    void notFoundListsEveryPlaceAndTheInstallCommand() throws IOException {
        Path env = Files.createDirectories(tmp.resolve("env/fashion-mnist"));
        IdxFiles.write(env, "train-images-idx3-ubyte.gz", new byte[1]); // only one of four files
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> load(search(Map.of("DESCENT_DATA", tmp.resolve("env").toString())), null));
        String m = e.getMessage();
        assertTrue(m.startsWith("Fashion-MNIST not found."), m);
        assertTrue(m.contains(env + " (missing train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz],"
                + " t10k-labels-idx1-ubyte[.gz])"), m);
        assertTrue(m.contains(tmp.resolve("home/.descent/data/fashion-mnist") + " (no such directory)"), m);
        assertTrue(m.contains(tmp.resolve("usr-share-datasets/fashion-mnist") + " (no such directory)"), m);
        assertTrue(m.contains("sudo apt-get install dataset-fashion-mnist"), m);
        assertTrue(m.contains("./descent lab"), m);
        assertEquals(List.of(env, tmp.resolve("env"), tmp.resolve("home/.descent/data/fashion-mnist"),
                tmp.resolve("home/.descent/data"), tmp.resolve("usr-share-datasets/fashion-mnist"),
                tmp.resolve("usr-share-datasets")), e.places());
        DatasetNotFoundException unset = assertThrows(DatasetNotFoundException.class, () -> load(search(Map.of()), null));
        assertTrue(unset.getMessage().contains("$DESCENT_DATA is not set"), unset.getMessage());
    }

    @Test
    void aGivenDirectoryIsTheOnlyPlaceLooked() throws IOException {
        fakeSet(tmp.resolve("usr-share-datasets/fashion-mnist"), true, 3);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> load(search(Map.of()), empty));
        assertEquals(List.of(empty.resolve("fashion-mnist"), empty), e.places());
    }

    @Test
    void acceptsUncompressedAndDottedFileNames() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("dotted"));
        IdxFiles.write(d, "x.idx3-ubyte", new byte[0]);
        assertNull(DataSearch.locate(d, "train-images-idx3-ubyte"));
        IdxFiles.write(d, "train-images.idx3-ubyte", new byte[0]);
        assertEquals(d.resolve("train-images.idx3-ubyte"), DataSearch.locate(d, "train-images-idx3-ubyte"));
        IdxFiles.write(d, "train-images-idx3-ubyte", new byte[0]);
        assertEquals(d.resolve("train-images-idx3-ubyte"), DataSearch.locate(d, "train-images-idx3-ubyte"));
        IdxFiles.write(d, "train-images-idx3-ubyte.gz", new byte[0]);
        assertEquals(d.resolve("train-images-idx3-ubyte.gz"), DataSearch.locate(d, "train-images-idx3-ubyte"));
    }

    @Test
    void aBrokenFileInTheTestSetSurfacesAsIdxFormatException() throws IOException {
        Path d = fakeSet(tmp.resolve("broken"), false, 1);
        IdxFiles.write(d, "t10k-labels-idx1-ubyte", IdxFiles.labels(2, 2)); // 2 labels for 1 test image
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> load(search(Map.of()), d));
        assertTrue(e.getMessage().contains("has 2 labels but t10k-images-idx3-ubyte has 1 images"), e.getMessage());
    }
}
