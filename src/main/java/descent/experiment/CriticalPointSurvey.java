package descent.experiment;

import descent.base.Check;
import descent.base.Parallel;
import descent.data.Dataset;
import descent.fn.Functions;
import descent.fn.Objective;
import descent.fn.Vec;
import descent.landscape.CriticalPoint;
import descent.landscape.NetworkLoss;
import descent.nn.Mlp;
import descent.optim.Optimizers;
import descent.plot.LineTrace;
import descent.plot.PlotlyFigure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The lecture's empirical question (Hung-yi Lee, ML 2021 P5): when training a network gets stuck at a point where the
 * gradient is (nearly) zero, is that a local minimum? Train many small networks, drive each to a critical point, and
 * classify it by the eigenvalues of its exact Hessian.
 *
 * <pre>
 *   for each seed:  Mlp.of(in, hidden, classes).tanh(), Adam(0.01) on L for steps/2 steps,
 *                   then Adam(0.001) on ½‖∇L(θ)‖² for steps/2 steps (its gradient is H·∇L, an exact H·v):
 *                   this converges to critical points of any kind, saddles included
 *   at the end:     ‖∇L‖, the eigenvalues of H, the kind (critical when ‖∇L‖ &lt; GRAD_TOL = 0.01),
 *                   minimum ratio = share of positive eigenvalues
 * </pre>
 *
 * With softmax cross-entropy some eigenvalues are exactly 0: adding the same number to every class score changes
 * nothing, so for k classes and h hidden units the last layer has h + 1 flat directions (5 for a 2-4-2 network).
 * Those points come out {@code DEGENERATE} (no negative eigenvalue, some zero) or {@code SADDLE} (some negative).
 *
 * The lecture's figure (after Dauphin et al. 2014 and the empirical studies it cites) plots training loss against
 * minimum ratio and finds almost no point with ratio 1: where training stalls there is nearly always a direction
 * that still goes down.
 *
 * <pre>{@code
 * var s = CriticalPointSurvey.of(Datasets.spirals(20, 0.1, 1), 4, 4, 1000, 1);
 * s.table();     // seed, loss, gradNorm, negative, zero, positive, minimumRatio, kind
 * s.figure()     // training loss against minimum ratio, one point per network
 * }</pre>
 *
 * @param table  one row per network
 * @param figure training loss against minimum ratio
 */
public record CriticalPointSurvey(Table table, PlotlyFigure figure) {
    /** ‖∇L‖ below which the survey counts a point as critical (a hundredth of a typical initial gradient norm). */
    public static final double GRAD_TOL = 1e-2;

    /** {@code networks} networks with seeds seed, seed+1, ..., trained in parallel; see the class comment. */
    public static CriticalPointSurvey of(Dataset data, int hidden, int networks, int steps, long seed) {
        Check.atLeast("hidden width", hidden, 1, "such as 4");
        Check.atLeast("number of networks", networks, 1, "such as 12");
        Check.atLeast("number of steps", steps, 2, "such as 3000");
        List<CriticalPoint> points = Parallel.map(networks, k -> {
            Mlp net = Mlp.of(data.features(), hidden, data.classes()).tanh().seed(seed + k);
            NetworkLoss f = NetworkLoss.of(net, data);
            Vec theta = Optimizers.adam(0.01).minimize(f, f.point(), steps / 2).last().x();
            Objective gradNorm = Functions.of("½‖∇L‖²", f.dim(), t -> {
                Vec g = f.gradient(Vec.of(t));
                return 0.5 * g.dot(g);
            }, t -> {
                Vec x = Vec.of(t);
                return f.hvp(x, f.gradient(x)).toArray();
            });
            theta = Optimizers.adam(0.001).minimize(gradNorm, theta, steps - steps / 2).last().x();
            return CriticalPoint.classify(f, theta, GRAD_TOL, CriticalPoint.DEFAULT_EIG_TOL);
        });
        IntColumn s = IntColumn.create("seed"), neg = IntColumn.create("negative"), zero = IntColumn.create("zero");
        IntColumn pos = IntColumn.create("positive");
        DoubleColumn loss = DoubleColumn.create("loss"), g = DoubleColumn.create("gradNorm"), ratio = DoubleColumn.create("minimumRatio");
        StringColumn kind = StringColumn.create("kind");
        double[] xs = new double[networks], ys = new double[networks];
        for (int k = 0; k < networks; k++) {
            CriticalPoint p = points.get(k);
            int n = 0, z = 0, q = 0;
            for (int i = 0; i < p.eigen().size(); i++) {
                double v = p.eigen().value(i);
                if (v > p.eigTol()) q++;
                else if (v < -p.eigTol()) n++;
                else z++;
            }
            s.append((int) (seed + k));
            loss.append(p.value());
            g.append(p.gradNorm());
            neg.append(n);
            zero.append(z);
            pos.append(q);
            ratio.append(p.minimumRatio());
            kind.append(p.kind().toString());
            xs[k] = p.minimumRatio();
            ys[k] = p.value();
        }
        Table table = Table.create(networks + " networks " + data.features() + "-" + hidden + "-" + data.classes()
                + " (tanh) on " + data.size() + " examples, driven to ‖∇L‖ ≈ 0", s, loss, g, neg, zero, pos, ratio, kind);
        PlotlyFigure figure = PlotlyFigure.of("Where training stops: loss against minimum ratio",
                LineTrace.of(xs, ys).mode("markers").name("one network").color("#1f77b4"))
                .withAxisTitles("minimum ratio (share of positive eigenvalues)", "training loss")
                .withLayout("xaxis.range", new double[] {0, 1.05});
        return new CriticalPointSurvey(table, figure);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
