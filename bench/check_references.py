"""Checks the two Python references against each other before they are timed: the numpy network's loss and
gradients against PyTorch autograd on the same weights and batch, and the numpy update rules against torch.optim
on the same gradient sequence. Prints one JSON line; exits non-zero if they differ by more than rounding."""
import sys

import numpy as np
import torch

import reference_numpy as ref_np
import reference_torch as ref_torch
from common import OPTIMIZERS, SIZES, emit

TOLERANCE = 1e-12


def check_gradients(rng):
    params = ref_np.he_init(rng, np.float64)
    x, t = rng.random((32, SIZES[0])), rng.integers(0, SIZES[-1], 32)
    loss, grads = ref_np.loss_and_gradients([p.copy() for p in params], x, t)
    tp = [torch.tensor(p, requires_grad=True) for p in params]
    h = torch.tensor(x)
    layers = len(tp) // 2
    for k in range(layers):
        h = h @ tp[2 * k] + tp[2 * k + 1]
        if k < layers - 1:
            h = torch.relu(h)
    tl = torch.nn.functional.cross_entropy(h, torch.tensor(t))
    tl.backward()
    return max([abs(tl.item() - loss)] + [float(np.max(np.abs(g - p.grad.numpy()))) for g, p in zip(grads, tp)])


def check_optimizers(rng):
    worst = {}
    for name in OPTIMIZERS:
        p = [rng.standard_normal(7)]
        tp = [torch.tensor(p[0].copy(), requires_grad=True)]
        mine, theirs = ref_np.Optimizer(name, p, **OPTIMIZERS[name]), ref_torch.optimizer(name, tp)
        for _ in range(10):
            g = rng.standard_normal(7)
            mine.update(p, [g.copy()])
            tp[0].grad = torch.tensor(g)
            theirs.step()
        worst[name] = float(np.max(np.abs(p[0] - tp[0].detach().numpy())))
    return worst


def main():
    rng = np.random.default_rng(0)
    grad_diff = check_gradients(rng)
    opt_diff = check_optimizers(rng)
    ok = grad_diff < TOLERANCE and all(v < TOLERANCE for v in opt_diff.values())
    emit(check="references", ok=ok, gradient_max_abs_diff=grad_diff, optimizer_max_abs_diff=opt_diff)
    if not ok:
        sys.exit("numpy and PyTorch references disagree beyond rounding; fix them before timing anything")


if __name__ == "__main__":
    main()
