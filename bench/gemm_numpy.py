"""Peak matrix-multiply throughput through numpy (its BLAS): GFLOP/s of C = A·B at a large square size and at the
shapes the benchmark network multiplies. Prints one JSON line per (shape, dtype); best of several timed rounds."""
import argparse
import time

import numpy as np

from common import ITERATION_GEMMS, PEAK_SHAPE, emit

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
        for s in [PEAK_SHAPE] + ITERATION_GEMMS:
            emit(impl="numpy", probe="gemm", shape=s[0], dtype=dt, threads=a.threads,
                 gflops=probe(*s[:6], np.dtype(dt), a.budget))


if __name__ == "__main__":
    main()
