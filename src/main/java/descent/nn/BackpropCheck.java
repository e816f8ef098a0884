package descent.nn;

import descent.base.Format;
import descent.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Backpropagation checked against central differences, tensor by tensor.
 *
 * <pre>
 *   numerical  ∂L/∂θ_k ≈ (L(θ + h·e_k) − L(θ − h·e_k)) / 2h          for every coordinate k
 *   relative error of a tensor = ‖g_backprop − g_numerical‖ / max(‖g_backprop‖ + ‖g_numerical‖, 1e-4)
 * </pre>
 *
 * For a single layer the loss is L = Σ y ⊙ R with a fixed random R, so that dL/dy = R exercises every output; for a
 * model it is the model's loss on given targets. Deep Learning from Scratch §5.7 (gradient check), CS231n's relative
 * error. Dropout masks are held fixed during the check; batch norm's running statistics do change.
 * {@link descent.fn.GradientCheck} is the same idea for functions R^n → R.
 *
 * <pre>{@code
 * var data = Datasets.spirals(8, 0.05, 1);
 * var check = BackpropCheck.layer(Layers.batchNorm(2), data.x(), 42);
 * check.maxRelativeError();    // 3.08e-11
 * check.toTable();             // tensor, shape, size, relativeError, maxAbsDifference: gamma, beta, input
 * var net = Mlp.of(2, 4, 2).seed(1);
 * BackpropCheck.model(net, Losses.softmaxCrossEntropy(), data.x(), data.oneHot())   // BackpropCheck(5 tensors, max relative error 4.36e-11)
 * }</pre>
 */
public final class BackpropCheck {
    /** The difference step: small enough for O(h²) truncation error, large enough to keep rounding error small. */
    public static final double H = 1e-5;

    /**
     * The smallest denominator of the relative error. A tensor whose true gradient is 0 (a bias right before batch
     * norm) has backprop and numerical gradients that are both rounding noise, ~1e-11 apart; their "relative" error
     * would be 1. Below this norm the error is measured against the floor instead.
     */
    public static final double FLOOR = 1e-4;

    /** The check of one tensor. */
    public record Result(String tensor, String shape, int size, double relativeError, double maxAbsDifference) {
    }

    private final List<Result> results;

    private BackpropCheck(List<Result> results) {
        this.results = List.copyOf(results);
    }

