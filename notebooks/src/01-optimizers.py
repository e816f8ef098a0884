import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "01-optimizers.ipynb"), [
md(r"""
# 01 · Optimizers: SGD, Momentum, AdaGrad, RMSProp, Adam

*Deep Learning from Scratch* §6.1 tells the story of an explorer looking for the deepest valley blindfolded: all
she can feel is the slope under her feet. The slope is the **gradient**; *how* she turns slopes into steps is the
**optimizer**. This notebook walks the book's test function with each optimizer, shows what every optimizer
*remembers* after each step, and ends with all of them side by side.

The function is the book's stretched bowl

$$f(x, y) = \frac{x^2}{20} + y^2, \qquad \nabla f = \left(\frac{x}{10},\; 2y\right),$$

with its minimum at the origin. It is 20 times steeper across $y$ than along $x$ (an *anisotropic* function).
"""),
code(r"""
var f = Functions.dlfsBowl();
var start = Vec.of(-7, 2);
f
"""),
md(r"""
## The gradient field

Arrows of $-\nabla f$ (the way down), as the book draws with matplotlib's `quiver`. Away from the $x$-axis they
point almost straight at the axis, **not at the minimum**: following the gradient is not the shortest way home.
"""),
code(r"""
Plots.gradientField(f, Region.of(-10, 10, -5, 5))
"""),
md(r"""
## SGD

$$W \leftarrow W - \eta \frac{\partial L}{\partial W}$$

Thirty steps with $\eta = 0.95$ from $(-7, 2)$. Asked for every digit (`Tables.exact`), the table's first rows
are the numbers the book prints (`-7.0 2.0`, `-6.335 -1.7999999999999998`, `-5.733175 1.6199999999999997`, …)
digit for digit; a plain `sgd.toTable()` rounds them to four significant digits.
"""),
code(r"""
var sgd = Optimizers.sgd(0.95).minimize(f, start, 30);
Tables.exact(sgd.toTable())
"""),
code(r"""
Plots.contour(f, sgd)
"""),
md(r"""
The zig-zag: across the valley the gradient is large and $y$ overshoots to the other side every step
($y_{t+1} = (1 - 2\eta)\,y_t = -0.9\,y_t$); along the valley it is small and $x$ creeps
($x_{t+1} = (1 - \eta/10)\,x_t$). One learning rate cannot suit both directions.

## Momentum

The book's form keeps a velocity $v$:

$$v \leftarrow \alpha v - \eta \frac{\partial L}{\partial W}, \qquad W \leftarrow W + v$$

with $\alpha = 0.9$ (`momentum`). PyTorch writes the same algorithm as $b \leftarrow \mu b + g$,
$W \leftarrow W - \eta b$; with a constant $\eta$ the two are identical, $v = -\eta b$ at every step (they differ only when
a schedule changes $\eta$ during the run). Let us step it by hand with $\eta = 0.1$ and look at the state after each
update: `x` is the new point, `g` the gradient the update used, `v` the velocity, `effLr` the step per unit of gradient.
"""),
code(r"""
var momentumRun = Optimizers.momentum(0.1).start(f, start);
momentumRun.step();
momentumRun.stateTable()
"""),
md(r"""
After one update $v = -0.1 \cdot (-0.7, 4) = (0.07, -0.4)$: plain SGD. The second update adds $0.9\,v$:
"""),
code(r"""
momentumRun.step();
momentumRun.stateTable()
"""),
code(r"""
momentumRun.step();
momentumRun.stateTable()
"""),
md(r"""
Along $x$ the gradient always has the same sign, so the velocity keeps growing: $0.07, 0.1323, \dots$ — the ball
rolls faster down the gentle slope. Along $y$ the sign flips and the contributions partly cancel.
"""),
code(r"""
var momentum = Optimizers.momentum(0.1).minimize(f, start, 30);
Plots.contour(f, sgd, momentum)
"""),
md(r"""
## AdaGrad

AdaGrad gives each parameter its own learning rate, shrinking it where the parameter has already moved a lot:

$$h \leftarrow h + \frac{\partial L}{\partial W} \odot \frac{\partial L}{\partial W}, \qquad
W \leftarrow W - \eta \frac{1}{\sqrt{h}} \frac{\partial L}{\partial W}$$

(plus a tiny $\varepsilon$ against division by zero: the book uses $10^{-7}$, PyTorch and descent $10^{-10}$; use
`.withEps(1e-7)` for the book's). With the book's $\eta = 1.5$, the first update moves *every* coordinate by exactly
$\eta$: $\eta \cdot g / \sqrt{g^2} = \eta \cdot \mathrm{sign}(g)$.
"""),
code(r"""
var adaGradRun = Optimizers.adaGrad(1.5).start(f, start);
adaGradRun.step();
adaGradRun.stateTable()
"""),
code(r"""
adaGradRun.step();
adaGradRun.stateTable()
"""),
code(r"""
adaGradRun.step();
adaGradRun.stateTable()
"""),
md(r"""
`h` only grows, so `effLr` $= \eta/(\sqrt{h} + \varepsilon)$ only shrinks, fastest along $y$ where the gradients are
large. That damps the zig-zag:
"""),
code(r"""
var adaGrad = Optimizers.adaGrad(1.5).minimize(f, start, 30);
Plots.contour(f, adaGrad)
"""),
md(r"""
## RMSProp

AdaGrad never forgets, so its steps eventually become zero. RMSProp replaces the sum by an *exponential moving
average* that forgets old gradients:

$$h \leftarrow \alpha h + (1 - \alpha)\, g \odot g, \qquad W \leftarrow W - \eta \frac{g}{\sqrt{h} + \varepsilon}$$

$\alpha = 0.99$ (the book's `decay_rate`, PyTorch's `alpha`). Because $h$ starts at 0, the first step is about
$\eta \cdot g / (0.1\,|g|) = 10\,\eta$ per coordinate. As in the seed text we use $\eta = 0.1$: the book's 0.01 stops
far from the minimum after 30 steps.
"""),
code(r"""
var rmsPropRun = Optimizers.rmsProp(0.1).start(f, start);
rmsPropRun.step();
rmsPropRun.stateTable()
"""),
code(r"""
rmsPropRun.step();
rmsPropRun.step();
rmsPropRun.stateTable()
"""),
code(r"""
var rmsProp = Optimizers.rmsProp(0.1).minimize(f, start, 30);
Plots.contour(f, adaGrad, rmsProp)
"""),
md(r"""
## Adam

Adam combines Momentum (a moving average $m$ of the gradients) with RMSProp (a moving average $v$ of their squares)
and corrects both for starting at zero:

$$m \leftarrow \beta_1 m + (1-\beta_1) g, \quad v \leftarrow \beta_2 v + (1-\beta_2) g^2, \quad
\hat m = \frac{m}{1-\beta_1^t}, \quad \hat v = \frac{v}{1-\beta_2^t}, \quad
W \leftarrow W - \eta \frac{\hat m}{\sqrt{\hat v} + \varepsilon}$$

That is the paper's Algorithm 1 and PyTorch's code. The book's code folds the corrections into the learning rate,
$\eta_t = \eta \sqrt{1-\beta_2^t}/(1-\beta_1^t)$, $W \leftarrow W - \eta_t\, m/(\sqrt{v} + \varepsilon)$: the same algebra, except
that $\varepsilon$ now sits on the *uncorrected* $\sqrt v$ (like an $\varepsilon$ 31.6 times larger at the first step).
`Optimizers.adam(0.3)` is the first form, `.bookForm()` the book's, with its $\varepsilon = 10^{-7}$.
"""),
code(r"""
var adamRun = Optimizers.adam(0.3).start(f, start);
adamRun.step();
adamRun.stateTable()
"""),
md(r"""
The first step is $0.3$ against the sign of each gradient ($\hat m = g$, $\sqrt{\hat v} = |g|$). Two more:
"""),
code(r"""
adamRun.step();
adamRun.stateTable()
"""),
code(r"""
adamRun.step();
adamRun.stateTable()
"""),
code(r"""
var adam = Optimizers.adam(0.3).minimize(f, start, 30);
var adamBook = Optimizers.adam(0.3).bookForm().minimize(f, start, 30);
Plots.contour(f, adam, adamBook)
"""),
md(r"""
On this function the two forms draw the same picture; the difference is only in the last digits, because
$\sqrt{\hat v}$ is far larger than $\varepsilon$ here:
"""),
code(r"""
adam.last().x().distanceTo(adamBook.last().x())
"""),
md(r"""
## Side by side

All five, thirty steps each, from the same start. The table says where each one ended: `distToMin` is the distance to
the minimum, `stepsToTol` the first step within $10^{-3}$ of it (empty if never).
"""),
code(r"""
Plots.contour(f, sgd, momentum, adaGrad, rmsProp, adam)
"""),
code(r"""
var comparison = Compare.optimizers(f, start, 30,
        Optimizers.sgd(0.95), Optimizers.momentum(0.1), Optimizers.adaGrad(1.5), Optimizers.rmsProp(0.1),
        Optimizers.adam(0.3), Optimizers.adam(0.3).bookForm());
comparison.table()
"""),
md(r"""
The value and the gradient norm against the step (log scale). SGD's loss falls steadily but slowly; Momentum's
oscillates as the ball rolls past the minimum and back:
"""),
code(r"""
Plots.curves(sgd, momentum, adaGrad, rmsProp, adam)
"""),
code(r"""
Plots.surface(f, sgd, adam)
"""),
md(r"""
Press ▶ to watch all five move together, or drag the slider:
"""),
code(r"""
Plots.animate(f, sgd, momentum, adaGrad, rmsProp, adam)
"""),
md(r"""
And one optimizer under different settings: Momentum with $\eta = 0.1$ and $\alpha$ from 0 (plain SGD) to 0.95.
"""),
code(r"""
Plots.sweep(f, start, 30, "momentum", new double[]{0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95},
        mu -> Optimizers.momentum(0.1, mu))
"""),
md(r"""
## Which one is best?

The book's answer: none wins on every problem. On this bowl AdaGrad looks best, but its steps only ever shrink; Adam
has more knobs; SGD is still used in many papers. Try them on a harder surface, Rosenbrock's banana valley, where the
minimum $(1, 1)$ lies at the end of a long curved valley:
"""),
code(r"""
var banana = Functions.rosenbrock();
Compare.optimizers(banana, Vec.of(-1.2, 1), 2000,
        Optimizers.sgd(1e-3), Optimizers.momentum(1e-3), Optimizers.nesterov(1e-3), Optimizers.adaGrad(0.5),
        Optimizers.rmsProp(1e-3), Optimizers.adam(0.05)).table()
"""),
md(r"""
## Exercises

1. **Learning rates.** Rerun SGD with $\eta = 1.0$ and $\eta = 1.05$. Why does $y$ stop shrinking at exactly 1.0 and
   blow up above it? (Hint: $y_{t+1} = (1-2\eta)\,y_t$.) With `Stop.after(200).markDiverged()` instead of `30`, the run
   ends marked `diverged()` instead of throwing.
2. **Nesterov.** Add `Optimizers.nesterov(0.1)` to the side-by-side comparison. Where does the look-ahead help?
3. **The state.** Step `Optimizers.adam(0.3).withBetas(0.5, 0.9)` three times and compare its `stateTable()` with
   the default betas. Which column changes most?
4. **Your own function.** Write a function with `Functions.auto("mine", (x, y) -> ...)` using `Var` operations
   (`x.square()`, `y.sin()`, `x.times(y)`, ...), check its gradient with `GradientCheck.of(mine, Vec.of(0.3, -0.2))`,
   and run the comparison on it.
5. **Rosenbrock.** Find a learning rate with which Adam reaches $(1, 1)$ in fewer than 1000 steps
   (`comparison` reports `stepsToTol`).
"""),
code(r"""
var mine = Functions.auto("mine", (x, y) -> x.square().plus(y.times(3).sin().times(2)).plus(y.square()));
GradientCheck.of(mine, Vec.of(0.3, -0.2))
"""),
])
