package descent.train;

import descent.data.Dataset;
import descent.nn.Initializers;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.tensor.Blas;
import descent.tensor.Matrix;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Prints a fingerprint of a short training run on the benchmark's network (784-100×4-10, ReLU, batches of 128,
 * SGD then Adam, synthetic images): the bits of every loss and of every final weight, hashed. Run under different
 * {@code OPENBLAS_NUM_THREADS} by {@link ThreadCountTest}: equal fingerprints mean the thread count does not change a
 * single bit. By hand:
 * <pre>
 * OPENBLAS_NUM_THREADS=2 java -cp target/classes:target/test-classes:$(cat target/cp.txt) descent.train.ThreadCountFingerprint
 * </pre>
 */
public final class ThreadCountFingerprint {
    private ThreadCountFingerprint() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.println(Blas.implementation());
        System.out.println(fingerprint(steps));
    }

    /** The hash of the losses and final weights of {@code steps} SGD and {@code steps} Adam steps. */
    static String fingerprint(int steps) throws NoSuchAlgorithmException {
        Dataset data = synthetic(2000, 784, 10, 3);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(8);
        var nets = List.of(Mlp.of(784, 100, 100, 100, 100, 10).relu().init(Initializers.he()).seed(1),
                Mlp.of(784, 100, 100, 100, 100, 10).relu().init(Initializers.he()).seed(2));
        var trainers = List.of(Trainer.of(nets.get(0), data, Optimizers.sgd(0.05)).batchSize(128).seed(4),
                Trainer.of(nets.get(1), data, Optimizers.adam(0.001)).batchSize(128).seed(5));
        for (Trainer t : trainers) {
            for (int i = 0; i < steps; i++) sha.update(b.clear().putDouble(t.step().loss()).array());
            for (Matrix m : t.model().stateTensors().values()) for (double v : m.data()) sha.update(b.clear().putDouble(v).array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static Dataset synthetic(int n, int features, int classes, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n * features];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = rnd.nextInt(classes);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("class " + c);
        return new Dataset("synthetic", Matrix.wrap(n, features, x), y, names);
    }
}
