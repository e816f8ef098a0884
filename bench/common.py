"""Shared by the Python references: the workload, Fashion-MNIST loading, arguments and the result line.

The workload is the optimizer comparison of Deep Learning from Scratch §6.1.7 (ch06/optimizer_compare_mnist.py),
run on Fashion-MNIST: 784-100-100-100-100-10, ReLU, He init, softmax cross-entropy, batches of 128 drawn with
replacement, 2,000 iterations per optimizer. Hyperparameters are the book's; conventions (where epsilon sits,
its value) are PyTorch's, which descent's optimizers follow.
"""
import argparse
import gzip
import json
import os
import sys
import time

SIZES = [784, 100, 100, 100, 100, 10]
BATCH = 128
# The book's settings. eps values are PyTorch's defaults (AdaGrad 1e-10, Adam 1e-8 outside the square root).
OPTIMIZERS = {
    "sgd": {"lr": 0.01},
    "momentum": {"lr": 0.01, "momentum": 0.9},
    "adagrad": {"lr": 0.01, "eps": 1e-10},
    "adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}
WARMUP = 200  # every implementation runs the same untimed warm-up (JIT compilation, caches, thread pools)
LOSS_WINDOW = 100  # final training loss = mean loss of the last LOSS_WINDOW iterations


# The matrix products of one training iteration, as (label, m, k, n, transpose A, transpose B, how many):
# C[m,n] = op(A)[m,k]·op(B)[k,n]. bench/gemm_numpy.py and GemmBench.java time each shape, and the harness adds up
# the times into the fastest an iteration could possibly be with that BLAS (the "GEMM-only ceiling").
ITERATION_GEMMS = [
    ("fwd 128x784 * 784x100", 128, 784, 100, False, False, 1),
    ("fwd 128x100 * 100x100", 128, 100, 100, False, False, 3),
    ("fwd 128x100 * 100x10", 128, 100, 10, False, False, 1),
    ("dW 784x128 * 128x100 (A^T)", 784, 128, 100, True, False, 1),
    ("dW 100x128 * 128x100 (A^T)", 100, 128, 100, True, False, 3),
    ("dW 100x128 * 128x10 (A^T)", 100, 128, 10, True, False, 1),
    ("dX 128x100 * 100x100 (B^T)", 128, 100, 100, False, True, 3),
    ("dX 128x10 * 10x100 (B^T)", 128, 10, 100, False, True, 1),
]
PEAK_SHAPE = ("square 1024", 1024, 1024, 1024, False, False, 0)


def gemm_flops_per_iteration(sizes=SIZES, batch=BATCH):
    """FLOPs of the matrix products one iteration must do: forward x·W (2·b·i·o), weight gradient xᵀ·dy (2·b·i·o),
    and input gradient dy·Wᵀ (2·b·i·o) for every layer but the first (nobody needs the gradient of the images)."""
    total = 0
    for k, (i, o) in enumerate(zip(sizes[:-1], sizes[1:])):
        total += 2 * batch * i * o * (2 if k == 0 else 3)
    return total


def data_dir():
    for d in (os.environ.get("DESCENT_DATA"), os.path.expanduser("~/.descent/data/fashion-mnist"),
              os.path.expanduser("~/.descent/data"), "/usr/share/datasets/fashion-mnist"):
        if d and os.path.exists(os.path.join(d, "train-images-idx3-ubyte.gz")):
            return d
    sys.exit("Fashion-MNIST not found; install it with: apt-get install -y dataset-fashion-mnist")


def load_fashion_mnist(np, dtype):
    """Images scaled to [0, 1] as (n, 784) arrays of dtype, labels as int64. Returns (xtr, ytr, xte, yte, seconds):
    the time covers gunzip, frombuffer and the conversion to scaled floats, i.e. everything to usable arrays."""
    d = data_dir()
    t0 = time.perf_counter()

    def images(name):
        with gzip.open(os.path.join(d, name), "rb") as f:
            buf = f.read()
        n, rows, cols = (int.from_bytes(buf[k:k + 4], "big") for k in (4, 8, 12))
        a = np.frombuffer(buf, dtype=np.uint8, offset=16).reshape(n, rows * cols)
        return a.astype(dtype) / dtype(255.0)

    def labels(name):
        with gzip.open(os.path.join(d, name), "rb") as f:
            buf = f.read()
        return np.frombuffer(buf, dtype=np.uint8, offset=8).astype(np.int64)

    xtr, ytr = images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")
    xte, yte = images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")
    return xtr, ytr, xte, yte, time.perf_counter() - t0


def parse_args(impl):
    p = argparse.ArgumentParser(description=f"{impl} reference for descent's benchmark")
    p.add_argument("--optimizers", default="sgd,momentum,adagrad,adam")
    p.add_argument("--iterations", type=int, default=2000)
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-seconds", type=float, default=0,
                   help="stop an optimizer's run after this long (0: never); its it/s still counts, loss and accuracy not")
    p.add_argument("--warmup", type=int, default=WARMUP,
                   help="untimed iterations (of the first optimizer, on a throwaway network) before timing")
    a = p.parse_args()
    a.optimizers = a.optimizers.split(",")
    for o in a.optimizers:
        if o not in OPTIMIZERS:
            sys.exit(f"Unknown optimizer '{o}'; expected one of {', '.join(OPTIMIZERS)}")
    return a


def result(impl, version, a, name, done, seconds, losses, accuracy, load_s):
    """The result line of one optimizer's run; a run stopped by --max-seconds reports only its throughput."""
    truncated = done < a.iterations
    window = losses[max(0, done - LOSS_WINDOW):done]
    emit(impl=impl, version=version, optimizer=name, dtype=a.dtype, threads=a.threads, seed=a.seed,
         iterations=done, seconds=seconds, it_per_s=done / seconds,
         gflops=gemm_flops_per_iteration() * done / seconds / 1e9,
         final_loss=None if truncated else float(sum(window) / len(window)),
         test_accuracy=None if truncated else accuracy(), truncated=truncated, load_seconds=load_s)


def emit(**fields):
    """One JSON object per line on stdout: what the harness reads."""
    print(json.dumps(fields), flush=True)
