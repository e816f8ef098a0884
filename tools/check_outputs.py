"""Checks that committed notebook outputs are still true: `check_outputs.py [--kernel NAME] NB...`.

Re-executes each notebook (in memory; the file is not touched) and compares every output with the committed one:
text (stdout, text/plain, text/html, ...) exactly, and a figure by its data (the plotly JSON, or the layout and
traces in its HTML), not by its picture (image/png) or its random element id. Fails naming the notebook, the cell
and the first difference. Run it at the setting the notebooks were committed with (DESCENT_QUICK unset or 0).
"""
import argparse
import copy
import json
import os
import re
import sys

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_notebooks import cell_label, execute  # noqa: E402

PLOTLY = "application/vnd.plotly.v1+json"
# Binary or derived representations of a figure; compared through the figure's data instead.
SKIPPED = {"image/png", "image/jpeg", "image/gif"}
FIGURE_VAR = re.compile(r"^var (layout|config|trace\d+) = (.*);\s*$", re.M)


def text(value):
    return "".join(value) if isinstance(value, list) else value if isinstance(value, str) else json.dumps(value)


def figure_data(data):
    """The figure a display bundle shows, as JSON-like data, or None when it shows no figure."""
    if PLOTLY in data:
        value = data[PLOTLY]
        return json.loads(value) if isinstance(value, str) else value
    html = text(data.get("text/html", ""))
    if "Plotly.newPlot" not in html:
        return None
    found = {}
    for name, js in FIGURE_VAR.findall(html):
        found[name] = json.loads(js)
    traces = sorted((k for k in found if k.startswith("trace")), key=lambda k: int(k[5:]))
    return {"data": [found[k] for k in traces], "layout": found.get("layout"), "config": found.get("config")}


def comparable(output):
    """An output reduced to what must stay the same: a list of (what, value) pairs."""
    kind = output.get("output_type")
    if kind == "stream":
        return [(f"{output.get('name')} stream", text(output.get("text", "")))]
    if kind == "error":
        return [("error", f"{output.get('ename')}: {output.get('evalue')}")]
    data = output.get("data", {})
    figure = figure_data(data)
    items = []
    for mime in sorted(data):
        if mime in SKIPPED or (figure is not None and mime in (PLOTLY, "text/html")):
            continue
        items.append((mime, text(data[mime])))
    if figure is not None:
        items.append(("figure data", figure))
    return items


def first_json_difference(a, b, path="figure"):
    if type(a) is not type(b):
        return f"{path}: committed {json.dumps(a)[:80]}, now {json.dumps(b)[:80]}"
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{path}.{k}: {'only in the committed output' if k in a else 'new in this run'}"
            d = first_json_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_json_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} entries committed, {len(b)} now"
        return None
    return None if a == b else f"{path}: committed {json.dumps(a)}, now {json.dumps(b)}"


def first_text_difference(a, b):
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    line = a.count("\n", 0, i) + 1
    lo = max(0, i - 40)
    return (f"line {line}, character {i - (a.rfind(chr(10), 0, i) + 1) + 1}: committed {a[lo:i + 40]!r}, "
            f"now {b[lo:i + 40]!r}")


def first_difference(committed, fresh):
    """The first difference between two code cells' outputs, or None when they are the same."""
    a = [item for out in committed for item in comparable(out)]
    b = [item for out in fresh for item in comparable(out)]
    for (what_a, x), (what_b, y) in zip(a, b):
        if what_a != what_b:
            return f"committed output {what_a}, now {what_b}"
        if what_a == "figure data":
            d = first_json_difference(x, y)
            if d:
                return d
        elif x != y:
            return f"{what_a} differs at {first_text_difference(x, y)}"
    if len(a) != len(b):
        extra = a[len(b):] or b[len(a):]
        return (f"{len(a)} output part(s) committed, {len(b)} now; "
                f"{'missing' if len(a) > len(b) else 'new'}: {extra[0][0]} {text(extra[0][1])[:80]!r}")
    return None


def compare(committed_nb, fresh_nb):
    """[(cell index, first difference)] for every code cell whose outputs changed."""
    found = []
    for i, (a, b) in enumerate(zip(committed_nb.cells, fresh_nb.cells)):
        if a.cell_type != "code":
            continue
        d = first_difference(a.get("outputs", []), b.get("outputs", []))
        if d:
            found.append((i, d))
    return found


def check(path, kernel):
    committed = nbformat.read(path, as_version=4)
    fresh = copy.deepcopy(committed)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    print(f"[descent] re-executing {path} ({kernel} kernel, DESCENT_QUICK={os.environ.get('DESCENT_QUICK', '')!r})",
          file=sys.stderr, flush=True)
    failure = execute(fresh, path, kernel)
    if failure:
        message, detail = failure
        print(f"[descent] error: {path}: {message}", file=sys.stderr)
        for line in detail:
            print(line, file=sys.stderr)
        return 1
    diffs = compare(committed, fresh)
    for i, d in diffs:
        print(f"[descent] error: {path}: {cell_label(committed, i)}: the committed output is stale: {d}", file=sys.stderr)
    if diffs:
        print(f"[descent] {path}: {len(diffs)} cell(s) differ; re-execute it with ./descent run {path}",
              file=sys.stderr)
        return 1
    n = sum(c.cell_type == "code" for c in committed.cells)
    print(f"[descent] {path}: all {n} code cells give their committed outputs", file=sys.stderr)
    return 0


def main():
    p = argparse.ArgumentParser(prog="check_outputs.py", description=__doc__)
    p.add_argument("notebooks", nargs="+")
    p.add_argument("--kernel", default="java")
    a = p.parse_args()
    if os.environ.get("DESCENT_QUICK", "0") not in ("", "0"):
        sys.exit("[descent] error: committed outputs come from full runs; unset DESCENT_QUICK or set it to 0 "
                 f"(it is {os.environ['DESCENT_QUICK']!r})")
    failed = [nb for nb in a.notebooks if check(nb, a.kernel) != 0]
    if failed:
        print(f"[descent] {len(failed)} of {len(a.notebooks)} notebook(s) have stale outputs: {', '.join(failed)}",
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