    /** Checks a layer's parameter gradients and its input gradient at x, with a random projection drawn from seed. */
    public static BackpropCheck layer(Layer layer, Matrix x, long seed) {
        checkPoint(layer, x, null);
        Matrix input = x.copy();
        Matrix y = layer.forward(input);
        Matrix r = Matrix.zeros(y.rows(), y.cols());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < r.size(); i++) r.data()[i] = random.nextGaussian();
        DoubleSupplier loss = () -> {
            double[] out = layer.forward(input).data();
            double s = 0;
            for (int i = 0; i < out.length; i++) s += out[i] * r.data()[i];
            return s;
        };
        return check(layer, input, loss, () -> {
            layer.forward(input);
            return layer.backward(r);
        });
    }

    /** Checks every parameter tensor of a model, and its input gradient, under {@code loss} at (x, target). */
    public static BackpropCheck model(Layer model, Loss loss, Matrix x, Matrix target) {
        checkPoint(model, x, target);
        Matrix input = x.copy();
        DoubleSupplier value = () -> loss.forward(model.forward(input), target);
        return check(model, input, value, () -> {
            value.getAsDouble();
            return model.backward(loss.backward());
        });
    }

    /** A gradient check at a non-finite point compares NaN with NaN and says nothing; refuse it, naming where. */
    private static void checkPoint(Layer layer, Matrix x, Matrix target) {
        String hint = "a gradient check needs a finite point: pick finite inputs, targets and parameters.";
        float64Only(layer, x);
        LayerChecks.finite("BackpropCheck: the input x", x, hint);
        if (target != null) LayerChecks.finite("BackpropCheck: the target", target, hint);
        List<Parameter> params = layer.parameters();
        List<String> names = layer instanceof Sequential s ? new ArrayList<>(s.namedParameters().keySet())
                : params.stream().map(Parameter::name).toList();
        for (int i = 0; i < params.size(); i++) {
            LayerChecks.finite("BackpropCheck: parameter " + names.get(i) + " of " + layer, params.get(i).value(), hint);
        }
    }

    /**
     * Central differences with h = 1e-5 need float64: in float32 the rounding error of each loss (about 1e-7
     * relative) divided by 2h swamps the gradient. A float32 model is checked through its float64 twin.
     */
    private static void float64Only(Layer layer, Matrix x) {
        boolean float32 = x.isFloat32() || layer.parameters().stream().anyMatch(p -> p.value().isFloat32());
        if (float32) {
            throw new IllegalArgumentException("BackpropCheck runs in float64 only, but " + layer + (x.isFloat32()
                    ? " was given a float32 input" : " has float32 parameters") + ": a central difference with h = " + H
                    + " drowns in float32 rounding. Check the float64 twin instead: Mlp.of(...).float64() with the same"
                    + " seed, or model.to(DType.FLOAT64) for a model of your own (widening is exact), and a float64 input.");
        }
    }

    private interface Backprop {
        Matrix run();
    }

    private static BackpropCheck check(Layer layer, Matrix input, DoubleSupplier loss, Backprop backprop) {
        List<Dropout> dropouts = new ArrayList<>();
        collectDropouts(layer, dropouts);
        try {
            backprop.run(); // draws the dropout masks that the check then holds fixed
            dropouts.forEach(d -> d.repeatMask(true));
            Matrix dx = backprop.run().copy();
            Map<String, Matrix[]> pairs = new LinkedHashMap<>();
            List<Parameter> params = layer instanceof Sequential s ? new ArrayList<>(s.namedParameters().values()) : layer.parameters();
            List<String> names = layer instanceof Sequential s ? new ArrayList<>(s.namedParameters().keySet())
                    : params.stream().map(Parameter::name).toList();
            for (int i = 0; i < params.size(); i++) {
                pairs.put(names.get(i), new Matrix[]{params.get(i).grad().copy(), numerical(params.get(i).value(), loss)});
            }
            pairs.put("input", new Matrix[]{dx, numerical(input, loss)});
            List<Result> results = new ArrayList<>();
            pairs.forEach((name, p) -> results.add(compare(name, p[0], p[1])));
            return new BackpropCheck(results);
        } finally {
            dropouts.forEach(d -> d.repeatMask(false));
        }
    }

    private static void collectDropouts(Layer layer, List<Dropout> into) {
        if (layer instanceof Dropout d) into.add(d);
        if (layer instanceof Sequential s) s.layers().forEach(l -> collectDropouts(l, into));
    }

    private static Matrix numerical(Matrix theta, DoubleSupplier loss) {
        Matrix g = Matrix.zeros(theta.rows(), theta.cols());
        double[] t = theta.data();
        for (int k = 0; k < t.length; k++) {
            double keep = t[k];
            t[k] = keep + H;
            double up = loss.getAsDouble();
            t[k] = keep - H;
            double down = loss.getAsDouble();
            t[k] = keep;
            g.data()[k] = (up - down) / (2 * H);
        }
        return g;
    }

    private static Result compare(String name, Matrix backprop, Matrix numerical) {
        double diff = 0, maxAbs = 0;
        for (int i = 0; i < backprop.size(); i++) {
            double d = backprop.data()[i] - numerical.data()[i];
            diff += d * d;
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        double rel = Math.sqrt(diff) / Math.max(backprop.norm() + numerical.norm(), FLOOR);
        return new Result(name, backprop.shape(), backprop.size(), rel, maxAbs);
    }

    public List<Result> results() {
        return results;
    }

    /** The worst relative error over all tensors. */
    public double maxRelativeError() {
        return results.stream().mapToDouble(Result::relativeError).max().orElse(0);
    }

    /** The result for one tensor name ({@code W}, {@code 0.W}, {@code input}). */
    public Result result(String tensor) {
        return results.stream().filter(r -> r.tensor().equals(tensor)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No tensor '" + tensor + "' in this check; it has "
                        + results.stream().map(Result::tensor).toList() + "."));
    }

    public Table toTable() {
        StringColumn tensor = StringColumn.create("tensor");
        StringColumn shape = StringColumn.create("shape");
        IntColumn size = IntColumn.create("size");
        DoubleColumn rel = DoubleColumn.create("relativeError");
        DoubleColumn abs = DoubleColumn.create("maxAbsDifference");
        for (Result r : results) {
            tensor.append(r.tensor());
            shape.append(r.shape());
            size.append(r.size());
            rel.append(r.relativeError());
            abs.append(r.maxAbsDifference());
        }
        return Table.create("gradient check", tensor, shape, size, rel, abs);
    }

    @Override
    public String toString() {
        return "BackpropCheck(" + results.size() + " tensors, max relative error " + Format.number(maxRelativeError(), 3) + ")";
    }
}
