import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "04-batch-normalization.ipynb"), [
md(r"""
# 04 · Feature normalization and batch normalization

Hung-yi Lee, *Machine Learning 2021*, P9 ("Batch Normalization") and §3 of the "training tips" text;
*Deep Learning from Scratch* §6.3.

The lecture's idea is to **change the error surface** rather than the optimizer: when inputs have very different
ranges, the error surface is stretched and gradient descent struggles; normalizing the inputs makes it round.
Batch normalization does the same inside the network, for every layer, using the statistics of the current
**batch**. This notebook shows the stretched surface, walks through batch normalization on a tiny batch, and
reruns the book's experiment: a deep network trained with and without batch normalization from 16 weight scales.

*Run time (2 cores, measured with `./descent run`):* full setting 58 s of computation (65 s with the kernel's start-up), almost all of it the 32-network sweep at the end, measured on the project's 2-core machine at load average 5; 269 s at load 10, when other jobs shared the cores. `DESCENT_QUICK=1` (4 weight scales, 5 epochs): 11 s.
"""),
code(r"""
var quick = "1".equals(System.getenv("DESCENT_QUICK"));   // CI: a smaller sweep
var started = System.nanoTime();
quick
"""),
md(r"""
## Changing the landscape

Take $y = b + w_1 x_1 + w_2 x_2$ where $x_1$ lies in $[1, 5]$ and $x_2$ in $[100, 500]$. A small change of $w_2$
moves $y$ a hundred times more than the same change of $w_1$, so the loss is **steep along $w_2$ and flat along
$w_1$**: long thin ellipses. `FeatureScaling.of` draws 100 such examples ($y = 2 + 3x_1 + 0.05x_2$ + noise), sets
$b$ to its best value for every $(w_1, w_2)$, and runs gradient descent from $w = 0$ on the raw and on the
**standardized** features $\tilde{x}_i = (x_i - m_i)/\sigma_i$. Each run gets the learning rate $1.5/\lambda_{max}$,
three quarters of the largest stable rate on its own surface.
"""),
code(r"""
var scaling = FeatureScaling.of(100, 100, 42);
scaling.figure()
"""),
code(r"""
scaling.table()
"""),
md(r"""
The curvatures $\lambda$ are the eigenvalues of the Hessian $2\,\mathrm{Cov}(x)$; their ratio, the **condition
number** $\kappa$, is about $10^4$ on the raw features and about 1 after standardizing. On the raw surface the path
zig-zags across $w_2$ and then crawls along $w_1$: after 100 steps it is still far from the minimum (`stepsTo1e-3`
is empty). On the round surface the gradient points at the minimum and about ten steps are enough. As the lecture
says, the gradient follows the normal of the contour lines, which only points at the minimum when the contours are
circles.

For whole data sets descent has `Standardizer.fit(train)` (mean 0, std 1 per feature, fitted on the training set
only and then applied to the test set with `transform`).

## Batch normalization, step by step

In a deep network the output $z$ of one layer is the input of the next, and its features have arbitrary, changing
ranges. Batch normalization standardizes them across the examples of a batch:

$$\mu = \frac{1}{N}\sum_i z^i,\qquad \sigma^2 = \frac{1}{N}\sum_i (z^i - \mu)^2,\qquad
\tilde{z}^i = \frac{z^i - \mu}{\sqrt{\sigma^2 + \varepsilon}},\qquad \hat{z}^i = \gamma \odot \tilde{z}^i + \beta$$

$\gamma$ and $\beta$ are learned (starting at 1 and 0), so the network can undo the normalization where a mean of
0 and variance of 1 is not what the next layer needs. Because $\mu$ and $\sigma$ depend on every example in the
batch, the examples are now tied together: the batch acts like one big input. Four examples of three features with
very different ranges, $\gamma = (1, 2, 1)$, $\beta = (0, 0, 5)$:
"""),
code(r"""
var z = Matrix.of(new double[][] {{1, 100, -3}, {2, 300, -1}, {3, 200, 0}, {6, 400, 4}});
var steps = BatchNormSteps.of(z, new double[] {1, 2, 1}, new double[] {0, 0, 5});
steps.input()
"""),
code(r"""
steps.statistics()
"""),
md(r"""
Feature 0: $\mu = (1 + 2 + 3 + 6)/4 = 3$ and $\sigma^2 = (4 + 1 + 0 + 9)/4 = 3.5$. The normalized values have
mean 0 and variance 1 in every column, whatever the original range:
"""),
code(r"""
steps.normalized()
"""),
code(r"""
steps.output()
"""),
md(r"""
### Testing: running statistics

At test time there may be a single example, so there is no batch to average over. The layer therefore keeps a
**moving average** of $\mu$ and $\sigma^2$ during training, $\bar{\mu} \leftarrow 0.9\,\bar{\mu} + 0.1\,\mu$
(PyTorch's `momentum=0.1`; the book writes the same rule with 0.9), and uses it in evaluation mode. Starting from
$\bar{\mu} = 0$ and $\bar{\sigma}^2 = 1$, the averages approach the batch statistics as $1 - 0.9^k$:
"""),
code(r"""
steps.running(20)
"""),
md(r"""
Evaluation mode normalizes each example with these running statistics. After a single training pass they are still
far from the batch's, so the evaluation outputs are far from the training ones; after 50 passes they agree to a
few digits. (This is why a network with batch normalization must be switched to evaluation mode for testing —
`net.eval()`, or `net.predict(x)`, which descent's `Trainer.evaluate` uses.)
"""),
code(r"""
steps.evaluation(50)
"""),
md(r"""
## The book's experiment: batch normalization across weight scales

*Deep Learning from Scratch* §6.3.2 trains a network of 5 hidden layers of 100 ReLU units on 1,000 training images
with SGD (learning rate 0.01, batches of 100, 20 epochs), once with and once without batch normalization, for 16
initial weight scales from 1 down to $10^{-4}$ (`np.logspace(0, -4, 16)`). We use Fashion-MNIST instead of MNIST
(harder: accuracies are lower) and put batch norm between each dense layer and its ReLU, as the book does. The
32 runs are independent and run in parallel on all cores; each has a fixed seed, so the result does not depend on
thread timing.
"""),
code(r"""
var fashion = Datasets.fashionMnist();
var train = fashion.train().sample(1000, 42);
var scales = quick ? BatchNormSweep.logspace(0, -4, 4) : BatchNormSweep.bookScales();
var sweep = BatchNormSweep.run(BatchNormSweep.bookSetup().withEpochs(quick ? 5 : 20).withSeed(7), train, scales);
sweep.figure()
"""),
code(r"""
sweep.table()
"""),
md(r"""
Solid lines: with batch norm; dashed: without. As in the book, **batch normalization learns at almost every
scale** and usually faster, while the plain network learns only in a narrow band of scales (around 0.15–0.3, close
to He's $\sqrt{2/100} \approx 0.14$ for the hidden layers). With small weights the plain network's signal dies
layer by layer and its accuracy stays at the level of guessing one class; with batch norm the signal is rescaled
at every layer, so the scale of the weights barely matters until it becomes extreme ($10^{-4}$, where even the
normalized network learns slowly in 20 epochs).

Where our figure differs from the book's, and why:
- **Fashion-MNIST is harder than MNIST**, so the best accuracies are around 0.95 on these 1,000 training images
  rather than the book's near 1.0.
- **At scales 1 and 0.54 the plain network diverges** in its first iterations: its activations grow about sevenfold per layer
  (notebook 05 measures this), the gradients explode and the loss becomes infinite. descent's trainer stops such a run, restores the weights of
  the step before, and the row says at which iteration (`plainDivergedAt`); its curve ends there. The book's numpy
  code keeps computing with NaN, which appears in its figure as a flat line at chance level.
- Around scale 0.29 the plain network can end slightly *ahead* of the normalized one. Batch norm makes training
  robust to the scale, not better at every single scale.

The whole curves are in a long table, one row per scale, network and epoch:
"""),
code(r"""
sweep.curves().where(sweep.curves().doubleColumn("scale").isEqualTo(scales[scales.length / 2]))
"""),
code(r"""
String.format("This notebook ran in %.1f s", (System.nanoTime() - started) / 1e9)
"""),
md(r"""
## Exercises

1. **Condition number.** Change the data of `FeatureScaling` in your head: if $x_2$ lay in $[1, 5]$ too, what would
   $\kappa$ be before standardizing? Check your answer against the formula $\kappa = \lambda_{max}/\lambda_{min}$
   for a diagonal Hessian $2\,\mathrm{diag}(\mathrm{var}(x_1), \mathrm{var}(x_2))$.
2. **Adaptive rates.** Notebook 02's AdaGrad and Adam give each parameter its own learning rate. Run
   `Optimizers.adam(0.5).minimize(scaling.raw(), Vec.of(0, 0), 100)` and draw it with
   `Plots.contour(scaling.raw(), ...)`. Does Adam need standardized features?
3. **By hand.** Compute $\tilde{z}$ and $\hat{z}$ of the first example of feature 2 in the step-by-step batch on
   paper and compare with `steps.output()`.
4. **Momentum of the running statistics.** How many training passes does the running mean need to get within 1% of
   the batch mean, with momentum 0.1? Check it in `steps.running(60)`.
5. **Batch size.** Batch normalization estimates $\mu$ and $\sigma$ from each batch. Rerun the sweep for a few scales
   with a batch size of 10 — change `Trainer...batchSize` in your own loop, or write one `Trainer` with
   `Mlp.of(784, 100, 100, 100, 100, 100, 10).batchNorm().init(Initializers.normal(0.01))` — what happens to the
   training curve?
"""),
])
