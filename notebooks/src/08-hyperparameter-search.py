import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from nbmake import md, code, write

write(os.path.join(os.path.dirname(__file__), "..", "08-hyperparameter-search.ipynb"), [
md(r"""
# 08 · Hyperparameter search

*Deep Learning from Scratch* §6.5 ("validating hyperparameters") and Hung-yi Lee, *Machine Learning 2021*, P7–9
(choosing the learning rate; training vs validation vs test data).

**Running time** (measured on the project's 2-core machine): about 1.5 minutes (89 s and 102 s in two runs) with the settings below, up to three times longer when other jobs
share the machine, and 16 s with `DESCENT_QUICK=1` (fewer trials and epochs, for CI).

Every notebook so far had hyperparameters someone chose: the learning rate, the weight-decay strength $\lambda$, the
dropout rate. How does one choose them? Three rules from the book and the lecture:

1. **Never on the test set.** A hyperparameter picked because it gives the best test accuracy has been fitted to the
   test set, and the test accuracy is no longer an honest estimate of performance on new data. Hold out a
   **validation set** from the training data and choose on that.
2. **Random search, on a log scale.** Sample each hyperparameter at random from a range, uniformly in its
   *logarithm* ($\eta = 10^{u}$, $u \sim U(-6, -2)$): a learning rate of $10^{-5}$ and one of $10^{-4}$ differ as much
   as $10^{-3}$ and $10^{-2}$. Random search beats a grid because when only one of two hyperparameters matters, a
   3×3 grid tries 3 values of it, while 9 random trials try 9 (Bergstra & Bengio 2012).
3. **Coarse to fine.** Train each trial briefly, look where the good trials lie, narrow the ranges and repeat.

The book's search: 500 training images, 20 % of them (100) held out for validation, the 6×100 ReLU network of
notebook 06, SGD, batches of 100, 50 epochs per trial, 100 trials, $\eta \in [10^{-6}, 10^{-2}]$ and weight decay
$\lambda \in [10^{-8}, 10^{-4}]$ (an L2 term $\frac{\lambda}{2}\sum w^2$). We use Fashion-MNIST instead of MNIST.
"""),
code(r"""
boolean quick = "1".equals(System.getenv("DESCENT_QUICK"));
var data = Datasets.fashionMnist();
var split = Splits.trainTest(data.train().head(500), 0.2, 1);     // 400 to train, 100 to validate; the test set stays untouched
var search = RandomSearch.book().withTrials(quick ? 12 : 30).withSetup(NetSetup.book().withEpochs(quick ? 15 : 50));
search
"""),
md(r"""
`RandomSearch.book()` has the book's 100 trials; 30 keep this notebook within a few minutes on two cores (exercise 1
runs all 100). The trials are independent, so they run **in parallel** on every core (`threads`), each on its own
network. Each trial's random numbers — its $\eta$, its $\lambda$, its initial weights and batch order — come from a
seed computed from the search seed and the trial's index alone, never from a shared generator whose state would
depend on which thread asked first. So the results are the same on 1 core or 16.
"""),
code(r"""
long start = System.nanoTime();
var coarse = search.run(split.train(), split.test());
System.out.println(String.format("%d trials in %.0f s on %d threads", search.trials(), (System.nanoTime() - start) / 1e9, search.threads()));
coarse.table().first(10)
"""),
code(r"""
coarse.figure()
"""),
md(r"""
Hover over a point to see its trial. The trials with the largest learning rates, whatever their accuracy:
"""),
code(r"""
coarse.table().sortDescendingOn("lr").first(8)
"""),
code(r"""
coarse.accuracyFigure()
"""),
md(r"""
The book's finding holds on Fashion-MNIST too: the **learning rate decides almost everything**. With 50 epochs of
SGD on 400 images, the trials with $\eta$ around $10^{-3}$ reach only 30–38 % validation accuracy and below $10^{-4}$ they
stay under 20 % (chance is 10 %); the one trial that drew $\eta$ above $2\cdot10^{-3}$ (trial 0, $\eta \approx
0.006$) is the clear winner with 70 %. Random sampling is uneven: on a log scale only about one trial in eight
should land above $3\cdot10^{-3}$, and in these 30 only one did. The weight decay hardly matters in
$[10^{-8}, 10^{-4}]$: trials 17 and 15 have the same $\eta \approx 0.0017$ and $\lambda$ two decades apart
($3\cdot10^{-5}$ and $3\cdot10^{-7}$), and score 38 % and 34 % — within the noise of 100 validation images — and in the scatter good and bad trials spread over the whole vertical axis.

The book narrows to $\eta \in [10^{-3}, 10^{-2}]$ and $\lambda \in [10^{-8}, 10^{-6}]$. Here the best trial sits at
the top edge of the learning-rate range, a sign that the range was too low, so we move it up to
$[10^{-3}, 5\cdot10^{-2}]$; $\lambda$ keeps its range, since it made no visible difference.

The training accuracy (open circles in the second figure) sits above the validation accuracy: with 400 images, the
network starts to overfit as soon as it learns.

## Narrowing the range
"""),
code(r"""
var fine = search.withLr(1e-3, 5e-2).withWeightDecay(1e-8, 1e-4).withTrials(quick ? 8 : 12).withSeed(2)
        .run(split.train(), split.test());
fine.figure()
"""),
code(r"""
fine.table().first(10)
"""),
md(r"""
The seven best have $\eta$ between about $0.006$ and $0.05$ and reach 73–79 %, whatever their $\lambda$.
With only 100 validation images each accuracy moves in steps of 1 %, and several trials tie or differ by one image:
the top of the table is a set of good configurations, not one winner. (The table breaks ties by validation loss, then by trial index, so the
order is reproducible.) Pick one, and only now — once — look at the test set, training on all 500 images:
"""),
code(r"""
var best = fine.best();
var finalSetup = search.setup().withOptimizer(Optimizers.sgd(best.lr())).withSeed(best.seed());
var all500 = data.train().head(500);
var trainer = finalSetup.trainer(finalSetup.network(all500), all500).regularizer(Regularizers.l2(best.weightDecay()));
trainer.progress(Progress.live()).fit(finalSetup.epochs());   // in a notebook: a live loss chart
System.out.println(best);
trainer.evaluate(data.test())
"""),
md(r"""
The test accuracy of the chosen configuration (about 75 %) is a little below its validation accuracy (79 %): the
maximum of 12 noisy validation scores is an optimistic estimate — one more reason to keep the test set for the end.

## The same table on any number of threads

A check of the claim above: a small search run on one thread and on two gives identical trials, bit for bit.
"""),
code(r"""
var small = search.withTrials(6).withSetup(search.setup().withEpochs(5));
var one = small.withThreads(1).run(split.train(), split.test());
var two = small.withThreads(2).run(split.train(), split.test());
one.trials().equals(two.trials())
"""),
md(r"""
## Exercises

1. **The book's 100 trials.** Run `RandomSearch.book()` (100 trials) and compare its best five with ours. How much
   does the best validation accuracy change with `withSeed(…)`?
2. **Grid against random.** Write a 6×6 grid of $\eta$ and $\lambda$ (36 trials) with `search.withLr(lr, lr)`
   style one-point ranges, and compare the best result with 36 random trials.
3. **A third hyperparameter.** Search the dropout rate or the number of hidden layers with a loop over
   `NetSetup.book().withHidden(k, 100)`. Which matters more here: depth or learning rate?
4. **Validation noise.** Evaluate the top three trials of the fine search on a second validation set
   (`data.train().rows(...)` from images 500–1,499, say). Does their order hold?
5. **Adam.** `search.withSetup(NetSetup.book().withEpochs(50).withOptimizer(Optimizers.adam(0.001)))` with
   $\eta \in [10^{-5}, 10^{-1}]$: is Adam's good range wider than SGD's?
"""),
])
