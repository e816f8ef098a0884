package descent.data;

import descent.tensor.DType;
import descent.tensor.Matrix;

/**
 * Per-column mean, standard deviation (population, dividing by n as numpy's {@code std()} and sklearn's
 * {@code StandardScaler} do), min and max of a matrix, in two passes (mean first, then squared deviations, which is
 * more accurate than the one-pass sum of squares). Package-private: the scalers and {@link Scaling} share it.
 */
final class FeatureStats {
    final double[] mean, std, min, max;

    private FeatureStats(int c) {
        mean = new double[c];
        std = new double[c];
        min = new double[c];
        max = new double[c];
    }

    /**
     * A scaler's output: {@code values} (computed in doubles, row-major, {@code input}'s shape) stored in
     * {@code input}'s dtype, so that float32 features stay float32; float64 ones are wrapped without a copy.
     */
    static Matrix likeInput(Matrix input, double[] values) {
        Matrix out = Matrix.wrap(input.rows(), input.cols(), values);
        return input.isFloat32() ? out.to(DType.FLOAT32) : out;
    }

    static FeatureStats of(Matrix x, String who) {
        int r = x.rows(), c = x.cols();
        FeatureStats s = new FeatureStats(c);
        java.util.Arrays.fill(s.min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(s.max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = x.flat(i * c + j);   // either dtype
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(who + ": value " + v + " at row " + i + ", feature " + j
                            + " is not a finite number; clean or drop it before computing statistics.");
                }
                s.mean[j] += v;
                if (v < s.min[j]) s.min[j] = v;
                if (v > s.max[j]) s.max[j] = v;
            }
        }
        for (int j = 0; j < c; j++) s.mean[j] /= r;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double dev = x.flat(i * c + j) - s.mean[j];
                s.std[j] += dev * dev;
            }
        }
        for (int j = 0; j < c; j++) s.std[j] = Math.sqrt(s.std[j] / r);
        return s;
    }

    /** A feature is constant when its min equals its max: an exact test, unlike std == 0 after rounding. */
    boolean constant(int j) {
        return min[j] == max[j];
    }

    int constantCount() {
        int k = 0;
        for (int j = 0; j < min.length; j++) if (constant(j)) k++;
        return k;
    }
}
