"""Tests for run_notebooks.py (failures name the cell and leave the notebook untouched) and check_outputs.py.

Run by `./descent test` (python -m unittest discover -s tools -p 'test_*.py', with JUPYTER_PATH pointing at
descent's kernels). The kernel tests start the JJava kernel (and IJava, when its kernel spec is there).
"""
import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbformat.sign import NotebookNotary
from nbformat.v4 import new_code_cell, new_notebook, new_output

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)
import check_outputs  # noqa: E402


def notebook(*cells):
    nb = new_notebook(cells=[new_code_cell(c) if isinstance(c, str) else c for c in cells])
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java (descent)", "language": "java"}
    return nb


def kernel_available(name):
    return name in KernelSpecManager().find_kernel_specs()


def run_tool(script, *args, env=None):
    e = dict(os.environ, **(env or {}))
    p = subprocess.run([sys.executable, os.path.join(TOOLS, script), *args], capture_output=True, text=True, env=e,
                       timeout=600)
    return p.returncode, p.stderr


class CompareTest(unittest.TestCase):
    """check_outputs.compare on the committed quick-start notebook, without a kernel."""

    def setUp(self):
        self.nb = nbformat.read(os.path.join(ROOT, "notebooks", "00-quickstart.ipynb"), as_version=4)

    def code_cell_with(self, mime):
        return next(i for i, c in enumerate(self.nb.cells) if c.cell_type == "code"
                    and any(mime in o.get("data", {}) for o in c.outputs))

    def test_a_notebook_equals_itself(self):
        self.assertEqual([], check_outputs.compare(self.nb, copy.deepcopy(self.nb)))

    def test_one_changed_digit_of_a_text_output_names_that_cell(self):
        fresh = copy.deepcopy(self.nb)
        i = self.code_cell_with("text/plain")
        out = fresh.cells[i].outputs[0]
        text = out.data["text/plain"]
        k = next(j for j, ch in enumerate(text) if ch.isdigit())
        out.data["text/plain"] = text[:k] + str((int(text[k]) + 1) % 10) + text[k + 1:]
        diffs = check_outputs.compare(self.nb, fresh)
        self.assertEqual([i], [d[0] for d in diffs], diffs)
        self.assertIn("text/plain differs at line 1", diffs[0][1])

    def test_a_figure_is_compared_by_its_data_not_its_element_id(self):
        figures = [j for j, c in enumerate(self.nb.cells) if c.cell_type == "code" and any(
            check_outputs.figure_data(o.get("data", {})) is not None for o in c.outputs)]
        self.assertTrue(figures, "00-quickstart has a figure")
        j = figures[0]
        renamed = copy.deepcopy(self.nb)
        data = renamed.cells[j].outputs[0].data
        data["text/html"] = check_outputs.text(data.get("text/html", "")).replace("descent-fig-", "descent-fig-other-")
        self.assertEqual([], check_outputs.compare(self.nb, renamed), "a new element id is no difference")
        moved = copy.deepcopy(self.nb)
        data = moved.cells[j].outputs[0].data
        if check_outputs.PLOTLY in data:
            data[check_outputs.PLOTLY]["layout"]["height"] += 1
            expected = r"^figure\.layout\.height: committed \d+, now \d+"
        else:
            data["text/html"] = data["text/html"].replace('"x":[-7', '"x":[-8', 1)
            expected = r"^figure\.data\[\d+\]\.x\[0\]: committed -7[.\d]*, now -8"
        diffs = check_outputs.compare(self.nb, moved)
        self.assertEqual([j], [d[0] for d in diffs], diffs)
        self.assertRegex(diffs[0][1], expected)

    def test_a_missing_output_is_a_difference(self):
        fresh = copy.deepcopy(self.nb)
        i = self.code_cell_with("text/plain")
        fresh.cells[i].outputs = []
        diffs = check_outputs.compare(self.nb, fresh)
        self.assertEqual(i, diffs[0][0])
        self.assertIn("committed, 0 now", diffs[0][1])


