package descent.train;

import descent.nn.Layer;
import descent.nn.Parameter;
import descent.nn.Sequential;
import descent.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Records each step's per-layer statistics ({@link LayerStats}) and their means over the epoch.
 *
 * <pre>
 *   per step, layer i:  activationMean = mean(output_i),  activationStd = std(output_i),  gradNorm = ‖∂L/∂θ_i‖
 *   per epoch:          the mean of each over the epoch's steps
 * </pre>
 */
final class LayerStatsRecorder {
    private final Sequential model;
    private final List<String> names;
    private final List<List<Parameter>> parameters = new ArrayList<>();
    private final double[] mean, std, gradNorm;
    private final double[] meanSum, stdSum, gradNormSum;
    private int steps;

    LayerStatsRecorder(Sequential model) {
        this.model = model;
        List<String> layerNames = new ArrayList<>();
        for (Layer l : model.layers()) {
            layerNames.add(l.toString());
            parameters.add(l.parameters());
        }
        names = List.copyOf(layerNames);
        int n = model.size();
        mean = new double[n];
        std = new double[n];
        gradNorm = new double[n];
        meanSum = new double[n];
        stdSum = new double[n];
        gradNormSum = new double[n];
    }

    /** This step's statistics, after backward: the layers' outputs and gradients are those of the step. */
    LayerStats record() {
        for (int i = 0; i < mean.length; i++) {
            Matrix a = model.output(i);
            double s = 0, s2 = 0;
            for (int k = 0; k < a.size(); k++) {
                double v = a.flat(k);
                s += v;
                s2 += v * v;
            }
            mean[i] = s / a.size();
            std[i] = Math.sqrt(Math.max(0, s2 / a.size() - mean[i] * mean[i]));
            double g = 0;
            for (Parameter p : parameters.get(i)) {
                Matrix d = p.grad();
                for (int k = 0; k < d.size(); k++) g += d.flat(k) * d.flat(k);
            }
            gradNorm[i] = parameters.get(i).isEmpty() ? Double.NaN : Math.sqrt(g);
            meanSum[i] += mean[i];
            stdSum[i] += std[i];
            gradNormSum[i] += gradNorm[i];
        }
        steps++;
        return new LayerStats(names, mean, std, gradNorm);
    }

    /** The means over the steps recorded since the last call, which starts a new epoch. */
    LayerStats epochMeans() {
        double[] m = new double[mean.length], s = new double[mean.length], g = new double[mean.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = meanSum[i] / steps;
            s[i] = stdSum[i] / steps;
            g[i] = gradNormSum[i] / steps;
        }
        java.util.Arrays.fill(meanSum, 0);
        java.util.Arrays.fill(stdSum, 0);
        java.util.Arrays.fill(gradNormSum, 0);
        steps = 0;
        return new LayerStats(names, m, s, g);
    }
}
