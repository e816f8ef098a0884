import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "03-classification.ipynb"), [
md(r"""
# 03 · Classification: softmax, MSE and cross-entropy

Hung-yi Lee, *Machine Learning 2021*, P8 ("Classification") and §2 of the "training tips" text.

A classifier outputs one **class** out of a fixed set. This notebook builds the lecture's argument step by step:
write the class as a **one-hot vector** and treat classification as regression; squash the network's scores with
**softmax**; compare the two losses, **mean squared error** and **cross-entropy**, on the lecture's picture of their
error surfaces; then train the same network on two spirals with each loss and look at the **decision regions**.

*Run time (2 cores, measured with `./descent run`):* 6.5 s of computation (14 s with the kernel's start-up) on the project's 2-core machine at load average 5; 9 s at load 10, when other jobs shared the cores. Everything here is small, so `DESCENT_QUICK=1`
(which CI uses to shrink data in the longer notebooks) changes nothing.
"""),
code(r"""
var started = System.nanoTime();
"""),
md(r"""
## Class as a one-hot vector

A first idea: number the classes 1, 2, 3 and regress on the number. But that says class 1 is "closer" to class 2
than to class 3, which is rarely true. The lecture's fix: class $k$ is the vector $\hat{y}$ with a 1 in position $k$
and 0 elsewhere — all classes equally far apart. The network then needs **one output per class**.
Three Gaussian blobs, six examples:
"""),
code(r"""
var blobs = Datasets.blobs(6, 3, 0.1, 1);
blobs.toTable()
"""),
code(r"""
blobs.oneHot()
"""),
md(r"""
## Softmax

The network's raw outputs $y$ (the **scores**, or logits) can be any real numbers. **Softmax** turns them into
probabilities $y'$ that are positive and sum to 1, and makes large scores dominate:

$$y'_i = \frac{\exp(y_i)}{\sum_j \exp(y_j)}$$

The lecture's example: scores $(3, 1, -3)$ become $(0.88, 0.12, \approx 0)$.
"""),
code(r"""
var scores = Matrix.of(new double[][] {{3, 1, -3}});
Layers.softmax().forward(scores)
"""),
md(r"""
(With two classes softmax is the same as a sigmoid of the score difference: $y'_1 = \sigma(y_1 - y_2)$.)

## Two losses

How far is $y'$ from the one-hot target $\hat{y}$? The lecture compares

$$\text{MSE: } e = \sum_i (\hat{y}_i - y'_i)^2 \qquad\qquad
\text{cross-entropy: } e = -\sum_i \hat{y}_i \ln y'_i$$

Minimizing cross-entropy is the same as maximizing the likelihood of the training labels, and it is so often used
with softmax that PyTorch (and descent's `SoftmaxCrossEntropy`) build the softmax into the loss. For the example
above with true class 1:
"""),
code(r"""
var target = Matrix.of(new double[][] {{1, 0, 0}});
var probabilities = Layers.softmax().forward(scores).copy();
var mseValue = Losses.mse().forward(probabilities, target);
var crossEntropyValue = Losses.softmaxCrossEntropy().forward(scores, target);
String.format("MSE %.5f, cross-entropy %.5f (= -ln %.5f)", mseValue, crossEntropyValue, probabilities.get(0, 0))
"""),
md(r"""
## The lecture's picture: the two error surfaces

Keep the third score fixed (the lecture uses $y_3 = -1000$, so only $y_1$ and $y_2$ matter) and draw both losses
over $(y_1, y_2) \in [-10, 10]^2$ for an example of class 1. Top left ($y_1$ small, $y_2$ large) the network is
**confidently wrong**. Start gradient descent there, at $(-4, 4)$, with the same learning rate on both surfaces:
"""),
code(r"""
var surfaces = LossSurfaces.lecture();
surfaces.figure()
"""),
code(r"""
surfaces.table()
"""),
md(r"""
Where the prediction is confidently wrong, the MSE surface is a **plateau**: $y'$ is almost $(0, 1, 0)$ and barely
changes when the scores move, so $e \approx 2$ everywhere and its gradient is about $10^{-3}$. Gradient descent
sits there ("end of MSE path" has hardly moved). Cross-entropy has a slope of about $\sqrt{2}$ in the same place and
its path walks straight to the right answer. Same model, same optimizer: **changing the loss changes how hard the
optimization is**. The two runs, step by step:
"""),
code(r"""
Plots.curves(surfaces.msePath(), surfaces.cePath())
"""),
md(r"""
## Training a classifier on two spirals

Two interleaved spirals, 400 points, a quarter kept aside as a test set. An untrained network splits the plane
arbitrarily:
"""),
code(r"""
var spirals = Datasets.spirals(400, 0.05, 1);
var split = Splits.trainTest(spirals, 0.25, 2);
var net = Mlp.of(2, 32, 32, 2).seed(1);
Plots.decisionBoundary(net, split.test())
"""),
md(r"""
`LossComparison.run` trains three copies of the same network (same initial weights, same batches) with
**one-hot regression** (MSE on the raw scores, no softmax), **softmax + MSE**, and **softmax + cross-entropy**.
A `NetSetup` describes the network and its training, as for every experiment: the network above (2 hidden layers
of 32, seed 1), SGD, batches of 32, 100 epochs:
"""),
code(r"""
var setup = new NetSetup(2, 32, Optimizers.sgd(0.3), 32, 100, 1);
var gentle = LossComparison.run(setup, split.train(), split.test());
gentle.table()
"""),
code(r"""
gentle.figure()
"""),
code(r"""
gentle.curves()
"""),
md(r"""
**Not what the lecture's picture suggests:** from descent's default start all three losses train about equally
well. That is not a contradiction. He initialization gives scores near 0, where softmax is undecided and both
surfaces slope — the middle of the picture above, not its plateau. The plateau hurts only examples whose scores
are already **large and wrong**.

So start from large scores: weights drawn with standard deviation 1 instead of He's $\sqrt{2/n}$ make the
untrained network's scores large, so many points start out confidently wrong:
"""),
code(r"""
var confident = LossComparison.run(setup.withOptimizer(Optimizers.sgd(0.1)).withInit(Initializers.normal(1.0)), split.train(), split.test());
confident.table()
"""),
code(r"""
confident.figure()
"""),
code(r"""
confident.curves()
"""),
md(r"""
Now the lecture's point shows clearly: cross-entropy pulls the confidently wrong examples back and reaches a
high accuracy, softmax + MSE improves much more slowly (its wrong examples sit on the plateau), and one-hot
regression on huge raw scores does not learn at all at this learning rate. The `epochTo90` column counts the
epochs each needed to reach 90% training accuracy (empty: never). If a run ever diverged, `divergedAt` would say
where it stopped.
"""),
code(r"""
String.format("This notebook ran in %.1f s", (System.nanoTime() - started) / 1e9)
"""),
md(r"""
## Exercises

1. **Softmax by hand.** Compute softmax of $(3, 1, -3)$ on paper and compare with the cell above. What happens to
   the probabilities when you add 100 to every score? When you multiply every score by 10?
2. **The third score.** `LossSurfaces.of(0, Vec.of(-4, 4), 1.0, 100)` keeps $y_3 = 0$ instead of $-1000$. How do
   the two surfaces change? Is the MSE plateau still there?
3. **Learning rate.** On the MSE surface, how large must the learning rate be before the path leaves the plateau
   within 100 steps? Try `LossSurfaces.of(-1000, Vec.of(-4, 4), lr, 100)` for a few values of `lr`. What happens on
   the cross-entropy surface with the same rates?
4. **Adam.** Rerun the confident comparison with `Optimizers.adam(0.01)`. Does an adaptive learning rate rescue
   softmax + MSE? Why might it (think of $\eta/\sigma$ on a plateau)?
5. **Three classes.** Train on `Datasets.blobs(300, 3, 0.4, 1)` with `Mlp.of(2, 16, 3)`. Which of the three setups
   draws the cleanest decision regions?
"""),
])