@unittest.skipUnless(kernel_available("java"), "no 'java' kernel spec (run through ./descent test)")
class RunnerTest(unittest.TestCase):
    """run_notebooks.py on small notebooks that fail in each way, with the JJava kernel."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, name, nb):
        path = os.path.join(self.dir.name, name)
        nbformat.write(nb, path)
        with open(path, "rb") as f:
            return path, f.read()

    def assert_untouched(self, path, before, stderr):
        with open(path, "rb") as f:
            self.assertEqual(before, f.read(), f"{path} changed after a failed run; stderr:\n{stderr}")
        aside = os.path.join(tempfile.gettempdir(), "descent-failed", os.path.basename(path).replace(".ipynb", ".failed.ipynb"))
        self.assertIn(f"partial outputs in {aside}", stderr)
        self.assertFalse(NotebookNotary().check_signature(nbformat.read(aside, as_version=4)), "a failed notebook is never signed")

    def test_an_exception_names_the_cell_and_leaves_the_notebook_untouched(self):
        path, before = self.write("boom.ipynb", notebook("1 + 1", 'throw new IllegalStateException("boom")', "2"))
        status, err = run_tool("run_notebooks.py", path)
        self.assertEqual(1, status, err)
        self.assertIn("code cell 2 (cell 2: 'throw new IllegalStateException(\"boom\")') failed: ", err)
        self.assertIn("boom", err)
        self.assert_untouched(path, before, err)

    def test_a_compile_error_prints_its_reason(self):
        path, before = self.write("compile.ipynb", notebook('int x = "text";'))
        status, err = run_tool("run_notebooks.py", path)
        self.assertEqual(1, status, err)
        self.assertIn("code cell 1 (cell 1: 'int x = \"text\";') failed", err)
        self.assertIn("incompatible types: java.lang.String cannot be converted to int", err)
        self.assert_untouched(path, before, err)

    def test_a_timeout_names_the_cell(self):
        path, before = self.write("slow.ipynb", notebook("1", "Thread.sleep(60_000);"))
        status, err = run_tool("run_notebooks.py", path, env={"DESCENT_CELL_TIMEOUT": "5"})
        self.assertEqual(1, status, err)
        self.assertIn("code cell 2 (cell 2: 'Thread.sleep(60_000);') ran longer than 5 s", err)
        self.assert_untouched(path, before, err)

    def test_kernel_death_names_the_cell(self):
        path, before = self.write("dies.ipynb", notebook("1", "Runtime.getRuntime().halt(3);"))
        status, err = run_tool("run_notebooks.py", path)
        self.assertEqual(1, status, err)
        self.assertIn("kernel died in code cell 2 (cell 2: 'Runtime.getRuntime().halt(3);')", err)
        self.assert_untouched(path, before, err)

    def test_success_writes_signed_outputs(self):
        path, _ = self.write("ok.ipynb", notebook("int x = 20;", "x + 22"))
        status, err = run_tool("run_notebooks.py", path)
        self.assertEqual(0, status, err)
        nb = nbformat.read(path, as_version=4)
        self.assertEqual("42", nb.cells[1].outputs[0].data["text/plain"])
        self.assertTrue(NotebookNotary().check_signature(nb), "a good run is signed")
        self.assertEqual([], [f for f in os.listdir(self.dir.name) if f.startswith(".descent-")], "no temp file left")

    def test_outputs_check_fails_on_one_changed_digit(self):
        cell = new_code_cell("x * 2")
        cell.outputs = [new_output("execute_result", data={"text/plain": "43"}, execution_count=2)]
        path, before = self.write("stale.ipynb", notebook("int x = 21;", cell))
        status, err = run_tool("check_outputs.py", path, env={"DESCENT_QUICK": "0"})
        self.assertEqual(1, status, err)
        self.assertIn("code cell 2 (cell 2: 'x * 2'): the committed output is stale: text/plain differs at line 1, "
                      "character 2: committed '43', now '42'", err)
        with open(path, "rb") as f:
            self.assertEqual(before, f.read(), "the check never writes the notebook")


@unittest.skipUnless(kernel_available("ijava-descent"), "no IJava kernel spec (no IJava jar found)")
class IJavaTest(unittest.TestCase):
    def test_install_keeps_variables_and_descent_names_resolve(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ijava.ipynb")
            nbformat.write(notebook('var sb = new StringBuilder("kept");', "var f = Functions.dlfsBowl();",
                                    "descent.notebook.IJava.install();", 'sb + " " + f.value(Vec.of(-7, 2))',
                                    "Progress.live()"), path)
            status, err = run_tool("run_notebooks.py", "--kernel", "ijava-descent", path)
            self.assertEqual(0, status, err)
            nb = nbformat.read(path, as_version=4)
            self.assertEqual("kept 6.45", nb.cells[3].outputs[0].data["text/plain"])
            self.assertEqual("JupyterProgress(every 500 ms)", nb.cells[4].outputs[0].data["text/plain"])


if __name__ == "__main__":
    unittest.main()
