"""Executes notebooks headlessly with the JJava kernel: `run_notebooks.py [--output-dir D] [--html D] NB...`.

Writes the outputs back into each notebook (or into --output-dir), signs it as trusted so its figures draw when
opened, and optionally exports HTML. Exits non-zero naming the notebook and cell on the first failure: a missing
file, a cell that raises, or a cell whose output is an error or a stderr stream.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat.sign import NotebookNotary

import figure_images

CELL_TIMEOUT = int(os.environ.get("DESCENT_CELL_TIMEOUT", "900"))


def fail(msg):
    print(f"[descent] error: {msg}", file=sys.stderr)
    return 1


def cell_label(nb, index):
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    n = code_cells.index(index) + 1 if index in code_cells else index + 1
    src = nb.cells[index].source.strip().splitlines()
    first = src[0][:70] if src else ""
    return f"code cell {n} (cell {index + 1}: {first!r})"


def error_outputs(nb):
    """(cell index, text) for every error output or stderr stream left in the notebook."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append((i, f"{out.ename}: {out.evalue}"))
            elif out.output_type == "stream" and out.name == "stderr" and out.text.strip():
                found.append((i, "stderr: " + out.text.strip()[:500]))
    return found


def run(path, output_dir, html_dir):
    if not os.path.isfile(path):
        return fail(f"no such notebook: {path}")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # not JSON, not a notebook
        return fail(f"{path} is not a readable notebook: {e}")
    name = os.path.basename(path)
    print(f"[descent] running {path}", file=sys.stderr, flush=True)
    start = time.time()
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="java", allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    status = 0
    try:
        client.execute()
    except CellTimeoutError as e:
        status = fail(f"{path}: a cell ran longer than {CELL_TIMEOUT} s (DESCENT_CELL_TIMEOUT): {str(e).splitlines()[0]}")
    except DeadKernelError as e:
        status = fail(f"{path}: the Java kernel died: {e}")
    except RuntimeError as e:  # e.g. the kernel died before it answered
        status = fail(f"{path}: the Java kernel did not start or stopped: {e}")
    except CellExecutionError as e:
        idx = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
            o.output_type == "error" for o in c.get("outputs", []))), None)
        where = cell_label(nb, idx) if idx is not None else "a cell"
        status = fail(f"{path}: {where} failed: {e.ename}: {e.evalue}")
    if status == 0:
        for i, text in error_outputs(nb):
            status = fail(f"{path}: {cell_label(nb, i)} printed an error: {text}")
            break
    status = figure_images.step(nb, path, status)   # pictures of the figures, for viewers without scripts
    target = os.path.join(output_dir, name) if output_dir else path
    if output_dir:
        os.makedirs(output_dir, exist_ok=True)
    NotebookNotary().sign(nb)
    nbformat.write(nb, target)
    if html_dir:
        from nbconvert import HTMLExporter
        os.makedirs(html_dir, exist_ok=True)
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(figure_images.for_export(nb))
        body = figure_images.page_with_plotly(body)   # one copy of plotly.js per page
        with open(os.path.join(html_dir, name.replace(".ipynb", ".html")), "w", encoding="utf-8") as f:
            f.write(body)
    print(f"[descent] {path}: {'ok' if status == 0 else 'FAILED'} in {time.time() - start:.1f} s", file=sys.stderr)
    return status


def main():
    p = argparse.ArgumentParser(prog="./descent run", description=__doc__)
    p.add_argument("notebooks", nargs="+")
    p.add_argument("--html", metavar="DIR", help="also export each notebook as HTML into DIR")
    p.add_argument("--output-dir", metavar="DIR", help="write executed notebooks here instead of in place")
    a = p.parse_args()
    failures = [nb for nb in a.notebooks if run(nb, a.output_dir, a.html) != 0]
    if failures:
        print(f"[descent] {len(failures)} of {len(a.notebooks)} notebook(s) failed: {', '.join(failures)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
