#!/usr/bin/env python3
"""numpy's time to load Fashion-MNIST from Debian's gzip files, to compare with descent.data.LoadBenchmark.

Usage: /usr/bin/python3 numpy_load.py [DIR]   (DIR defaults to /usr/share/datasets/fashion-mnist)
Prints, per fresh process: gzip.open(...).read() + np.frombuffer (uint8), then also .astype(np.float64) / 255.0 (the
same doubles descent produces).
"""
import gzip
import sys
import time

import numpy as np

d = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"


def read(name, offset):
    with gzip.open(f"{d}/{name}", "rb") as g:
        return np.frombuffer(g.read(), np.uint8, offset=offset)


t0 = time.perf_counter()
train = read("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)
test = read("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784)
train_y = read("train-labels-idx1-ubyte.gz", 8)
test_y = read("t10k-labels-idx1-ubyte.gz", 8)
t1 = time.perf_counter()
x_train = train.astype(np.float64) / 255.0
x_test = test.astype(np.float64) / 255.0
t2 = time.perf_counter()
print(f"numpy: gzip+frombuffer (uint8) {t1 - t0:.3f} s; with float64/255 {t2 - t0:.3f} s;"
      f" {train.shape[0]} + {test.shape[0]} images, first label {train_y[0]}")
