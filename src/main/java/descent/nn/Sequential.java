package descent.nn;

import descent.tensor.DType;
import descent.tensor.Matrix;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Layers applied one after another; backward runs them in reverse.
 *
 * <pre>
 *   forward   h_0 = x,  h_i = layer_i(h_{i−1}),  y = h_n
 *   backward  g_n = dL/dy,  g_{i−1} = layer_i.backward(g_i)
 * </pre>
 *
 * <pre>{@code
 * var net = Sequential.of(Layers.dense(2, 16, 1), Layers.relu(), Layers.dense(16, 2, 2));
 * net;                         // Sequential[Dense(2, 16, seed=1), ReLU, Dense(16, 2, seed=2)]
 * net.parameterCount();        // 82
 * net.summary();               // index, layer, output, params
 * net.predict(Matrix.of(new double[][]{{0.5, -0.5}}));   // evaluation-mode outputs, copied: Matrix(1x2)[[0.0195611, -0.455702]]
 * var file = java.nio.file.Files.createTempFile("net", ".bin");
 * net.save(file); net.load(file);
 * }</pre>
 *
 * Parameters and buffers are named by layer index and name, as PyTorch's state_dict: {@code 0.W}, {@code 0.b},
 * {@code 1.gamma}, {@code 1.runningMean}.
 *
 * <p><b>float32.</b> {@link #to(DType) to(DType.FLOAT32)} (or {@link Mlp#float32()}) makes the parameters,
 * activations and gradients float32 and the products {@code sgemm}; inputs and targets stay float64 (data sets are
 * double) and {@link #forward} converts each batch once into a float32 buffer; {@link #predict} returns float64.
 * Buffers that are statistics or counters (batch norm's running mean and variance, dropout's generator) stay float64.
 */
public class Sequential implements Layer {
    private final List<Layer> layers;
    private final Matrix[] outputs;
    private boolean training = true;
    private DType dtype = DType.FLOAT64;
    private Matrix input;   // float32: this batch's input converted once

    protected Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A Sequential model needs at least one layer.");
        }
        this.layers = List.copyOf(layers);
        this.outputs = new Matrix[layers.size()];
    }

    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    public static Sequential of(List<? extends Layer> layers) {
        return new Sequential(new ArrayList<>(layers));
    }

    /** Outputs for a batch; throws, naming the row and column, if the input holds NaN or an infinity. */
    @Override
    public Matrix forward(Matrix x) {
        if (x.firstNonFinite() >= 0) {   // the message is built only then: a training step allocates nothing
            LayerChecks.finite(getClass().getSimpleName() + " input", x, "remove or impute non-finite values first (missing values in the data?)");
        }
        return forwardTrusted(x);
    }

    /**
     * {@link #forward} without its check that every input is finite, for a caller that checked its data once: the
     * {@code Trainer} checks a data set when it is given one, and then skips this pass over each batch (a 128×784
     * batch: about 60–150 µs, 5–10 % of a float32 step). A NaN or infinite input then gives non-finite outputs
     * instead of an exception, and batch norm in training mode takes it into its running statistics.
     *
     * <pre>{@code
     * var net = Mlp.of(2, 8, 2).seed(1);
     * var data = Datasets.spirals(10, 0.05, 1);   // finite: checked once, here by hand
     * if (data.x().firstNonFinite() < 0) net.forwardTrusted(data.x());   // 10x2 scores
     * }</pre>
     */
    public Matrix forwardTrusted(Matrix x) {
        Matrix h = x;
        if (x.dtype() != dtype) h = input = Matrix.reuse(input, x.rows(), x.cols(), dtype).copyFrom(x);
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h);
            outputs[i] = h;
        }
        return h;
    }

    @Override
    public Matrix backward(Matrix dy) {
        Matrix g = dy;
        for (int i = layers.size() - 1; i >= 0; i--) g = layers.get(i).backward(g);
        return g;
    }

    /** Backward without the gradient with respect to the input, which training never needs. */
    @Override
    public void backwardParameters(Matrix dy) {
        Matrix g = dy;
        for (int i = layers.size() - 1; i >= 1; i--) g = layers.get(i).backward(g);
        layers.get(0).backwardParameters(g);
    }

    /**
     * Evaluation-mode outputs for x, copied as float64 (also from a float32 model); the training/evaluation mode is
     * restored afterwards. Throws, naming the
     * row and column, on a non-finite input, and on a NaN output (naming the first non-finite parameter, if any).
     * An output that overflows to ±Infinity from finite weights is returned as it is: its argmax is still defined.
     */
    public Matrix predict(Matrix x) {
        boolean was = training;
        setTraining(false);
        try {
            Matrix y = forward(x);
            int bad = y.firstNonFinite();
            if (bad >= 0) {
                String broken = brokenTensor();
                if (broken != null || Double.isNaN(y.flat(bad))) {
                    throw new ArithmeticException(getClass().getSimpleName() + " output is " + y.flat(bad) + " at row " + bad / y.cols()
                            + ", column " + bad % y.cols() + " although the input is finite" + (broken != null
                            ? "; the model itself is broken: " + broken + " (a diverged training run? reload a saved model or retrain with"
                            + " a smaller learning rate)." : "; the values overflowed: scale the features, e.g. with Scaling, or use smaller weights."));
                }
            }
            return y.to(DType.FLOAT64);
        } finally {
            setTraining(was);
        }
    }

    /** "0.W holds NaN at row 1, column 2" for the first parameter or buffer that is not finite, else null. */
    private String brokenTensor() {
        for (Map.Entry<String, Matrix> e : stateTensors().entrySet()) {
            Matrix m = e.getValue();
            int b = m.firstNonFinite();
            if (b >= 0) return e.getKey() + " holds " + m.flat(b) + " at row " + b / m.cols() + ", column " + b % m.cols();
        }
        return null;
    }

    /** The output of layer i from the last forward (live buffer), or null before any forward. */
    public Matrix output(int i) {
        return outputs[i];
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int i) {
        return layers.get(i);
    }

    public int size() {
        return layers.size();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.parameters());
        return Collections.unmodifiableList(all);
    }

    /** Parameters by qualified name ({@code 0.W}, {@code 0.b}, ...), in layer order. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) m.put(i + "." + p.name(), p);
        }
        return m;
    }

    @Override
    public Map<String, Matrix> buffers() {
        Map<String, Matrix> m = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, Matrix> e : layers.get(i).buffers().entrySet()) m.put(i + "." + e.getKey(), e.getValue());
        }
        return m;
    }

    /** Everything a saved model holds: parameters then buffers, by qualified name. */
    public Map<String, Matrix> stateTensors() {
        Map<String, Matrix> m = new LinkedHashMap<>();
        namedParameters().forEach((k, p) -> m.put(k, p.value()));
        m.putAll(buffers());
        return m;
    }

    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters()) n += p.size();
        return n;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        for (Layer l : layers) l.setTraining(training);
    }

    public boolean isTraining() {
        return training;
    }

    /** What the parameters, activations and gradients are stored as: float64 unless converted with {@link #to}. */
    public DType dtype() {
        return dtype;
    }

    /**
     * Converts every parameter to {@code dtype}, in place, and returns this, as PyTorch's {@code model.to(dtype)}:
     * float64 to float32 rounds each value to nearest, float32 to float64 is exact (so a float32 model's float64 twin
     * computes with exactly its weights). Start a new Trainer afterwards: optimizer states belong to one dtype. For an
     * {@link Mlp}, prefer {@link Mlp#float32()}, which keeps the choice in its spec.
     */
    public Sequential to(DType dtype) {
        if (dtype == null) {
            throw new IllegalArgumentException("Sequential.to needs a dtype, DType.FLOAT32 or DType.FLOAT64.");
        }
        for (Layer l : layers) if (l instanceof Sequential s) s.to(dtype);
        for (Parameter p : parameters()) p.convert(dtype);
        this.dtype = dtype;
        input = null;
        return this;
    }

    /** Training mode (batch statistics, dropout on); returns this. */
    public Sequential train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode (running statistics, dropout off); returns this. */
    public Sequential eval() {
        setTraining(false);
        return this;
    }

    @Override
    public int outputWidth(int inputWidth) {
        int w = inputWidth;
        for (Layer l : layers) w = l.outputWidth(w);
        return w;
    }

    /** The input width the first layer that fixes one expects (each layer is asked), or empty if none does. */
    @Override
    public OptionalInt inputWidth() {
        for (Layer l : layers) {
            OptionalInt w = l.inputWidth();
            if (w.isPresent()) return w;
        }
        return OptionalInt.empty();
    }

    /** One row per layer: index, layer, output shape (N = batch size), number of parameters. */
    public Table summary() {
        OptionalInt w = inputWidth();
        if (w.isEmpty()) {
            throw new IllegalStateException("Cannot infer the input width of " + this + ": no layer declares one"
                    + " (Layer.inputWidth()); use summary(inputWidth).");
        }
        return summary(w.getAsInt());
    }

    public Table summary(int inputWidth) {
        IntColumn index = IntColumn.create("index");
        StringColumn layer = StringColumn.create("layer");
        StringColumn output = StringColumn.create("output");
        IntColumn params = IntColumn.create("params");
        int w = inputWidth;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            w = l.outputWidth(w);
            index.append(i);
            layer.append(l.toString());
            output.append("N x " + w);
            params.append(l.parameters().stream().mapToInt(Parameter::size).sum());
        }
        return Table.create(getClass().getSimpleName() + " (" + parameterCount() + " parameters)", index, layer, output, params);
    }

    /**
     * Writes all parameters and buffers (batch norm's running statistics, dropout's generator state) to a file in
     * the format of {@link ParameterFile}, with checksums. Refuses a model holding NaN or an infinity, naming it.
     */
    public void save(Path file) {
        ParameterFile.write(file, stateTensors());
    }

    /**
     * Reads parameters and buffers saved from a model of the same architecture. The whole file is read and checked
     * (magic, version, checksums, names, shapes, length, finite values) before anything is assigned: on error the
     * model is unchanged.
     */
    public void load(Path file) {
        ParameterFile.readInto(file, stateTensors());
    }

    protected String layersString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(layers.get(i));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Sequential[" + layersString() + (dtype == DType.FLOAT32 ? "; float32" : "") + "]";
    }
}
