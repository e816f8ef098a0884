package descent.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One-line access to real and synthetic datasets.
 *
 * <pre>{@code
 * var fashion = Datasets.fashionMnist();        // TrainTest[train=Dataset(fashion-mnist-train, 60000 examples x 784 features, 10 classes), test=...]
 * var quick = Datasets.fashionMnist(1000);      // the first 1000 training and 1000 test images
 * var few = fashion.train().sample(500, 42);    // 500 random training images, the same for seed 42
 * var moons = Datasets.moons(200, 0.1, 42);     // Dataset(moons(n=200, noise=0.1, seed=42), 200 examples x 2 features, 2 classes)
 * }</pre>
 *
 * <p>Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, https://github.com/zalandoresearch/fashion-mnist) is looked for, in
 * order, in a directory you pass, {@code $DESCENT_DATA}, {@code ~/.descent/data} and {@code /usr/share/datasets}
 * (Debian's {@code dataset-fashion-mnist}), each either holding the four files directly or in a
 * {@code fashion-mnist/} sub-directory. The files keep their official names
 * ({@code train-images-idx3-ubyte.gz}, ...), gzipped or not. A directory you pass is the only place looked: if the
 * files are not there, that is an error rather than a silent fallback to other data.
 *
 * <p>Synthetic 2-D sets take the total size {@code n}, a noise level (standard deviation of Gaussian noise added to
 * each coordinate) and a seed; rows come out shuffled, classes as equal in size as possible:
 * <pre>
 * spirals  class c, point i of m:  u = i/m,  θ = 3π·u + c·π,  x = u·(cos θ, sin θ)
 * moons    upper: (cos t, sin t);  lower: (1 − cos t, 0.5 − sin t);  t evenly in [0, π]    (sklearn make_moons)
 * circles  outer: (cos t, sin t);  inner: 0.5·(cos t, sin t);  t evenly in [0, 2π)         (sklearn make_circles)
 * xor      p uniform in [−1, 1]²;  class = 0 if p0·p1 ≥ 0 else 1
 * blobs    class c of k: centre (cos 2πc/k, sin 2πc/k), the origin when k = 1
 * linear   p uniform in [−1, 1]²;  class = 1 if p1 > p0 else 0
 * each coordinate then gets + noise·N(0, 1)
 * </pre>
 * (source: {@code Synthetic.java} in this package). Reading IDX files: {@link Idx}. User guide: {@code docs/data.md}.
 */
public final class Datasets {
    /** Fashion-MNIST's labels 0..9, as named in its README. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** MNIST's labels: the digits. */
    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** The official file names (without .gz), in the order train images, train labels, test images, test labels. */
    public static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    /** Where Zalando publishes Fashion-MNIST (the four .gz files). */
    public static final URI FASHION_MNIST_URL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    /** The environment variable naming a data directory. */
    public static final String DATA_ENV = DataSearch.ENV;

    static final DataSearch.Spec FASHION = new DataSearch.Spec("fashion-mnist", "Fashion-MNIST", IDX_FILES,
            "Install it with:  sudo apt-get install dataset-fashion-mnist   (or run ./descent lab, which installs it)");
    static final DataSearch.Spec MNIST = new DataSearch.Spec("mnist", "MNIST", IDX_FILES,
            "Put the four MNIST files (train-images-idx3-ubyte.gz, ...) in ~/.descent/data/mnist or in $DESCENT_DATA,"
                    + " or download them with Datasets.downloadIdx(\"mnist\", baseUrl, checksums).");

    private Datasets() {
    }

    /** Fashion-MNIST, 60,000 training and 10,000 test images of 28×28, found in the standard places. */
    public static TrainTest fashionMnist() {
        return fashionMnist(null, Integer.MAX_VALUE);
    }

    /** The first {@code limit} training and the first {@code limit} test images (all, if there are fewer). */
    public static TrainTest fashionMnist(int limit) {
        return fashionMnist(null, limit);
    }

    /** Fashion-MNIST from {@code dir} (holding the four files, or a {@code fashion-mnist/} directory with them). */
    public static TrainTest fashionMnist(Path dir) {
        return fashionMnist(dir, Integer.MAX_VALUE);
    }

    public static TrainTest fashionMnist(Path dir, int limit) {
        return load(FASHION, DataSearch.ofSystem(), dir, limit, FASHION_MNIST_CLASSES);
    }

    /** Classic MNIST digits from {@code $DESCENT_DATA/mnist} or {@code ~/.descent/data/mnist}. */
    public static TrainTest mnist() {
        return mnist(null, Integer.MAX_VALUE);
    }

    /** Classic MNIST digits from a directory holding the four files you downloaded. */
    public static TrainTest mnist(Path dir) {
        return mnist(dir, Integer.MAX_VALUE);
    }

    public static TrainTest mnist(Path dir, int limit) {
        return load(MNIST, DataSearch.ofSystem(), dir, limit, MNIST_CLASSES);
    }

    /** The directory {@link #fashionMnist()} would read, or a {@link DatasetNotFoundException} listing where it looked. */
    public static Path fashionMnistDir() {
        return DataSearch.ofSystem().find(FASHION, null).dir();
    }

    /** Finds and reads one IDX set; the test set is read on a second thread while the training set is read here. */
    static TrainTest load(DataSearch.Spec spec, DataSearch search, Path dir, int limit, List<String> classes) {
        DataSearch.Found found = search.find(spec, dir);
        List<Path> f = found.files();
        String name = spec.dir();
        FutureTask<Dataset> test = new FutureTask<>(() -> Idx.dataset(name + "-test", f.get(2), f.get(3), classes, limit));
        Thread t = new Thread(test, "descent-idx-test");
        t.setDaemon(true);
        t.start();
        Dataset train = Idx.dataset(name + "-train", f.get(0), f.get(1), classes, limit);
        try {
            return new TrainTest(train, test.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading " + spec.title(), e);
        }
    }

    // ---- downloads (opt-in; nothing in descent touches the network unless you call these) ----

    /**
     * Downloads {@code url} into {@code ~/.descent/data}, keeping the file name, and checks its checksum.
     *
     * @param checksum SHA-256 as 64 hex digits ({@code sha256sum FILE}), or MD5 as 32 hex digits
     * @return the downloaded file
     */
    public static Path download(URI url, String checksum) {
        return download(url, checksum, DataSearch.ofSystem().userData());
    }

    /** Downloads {@code url} into {@code dir}; a file already there with the right checksum is not fetched again. */
    public static Path download(URI url, String checksum, Path dir) {
        String path = url.getPath();
        String fileName = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (fileName.isEmpty()) {
            throw new IllegalArgumentException("Cannot name a file after " + url + "; expected a URL ending in a file"
                    + " name, such as .../train-images-idx3-ubyte.gz.");
        }
        return Downloader.fetch(url, checksum, dir.resolve(fileName));
    }

    /**
     * Downloads the four IDX files {@code base + name + ".gz"} into {@code ~/.descent/data/<set>} (e.g.
     * {@code set = "fashion-mnist"}, {@code base = FASHION_MNIST_URL}) and checks each against its checksum.
     *
     * @param checksums file name (with .gz) → SHA-256 or MD5 hex, one for each of the four files
     * @return the directory, ready for {@link #fashionMnist(Path)} or {@link #mnist(Path)}
     */
    public static Path downloadIdx(String set, URI base, Map<String, String> checksums) {
        return downloadIdx(base, checksums, DataSearch.ofSystem().userData().resolve(set));
    }

    /** Like {@link #downloadIdx(String, URI, Map)} into any directory. */
    public static Path downloadIdx(URI base, Map<String, String> checksums, Path dir) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String f : IDX_FILES) {
            String gz = f + ".gz";
            String sum = checksums.get(gz);
            if (sum == null) {
                throw new IllegalArgumentException("No checksum for " + gz + "; expected one for each of "
                        + IDX_FILES.stream().map(x -> x + ".gz").toList() + ". Got checksums for " + checksums.keySet() + ".");
            }
            sums.put(gz, sum);
        }
        String b = base.toString().endsWith("/") ? base.toString() : base + "/";
        sums.forEach((file, sum) -> download(URI.create(b + file), sum, dir));
        return dir;
    }

    // ---- synthetic 2-D sets (formulas in Synthetic) ----

    /** Two interleaved spirals of 1.5 turns each: the classic hard case for a linear model. */
    public static Dataset spirals(int n, double noise, long seed) {
        return Synthetic.spirals(n, noise, seed);
    }

    /** Two interleaving half circles (sklearn's make_moons). */
    public static Dataset moons(int n, double noise, long seed) {
        return Synthetic.moons(n, noise, seed);
    }

    /** A circle of radius 0.5 inside a circle of radius 1. */
    public static Dataset circles(int n, double noise, long seed) {
        return Synthetic.circles(n, noise, seed);
    }

    /** Points in [−1, 1]², class 1 where the coordinates have opposite signs. */
    public static Dataset xor(int n, double noise, long seed) {
        return Synthetic.xor(n, noise, seed);
    }

    /** {@code k} Gaussian blobs of standard deviation {@code noise} around points evenly spaced on the unit circle. */
    public static Dataset blobs(int n, int k, double noise, long seed) {
        return Synthetic.blobs(n, k, noise, seed);
    }

    /** Points in [−1, 1]² split by the line x1 = x0, blurred by noise: a linear model can do (almost) perfectly. */
    public static Dataset linear(int n, double noise, long seed) {
        return Synthetic.linear(n, noise, seed);
    }
}
