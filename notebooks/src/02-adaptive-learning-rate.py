import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "02-adaptive-learning-rate.ipynb"), [
md(r"""
# 02 · Adaptive learning rate

Hung-yi Lee, *Machine Learning 2021*, P7 ("training tips: adaptive learning rate") and the "training tips" text.

The lecture starts from an observation: when training is stuck — the loss no longer goes down — people assume they
are at a critical point where the gradient is zero. Often the gradient is **not** small at all. This notebook
reproduces that, then builds up the lecture's answer step by step:

$$\theta_i^{t+1} \leftarrow \theta_i^t - \frac{\eta^t}{\sigma_i^t}\, m_i^t$$

— a learning rate $\eta^t$ that depends on time (**scheduling**), a per-parameter $\sigma_i^t$ (**adaptive**), and a
momentum $m_i^t$ instead of the raw gradient.
"""),
md(r"""
## Training stuck, but the gradient is not small

A surface with a plateau crossed by a narrow valley:
$f(x, y) = 1 - e^{-x^2/8} + 5y^2$. For $|x| > 4$ the floor is almost flat, while the valley walls are steep
($\partial f/\partial y = 10y$). Start on the plateau at $(-6, 0.5)$ with SGD and $\eta = 0.2$:
"""),
code(r"""
var f = Functions.plateauValley();
var start = Vec.of(-6, 0.5);
var stuck = Optimizers.sgd(0.2).minimize(f, start, 100);
Plots.curves(stuck)
"""),
md(r"""
The loss (top) is flat, but the gradient norm (bottom) stays at 5. The table shows why: $y$ flips between $+0.5$
and $-0.5$ — with $\eta = 0.2$, $y_{t+1} = (1 - 10\eta)\,y_t = -y_t$ — while $x$ hardly moves on the plateau.
"""),
code(r"""
stuck.toTable().first(8)
"""),
code(r"""
Plots.contour(f, stuck)
"""),
md(r"""
A smaller $\eta$ stops the bouncing but then $x$ crawls on the plateau; a larger one diverges across the valley.
**Different parameters need different learning rates.** That is the idea of an adaptive learning rate:

$$\theta_i^{t+1} \leftarrow \theta_i^t - \frac{\eta}{\sigma_i^t}\, g_i^t$$

## Root mean square: AdaGrad

The lecture's $\sigma_i^t = \sqrt{\frac{1}{t+1}\sum_{k=0}^{t} (g_i^k)^2}$. AdaGrad (and the book, and PyTorch) use
the root of the *sum*, $\sqrt{h}$ with $h = \sum_k (g_i^k)^2$; the missing $\sqrt{t+1}$ only folds a $1/\sqrt{t}$ decay
into $\eta$. Steep directions (large past gradients) get a small effective rate $\eta/\sigma$, flat directions a large one:
"""),
code(r"""
var adaGradRun = Optimizers.adaGrad(0.5).start(f, start);
adaGradRun.step();
adaGradRun.stateTable()
"""),
md(r"""
After one step the plateau direction $x$ (gradient ≈ 0.017) gets a rate about 300 times larger than the valley
direction $y$ (gradient 5). Both move by exactly $\eta = 0.5$ in that first step. Compared with SGD:
"""),
code(r"""
var adaGrad = Optimizers.adaGrad(0.5).minimize(f, start, 100);
Plots.contour(f, stuck, adaGrad)
"""),
md(r"""
The same on a convex but stretched bowl, $(x^2 + 100\,y^2)/2$ (condition number 100). Plain SGD diverges for any
$\eta > 2/100$, so along $x$ its steps are tiny; AdaGrad does not care:
"""),
code(r"""
var bowl = Functions.illConditioned(100);
var bowlStart = Vec.of(-8, 1);
var sgdBowl = Optimizers.sgd(0.019).minimize(bowl, bowlStart, 100);
var adaGradBowl = Optimizers.adaGrad(2).minimize(bowl, bowlStart, 100);
Plots.contour(bowl, sgdBowl, adaGradBowl)
"""),
code(r"""
Compare.optimizers(bowl, bowlStart, 100, Optimizers.sgd(0.019), Optimizers.sgd(0.021), Optimizers.adaGrad(2)).table()
"""),
md(r"""
## RMSProp: the recent gradients count more

AdaGrad remembers every gradient equally, so $\sigma$ only grows. When the same direction is steep in one region and
flat in another, the rate should change quickly. RMSProp uses a moving average:

$$\sigma_i^t = \sqrt{\alpha\,(\sigma_i^{t-1})^2 + (1-\alpha)\,(g_i^t)^2}, \qquad 0 < \alpha < 1$$

(the lecture starts from $\sigma^0 = |g^0|$; descent, the book and PyTorch start $h = (\sigma)^2$ at 0). The effective rates
$\eta/\sigma$ over time on the plateau surface, AdaGrad against RMSProp: AdaGrad's only fall; RMSProp's rise again
when the gradients become small.
"""),
code(r"""
var rmsProp = Optimizers.rmsProp(0.05).minimize(f, start, 100);
Plots.effectiveLr(adaGrad, rmsProp)
"""),
md(r"""
Try other values of $\alpha$ (`withAlpha`): small $\alpha$ trusts the current gradient, $\alpha$ near 1 remembers longer.
"""),
code(r"""
Plots.sweep(f, start, 100, "alpha", new double[]{0.5, 0.9, 0.99, 0.999},
        alpha -> Optimizers.rmsProp(0.05).withAlpha(alpha))
"""),
md(r"""
## Adam = RMSProp + Momentum

Adam keeps a moving average of the gradient ($m$, the momentum) and of its square ($v$, RMSProp's $\sigma^2$), both
bias-corrected: $\theta \leftarrow \theta - \eta\,\hat m/(\sqrt{\hat v} + \varepsilon)$. Its state after three steps:
"""),
code(r"""
var adamRun = Optimizers.adam(0.3).start(f, start);
adamRun.step();
adamRun.step();
adamRun.step();
adamRun.stateTable()
"""),
code(r"""
var adam = Optimizers.adam(0.3).minimize(f, start, 100);
var momentum = Optimizers.momentum(0.05).minimize(f, start, 100);
Compare.optimizers(f, start, 100, 1e-2, Optimizers.sgd(0.2), Optimizers.momentum(0.05), Optimizers.adaGrad(0.5),
        Optimizers.rmsProp(0.05), Optimizers.adam(0.3)).table()
"""),
code(r"""
Plots.animate(f, stuck, momentum, adaGrad, rmsProp, adam)
"""),
md(r"""
## Learning-rate scheduling

The lecture's example: with an adaptive method on the stretched bowl, after a while the gradient along the steep
direction becomes tiny, $\sigma$ follows it down, $\eta/\sigma$ grows — and the parameters **suddenly shoot out**, then
come back. Here is RMSProp ($\eta = 0.3$) for 300 steps on the condition-100 bowl:
"""),
code(r"""
var burst = Optimizers.rmsProp(0.3).minimize(bowl, bowlStart, 300);
Plots.curves(burst)
"""),
md(r"""
The fix is to make $\eta$ depend on time, $\eta^t$. **Learning-rate decay**: as we approach the destination, take
smaller steps. **Warm up**: start small too, because at the beginning $\sigma$ is estimated from very few gradients.
descent's schedules are functions of the step that multiply the base rate:
"""),
code(r"""
Plots.schedules(100, Schedules.constant(), Schedules.stepDecay(25, 0.5), Schedules.exponential(0.97),
        Schedules.inverseTime(1, 0.5), Schedules.cosine(100), Schedules.warmupCosine(10, 100),
        Schedules.oneCycle(100))
"""),
code(r"""
Schedules.warmupCosine(10, 100).toTable(100, 0.3).first(12)
"""),
md(r"""
The Transformer's schedule, $d^{-0.5}\min(t^{-0.5},\, t\cdot w^{-1.5})$, is itself a learning rate (use base rate 1):
"""),
code(r"""
Plots.schedules(20000, 1.0, Schedules.transformer(512, 4000), Schedules.transformer(512, 8000), Schedules.transformer(256, 4000))
"""),
md(r"""
The same RMSProp with cosine decay over the 300 steps: no burst.
"""),
code(r"""
var decayed = Optimizers.rmsProp(0.3).withSchedule(Schedules.cosine(300)).minimize(bowl, bowlStart, 300);
Plots.curves(burst, decayed)
"""),
code(r"""
Compare.optimizers(bowl, bowlStart, 300, Optimizers.rmsProp(0.3), Optimizers.rmsProp(0.3).withSchedule(Schedules.cosine(300)),
        Optimizers.adam(0.3), Optimizers.adam(0.3).withSchedule(Schedules.warmupCosine(20, 300))).table()
"""),
md(r"""
## Summary

$$\theta_i^{t+1} \leftarrow \theta_i^t - \frac{\eta^t}{\sigma_i^t}\, m_i^t$$

| optimizer | $m_i^t$ (direction) | $\sigma_i^t$ (per-parameter scale) | $\eta^t$ |
|---|---|---|---|
| SGD | $g_i^t$ | 1 | constant or a schedule |
| Momentum | weighted sum of past gradients (direction *and* size) | 1 | |
| AdaGrad | $g_i^t$ | root of the sum of squared gradients | |
| RMSProp | $g_i^t$ | root of a moving average of squared gradients | |
| Adam | bias-corrected moving average $\hat m$ | $\sqrt{\hat v}$ | |

Momentum and $\sigma$ both look at past gradients, but they do not cancel: momentum adds them *with their signs*
(direction), $\sigma$ uses only their *magnitudes* (squares). Every optimizer in descent accepts a schedule:
`opt.withSchedule(Schedules.warmupCosine(10, 1000))`.

## Exercises

1. **Stuck.** Rerun the first experiment with $\eta = 0.19$ and $\eta = 0.21$. Which one stops bouncing, which one
   diverges? Explain with $y_{t+1} = (1 - 10\eta)\,y_t$.
2. **σ.** Step `Optimizers.adaGrad(0.5).start(f, start)` ten times and print `stateTable()` each time. By how much
   does `effLr` of $y$ shrink per step? Of $x$?
3. **α.** In the alpha sweep, which $\alpha$ reaches the minimum first? What happens at $\alpha = 0.5$?
4. **Warm-up.** Compare `Optimizers.adam(1.0)` with `Optimizers.adam(1.0).withSchedule(Schedules.warmupConstant(20))`
   on `Functions.rosenbrock()` from `Vec.of(-1.2, 1)` with `Compare.optimizers`. Does warm-up help?
5. **Your schedule.** Any lambda is a schedule: `Schedule mine = t -> 1.0 / (1 + t / 50.0);`. Plot it next to
   `Schedules.inverseTime(0.02)` — they are the same. Why?
"""),
code(r"""
Compare.optimizers(Functions.rosenbrock(), Vec.of(-1.2, 1), 2000,
        Optimizers.adam(0.1), Optimizers.adam(0.1).withSchedule(Schedules.warmupConstant(50))).table()
"""),
])
