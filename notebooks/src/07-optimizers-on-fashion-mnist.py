import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "07-optimizers-on-fashion-mnist.ipynb"), [
md(r"""
# 07 · Optimizers on Fashion-MNIST

*Deep Learning from Scratch* §6.1.7 ("comparing the update methods on MNIST") and Hung-yi Lee, *Machine Learning
2021*, P7 (adaptive learning rate, learning-rate scheduling and warm-up).

**Running time** (measured on the project's 2-core machine): about 3–3.5 minutes (183 s and 208 s in two runs, other jobs sharing the machine) with the settings below,
and 31 s with `DESCENT_QUICK=1` (fewer iterations, for CI).

Notebooks 01 and 02 watched SGD, Momentum, AdaGrad, RMSProp and Adam on two-variable functions, where every step can
be drawn. Do the same differences show on a real network with tens of thousands of weights? The book's experiment:
a fully connected network with four hidden layers of 100 ReLU units (784-100-100-100-100-10), He initialization,
mini-batches of 128 images, 2,000 updates, and each optimizer at the book's settings:

| optimizer | book's setting |
|---|---|
| SGD | $\eta = 0.01$ |
| Momentum | $\eta = 0.01$, momentum 0.9 |
| AdaGrad | $\eta = 0.01$ |
| Adam | $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$ |

The book uses MNIST; we use Fashion-MNIST (same size and format, harder). Every optimizer starts from the same
weights and sees the same mini-batches, so only the update rule differs. The four runs are independent and go in
parallel, one per core.
"""),
code(r"""
boolean quick = "1".equals(System.getenv("DESCENT_QUICK"));
var data = Datasets.fashionMnist(quick ? 10000 : 60000);     // quick: the first 10,000 training and test images
var race = OptimizerRace.book().withIterations(quick ? 300 : 2000);
race
"""),
code(r"""
var book = race.run(data.train(), data.test(),
        Optimizers.sgd(0.01), Optimizers.momentum(0.01, 0.9), Optimizers.adaGrad(0.01), Optimizers.adam(0.001));
book.figure()
"""),
md(r"""
Each thin line is the loss of one mini-batch; the thick line its moving average over 11 updates (the book smooths its
Figure 6-9 in the same way). The table: `finalLoss` is the mean loss of the last 100 updates, `testAccuracy` the
accuracy on the 10,000 test images after the last update.
"""),
code(r"""
book.table()
"""),
md(r"""
**What the book says, and what we see.** The book's Figure 6-9 shows SGD clearly the slowest and the other three
close together, with AdaGrad slightly ahead. Here too SGD is far behind: after 2,000 updates its loss is about
0.46, the others' about 0.30–0.33. Among the three adaptive or momentum methods the order differs from the book's:
Adam ends lowest and AdaGrad and Momentum are practically tied. The differences between them are small compared with
the noise of a single mini-batch (the thin lines), and they change with the data set (Fashion-MNIST instead of
MNIST), the seed and the exact settings (our AdaGrad's $\varepsilon$ is PyTorch's $10^{-10}$, the book's is $10^{-7}$).
The book's own conclusion is the robust part: SGD at $\eta = 0.01$ is slow, and the other three learn faster.
(Exercise 1 repeats the race with other seeds.)

The learning rates are part of the comparison, not fixed by nature: SGD with $\eta = 0.1$ is a different race
(exercise 2).

## Learning-rate warm-up

The lecture's scheduling section: Adam's $\hat v$ (the per-weight $\sigma^2$) is estimated from very few gradients at
the start, so the first steps can be erratic. **Warm-up** starts with a tiny learning rate and raises it linearly to
$\eta$ over the first updates (used for ResNet and the Transformer), giving the statistics time to settle. Here:
Adam with $\eta = 0.01$ and $\eta = 0.03$ — ten and thirty times the book's — each without and with 200 steps of
linear warm-up (`Schedules.warmupConstant(200)`), for 1,000 updates.
"""),
code(r"""
var warm = race.withIterations(quick ? 300 : 1000).run(data.train(), data.test(),
        Optimizers.adam(0.01), Optimizers.adam(0.01).withSchedule(Schedules.warmupConstant(200)),
        Optimizers.adam(0.03), Optimizers.adam(0.03).withSchedule(Schedules.warmupConstant(200)));
warm.figure()
"""),
code(r"""
warm.lrFigure()
"""),
code(r"""
warm.table()
"""),
code(r"""
warm.curves().where(warm.curves().intColumn("iteration").isIn(0, 5, 10, 20, 50, 100, 200, 400))
        .sortOn("optimizer", "iteration")
"""),
md(r"""
Without warm-up, Adam throws the network off course in its first steps: `smoothedLoss` at iteration 0 (the mean
of the first six updates) is about 3.0 at $\eta = 0.01$ and about 10 at $\eta = 0.03$, against an initial loss of 2.4.
The reason is Adam's first step: with $m$ and $v$ bias-corrected, $\hat m_1/\sqrt{\hat v_1} = g/|g| = \pm 1$, so
**every** weight moves by the full $\eta$ at once, whatever the size of its gradient — 0.03 is large next to He
initial weights of about $\sqrt{2/100} \approx 0.14$. With warm-up the first steps are 200 times smaller, and the
loss falls smoothly from the start.

After 1,000 updates warm-up helped at $\eta = 0.03$ (final loss 0.52 against 0.54, test accuracy 0.83 against 0.79)
and made no difference worth mentioning at $\eta = 0.01$. Both large rates end worse than the book's $\eta = 0.001$
(final loss 0.30 and test accuracy 0.87 after 2,000 updates; compare its curve at 1,000 updates in the first
figure). Warm-up is what makes a large learning rate usable — deep networks such as the Transformer often
do not train at all without it — not a way to speed up a network that already trains well.

## Exercises

1. **Seeds.** Run the book's race with `race.withSetup(race.setup().withSeed(2))` and with seed 3. Which orderings
   survive a change of seed?
2. **Tuned SGD.** Add `Optimizers.sgd(0.1)` and `Optimizers.sgd(0.3)` to the race. How close does a tuned SGD come
   to Adam?
3. **RMSProp and Nesterov.** Add `Optimizers.rmsProp(0.001)` and `Optimizers.nesterov(0.01, 0.9)`.
4. **Batch size.** `race.withSetup(race.setup().withBatchSize(32))` and batch size 512: the same number of updates
   sees 4× fewer or more images. Which optimizer is hurt most by small batches?
5. **Warm-up length.** Try `Schedules.warmupConstant(20)` and `warmupConstant(500)` with Adam at $\eta = 0.03$, and
   `Schedules.warmupCosine(200, 1000)`, which also decays the rate after the warm-up (`warm.lrFigure()` shows it).
"""),
])
