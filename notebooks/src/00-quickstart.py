import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "00-quickstart.ipynb"), [
md("""
# 00 · Quickstart: SGD's zig-zag

This notebook checks that everything works: descent is loaded (no imports needed), tables show as tables and
figures as interactive Plotly charts.

We minimise the stretched bowl of *Deep Learning from Scratch* §6.1.3,

$$f(x, y) = \\frac{x^2}{20} + y^2, \\qquad \\nabla f = \\left(\\frac{x}{10},\\; 2y\\right),$$

with plain SGD, $w \\leftarrow w - \\eta\\, \\nabla f(w)$, learning rate $\\eta = 0.95$, 30 steps from $(-7, 2)$ —
exactly the book's experiment.
"""),
code("""
var f = Functions.dlfsBowl();
f.gradient(Vec.of(-7, 2))
"""),
md("""
Thirty updates. Each row is a point $x_t$, the value $f(x_t)$, the length of the gradient there and the learning
rate of the next update. Numbers show with four significant digits; hover over one to see its exact value.
"""),
code("""
var sgd = Optimizers.sgd(0.95);
var path = sgd.minimize(f, Vec.of(-7, 2), 30);
path.toTable()
"""),
md("""
Every digit, when you ask for it: `Tables.exact` prints each number as Python does, and the first thirty rows are
the numbers the book prints (`-7.0 2.0`, `-6.335 -1.7999999999999998`, …), digit for digit.
"""),
code("""
Tables.exact(path.toTable())
"""),
md("""
The picture: $y$ jumps from one side of the valley to the other (the gradient is steep across it) while $x$ creeps
towards the minimum (the gradient is shallow along it). One learning rate cannot suit both directions — the problem
the rest of the lectures solve.
"""),
code("""
Plots.contour(f, path)
"""),
md("""
**Try it:** change the learning rate to `0.5` or `1.05` and rerun the last two cells. Below 1 the zig-zag damps;
above 1 each jump across the valley is longer than the last ($y_{t+1} = (1 - 2\eta)\,y_t$): SGD diverges.
"""),
])
