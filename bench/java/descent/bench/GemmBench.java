package descent.bench;

import descent.tensor.Blas;
import descent.tensor.DType;
import descent.tensor.Matrix;

import java.util.SplittableRandom;

/**
 * Matrix-multiply throughput through descent's own {@link Matrix} products (and so through the BLAS that
 * {@link Blas} found): the same shapes as bench/gemm_numpy.py, best of several timed rounds, one JSON line each.
 */
public final class GemmBench {

    private interface Product {
        void run(Matrix a, Matrix b, Matrix c);
    }

    public static void main(String[] argv) {
        Args args = new Args(argv);
        int threads = args.getInt("threads", 1);
        double budget = args.getDouble("budget", 1.0);
        String label = args.get("label", "descent");
        for (String dtype : args.get("dtypes", "float64").split(",")) {
            DType type = dtype.equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
            // The same shapes as bench/common.py's PEAK_SHAPE and ITERATION_GEMMS.
            probe(label, "square 1024", 1024, 1024, 1024, false, false, Matrix::timesInto, threads, budget, type);
            probe(label, "fwd 128x784 * 784x100", 128, 784, 100, false, false, Matrix::timesInto, threads, budget, type);
            probe(label, "fwd 128x100 * 100x100", 128, 100, 100, false, false, Matrix::timesInto, threads, budget, type);
            probe(label, "fwd 128x100 * 100x10", 128, 100, 10, false, false, Matrix::timesInto, threads, budget, type);
            probe(label, "dW 784x128 * 128x100 (A^T)", 784, 128, 100, true, false, Matrix::transposeTimesInto, threads, budget, type);
            probe(label, "dW 100x128 * 128x100 (A^T)", 100, 128, 100, true, false, Matrix::transposeTimesInto, threads, budget, type);
            probe(label, "dW 100x128 * 128x10 (A^T)", 100, 128, 10, true, false, Matrix::transposeTimesInto, threads, budget, type);
            probe(label, "dX 128x100 * 100x100 (B^T)", 128, 100, 100, false, true, Matrix::timesTransposeInto, threads, budget, type);
            probe(label, "dX 128x10 * 10x100 (B^T)", 128, 10, 100, false, true, Matrix::timesTransposeInto, threads, budget, type);
        }
    }

    /** C[m,n] = op(A)[m,k]·op(B)[k,n]; A and B are stored transposed when their op transposes. */
    private static void probe(String impl, String label, int m, int k, int n, boolean ta, boolean tb, Product product,
                              int threads, double budget, DType dtype) {
        SplittableRandom random = new SplittableRandom(0);
        Matrix a = random(ta ? k : m, ta ? m : k, random).to(dtype);
        Matrix b = random(tb ? n : k, tb ? k : n, random).to(dtype);
        Matrix c = Matrix.zeros(m, n, dtype);
        for (int i = 0; i < 20; i++) product.run(a, b, c);     // JIT and library warm-up
        int reps = 1;
        double dt;
        while (true) {
            dt = time(product, a, b, c, reps);
            if (dt > budget / 5) break;
            reps *= 2;
        }
        double best = dt;
        for (int i = 0; i < 4; i++) best = Math.min(best, time(product, a, b, c, reps));
        Json.line().put("impl", impl).put("probe", "gemm").put("shape", label).put("dtype", dtype.toString())
                .put("threads", threads).put("gflops", 2.0 * m * k * n * reps / best / 1e9)
                .put("blas", Blas.implementation()).emit();
    }

    private static double time(Product product, Matrix a, Matrix b, Matrix c, int reps) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) product.run(a, b, c);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Matrix random(int rows, int cols, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) d[i] = random.nextGaussian();
        return m;
    }
}
