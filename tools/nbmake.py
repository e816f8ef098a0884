"""Writes a notebook from a short Python description: the source of each notebook lives in notebooks/src/*.py.

    from nbmake import md, code, write
    write("notebooks/00-quickstart.ipynb", [md("# Title"), code("var f = Functions.dlfsBowl();")])

Writing keeps the outputs of cells whose source did not change, so regenerating a notebook after editing prose
does not throw away executed results; `./descent run` fills in the rest.
"""
import hashlib
import json
import os

# Exactly what descent's JJava kernel reports (JJavaExtension.LANGUAGE_VERSION: the language level, not the JDK
# build), so JupyterLab finds nothing to change when it connects and the notebook does not open modified.
LANGUAGE_INFO = {"codemirror_mode": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                 "name": "Java", "pygments_lexer": "java", "version": "17"}


def md(text):
    return {"cell_type": "markdown", "source": text.strip("\n")}


def code(text):
    return {"cell_type": "code", "source": text.strip("\n")}


def _cell_id(kind, source, seen):
    base = hashlib.sha1((kind + source).encode()).hexdigest()[:8]
    n, cid = 1, base
    while cid in seen:
        n, cid = n + 1, f"{base}-{n}"
    seen.add(cid)
    return cid


def write(path, cells):
    old = {}
    if os.path.exists(path):
        for c in json.load(open(path, encoding="utf-8")).get("cells", []):
            if c["cell_type"] == "code":
                old.setdefault("".join(c["source"]), c)
    seen, out = set(), []
    for c in cells:
        cell = {"cell_type": c["cell_type"], "id": _cell_id(c["cell_type"], c["source"], seen), "metadata": {},
                "source": c["source"].splitlines(keepends=True)}
        if c["cell_type"] == "code":
            prev = old.get(c["source"])
            cell["execution_count"] = prev.get("execution_count") if prev else None
            cell["outputs"] = prev.get("outputs", []) if prev else []
        out.append(cell)
    nb = {"cells": out, "metadata": {
        "kernelspec": {"name": "java", "display_name": "Java (descent)", "language": "java"},
        "language_info": LANGUAGE_INFO},
        "nbformat": 4, "nbformat_minor": 5}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
