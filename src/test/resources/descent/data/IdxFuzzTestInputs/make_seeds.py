#!/usr/bin/env python3
"""Writes the seed inputs of IdxFuzzTest.loaderThrowsOnlyIdxFormatException (run from this directory).

Each seed is: one control byte (bit 0: wrap the rest in gzip; bits 1-7: the limit passed to the loader, 0 = none),
then the file's bytes. Seeds are small valid and nearly valid IDX files, so the fuzzer starts from the format.
"""
import os
import struct

out = "loaderThrowsOnlyIdxFormatException"
os.makedirs(out, exist_ok=True)


def images(count, rows, cols, data):
    return struct.pack(">IIII", 0x803, count, rows, cols) + bytes(data)


def labels(values):
    return struct.pack(">II", 0x801, len(values)) + bytes(values)


seeds = {
    "images-2x2x3": (0, images(2, 2, 3, range(0, 240, 20))),
    "images-2x2x3-gzip": (1, images(2, 2, 3, range(0, 240, 20))),
    "images-limit-1": (2, images(2, 2, 3, range(12))),
    "images-truncated": (0, images(3, 2, 3, range(12))),
    "images-absurd-count": (1, images(0x7FFFFFFF, 28, 28, [0, 0, 0, 0])),
    "labels-5": (0, labels([9, 0, 0, 3, 0])),
    "labels-5-gzip": (1, labels([9, 0, 0, 3, 0])),
    "not-idx": (0, b"hello, fuzzer"),
}
for name, (control, body) in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([control]) + body)
