"""What notebooks spend their bytes on: `notebook_sizes.py NOTEBOOK...` prints, per notebook and in total, the file
size and the bytes each output MIME type takes in it (the file as nbformat writes it, minus the same file without
that type), in kB (1000 bytes). Everything else (sources, metadata, small outputs) is "rest".
"""
import copy
import os
import sys

import nbformat


def cost(nb):
    """{mime: bytes it adds to the file}, and the file's size, as nbformat writes it."""
    full = len(nbformat.writes(nb).encode("utf-8")) + 1   # nbformat.write adds a final newline
    mimes = sorted({m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})})
    costs = {}
    for mime in mimes:
        without = copy.deepcopy(nb)
        for c in without.cells:
            for o in c.get("outputs", []):
                o.get("data", {}).pop(mime, None)
        costs[mime] = full - (len(nbformat.writes(without).encode("utf-8")) + 1)
    return full, costs


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__)
    total_size, totals = 0, {}
    rows = []
    for path in paths:
        size, costs = cost(nbformat.read(path, as_version=4))
        if size != os.path.getsize(path):
            print(f"note: {path} is {os.path.getsize(path)} bytes on disk, {size} as nbformat writes it", file=sys.stderr)
        total_size += size
        for m, b in costs.items():
            totals[m] = totals.get(m, 0) + b
        rows.append((os.path.basename(path), size, costs))
    mimes = sorted(totals, key=lambda m: -totals[m])
    header = ["notebook", "file"] + mimes + ["rest"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, size, costs in rows + [("total", total_size, totals)]:
        rest = size - sum(costs.values())
        cells = [name, f"{size / 1e3:.0f}"] + [f"{costs.get(m, 0) / 1e3:.0f}" for m in mimes] + [f"{rest / 1e3:.0f}"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
