package descent.train;

import descent.data.Dataset;
import descent.tensor.Matrix;

import java.util.List;
import java.util.SplittableRandom;

/** A private two-spiral generator for the trainer's tests (the public one lives in descent.data). */
final class Spirals {
    private Spirals() {
    }

    /** n points per class on two interleaved spirals of {@code turns} turns, with Gaussian noise. */
    static Dataset of(int n, double turns, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(2 * n, 2);
        int[] y = new int[2 * n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                double t = (i + 1) / (double) n;             // 0..1 along the arm
                double angle = 2 * Math.PI * turns * t + c * Math.PI;
                int k = c * n + i;
                x.set(k, 0, t * Math.cos(angle) + noise * r.nextGaussian());
                x.set(k, 1, t * Math.sin(angle) + noise * r.nextGaussian());
                y[k] = c;
            }
        }
        return new Dataset("spirals", x, y, List.of("a", "b"));
    }
}
