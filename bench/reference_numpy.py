"""The numpy reference: the book's optimizer comparison (Deep Learning from Scratch §6.1.7) in plain numpy.

Run by bench/run with Debian's python3-numpy; prints one JSON line per optimizer (see common.emit). The network,
its backward pass and the four update rules are written out as a student would write them after reading the book,
with in-place updates and no Python-level loops over examples.
"""
import time

import numpy as np

from common import BATCH, OPTIMIZERS, SIZES, load_fashion_mnist, parse_args, result


def he_init(rng, dtype):
    """W ~ N(0, 2/n_in), b = 0 (He et al. 2015; the book's weight_init_std='relu')."""
    params = []
    for i, o in zip(SIZES[:-1], SIZES[1:]):
        params.append((rng.standard_normal((i, o)) * np.sqrt(2.0 / i)).astype(dtype))
        params.append(np.zeros(o, dtype=dtype))
    return params


def loss_and_gradients(params, x, t):
    """Forward through Dense+ReLU layers and softmax cross-entropy; returns the mean loss and the gradients."""
    n = x.shape[0]
    layers = len(params) // 2
    hs = [x]
    for k in range(layers):
        a = hs[-1] @ params[2 * k] + params[2 * k + 1]
        if k < layers - 1:
            np.maximum(a, 0, out=a)
        hs.append(a)
    logits = hs[-1]
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    loss = float(np.mean(np.log(s[:, 0]) - shifted[np.arange(n), t]))
    dy = e / s                              # softmax
    dy[np.arange(n), t] -= 1
    dy /= n                                 # d(mean loss)/d(logits) = (softmax - onehot) / n
    grads = [None] * len(params)
    for k in range(layers - 1, -1, -1):
        grads[2 * k] = hs[k].T @ dy
        grads[2 * k + 1] = dy.sum(axis=0)
        if k > 0:
            dy = dy @ params[2 * k].T
            dy *= hs[k] > 0                 # ReLU: pass the gradient where the unit was active
    return loss, grads


class Optimizer:
    """The four update rules, PyTorch's conventions (equal to the book's for a constant learning rate)."""

    def __init__(self, name, params, **h):
        self.name, self.h, self.t = name, h, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def update(self, params, grads):
        h = self.h
        self.t += 1
        for p, g, m, v in zip(params, grads, self.m, self.v):
            if self.name == "sgd":
                p -= h["lr"] * g
            elif self.name == "momentum":       # v = mu*v + g; p -= lr*v  (book: v = mu*v - lr*g; p += v)
                m *= h["momentum"]
                m += g
                p -= h["lr"] * m
            elif self.name == "adagrad":        # s += g^2; p -= lr*g/(sqrt(s)+eps)
                v += g * g
                p -= h["lr"] * g / (np.sqrt(v) + h["eps"])
            elif self.name == "adam":           # bias-corrected moments, eps outside the square root
                b1, b2 = h["beta1"], h["beta2"]
                m *= b1
                m += (1 - b1) * g
                v *= b2
                v += (1 - b2) * (g * g)
                mhat_scale = 1 / (1 - b1 ** self.t)
                vhat_scale = 1 / (1 - b2 ** self.t)
                p -= h["lr"] * (m * mhat_scale) / (np.sqrt(v * vhat_scale) + h["eps"])


def accuracy(params, x, t):
    h = x
    layers = len(params) // 2
    for k in range(layers):
        h = h @ params[2 * k] + params[2 * k + 1]
        if k < layers - 1:
            h = np.maximum(h, 0)
    return float(np.mean(h.argmax(axis=1) == t))


def train(name, xtr, ytr, iterations, seed, dtype, max_seconds=0):
    """Trains a fresh network; returns (iterations done, seconds of the training loop, losses, parameters)."""
    rng = np.random.default_rng(seed)
    params = he_init(rng, dtype)
    opt = Optimizer(name, params, **OPTIMIZERS[name])
    losses = np.empty(iterations)
    done = 0
    t0 = time.perf_counter()
    while done < iterations:
        idx = rng.integers(0, xtr.shape[0], BATCH)
        loss, grads = loss_and_gradients(params, xtr[idx], ytr[idx])
        losses[done] = loss
        opt.update(params, grads)
        done += 1
        if max_seconds and done % 50 == 0 and time.perf_counter() - t0 > max_seconds:
            break
    return done, time.perf_counter() - t0, losses, params


def main():
    a = parse_args("numpy")
    dtype = np.float64 if a.dtype == "float64" else np.float32
    xtr, ytr, xte, yte, load_s = load_fashion_mnist(np, dtype)
    if a.warmup > 0:
        train(a.optimizers[0], xtr, ytr, a.warmup, a.seed + 1000, dtype)
    for name in a.optimizers:
        done, seconds, losses, params = train(name, xtr, ytr, a.iterations, a.seed, dtype, a.max_seconds)
        result("numpy", np.__version__, a, name, done, seconds, losses, lambda: accuracy(params, xte, yte), load_s)


if __name__ == "__main__":
    main()
