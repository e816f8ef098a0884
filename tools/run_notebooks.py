"""Executes notebooks headlessly with the JJava kernel: `run_notebooks.py [--output-dir D] [--html D] NB...`.

Writes the outputs back into each notebook (or into --output-dir), signs it as trusted so its figures draw when
opened, and optionally exports HTML. Exits non-zero naming the notebook and cell on the first failure: a missing
file, a cell that raises or does not compile (the reason is printed), a cell that runs out of time, a kernel that
dies, or a cell whose output is an error or a stderr stream. A failed notebook is never written back or signed: the
original stays as it was and the partial outputs go to NAME.failed.ipynb (in --output-dir or the temp folder).
"""
import argparse
import atexit
import os
import re
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat.sign import NotebookNotary

import figure_images

CELL_TIMEOUT = int(os.environ.get("DESCENT_CELL_TIMEOUT", "900"))
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


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


def one_line(text):
    """The first line of an exception's text (nbclient's messages run to many lines)."""
    lines = str(text).strip().splitlines()
    return lines[0] if lines else type(text).__name__


def error_details(nb, index, limit=25):
    """The error output of a cell as console lines: a compile error's reason lives in its traceback."""
    lines = []
    for out in nb.cells[index].get("outputs", []) if index is not None else []:
        if out.output_type == "error":
            for entry in out.get("traceback", []):
                lines += [ANSI.sub("", l).rstrip() for l in entry.splitlines()]
    lines = [l for l in lines if l.strip()]
    return [f"    {l}" for l in lines[:limit]] + (["    ..."] if len(lines) > limit else [])


def execute(nb, path, kernel):
    """Runs every cell; returns None on success or the failure's description, naming the cell."""
    current = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index

    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=kernel, allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
                            on_cell_start=on_cell_start)

    def where():
        return cell_label(nb, current["index"]) if current["index"] is not None else "before the first cell"

    try:
        client.execute()
    except CellTimeoutError:
        return (f"{where()} ran longer than {CELL_TIMEOUT} s (set DESCENT_CELL_TIMEOUT to allow more)", [])
    except DeadKernelError as e:
        return (f"the {kernel} kernel died in {where()}: {one_line(e)}", [])
    except CellExecutionError as e:
        detail = error_details(nb, current["index"])
        return (f"{where()} failed: {e.ename}: {one_line(e.evalue) if e.evalue else '(see below)'}", detail)
    except RuntimeError as e:  # e.g. the kernel died before it answered
        atexit.unregister(client._cleanup_kernel)  # nbclient's own would fail again at exit: there is no kernel left
        return (f"the {kernel} kernel did not start or stopped ({where()}): {one_line(e)}", [])
    for i, text in error_outputs(nb):
        return (f"{cell_label(nb, i)} printed an error: {text}", [])
    return None


def write_atomically(nb, target):
    """Writes through a temporary file in the same folder, so the target is either the old file or the new one."""
    folder = os.path.dirname(os.path.abspath(target))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".descent-", suffix=".ipynb", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        nbformat.read(tmp, as_version=4)  # every write has a checking read
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def run(path, output_dir, html_dir, kernel="java"):
    if not os.path.isfile(path):
        return fail(f"no such notebook: {path}")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # not JSON, not a notebook
        return fail(f"{path} is not a readable notebook: {e}")
    name = os.path.basename(path)
    print(f"[descent] running {path} ({kernel} kernel)", file=sys.stderr, flush=True)
    start = time.time()
    failure = execute(nb, path, kernel)
    if not failure and figure_images.step(nb, path, 0) != 0:   # pictures of the figures, for viewers without scripts
        failure = ("the figures' pictures could not be drawn (see above)", [])
    if failure:
        message, detail = failure
        fail(f"{path}: {message}")
        for line in detail:
            print(line, file=sys.stderr)
        # The original (or the --output-dir copy) stays as it was; the partial outputs go aside, unsigned.
        aside = os.path.join(output_dir or os.path.join(tempfile.gettempdir(), "descent-failed"),
                             name.replace(".ipynb", ".failed.ipynb"))
        write_atomically(nb, aside)
        kept = f"nothing written to {output_dir}" if output_dir else f"{path} left unchanged"
        print(f"[descent] {path}: FAILED in {time.time() - start:.1f} s; {kept}; partial outputs in {aside}",
              file=sys.stderr)
        return 1
    target = os.path.join(output_dir, name) if output_dir else path
    NotebookNotary().sign(nb)
    write_atomically(nb, target)
    if html_dir:
        from nbconvert import HTMLExporter
        os.makedirs(html_dir, exist_ok=True)
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(figure_images.for_export(nb))
        body = figure_images.page_with_plotly(body)   # one copy of plotly.js per page
        with open(os.path.join(html_dir, name.replace(".ipynb", ".html")), "w", encoding="utf-8") as f:
            f.write(body)
    print(f"[descent] {path}: ok in {time.time() - start:.1f} s", file=sys.stderr)
    return 0


def main():
    p = argparse.ArgumentParser(prog="./descent run", description=__doc__)
    p.add_argument("notebooks", nargs="+")
    p.add_argument("--html", metavar="DIR", help="also export each notebook as HTML into DIR")
    p.add_argument("--output-dir", metavar="DIR", help="write executed notebooks here instead of in place")
    p.add_argument("--kernel", default="java", help="kernel spec name: java (JJava, the default) or ijava-descent")
    a = p.parse_args()
    from jupyter_client.kernelspec import KernelSpecManager
    kernels = sorted(KernelSpecManager().find_kernel_specs())
    if a.kernel not in kernels:
        hint = " (descent writes it when it finds IJava's jar: set DESCENT_IJAVA_JAR)" if a.kernel == "ijava-descent" else ""
        sys.exit(fail(f"no kernel named {a.kernel!r}{hint}; the kernels here are {', '.join(kernels)}"))
    failures = [nb for nb in a.notebooks if run(nb, a.output_dir, a.html, a.kernel) != 0]
    if failures:
        print(f"[descent] {len(failures)} of {len(a.notebooks)} notebook(s) failed: {', '.join(failures)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
