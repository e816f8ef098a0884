import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "09-critical-points-and-batch-size.ipynb"), [
md(r"""
# 09 · Critical points, batch size and the loss landscape

Hung-yi Lee, *Machine Learning 2021*, P5 ("local minima and saddle points") and P6 ("batch and momentum").

When training stalls with a small gradient, where are we? The lecture's answer: at a **critical point**, and the
gradient alone cannot say which kind — a local minimum, where no direction goes down, or a **saddle point**, where
some direction still does. The second derivatives can. This notebook computes them for real: the **Hessian** of a
surface and of a network's loss (exact, not by finite differences), its eigenvalues, the lecture's "minimum
ratio", and the escape from a saddle along an eigenvector. Then it looks at the **landscape** around a network
trained on Fashion-MNIST, and at the lecture's two other tools for getting through it: **batch size** and
**momentum**.

*Run time (2 cores, measured with `./descent run`):* full setting 92 s of computation (106 s with the kernel's
start-up) on the shared 2-core machine at load average 11 (125 s at load 25); most of it is the batch-size
comparison, whose batch-1 run makes 1,000 updates per epoch for 100 epochs. `DESCENT_QUICK=1`
(300 training images, fewer epochs, coarser grids): 39 s (59 s with start-up) at the same load.
"""),
code(r"""
var quick = "1".equals(System.getenv("DESCENT_QUICK"));   // CI: smaller data, fewer epochs, coarser grids
var started = System.nanoTime();
quick
"""),
md(r"""
## Critical points: what the gradient cannot tell

Near a point $\theta'$, the loss is approximated by its Taylor series

$$L(\theta) \approx L(\theta') + (\theta - \theta')^\top g + \tfrac{1}{2}(\theta - \theta')^\top H\,(\theta - \theta'),
\qquad g = \nabla L(\theta'),\quad H_{ij} = \frac{\partial^2 L}{\partial\theta_i\,\partial\theta_j}(\theta').$$

At a **critical point** $g = 0$, so only the last term decides. Write $v = \theta - \theta'$. If $v^\top H v > 0$
for every $v$ — all eigenvalues of $H$ positive — every step goes up: a **local minimum**. All negative: a **local
maximum**. Some positive, some negative: a **saddle point**. The saddle $x^2 - y^2$ at the origin:
"""),
code(r"""
var saddle = Functions.saddle();
var h = Hessian.of(saddle, Vec.of(0, 0));
h
"""),
code(r"""
CriticalPoint.classify(saddle, Vec.of(0, 0))
"""),
md(r"""
`Hessian.of` builds the matrix one column $H e_j$ at a time. `Functions.saddle()` gives only its gradient, so the
columns are central differences of that gradient (exact here: the gradient is linear). For functions written with
`Var` (`Functions.auto`) and for networks descent computes $H v$ **exactly** — by differentiating the gradient
computation itself along $v$ (forward-over-reverse automatic differentiation, and for networks Pearlmutter's
$\mathcal{R}$-operator through backprop). The method is printed with the matrix:
"""),
code(r"""
Hessian.of(Functions.beale(), Vec.of(3, 0.5))
"""),
md(r"""
Beale's function at its minimum $(3, 0.5)$: both eigenvalues positive.

## The lecture's example: $y = w_1 w_2 x$

One example $x = 1$, $\hat y = 1$, a "network" with two weights and no bias: $L(w_1, w_2) = (1 - w_1 w_2)^2$.
At the origin $g = 0$ and

$$H = \begin{pmatrix} 2w_2^2 & 4w_1w_2 - 2 \\ 4w_1w_2 - 2 & 2w_1^2 \end{pmatrix} = \begin{pmatrix} 0 & -2 \\ -2 & 0 \end{pmatrix},
\qquad \lambda = \pm 2,\quad u_{-2} = \tfrac{1}{\sqrt 2}(1, 1).$$

Along the eigenvector $u$ of $\lambda = -2$, $L(\theta' + t u) \approx L(\theta') + \tfrac12 \lambda t^2$ falls:
**the Hessian itself says where to go**. `SaddleEscape` classifies the point and runs gradient descent three
times: from the saddle itself, from a point on the positive-curvature eigenvector, and after one step of
$0.5\,u$:
"""),
code(r"""
var lecture = SaddleEscape.lecture();
lecture.point()
"""),
code(r"""
lecture.figure()
"""),
code(r"""
lecture.table()
"""),
md(r"""
From the saddle, gradient descent never moves (the gradient is exactly 0). From $(0.35, -0.35)$, on the
eigenvector of $\lambda = +2$, the gradient points straight at the saddle: the run walks into it and stalls there
with a tiny gradient — "training is stuck". One step along $u$ is enough to reach the valley of minima
$w_1 w_2 = 1$. There the Hessian $2(w_2, w_1)^\top(w_2, w_1)$ has one eigenvalue $0$: the valley is flat along
itself, and the second-order test cannot decide (`DEGENERATE`) — one of many such points of a neural network loss.

(The lecture notes that computing $H$ and its eigenvectors is rarely done in practice: for $n$ parameters it has
$n^2$ entries. Below we see how to get its extreme eigenvalues without forming it.)

## The same on a tiny network

A 1-2-1 network with tanh, 7 parameters, fitting $y = x$ on four points with MSE. At all-zero weights every output is
0 and every gradient vanishes — but the two layers' weights multiply each other, exactly as $w_1 w_2$ above:
"""),
code(r"""
var tiny = SaddleEscape.tinyNetwork();
tiny.point()
"""),
code(r"""
tiny.point().eigen().toTable()
"""),
code(r"""
tiny.figure()
"""),
code(r"""
tiny.table()
"""),
md(r"""
Three of the seven eigenvalues are positive: the lecture's **minimum ratio** is $3/7 \approx 0.43$. The run from
the saddle stays at loss 0.625 forever; the one started on the positive-curvature direction falls back into the
saddle; the one started along the most negative eigenvector leaves it and fits the data. At its end the
gradient is small but not yet 0 (`NOT_CRITICAL` with the default tolerance $10^{-3}$), and most eigenvalues are
positive.

### Where do networks stop?

The lecture's empirical figure: train many networks until the gradient is (nearly) zero, then plot the training
loss against the **minimum ratio**. `CriticalPointSurvey` trains 2-4-2 tanh networks (22 parameters) on 20 spiral
points from different seeds: first Adam on the loss, then Adam on $\tfrac12\lVert\nabla L\rVert^2$, whose gradient
is $H\nabla L$ — an exact Hessian–vector product — so it homes in on critical points of every kind. Then it
classifies each end point by its exact Hessian:
"""),
code(r"""
var survey = CriticalPointSurvey.of(Datasets.spirals(20, 0.1, 1), 4, quick ? 6 : 12, quick ? 1000 : 3000, 1);
survey.table()
"""),
code(r"""
survey.figure()
"""),
md(r"""
No network ends at a point where all eigenvalues are positive. Five eigenvalues are exactly 0 at every point:
softmax does not change when the same number is added to both class scores, so the last layer has $4 + 1$ flat
directions, and the minimum ratio of these networks cannot exceed $17/22 \approx 0.77$. Those with no negative
eigenvalue come out `DEGENERATE` — the second-order test cannot tell a minimum from a very flat saddle there — and
those with a negative one are saddles, as the lecture says most stalls are. Mostly, the lower the loss the
higher the minimum ratio, as in the lecture's figure; but several networks stall at a clearly higher loss (about
0.15–0.19 against 0.02) with the same ratio.

### Exact, and checked

The network's Hessian comes from the $\mathcal{R}$-operator: the directional derivative
$\mathcal{R}\{\cdot\} = \frac{d}{dr}(\cdot)(\theta + r v)|_{r=0}$ pushed through the forward and the backward pass,
e.g. $\mathcal{R}\{a\} = \mathcal{R}\{h\}W + hV_W + V_b$ for a dense layer. The unit tests compare it with central
differences of backprop's own gradient (relative error below $10^{-6}$) and $H v$ with the full matrix times $v$.
Here, one column against central differences:
"""),
code(r"""
var f = (NetworkLoss) tiny.f();
var theta = tiny.paths().get(2).last().x();                  // the end of the escaping run
var exact = Hessian.of(f, theta);
var fd = Hessian.centralDifference(f, theta, 1e-5);
var diff = 0.0;
for (int i = 0; i < f.dim(); i++) for (int j = 0; j < f.dim(); j++) diff = Math.max(diff, Math.abs(exact.get(i, j) - fd[i][j]));
diff
"""),
md(r"""
## The loss landscape of a trained network

What does the loss look like around weights found by training on real data? A network of $784 \cdot 32 + 32 + 32
\cdot 10 + 10 = 25{,}450$ parameters cannot be drawn, but its loss can be cut along one or two directions $d$:
$L(\theta^* + \alpha d)$. Li et al. (2018) pick random Gaussian directions and **filter-normalize** them: each
unit's incoming weights in $d$ are rescaled to the norm of the same unit's weights in $\theta^*$ (biases: 0). A ReLU
unit's output does not care about the scale of its weights, so without this the same minimum would look sharper or
flatter depending on how big the weights happen to be.

`LandscapeRun` trains `Mlp.of(784, 32, 10).relu()` on 1,000 Fashion-MNIST images (SGD, rate 0.1, batches of 50),
recording the weights four times per epoch, then cuts its landscape. Each grid point is one pass over the training
images, evaluated in parallel; the first layer is linear in $\theta$, so its big product is computed once per
direction, not per point.
"""),
code(r"""
var fashion = Datasets.fashionMnist();
var landTrain = fashion.train().sample(quick ? 300 : 1000, 42);
var landTest = fashion.test().sample(quick ? 300 : 1000, 42);
var land = LandscapeRun.of(landTrain, landTest, 32, quick ? 4 : 10, quick ? 11 : 21, 7);
land.table()
"""),
code(r"""
land.lineFigure()
"""),
md(r"""
Along a random direction the minimum is a smooth, nearly symmetric bowl; test loss sits above training loss
everywhere and is almost as wide. Two dimensions:
"""),
code(r"""
land.randomFigure()
"""),
md(r"""
Round contours, no other basin and no saddle anywhere in the picture: in random directions the landscape of this
network looks convex. That is the known limitation of random slices — and why the Hessian's spectrum tells more.
The table above has its extremes from 20 Hessian–vector products (`Lanczos`): a large positive $\lambda_{max}$
(about 15 in our run) and a small **negative** $\lambda_{min}$ (about $-0.4$). So after 10 epochs the weights are
*not* at a local minimum, and not even at a critical point: the full-batch gradient norm is still about 0.6 (SGD with
a constant rate keeps bouncing around the bottom of the bowl), and there is a direction of negative curvature — one of
25,450, which a random slice will not find.

### The training path

Random directions in high dimension are almost orthogonal to the path training took, so the path is invisible in
them. Li et al.'s alternative: the two **principal directions** of the path $\theta_t - \theta^*$ (PCA), which hold
most of its movement. The path, drawn in their coordinates on the loss of that plane:
"""),
code(r"""
land.pcaFigure()
"""),
code(r"""
land.path()
"""),
md(r"""
The first principal direction holds most of the path (as Li et al. find, often above 90%): after the first epochs
SGD moves along a nearly straight line, with the small zig-zags of the mini-batch noise in the second direction.

## Batch size

Each update of mini-batch SGD uses the gradient of a batch of $B$ examples; an **epoch** is $N/B$ updates. The
lecture compares the two extremes. Small batches: many cheap, **noisy** updates per epoch. Large batches: few
stable, expensive ones — but on parallel hardware a batch of 1,000 costs much less than 1,000 batches of one. Its
claims: small batches are slower per epoch, but optimize **better** (the noise helps past saddles and narrow
minima) and **generalize** better, because large batches end in **sharp** minima, where a small shift between the
training and the test loss costs a lot (Keskar et al. 2017).

`BatchSizeRun` takes a `NetSetup` like the other experiments (here one hidden layer of 32 ReLU units, SGD at rate
0.05, at most 100 epochs, seed 7) and trains that network from the same initial weights for several batch sizes,
each until it reaches 95% training accuracy or the setup's number of epochs; then it measures what the lecture talks
about: gradient noise $\lVert g_B - g\rVert/\lVert g\rVert$ at the start, time per update and per epoch, training and
test accuracy, and the sharpness $\lambda_{max}$ of the Hessian at the weights reached.
"""),
code(r"""
var bsTrain = fashion.train().sample(quick ? 300 : 1000, 42);
var bsTest = fashion.test().sample(quick ? 500 : 2000, 42);
var batchSizes = quick ? new int[] {1, 10, 300} : new int[] {1, 10, 100, 1000};
var bsSetup = NetSetup.book().withHidden(1, 32).withOptimizer(Optimizers.sgd(0.05)).withEpochs(quick ? 10 : 100).withSeed(7);
var bs = BatchSizeRun.of(bsSetup, bsTrain, bsTest, batchSizes, 0.95);
bs.table()
"""),
code(r"""
bs.figure()
"""),
md(r"""
Row by row against the lecture:

- **Noise.** The relative gradient noise falls roughly as $1/\sqrt{B}$: a single example's gradient is several
  times larger than the full gradient it estimates.
- **Speed.** A batch of 10 costs well under twice a batch of one, so an epoch is about 6 times faster with batches
  of 10 than of 1 (one matrix product for 10 examples instead of 10 small ones). Beyond that the time per epoch
  stops falling on 2 CPU cores: a batch of 1,000 costs roughly 1,000/10 times a batch of 10. On a GPU, whose
  thousands of threads sit idle on a small batch, the lecture's "same time per update up to a large batch" holds
  much further. (Timings on a shared machine vary by tens of percent between runs.)
- **Optimization.** With the same rate, the full batch makes only one update per epoch and is far from the target
  when the small batches have reached it. Per update, though, large batches make more progress (left figure).
  Batch 1 at this rate is so noisy that its training accuracy keeps jumping around and it may not hold 95%.
- **Sharpness.** $\lambda_{max}$ grows steadily with the batch size: small-batch SGD ends in flatter regions, as
  the sharp-vs-flat argument says.
- **Generalization.** The test accuracies of the moderate batches are within about one point of each other — on
  this small problem the flatter minimum does not buy a clearly better test accuracy, and batch 1 at this rate
  is worse, not better. Read the row for your own run: the table is computed, not copied.

## Momentum: rolling over a hill

The lecture's physical picture: a ball rolling down a slope does not stop in the first dip — it has momentum.
Gradient descent with momentum moves by the last movement minus the gradient,
$m^{t} = \beta m^{t-1} - \eta g^{t}$, $\theta^{t+1} = \theta^t + m^{t}$. On $f(x) = x^4 - 4x^2 + x$, from
$x = 2.2$: a local minimum at $x \approx 1.35$ lies on the way to the global one at $x \approx -1.47$.
"""),
code(r"""
var ball = MomentumBall.lecture();
ball.figure()
"""),
code(r"""
ball.table()
"""),
md(r"""
Plain gradient descent and weak momentum ($\beta = 0.5$) stop in the first minimum; with $\beta = 0.9$ the ball
overshoots it, climbs the hill at $x \approx 0.13$ with the speed it gained and settles in the deeper minimum.
Momentum can carry the parameters past small bumps and saddles, where the gradient alone is 0 — but it is not a
guarantee: from a different start, or with a different $\beta$, it can just as well roll past the better minimum.
"""),
code(r"""
String.format("This notebook ran in %.1f s", (System.nanoTime() - started) / 1e9)
"""),
md(r"""
## Exercises

1. **By hand.** Compute the Hessian of $L(w_1, w_2) = (1 - w_1 w_2)^2$ at $(1, 1)$ on paper and check it with
   `Hessian.of(lecture.f(), Vec.of(1, 1))`. Why is one eigenvalue 0?
2. **A maximum.** Classify `Functions.auto("cap", (x, y) -> x.square().plus(y.square()).neg())` at the origin.
   What does `escapeDirection()` return, and which direction would you take?
3. **Minimum ratio.** Train `Mlp.of(2, 4, 2).tanh().seed(s)` on `Datasets.spirals(10, 0.1, 1)` with
   `Optimizers.adam(0.01).minimize(NetworkLoss.of(net, data), ...)` for a few seeds and classify the end points with
   `CriticalPoint.classify(f, x, 1e-2, 1e-6)`. How often is the minimum ratio 1?
4. **Sharpness without the matrix.** `Lanczos.extremes(v -> land.train().hvp(theta, v), n, 20, 1)` needs only
   Hessian–vector products. Compare its $\lambda_{max}$ after 5, 10 and 20 steps. How fast does it converge?
5. **Rate and batch size.** Rerun `BatchSizeRun` (with `bsSetup.withOptimizer(...)`) with the rate scaled with the batch size (e.g. 0.01 for batch 1,
   0.5 for batch 1,000; Goyal et al.'s "linear scaling rule"). Does the full batch still end sharper?
6. **Momentum's luck.** Start `MomentumBall.of(start, 200, Optimizers.momentum(0.01, 0.9))` from $x = 2.0$ and
   from $x = -2.2$. Where does the ball end, and why?
"""),
])
