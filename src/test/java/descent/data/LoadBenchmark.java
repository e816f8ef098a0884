package descent.data;

import java.nio.file.Path;

/**
 * Times {@link Datasets#fashionMnist()}: the first call in this JVM (what a notebook user waits for) and a few more.
 * Not a unit test (no timing assertions in the build); run it by hand next to numpy's script:
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes descent.data.LoadBenchmark [DIR]
 * /usr/bin/python3 src/test/resources/descent/data/bench/numpy_load.py [DIR]
 * </pre>
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) {
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            TrainTest d = args.length > 0 ? Datasets.fashionMnist(Path.of(args[0])) : Datasets.fashionMnist();
            long t1 = System.nanoTime();
            System.out.printf("descent: %s call %.3f s; %d + %d images, first label %d%n", rep == 0 ? "first" : "next ",
                    (t1 - t0) / 1e9, d.train().size(), d.test().size(), d.train().label(0));
        }
    }
}
