import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "05-activations-and-initialization.ipynb"), [
md(r"""
# 05 · Activation functions and weight initialization

The "training tips" text (seed 001: what to do when a deep network does not even fit its training data) and
*Deep Learning from Scratch* §6.2.

When a deep network trains badly *on its training set*, two culprits sit at the very start of the design: the
**activation function** of the hidden layers and the **initial weights**. Both decide whether a signal — forward,
the activations; backward, the gradient — survives its trip through many layers. This notebook measures the
sigmoid's **vanishing gradient**, trains ReLU, Leaky ReLU, PReLU and Maxout side by side (and draws the activation
Maxout learned), looks at the book's **activation histograms** for four initializations, and ends with the book's
comparison of initializations on Fashion-MNIST.

*Run time (2 cores, measured with `./descent run`):* full setting 21 s of computation (27 s with the kernel's start-up), mostly the three 2,000-iteration Fashion-MNIST runs at the end, measured on the project's 2-core machine at load average 4; 140 s at load 10, when other jobs shared the cores. `DESCENT_QUICK=1` (300 iterations): 33–54 s, measured only at load 6–10.
"""),
code(r"""
var quick = "1".equals(System.getenv("DESCENT_QUICK"));   // CI: fewer training iterations at the end
var started = System.nanoTime();
var fashion = Datasets.fashionMnist();
fashion
"""),
md(r"""
## The sigmoid's vanishing gradient

$\sigma(x) = 1/(1 + e^{-x})$ has the derivative $\sigma'(x) = \sigma(x)(1 - \sigma(x))$, at most $1/4$ (at $x = 0$).
Backpropagation multiplies the gradient by this slope once per layer, so the parameters near the input receive a
product of many numbers below $1/4$: their gradient is tiny and they hardly learn, while the layers near the output
learn fast. The text's observation: with more than about three sigmoid layers the lowest layers barely move.

One forward and backward pass of 256 Fashion-MNIST images through 8 hidden layers of 100 units, at
initialization, with the usual initializer for each activation (Xavier for sigmoid and tanh, He for ReLU). The
plot shows $\lVert\partial L/\partial W\rVert$ of every dense layer on a log scale:
"""),
code(r"""
var flow = GradientFlow.of(fashion.train().head(256), 8, 100, 1);
flow.figure()
"""),
code(r"""
flow.table()
"""),
md(r"""
With sigmoid the gradient shrinks about fourfold per layer towards the input: the first layer's is about $2 \cdot 10^{-5}$ of
the last layer's (`relativeToLast`). Tanh (slope 1 at 0) and ReLU (slope exactly 1 wherever it is active) pass it
through at roughly the same size. ReLU is also cheaper to compute, and the text gives one more way to see it: an
active ReLU is linear, an inactive one outputs 0 and drops out, so for a given input the network is a thinner
*linear* network — whose gradient does not shrink.

## ReLU, Leaky ReLU, Parametric ReLU and Maxout

ReLU outputs exactly 0 for negative inputs, and then its gradient is 0 too. The variants keep a little slope there:

| activation | $x > 0$ | $x \le 0$ | learned |
|---|---|---|---|
| ReLU | $x$ | $0$ | — |
| Leaky ReLU | $x$ | $0.01x$ | — |
| Parametric ReLU | $x$ | $\alpha x$ | $\alpha$, by gradient descent like the weights |
| Maxout | $\max$ of $k$ linear pieces | | all pieces |

**Maxout** replaces the activation by a learned one: each unit computes $k$ linear functions of its input and
outputs the largest. ReLU is the special case of two pieces with one fixed at 0, and with more pieces a unit can
learn any convex piecewise-linear shape. The four networks below have the same widths, initial weights (He) and
batches; Maxout's hidden layers hold $k = 2$ pieces per unit, so it has about twice the weights.
"""),
code(r"""
var spirals = Datasets.spirals(400, 0.05, 1);
var split = Splits.trainTest(spirals, 0.25, 2);
var activations = ActivationComparison.run(new NetSetup(2, 16, Optimizers.adam(0.01), 32, 100, 1), split.train(), split.test(), 2);
activations.table()
"""),
code(r"""
activations.figure()
"""),
code(r"""
activations.regions()
"""),
md(r"""
On a problem this small all four learn the spirals; the differences in the loss curves are small and depend on the
seed (try another one). PReLU's learned slope (`learnedAlpha`, the first layer's $\alpha$, which started at
0.25) is worth a look: here it went slightly *negative*, something neither ReLU nor Leaky ReLU can express.

What did Maxout learn? Each panel is one unit of its first layer as a function of the input $x_0$ (with $x_1 = 0$):
the two dashed pieces and their maximum, the unit's activation function. Some units learned a ReLU-like bend, others
a V like $|x|$ — shapes the lecture draws for Maxout:
"""),
code(r"""
activations.maxout()
"""),
md(r"""
## Weight initialization: the distribution of activations

*Deep Learning from Scratch* §6.2.2: feed 1,000 random inputs (100 Gaussian numbers each) through 5 layers of 100
units without biases, and draw a histogram of each layer's outputs. All weights are the same standard-normal
draws, only scaled by each initializer:

- **std 1** — `Initializers.normal(1)`;
- **std 0.01** — `Initializers.normal(0.01)`;
- **Xavier** — std $\sqrt{1/n}$ for $n$ inputs (the book's form; Glorot's original is $\sqrt{2/(n_{in} + n_{out})}$,
  `Initializers.glorot()`);
- **He** — std $\sqrt{2/n}$, twice the variance, because ReLU zeroes half of its inputs.

### Sigmoid
"""),
code(r"""
var inits = new Initializer[] {Initializers.normal(1), Initializers.normal(0.01), Initializers.xavier(), Initializers.he()};
var sigmoid = ActivationHistograms.of(Mlp.Activation.SIGMOID, 1, inits);
sigmoid.figure()
"""),
code(r"""
sigmoid.table()
"""),
md(r"""
As in the book: with **std 1** the outputs pile up at 0 and 1, where the sigmoid is flat — a third or more of the
units are `stuck` (slope under 1% of its maximum), so gradients vanish. With **std 0.01** every output sits near
0.5: no unit is stuck, but all units say nearly the same thing, which wastes the layer ("limited expressive
power"). **Xavier** keeps a broad spread in every layer; He, meant for ReLU, spreads a little more.

In the later layers the Xavier and He histograms turn ragged. The book sees the same distortion and points at the
cause: the sigmoid is not symmetric around 0. Every output carries the offset 0.5, so each unit of the next layer
receives a fixed shift $0.5 \sum_i w_i$ of its own, while the part that differs between examples keeps shrinking;
deep down, each spike is one unit's narrow cluster. Tanh, symmetric around 0, does not have this offset.

### Tanh

"""),
code(r"""
var tanh = ActivationHistograms.of(Mlp.Activation.TANH, 1, inits);
tanh.figure()
"""),
code(r"""
tanh.table()
"""),
md(r"""
Its histograms stay smooth and centred. With std 0.01 the outputs shrink by a
factor of about 10 per layer (tanh is nearly the identity there, and each layer multiplies by
$0.01 \cdot \sqrt{100} = 0.1$). Xavier keeps them alive but still narrowing slowly; with std 1 three quarters of
the units are saturated at ±1.

### ReLU

Half of all ReLU outputs are exactly 0 whatever the weights, so the histograms below leave out the zeros (the
`stuck` column counts them):
"""),
code(r"""
var relu = ActivationHistograms.of(Mlp.Activation.RELU, 1, inits);
relu.figure()
"""),
code(r"""
relu.table()
"""),
md(r"""
The book's §6.2.3 in numbers: with **std 0.01** the outputs shrink about tenfold per layer (their std drops from
0.06 to $10^{-6}$ by layer 5), with **Xavier** they shrink more slowly ($\sqrt{2}$ per layer), and with **He**
they keep the same spread in every layer. With **std 1** they explode instead, by about 7 per layer, beyond the
histogram's range. Because every initializer scales the same draws, ReLU zeroes exactly the same units for all
four: the `stuck` column is identical, only the magnitudes differ.

## The book's comparison on Fashion-MNIST

§6.2.4: 5 hidden layers of 100 ReLU units, SGD with learning rate 0.01, batches of 128, 2,000 iterations, from
std 0.01, Xavier and He. (The book uses MNIST; Fashion-MNIST is harder, so the losses end higher.) The three runs
are independent and run in parallel, with fixed seeds.
"""),
code(r"""
var initComparison = InitComparison.run(InitComparison.bookSetup(), fashion.train(), fashion.test(), quick ? 300 : 2000,
        Initializers.normal(0.01), Initializers.xavier(), Initializers.he());
initComparison.figure()
"""),
code(r"""
initComparison.table()
"""),
md(r"""
The same ordering as the book: with **std 0.01 the network does not learn at all** — its loss stays at
$\ln 10 \approx 2.3026$, guessing uniformly over the ten classes, because the forward signal and the gradient both
vanish through five layers of tiny weights. **He** learns fastest and **Xavier** follows closely. The raw
per-iteration losses are in `initComparison.losses()`.
"""),
code(r"""
String.format("This notebook ran in %.1f s", (System.nanoTime() - started) / 1e9)
"""),
md(r"""
## Exercises

1. **Deeper sigmoid.** Rerun `GradientFlow.of(fashion.train().head(256), depth, 100, 1)` with depth 4 and 16. By
   what factor does the first layer's gradient shrink per extra layer? Compare with the bound $1/4$.
2. **Batch norm against vanishing gradients.** Build `Mlp.of(784, 100, 100, 100, 100, 100, 100, 100, 100, 10).sigmoid().batchNorm().seed(1)`,
   train it for one step with `Trainer.of(net, fashion.train(), Optimizers.sgd(0.1)).step().layers().toTable()` and
   look at `gradNorm`. Does batch norm before each sigmoid keep the gradient alive? Why?
3. **Leaky slopes.** Replace `leakyRelu(0.01)` by larger slopes with `Mlp.of(2, 16, 16, 2).leakyRelu(0.3).seed(1)`.
   At what slope does the network become too linear to learn the spirals?
4. **More pieces.** Train `Mlp.of(2, 16, 16, 2).maxout(4).seed(1)` on the spirals and draw its units with
   `ActivationComparison.maxoutFigure((Maxout) net.layer(0), 4, split.train())`. Are the learned functions convex?
   Can they be anything else?
5. **Glorot vs Xavier.** Add `Initializers.glorot()` to the tanh histograms. For 100 × 100 layers it equals the
   book's Xavier — why? When would they differ?
6. **Zero init.** Train with `Initializers.zeros()` (the book's §6.2.1). What is the loss after 100 iterations, and
   why does every unit of a layer learn the same thing?
"""),
])
