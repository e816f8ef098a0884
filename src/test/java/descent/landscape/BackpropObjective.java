package descent.landscape;

import descent.fn.Objective;
import descent.fn.Vec;
import descent.nn.Loss;
import descent.nn.Losses;
import descent.nn.Parameter;
import descent.nn.Sequential;
import descent.tensor.Matrix;

/** Test helper: a network's loss as an Objective whose gradient is the network's own backward pass. */
final class BackpropObjective implements Objective {
    private final Sequential net;
    private final Loss loss;
    private final Matrix x, t;

    BackpropObjective(Sequential net, Matrix x, Matrix t) {
        this(net, Losses.softmaxCrossEntropy(), x, t);
    }

    BackpropObjective(Sequential net, Loss loss, Matrix x, Matrix t) {
        this.net = net;
        this.loss = loss;
        this.x = x;
        this.t = t;
    }

    private void set(Vec theta) {
        double[] v = theta.toArray();
        int o = 0;
        for (Parameter p : net.parameters()) {
            System.arraycopy(v, o, p.value().data(), 0, p.size());
            o += p.size();
        }
    }

    @Override public int dim() { return net.parameterCount(); }
    @Override public String name() { return "backprop"; }

    @Override
    public synchronized double value(Vec theta) {
        set(theta);
        return loss.forward(net.forward(x), t);
    }

    @Override
    public synchronized Vec gradient(Vec theta) {
        set(theta);
        loss.forward(net.forward(x), t);
        net.backward(loss.backward());
        double[] g = new double[dim()];
        int o = 0;
        for (Parameter p : net.parameters()) {
            System.arraycopy(p.grad().data(), 0, g, o, p.size());
            o += p.size();
        }
        return Vec.of(g);
    }
}
