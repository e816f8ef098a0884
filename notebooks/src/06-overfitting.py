import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "06-overfitting.ipynb"), [
md(r"""
# 06 · Overfitting: early stopping, weight decay, dropout

Hung-yi Lee, *Machine Learning 2021*, P7–9 ("training tips"; the seed text's *过拟合处理策略*, what to do about
overfitting) and *Deep Learning from Scratch* §6.4.

**Running time** (measured on the project's shared 2-core machine): about TIMING_FULL with the settings below, and
TIMING_QUICK with `DESCENT_QUICK=1` (fewer epochs and test images, for CI).

The lecture's recipe for a model that disappoints: first look at the **training** data. If the loss is high there,
the model underfits — change the network or the optimizer (notebooks 01–05). Only when the model fits the training
data well but does badly on new data is it **overfitting**, and only then do the remedies of this notebook help:
stop early, prefer small weights (L2 / weight decay, L1), or drop units at random (dropout). Applied to a model that
underfits, they make it worse.

To make a network overfit on purpose we follow the book: only **300 training images**, a deep network (6 hidden
layers of 100 ReLU units, He initialization), SGD with $\eta = 0.01$, batches of 100, 200 epochs. The book uses
MNIST; we use Fashion-MNIST, which is harder, so every accuracy is lower than the book's.
"""),
code(r"""
boolean quick = "1".equals(System.getenv("DESCENT_QUICK"));
var data = Datasets.fashionMnist();
var few = data.train().head(300);                      // the book's 300 training images
var test = data.test().head(quick ? 500 : 2000);       // accuracy after every epoch: 2,000 test images keep it quick
var setup = NetSetup.book().withEpochs(quick ? 40 : 200);
setup
"""),
md(r"""
## Early stopping

While the training loss keeps falling, the loss on data the network does not train on falls, then rises again: from
then on the network learns the noise of its training set. **Early stopping** watches a **validation set** — held out
from the training data, never the test set — and stops when its loss has not improved for `patience` epochs, then
goes back to the weights of the best epoch.

Here: 1,000 training images, 2,000 validation images (both from the training file), Adam with $\eta = 0.001$ so that
the network overfits within a few epochs, patience 5. The same network is also trained to the end without stopping,
to show what stopping avoided.
"""),
code(r"""
var esSplit = Splits.trainTest(data.train().head(3000), 2.0 / 3, 1);       // 1,000 to train, 2,000 to validate
var es = Overfitting.earlyStopping(setup.withOptimizer(Optimizers.adam(0.001)).withEpochs(quick ? 25 : 50),
        esSplit.train(), esSplit.test(), 5);
es
"""),
code(r"""
es.figure()
"""),
code(r"""
es.table().first(12)
"""),
md(r"""
`beforeStop` marks the epochs the early-stopped run actually trained; `best` the epoch it restored. The restored
network's validation loss is exactly the best epoch's (it was evaluated again after the restore): the rule gives
the network of the lowest validation loss seen, not the last one.

## Weight decay (L2 regularization)

The lecture adds the squared weights to the loss, $L'(\theta) = L(\theta) + \frac{\lambda}{2}\sum_i w_i^2$. The
gradient step becomes

$$w \leftarrow w - \eta\left(\frac{\partial L}{\partial w} + \lambda w\right) = (1 - \eta\lambda)\,w - \eta\,\frac{\partial L}{\partial w},$$

so before every update each weight is multiplied by a number slightly below 1 — hence the name **weight decay**.
Large weights let a network bend sharply around single training points; keeping them small keeps the function
smooth. The book's experiment (§6.4.2, $\lambda = 0.1$): the same 300 images with and without weight decay,
accuracy on the whole training set and on the test set after every epoch. A third run uses **L1**,
$L' = L + \lambda\sum_i |w_i|$, which subtracts the same $\eta\lambda$ from every weight's size at every step.
"""),
code(r"""
var reg = Overfitting.regularization(setup, few, test, Regularizers.l2(0.1), Regularizers.l1(0.005));
reg.figure()
"""),
code(r"""
reg.summary()
"""),
md(r"""
Without a penalty the training accuracy climbs to about 100 % while the test accuracy stalls near 75 %: a gap of
about 25 points, the book's Figure 6-20. With $\lambda = 0.1$ the gap shrinks to about 10 points, as in the book's
Figure 6-21 — but notice that here the **test** accuracy also drops (to about 68 %): $\lambda = 0.1$ is strong for
this network, and in 200 epochs of SGD at $\eta = 0.01$ the regularized network has not finished learning. The book
shows the gap closing and does not dwell on the test accuracy; a smaller $\lambda$ (exercise 2) trades a little gap
for a better test score. Regularization is a remedy against overfitting, not a free improvement.

The gap, epoch by epoch:
"""),
code(r"""
reg.table().where(reg.table().intColumn("epoch").isIn(0, 10, 25, 50, 100, 150, 200))
"""),
md(r"""
## L1 against L2: what the weights look like

The seed text's observation: L2 multiplies every weight by $(1-\eta\lambda)$, so large weights shrink a lot and
small ones hardly at all — the weights end up *generally small*. L1 moves every weight towards zero by the same
$\eta\lambda$, whatever its size: weights the data does not need are pushed all the way to (a hair around) zero, while
the ones it needs can stay large — the weights end up *sparse*. The histograms of the final weights of the three
networks (log counts):
"""),
code(r"""
reg.histogramFigure()
"""),
md(r"""
In the summary above, `nearZero` is the fraction of weights with $|w| < 10^{-3}$: L1 puts many times more weights
there than the unregularized network, while L2 at $\lambda = 0.1$ narrows the whole distribution (smaller
`meanAbsWeight` and `maxAbsWeight`). Many of L1's zeros belong to input pixels near the image border, which carry
almost no information.

## Dropout

In training, each hidden unit is dropped (set to 0) with probability $p$, with a fresh random choice for every
mini-batch; at test time every unit is kept. Two conventions keep the expected input of the next layer the same:

| convention | training | test |
|---|---|---|
| the lecture, the book (`scaleAtTest`) | $y = x \cdot m$ | $y = (1-p)\,x$ (the lecture multiplies the weights by $1-p$) |
| inverted, as PyTorch (`inverted`) | $y = x \cdot m / (1-p)$ | $y = x$ |

with $m_i \sim \text{Bernoulli}(1-p)$. The same network with $p = 0.2$ after every hidden layer, trained both ways
from the same weights on the same batches (the book's §6.4.3 uses $p = 0.2$ on its 7-layer network):
"""),
code(r"""
var drop = Overfitting.dropout(setup, few, test, 0.2);
drop.figure()
"""),
code(r"""
drop.summary()
"""),
md(r"""
Both conventions shrink the gap between training and test accuracy, as the book's Figure 6-23 shows (here from 24
points to about 9 and 4). But after 200 epochs at $\eta = 0.01$ both dropout networks are still learning, and their
**test** accuracy is below the plain network's: with only 300 images and this small learning rate, dropout slows
training more than it helps within the budget. The book's figure stops at the same kind of picture — a smaller gap,
lower training accuracy — and says less about the test accuracy.

The two conventions are *not* equally fast with plain SGD. The book's convention passes $x \cdot m$ forward in
training: with $p = 0.2$ each of the six dropout layers shrinks the signal to 80 % on average, so the scores reaching
the loss are about $0.8^6 \approx 0.26$ times what He initialization intended, and the gradients are correspondingly
small. The inverted convention divides by $1-p$ and keeps the scale He initialization planned for, so with the same
$\eta$ it learns faster. The two parametrize the same family of networks (scaling the next layer's weights by $1-p$
turns one into the other), so with a learning rate tuned for each the difference would mostly disappear; with the
book's fixed $\eta = 0.01$ it does not.

## Dropout as an ensemble

The lecture's explanation of why dropout works: a network with $M$ droppable units contains $2^M$ thinned networks
that share their weights, and training with dropout trains a random one of them at every step. An ensemble would
average the predictions of all of them; scaling by $1-p$ at test time is a one-pass approximation of that average
(exact for a linear network). We can check it: average the softmax outputs of $k$ random thinned networks (dropout
left on at test time, a fresh mask for each pass) and compare with the single scaled network.
"""),
code(r"""
var ensemble = drop.ensemble(test, 32, 7);
ensemble.figure()
"""),
code(r"""
ensemble.table().where(ensemble.table().intColumn("members").isIn(1, 2, 4, 8, 16, 32))
"""),
md(r"""
One thinned network alone is clearly worse than the scaled network; averaging more of them closes the gap. For the
inverted network, 16–32 thinned networks match the scaled one to within a few tenths of a percent: weight scaling is
a good approximation of the ensemble. For the under-trained `scaleAtTest` network the scaled network stays ahead of
the average of 32: with ReLU between the layers the average of the thinned networks is not the network of the
average, and the approximation holds only roughly — the lecture's remark that dropout's ensemble argument is exact
only for linear networks.

## Exercises

1. **Patience.** Rerun the early-stopping cell with patience 2 and 10. Which epoch is restored each time, and how
   much validation accuracy does impatience cost?
2. **How much weight decay?** Replace `Regularizers.l2(0.1)` by `l2(0.01)` and `l2(0.001)`. Plot the final gap and
   the final test accuracy against $\lambda$. Is there a $\lambda$ that improves the test accuracy over no penalty?
3. **More data is the best regularizer.** Use `data.train().head(3000)` instead of 300 images, without any penalty.
   What happens to the gap? (Keep `setup.withEpochs(20)`: ten times the data, ten times the updates per epoch.)
4. **Decoupled weight decay.** `Regularizers.weightDecay(λ)` shrinks the weights after the optimizer's update instead
   of adding λw to the gradient. With SGD the two are the same update (check: same table, with λ matched); with
   Adam they are not — try `setup.withOptimizer(Optimizers.adam(0.001))` with both.
5. **Dropout rate.** Try $p = 0.5$ (the original paper's rate for hidden units). What happens to each convention?
   Then give the `scaleAtTest` network a learning rate $1/0.8^6 \approx 3.8$ times larger.
"""),
])
