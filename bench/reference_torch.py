"""The PyTorch reference: the same network and the same four optimizers with torch.nn and torch.optim.

Run by bench/run with Debian's python3-torch; prints one JSON line per optimizer (see common.emit). --threads sets
torch.set_num_threads; the harness runs 1 and 2 threads and reports the better.
"""
import time

import numpy as np
import torch
import torch.nn.functional as F

from common import BATCH, OPTIMIZERS, SIZES, load_fashion_mnist, parse_args, result


def network(dtype):
    layers = []
    for i, o in zip(SIZES[:-1], SIZES[1:]):
        lin = torch.nn.Linear(i, o, dtype=dtype)
        torch.nn.init.kaiming_normal_(lin.weight, mode="fan_in", nonlinearity="relu")  # He: N(0, 2/n_in)
        torch.nn.init.zeros_(lin.bias)
        layers += [lin, torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1])


def optimizer(name, params):
    h = OPTIMIZERS[name]
    if name == "sgd":
        return torch.optim.SGD(params, lr=h["lr"])
    if name == "momentum":
        return torch.optim.SGD(params, lr=h["lr"], momentum=h["momentum"])
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=h["lr"], eps=h["eps"])
    return torch.optim.Adam(params, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"])


def train(name, xtr, ytr, iterations, seed, dtype, max_seconds=0):
    """Trains a fresh network; returns (iterations done, seconds of the training loop, losses, network)."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    net = network(dtype)
    opt = optimizer(name, net.parameters())
    losses = torch.empty(iterations, dtype=torch.float64)
    done = 0
    t0 = time.perf_counter()
    while done < iterations:
        idx = torch.randint(0, xtr.shape[0], (BATCH,), generator=gen)
        opt.zero_grad()
        loss = F.cross_entropy(net(xtr[idx]), ytr[idx])
        loss.backward()
        opt.step()
        losses[done] = loss.item()
        done += 1
        if max_seconds and done % 50 == 0 and time.perf_counter() - t0 > max_seconds:
            break
    return done, time.perf_counter() - t0, losses.tolist(), net


def main():
    a = parse_args("torch")
    torch.set_num_threads(a.threads)
    dtype = torch.float64 if a.dtype == "float64" else torch.float32
    xtr, ytr, xte, yte, load_s = load_fashion_mnist(np, np.float64 if a.dtype == "float64" else np.float32)
    xtr, ytr, xte, yte = (torch.from_numpy(v) for v in (xtr, ytr, xte, yte))
    if a.warmup > 0:
        train(a.optimizers[0], xtr, ytr, a.warmup, a.seed + 1000, dtype)
    for name in a.optimizers:
        done, seconds, losses, net = train(name, xtr, ytr, a.iterations, a.seed, dtype, a.max_seconds)

        def accuracy():
            with torch.no_grad():
                return (net(xte).argmax(dim=1) == yte).double().mean().item()

        result("torch", torch.__version__, a, name, done, seconds, losses, accuracy, load_s)


if __name__ == "__main__":
    main()
