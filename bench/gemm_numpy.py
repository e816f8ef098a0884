"""Peak matrix-multiply throughput through numpy (its BLAS): GFLOP/s of C = A·B at a large square size and at the
shapes the benchmark network multiplies. Prints one JSON line per (shape, dtype); best of several timed rounds."""
import argparse
import time

import numpy as np

from common import emit

# (label, m, k, n, transA, transB): C[m,n] = op(A)[m,k] · op(B)[k,n]
SHAPES = [
    ("square 1024", 1024, 1024, 1024, False, False),
    ("fwd 128x784 * 784x100", 128, 784, 100, False, False),
    ("fwd 128x100 * 100x100", 128, 100, 100, False, False),
    ("dW 784x128 * 128x100 (A^T)", 784, 128, 100, True, False),
    ("dX 128x100 * 100x100 (B^T)", 128, 100, 100, False, True),
]


def probe(label, m, k, n, ta, tb, dtype, budget):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((k, m) if ta else (m, k)).astype(dtype)
    b = rng.standard_normal((n, k) if tb else (k, n)).astype(dtype)
    a, b = (a.T if ta else a), (b.T if tb else b)
    c = np.empty((m, n), dtype=dtype)
    np.matmul(a, b, out=c)
    reps = 1
    while True:   # grow the repetition count until one round takes ~budget/5
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        dt = time.perf_counter() - t0
        if dt > budget / 5:
            break
        reps *= 2
    best = dt
    for _ in range(4):
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - t0)
    return 2.0 * m * k * n * reps / best / 1e9


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--dtypes", default="float64,float32")
    p.add_argument("--budget", type=float, default=1.0, help="seconds per shape, roughly")
    a = p.parse_args()
    for dt in a.dtypes.split(","):
        for s in SHAPES:
            emit(impl="numpy", probe="gemm", shape=s[0], dtype=dt, threads=a.threads,
                 gflops=probe(*s, np.dtype(dt), a.budget))


if __name__ == "__main__":
    main()
