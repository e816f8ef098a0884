"""Runs descent's benchmark: descent, numpy and PyTorch on the same workload in one invocation, alternating, and
writes the Markdown report. Called by bench/run (./descent bench); see docs/performance.md.

Every measurement is a child process that prints JSON lines: the Python references (reference_numpy.py,
reference_torch.py, gemm_numpy.py) and the Java harness (bench/java: descent.bench.TrainBench, GemmBench). Each
round runs every implementation once per (dtype, thread count), in an order that rotates from round to round, so
that a noisy neighbour slows all of them alike; throughput is the best round, loss and accuracy the mean over rounds
(each round uses its own seed, so their spread is the run-to-run noise).
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from common import BATCH, ITERATION_GEMMS, OPTIMIZERS, SIZES, gemm_flops_per_iteration  # noqa: E402

PY = "/usr/bin/python3"
NAMES = {"descent": "descent", "descent-trainer": "descent Trainer", "descent-java": "descent, Java BLAS",
         "numpy": "numpy", "torch": "PyTorch"}
JAVA_BLAS = ["-Ddescent.blas=java"]          # descent-java: what a machine without OpenBLAS gets
COMPARED = ("descent", "numpy", "torch")      # the columns whose loss and accuracy must agree
SECONDARY = ("descent-java",)   # context rows, run in the first --secondary-rounds only


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def thread_env(threads, descent=False):
    env = dict(os.environ)
    for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[k] = str(threads)
    if descent:   # descent splits products itself, the same bits for any thread count; OpenBLAS stays on one
        env["OPENBLAS_NUM_THREADS"], env["DESCENT_THREADS"] = "1", str(threads)
    return env


def run_json(cmd, threads, timeout):
    """Runs one child and returns its JSON lines; a failure is logged and returns [] so one broken
    implementation does not lose the others' numbers."""
    shown = ["$DESCENT_BENCH_CP" if c == os.environ.get("DESCENT_BENCH_CP") else
             os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd]
    log(" ".join(shown) + f"  [{threads} thread(s)]")
    try:
        p = subprocess.run(cmd, env=thread_env(threads, any("descent.bench." in c for c in cmd)), capture_output=True, text=True, timeout=timeout, cwd=HERE)
    except subprocess.TimeoutExpired:
        log(f"  timed out after {timeout} s")
        return []
    if p.returncode != 0:
        log(f"  failed with exit code {p.returncode}:\n{p.stderr.strip()[-2000:]}")
    rows = []
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            rows.append(json.loads(line))
    return rows


def java_cmd(args, main_class, extra_flags=()):
    cp = os.environ.get("DESCENT_BENCH_CP")
    if not cp:
        sys.exit("DESCENT_BENCH_CP is not set; run the benchmark through bench/run (./descent bench)")
    java = os.environ.get("DESCENT_JAVA", "java")
    flags = os.environ.get("DESCENT_BENCH_JVM_FLAGS", "").split()
    return [java, *flags, *extra_flags, "-cp", cp, main_class, *args]


def train_cmd(impl, a, dtype, threads, seed):
    common = ["--iterations", str(a.iterations), "--dtype", dtype, "--threads", str(threads), "--seed", str(seed),
              "--optimizers", ",".join(a.optimizers), "--max-seconds", str(a.max_seconds)]
    if impl == "descent":
        return java_cmd(common, "descent.bench.TrainBench")
    if impl == "descent-trainer":
        return java_cmd(common + ["--api", "trainer"], "descent.bench.TrainBench")
    if impl == "descent-java":
        return java_cmd(common + ["--label", "descent-java"], "descent.bench.TrainBench", JAVA_BLAS)
    return [PY, os.path.join(HERE, f"reference_{impl}.py"), *common]


# ---------------------------------------------------------------- start-up timings

def time_cmd(cmd, timeout=300, cwd=ROOT, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)
    return time.perf_counter() - t0, p


def printed_31(p):
    """The one-line script prints the trajectory table's row count: 31 points for 30 steps."""
    return p.returncode == 0 and "31" in [line.strip() for line in p.stdout.splitlines()]


def jshell_timings(reps):
    """Fresh JShell to first printed result, through ./descent shell FILE and through the jshell tool itself; each
    timed reps times (a list of seconds, or a string saying why not)."""
    out = {}
    line = 'System.out.println(Optimizers.sgd(0.95).minimize(Functions.dlfsBowl(), Vec.of(-7, 2), 30).toTable().rowCount());'
    java = os.path.realpath(os.environ.get("DESCENT_JAVA") or shutil.which("java") or "java")
    jshell = shutil.which("jshell", path=os.path.dirname(java))
    startup = os.path.join(ROOT, "src/main/resources/descent/startup.jsh")
    with tempfile.TemporaryDirectory() as d:
        script, tool_script = os.path.join(d, "first.jsh"), os.path.join(d, "first-tool.jsh")
        with open(script, "w") as f:
            f.write(line + "\n")
        with open(tool_script, "w") as f:
            f.write(line + "\n/exit\n")
        runs = []
        if os.access(os.path.join(ROOT, "descent"), os.X_OK):
            runs.append(("./descent shell FILE: fresh JVM to first printed result",
                         [os.path.join(ROOT, "descent"), "shell", script]))
        if jshell and os.path.exists(startup):
            runs.append(("jshell tool with startup.jsh: start to first printed result",
                         [jshell, "--class-path", os.environ["DESCENT_BENCH_CP"], "--startup", "DEFAULT",
                          "--startup", startup, tool_script]))
        for label, cmd in runs:
            times = []
            for _ in range(reps):
                secs, p = time_cmd(cmd)
                if not printed_31(p):
                    times = f"failed: {(p.stderr or p.stdout).strip()[-300:]}"
                    break
                times.append(secs)
            out[label] = times
    return out


def notebook_timing(reps):
    """Fresh JJava kernel to the first rendered figure. End to end: ./descent run on a one-cell notebook that draws a
    contour plot (this also refreshes the kernel spec); then, split into kernel start and first figure, the same
    cell through jupyter_client (bench/first_figure.py). Needs the lab's .venv (./descent lab or ./descent test)."""
    venv_python = os.path.join(ROOT, ".venv", "bin", "python")
    if not os.path.exists(venv_python):
        return {"fresh kernel to first figure": "not measured: no .venv yet (run ./descent lab or ./descent test once)"}
    out = {}
    cell = ("var f = Functions.dlfsBowl();\n"
            "Plots.contour(f, Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30))")
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": cell}],
          "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    label = "./descent run on a one-figure notebook (command start to notebook saved)"
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "first-figure.ipynb")
        with open(path, "w") as f:
            json.dump(nb, f)
        secs, p = time_cmd([os.path.join(ROOT, "descent"), "run", path], timeout=600)
        if p.returncode != 0:
            return {label: f"failed: {p.stderr.strip()[-300:]}"}
        with open(path) as f:
            done = json.load(f)
        outputs = done["cells"][0].get("outputs", [])
        drew = any("plotly" in json.dumps(o.get("data", {})).lower() for o in outputs)
        out[label] = [secs] if drew else "failed: the cell produced no Plotly figure"
    env = dict(os.environ, JUPYTER_PATH=os.path.join(ROOT, ".descent", "jupyter"))
    parts = {"start": [], "figure": [], "total": []}
    for _ in range(reps):
        _, p = time_cmd([venv_python, os.path.join(HERE, "first_figure.py")], timeout=600, env=env)
        try:
            r = json.loads(p.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            r = {"error": (p.stderr or "no output").strip()[-300:]}
        if "error" in r:
            out["fresh JJava kernel to first figure"] = f"failed: {r['error']}"
            return out
        parts["start"].append(r["kernel_start"])
        parts["figure"].append(r["first_figure"])
        parts["total"].append(r["total"])
    out["fresh JJava kernel: start until ready"] = parts["start"]
    out["fresh JJava kernel: first cell until its figure arrives"] = parts["figure"]
    out["fresh JJava kernel to first figure (target < 5 s)"] = parts["total"]
    return out


# ---------------------------------------------------------------- report

def fmt(v, digits=0):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


def find_collapsed(rows):
    """(impl, dtype, threads) settings whose every optimizer ran at under a third of the same implementation's best
    thread setting: on a busy machine an OpenMP or OpenBLAS thread pool can spin itself into a crawl, and timing it
    again only costs minutes without changing the best."""
    out = set()
    settings = {(r["impl"], r["dtype"], r["threads"]) for r in rows}
    for impl, dtype, threads in settings:
        mine = [r for r in rows if (r["impl"], r["dtype"], r["threads"]) == (impl, dtype, threads)]
        if not mine:
            continue
        slow = True
        for r in mine:
            others = [o["it_per_s"] for o in rows if (o["impl"], o["dtype"], o["optimizer"]) == (impl, dtype, r["optimizer"])]
            if r["it_per_s"] * 3 >= max(others):
                slow = False
        if slow:
            out.add((impl, dtype, threads))
    return out


def best_runs(rows):
    """{(impl, dtype, optimizer): row with the highest it/s over rounds and thread counts}."""
    best = {}
    for r in rows:
        k = (r["impl"], r["dtype"], r["optimizer"])
        if k not in best or r["it_per_s"] > best[k]["it_per_s"]:
            best[k] = r
    return best


def spread(rows, impl, dtype, opt, field):
    """Mean and (max-min)/2 over all runs (rounds have different seeds; thread counts do not change the math)."""
    vals = [r[field] for r in rows
            if (r["impl"], r["dtype"], r["optimizer"]) == (impl, dtype, opt) and r.get(field) is not None]
    if not vals:
        return None, None
    return statistics.fmean(vals), (max(vals) - min(vals)) / 2


def peak_gflops(gemm, dtype, threads=None):
    """The best 1024² product of this dtype: the machine's peak, or the peak at one thread count."""
    vals = [g for g in gemm if g["dtype"] == dtype and g["shape"].startswith("square")
            and (threads is None or g["threads"] == threads)]
    return max(vals, key=lambda g: g["gflops"]) if vals else None


def ceiling(gemm, impl, dtype, threads):
    """Iterations per second if an iteration were nothing but its matrix products at the speeds this
    implementation's BLAS reached on those shapes (best over rounds): the GEMM-only ceiling."""
    seconds = 0.0
    for label, m, k, n, _, _, count in ITERATION_GEMMS:
        v = [g["gflops"] for g in gemm if (g["impl"], g["dtype"], g["threads"], g["shape"]) == (impl, dtype, threads, label)]
        if not v:
            return None
        seconds += count * 2.0 * m * k * n / (max(v) * 1e9)
    return 1.0 / seconds


def in_step(instep, dtype, threads=None):
    """Iterations per second if a step were only its 13 products, timed inside a step (InSituBench), best over rounds
    and, unless given, thread counts: the ceiling a real loop can approach. None when not measured."""
    v = [p["in_step_us"] for p in instep if p["dtype"] == dtype and (threads is None or p["threads"] == threads)]
    return 1e6 / min(v) if v else None


def step_budget(instep, ref, goal, optimizer):
    """What a float64 SGD step at goal× the reference has left once the products, the batch copy and the update are
    paid, all three measured in the same steps (InSituBench's quickest thread count): '' when not measured."""
    ps = [p for p in instep if p["dtype"] == "float64" and "gather_us" in p]
    if not ps or not ref or optimizer != "sgd":
        return ""
    p = min(ps, key=lambda p: p["in_step_us"])
    step = 1e6 / (goal * ref["it_per_s"])
    left = step - p["in_step_us"] - p["gather_us"] - p["update_us"]
    rest = (f"leaving {fmt(left)} µs for" if left >= 0 else f"already {fmt(-left)} µs over before") + \
        " the bias adds, ReLU, softmax and the bias gradients"
    return (f". A step at {goal}× numpy's {fmt(ref['it_per_s'])} it/s has {fmt(step)} µs; the products inside a step "
            f"take {fmt(p['in_step_us'])}, copying the batch {fmt(p['gather_us'])} and the SGD update "
            f"{fmt(p['update_us'])} ({p['threads']}t), {rest}")


def trainer_ratios(rows, dtype, opt):
    """Trainer.step()'s it/s over the bare loop's in the same round and thread count, one per such pair."""
    out = []
    for t in (r for r in rows if (r["impl"], r["dtype"], r["optimizer"]) == ("descent-trainer", dtype, opt)):
        loop = [r["it_per_s"] for r in rows if (r["impl"], r["dtype"], r["optimizer"], r["round"], r["threads"])
                == ("descent", dtype, opt, t["round"], t["threads"])]
        if loop:
            out.append(t["it_per_s"] / loop[0])
    return out


def trainer_cell(rows, dtype, opt):
    """Trainer.step()'s best it/s, and its speed relative to the bare loop measured in the same rounds and thread
    counts (a round's speed drifts on a shared machine, so comparing it with other rounds' best would mislead)."""
    tr = [r for r in rows if (r["impl"], r["dtype"], r["optimizer"]) == ("descent-trainer", dtype, opt)]
    if not tr:
        return "–"
    ratios = trainer_ratios(rows, dtype, opt)
    b = max(tr, key=lambda r: r["it_per_s"])
    return f"{fmt(b['it_per_s'])} ({b['threads']}t) ({max(ratios):.2f}×)" if ratios else f"{fmt(b['it_per_s'])}"


def targets(a, rows, best, gemm, extras, instep=()):
    """The issue's targets, each with what this run measured and whether it is met."""
    def ratios(other, dtype="float64"):
        v = [(best[("descent", dtype, o)]["it_per_s"] / best[(other, dtype, o)]["it_per_s"], o) for o in a.optimizers
             if ("descent", dtype, o) in best and (other, dtype, o) in best]
        return min(v) if v else None

    def mark(ok):
        return "met" if ok else "**not met**"

    lines = ["## Targets (issues 7 and 13)", "", "| target | measured | |", "|---|---|---|"]
    ceil = max((ceiling(gemm, "descent", "float64", t) or 0 for t in a.threads), default=0)
    for other, goal in (("numpy", 1.5), ("torch", 1.0)):
        r = ratios(other)
        if r:
            bound = ""
            ref = best.get((other, "float64", a.optimizers[0]))
            if ceil and ref:
                bound = (f"; the products alone, timed in isolation, would allow {ceil / ref['it_per_s']:.2f}× "
                         f"({a.optimizers[0]})")
            lines.append(f"| float64 throughput ≥ {goal}× {NAMES[other]} for every optimizer, best thread settings "
                         f"| lowest: {r[0]:.2f}× ({r[1]}){bound} | {mark(r[0] >= goal)} |")
    if "float32" in a.dtypes:
        for other, goal in (("torch", 1.5), ("numpy", 1.0)):
            r = ratios(other, "float32")
            if r:
                lines.append(f"| float32 throughput ≥ {goal}× {NAMES[other]} float32 for every optimizer (issue 13) "
                             f"| lowest: {r[0]:.2f}× ({r[1]}) | {mark(r[0] >= goal)} |")
    r = ratios("numpy")
    if r:
        inside = in_step(instep, "float64")
        ref = best.get(("numpy", "float64", r[1]))
        bound = (f"; the products alone, timed inside a step, would allow {inside / ref['it_per_s']:.2f}×"
                 if inside and ref else "") + step_budget(instep, ref, 1.3, r[1])
        lines.append(f"| float64 throughput ≥ 1.3× numpy for every optimizer (issue 13) | lowest: {r[0]:.2f}× "
                     f"({r[1]}){bound} | {mark(r[0] >= 1.3)} |")
    first = a.optimizers[0]
    loop = best.get(("descent", "float64", first))
    if loop and ceil:
        lines.append(f"| ≥ 85% of the GEMM-only ceiling, float64 (issue 13 as written) | {first}: "
                     f"{100 * loop['it_per_s'] / ceil:.0f}% of {fmt(ceil)} it/s | {mark(loop['it_per_s'] >= 0.85 * ceil)} |")
    for dtype in a.dtypes:
        inside = in_step(instep, dtype)
        loop = best.get(("descent", dtype, first))
        if loop and inside:
            lines.append(f"| ≥ 85% of the products-inside-a-step ceiling, {dtype} (issue 13, restated: see below) | "
                         f"{first}: {100 * loop['it_per_s'] / inside:.0f}% of {fmt(inside)} it/s "
                         f"| {mark(loop['it_per_s'] >= 0.85 * inside)} |")
    trainer = [(max(rs), dtype, o) for dtype in a.dtypes for o in a.optimizers
               for rs in [trainer_ratios(rows, dtype, o)] if rs]
    if trainer:
        lo = min(trainer)
        lines.append(f"| `Trainer.step()` ≥ 0.95× the bare loop, same rounds and threads (issue 13) | lowest: "
                     f"{lo[0]:.2f}× ({lo[1]} {lo[2]}) | {mark(lo[0] >= 0.95)} |")
    peak = peak_gflops(gemm, "float64")
    shares = [(best[("descent", "float64", o)]["gflops"] / peak["gflops"], o) for o in a.optimizers
              if ("descent", "float64", o) in best] if peak else []
    if shares:
        lo = min(shares)
        r = best[("descent", "float64", lo[1])]
        own = peak_gflops(gemm, "float64", r["threads"])
        also = (f"; {100 * r['gflops'] / own['gflops']:.0f}% of the {own['gflops']:.1f} GFLOP/s peak at the "
                f"{r['threads']} thread(s) it ran with" if own and own["gflops"] < peak["gflops"] else "")
        lines.append(f"| ≥ 40% of measured peak float64 GEMM ({peak['gflops']:.1f} GFLOP/s, {peak['threads']} "
                     f"thread(s)) on this workload | lowest: {100 * lo[0]:.0f}% ({lo[1]}){also} "
                     f"| {mark(lo[0] >= 0.4)} |")
    fig = extras.get("fresh JJava kernel to first figure (target < 5 s)")
    if isinstance(fig, list) and fig:
        lines.append(f"| fresh kernel to first figure < 5 s | best {min(fig):.1f} s, median "
                     f"{statistics.median(fig):.1f} s | {mark(min(fig) < 5)} |")
    alloc = [r["alloc_bytes_per_iteration"] for r in rows
             if r["impl"] == "descent" and r.get("alloc_bytes_per_iteration") is not None]
    if alloc:
        lines.append(f"| allocation-free steady state (training loop) | at most {max(alloc):,.0f} bytes/iteration "
                     f"| {mark(max(alloc) == 0)} |")
    return lines + [""]


def report(a, rows, skipped, gemm, extras, env, started, elapsed, check=None, collapsed=(), instep=()):
    best = best_runs(rows)
    flops = gemm_flops_per_iteration()
    L = []
    L.append(f"# descent benchmark, {started:%Y-%m-%d %H:%M} UTC on {env['host']}")
    L.append("")
    L.append(f"Workload: Deep Learning from Scratch §6.1.7 on Fashion-MNIST — {'-'.join(map(str, SIZES))} MLP, ReLU, "
             f"He init, softmax cross-entropy, batch {BATCH} drawn with replacement, {a.iterations:,} iterations per "
             f"optimizer ({', '.join(k + ' lr=' + str(v['lr']) for k, v in OPTIMIZERS.items() if k in a.optimizers)}), "
             f"{a.rounds} round(s) alternating implementations, thread counts {','.join(map(str, a.threads))}. "
             f"Throughput: best round and thread count (in brackets); loss (mean of the last 100 iterations) and test "
             f"accuracy: mean over rounds ± half their range. GFLOP/s counts the {flops / 1e6:.1f} MFLOP of matrix "
             f"products one iteration needs (forward, weight gradients, input gradients except the first layer's).")
    L.append("")
    L.append("Machine: " + "; ".join(f"{k} {v}" for k, v in env.items() if k != "host"))
    L.append("")
    if check:
        worst = max([check["gradient_max_abs_diff"], *check["optimizer_max_abs_diff"].values()])
        L.append(f"Reference check (bench/check_references.py): the numpy network's loss and gradients match PyTorch "
                 f"autograd, and its four update rules match torch.optim over 10 steps, to {worst:.1e}.")
        L.append("")
    L.extend(targets(a, rows, best, gemm, extras, instep))
    for dtype in a.dtypes:
        peak = peak_gflops(gemm, dtype)
        pk = peak["gflops"] if peak else None
        L.append(f"## Training throughput, {dtype}")
        L.append("")
        if not any(k[1] == dtype for k in best):
            L.append("No runs.")
            L.append("")
            continue
        L.append("| optimizer | descent it/s | numpy it/s | PyTorch it/s | descent / numpy | descent / PyTorch "
                 f"| descent GFLOP/s | % of peak ({fmt(pk, 1)}) | descent Trainer it/s (/ loop, same runs) "
                 "| final loss descent / numpy / PyTorch | test accuracy descent / numpy / PyTorch |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
        for opt in a.optimizers:
            b = {impl: best.get((impl, dtype, opt)) for impl in NAMES}

            def its(impl):
                r = b[impl]
                return f"{fmt(r['it_per_s'])} ({r['threads']}t)" if r else "–"

            def ratio(other, mine="descent"):
                if b[mine] and b[other]:
                    return f"{b[mine]['it_per_s'] / b[other]['it_per_s']:.2f}×"
                return "–"

            def stat(field, digits, scale=1):
                parts = []
                for impl in COMPARED:
                    m, h = spread(rows, impl, dtype, opt, field)
                    parts.append("–" if m is None else f"{m * scale:.{digits}f}±{h * scale:.{digits}f}")
                return " / ".join(parts)

            g = b["descent"]["gflops"] if b["descent"] else None

            def share(r):
                """Of the machine's peak, and of the peak at the thread count this run used."""
                if not r or not pk:
                    return "–"
                own = peak_gflops(gemm, dtype, r["threads"])
                mine = f" ({100 * r['gflops'] / own['gflops']:.0f}% of {r['threads']}t)" if own and own["gflops"] < pk else ""
                return f"{100 * r['gflops'] / pk:.0f}%{mine}"
            L.append(f"| {opt} | {its('descent')} | {its('numpy')} | {its('torch')} | {ratio('numpy')} | "
                     f"{ratio('torch')} | {fmt(g, 1)} | {share(b['descent'])} | "
                     f"{trainer_cell(rows, dtype, opt)} | "
                     f"{stat('final_loss', 3)} | {stat('test_accuracy', 1, 100)} |")
        L.append("")
        parts = []
        for impl in ("descent", "numpy"):
            for opt in a.optimizers[:1]:
                r = best.get((impl, dtype, opt))
                c = max((ceiling(gemm, impl, dtype, t) or 0 for t in a.threads), default=0) if r else None
                if c:
                    parts.append(f"{NAMES[impl]} {100 * r['it_per_s'] / c:.0f}%")
        if parts:
            L.append(f"Share of the GEMM-only ceiling (see below; the best thread count's) reached with "
                     f"{a.optimizers[0]}, whose update costs "
                     f"least: {', '.join(parts)}. The rest is everything else a step does (sampling, bias, ReLU, "
                     f"softmax, the update, and for numpy the Python interpreter).")
            L.append("")
        for impl, dt, threads in sorted(collapsed):
            if dt == dtype:
                L.append(f"{NAMES[impl]} with {threads} threads ran at under a third of its best setting in round 1 "
                         f"(the machine was busy) and was not repeated.")
                L.append("")
        for note in dict.fromkeys(f"{NAMES[x['impl']]}: {x['skipped']}" for x in skipped if x["dtype"] == dtype):
            L.append(f"Not run — {note}.")
            L.append("")
    # allocation
    if any(r["impl"] == "descent-java" for r in rows):
        impl_name = next((g["blas"] for g in gemm if g["impl"] == "descent-java" and g.get("blas")), "Java")
        L.append("## descent without a native BLAS")
        L.append("")
        L.append(f"The same float64 loop with `-Ddescent.blas=java` ({impl_name}), 1 thread: what a machine without "
                 "OpenBLAS gets (install it as in docs/performance.md).")
        L.append("")
        L.append("| optimizer | descent, OpenBLAS, it/s | descent, Java BLAS, it/s | Java / OpenBLAS | Java BLAS / numpy |")
        L.append("|---|---:|---:|---:|---:|")
        for opt in a.optimizers:
            nat, jv, npy = (best.get((i, "float64", opt)) for i in ("descent", "descent-java", "numpy"))
            L.append(f"| {opt} | {fmt(nat['it_per_s']) if nat else '–'} | {fmt(jv['it_per_s']) if jv else '–'} | "
                     f"{jv['it_per_s'] / nat['it_per_s']:.2f}× | " if nat and jv else f"| {opt} | – | – | – | ")
            L[-1] += f"{jv['it_per_s'] / npy['it_per_s']:.2f}× |" if jv and npy else "– |"
        L.append("")
    alloc = [r for r in rows if r.get("alloc_bytes_per_iteration") is not None]
    if alloc:
        L.append("## Allocation in descent's steady state")
        L.append("")
        L.append("Bytes allocated by the training thread per iteration, float64, measured with "
                 "`com.sun.management.ThreadMXBean.getThreadAllocatedBytes` during the last 100 timed iterations "
                 "(max over rounds): the bare training loop, and `Trainer.step()` with its defaults.")
        L.append("")
        L.append("| optimizer | training loop | Trainer.step() |")
        L.append("|---|---:|---:|")
        for opt in a.optimizers:
            cells = []
            for impl in ("descent", "descent-trainer"):
                v = [r["alloc_bytes_per_iteration"] for r in alloc if r["optimizer"] == opt and r["impl"] == impl]
                cells.append(fmt(max(v)) if v else "–")
            L.append(f"| {opt} | " + " | ".join(cells) + " |")
        L.append("")
    # GEMM
    if gemm:
        L.append("## Matrix multiply (GEMM) throughput, GFLOP/s")
        L.append("")
        L.append("Best over rounds of the best of 5 timed repetitions per shape. The best `square 1024` value of a "
                 "dtype is the peak the training table divides by.")
        L.append("")
        cols = sorted({(g["impl"], g["dtype"], g["threads"]) for g in gemm},
                      key=lambda c: (c[1] != "float64", c[0] != "descent", c[2]))
        L.append("| shape | " + " | ".join(f"{g[0]} {g[1]} {g[2]}t" for g in cols) + " |")
        L.append("|---|" + "---:|" * len(cols))
        shapes = list(dict.fromkeys(g["shape"] for g in gemm))
        for s in shapes:
            cells = []
            for c in cols:
                v = [g["gflops"] for g in gemm if (g["impl"], g["dtype"], g["threads"]) == c and g["shape"] == s]
                cells.append(fmt(max(v), 1) if v else "–")
            L.append(f"| {s} | " + " | ".join(cells) + " |")
        ceil = [ceiling(gemm, *c) for c in cols]
        L.append("| **GEMM-only ceiling, iterations/s** | " + " | ".join(f"**{fmt(v)}**" if v else "–" for v in ceil) + " |")
        L.append("")
        L.append("The ceiling adds up the time of the 13 products of one iteration at the speeds above: no training "
                 "loop that multiplies with this BLAS can run faster.")
        blas = sorted({g["blas"] for g in gemm if g.get("blas")})
        if blas:
            L.append("")
            L.append("descent's BLAS: " + "; ".join(blas))
        L.append("")
    if instep:
        L.append("## Matrix products inside a step")
        L.append("")
        L.append("`descent.bench.InSituBench`, best over rounds: the 13 products of one step on the network's own "
                 "matrices, in training order, between a fresh batch gathered from Fashion-MNIST and a write of every "
                 "weight, with the backward pair on both cores as `Dense` runs it; against the same products each "
                 "repeated alone with hot caches (what the GEMM-only ceiling adds up). A step's data does not stay in "
                 "a core's cache from one product to the next, so the same products take longer inside a step: no "
                 "loop that multiplies with this BLAS gets past the first column.")
        L.append("")
        L.append("The last two columns time, in the same steps, the two things every training loop does beside the "
                 "products: copying the batch out of the data set, and descent's SGD update of the weights.")
        L.append("")
        L.append("| dtype | threads | inside a step, µs | it/s if a step were only them | each alone and hot, µs "
                 "| inside / alone | batch copy, µs | SGD update, µs |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for dtype in a.dtypes:
            for t in a.threads:
                ps = [p for p in instep if (p["dtype"], p["threads"]) == (dtype, t)]
                if ps:
                    i, h = min(p["in_step_us"] for p in ps), min(p["hot_us"] for p in ps)
                    g = [p["gather_us"] for p in ps if "gather_us" in p]
                    u = [p["update_us"] for p in ps if "update_us" in p]
                    L.append(f"| {dtype} | {t} | {fmt(i)} | {fmt(1e6 / i)} | {fmt(h)} | {i / h:.2f}× "
                             f"| {fmt(min(g)) if g else '–'} | {fmt(min(u)) if u else '–'} |")
        L.append("")
    # start-up and loading
    L.append("## Start-up and loading")
    L.append("")
    L.append("| what | best, s | median, s | runs |")
    L.append("|---|---:|---:|---:|")
    for k, v in extras.items():
        if isinstance(v, (int, float)):
            v = [v]
        if isinstance(v, list) and v:
            L.append(f"| {k} | {min(v):.2f} | {statistics.median(v):.2f} | {len(v)} |")
        else:
            L.append(f"| {k} | {v} | | |")
    L.append("")
    L.append("descent's rows time the bare training loop (`bench/java/descent/bench/TrainBench.java`); the Trainer "
             "column runs the same batches through `Trainer.step()` with its defaults (per-step accuracy, divergence "
             "checks with a rollback copy, per-layer statistics, history), which is what a notebook pays.")
    L.append("")
    L.append(f"Benchmark wall time: {elapsed / 60:.1f} min.")
    L.append("")
    return "\n".join(L)


def environment():
    env = {"host": platform.node()}
    p = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True)
    env["descent commit"] = p.stdout.strip() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
    except OSError:
        model = "?"
    env["CPU"] = f"{model}, {os.cpu_count()} logical cores"
    env["load average at start"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    env["OS"] = platform.platform()
    java = os.environ.get("DESCENT_JAVA", "java")
    try:
        v = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
        env["Java"] = v.replace('"', "")
    except (OSError, IndexError):
        env["Java"] = "?"
    for mod in ("numpy", "torch"):
        p = subprocess.run([PY, "-c", f"import {mod}; print({mod}.__version__)"], capture_output=True, text=True)
        env[mod] = p.stdout.strip() or "missing"
    p = subprocess.run([PY, "-c", "import numpy, io, contextlib\nb = io.StringIO()\n"
                        "with contextlib.redirect_stdout(b): numpy.show_config()\n"
                        "print('openblas' if 'openblas' in b.getvalue().lower() else 'generic libblas.so.3')"],
                       capture_output=True, text=True)
    alt = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    env["numpy/PyTorch BLAS"] = f"{p.stdout.strip()} ({alt})"
    # every process here inherits it: descent, numpy and (through libblas.so.3) PyTorch run the same kernels
    env["OpenBLAS kernels"] = (f"OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']}" if os.environ.get("OPENBLAS_CORETYPE")
                               else "OpenBLAS's own choice")
    return env


def main():
    p = argparse.ArgumentParser(description="descent vs numpy vs PyTorch on the book's optimizer comparison")
    p.add_argument("--quick", action="store_true", help="CI smoke: 300 iterations, 1 round, 1 thread, short probes")
    p.add_argument("--iterations", type=int)
    p.add_argument("--rounds", type=int)
    p.add_argument("--threads", help="thread counts to try, e.g. 1,2")
    p.add_argument("--dtypes", default="float64,float32")
    p.add_argument("--optimizers", default="sgd,momentum,adagrad,adam")
    p.add_argument("--impls", default="descent,descent-trainer,descent-java,numpy,torch")
    p.add_argument("--max-seconds", type=float,
                   help="cut one optimizer's run after this long (its it/s still counts); guards against a thread "
                        "setting that collapses on a busy machine")
    p.add_argument("--secondary-rounds", type=int, default=1,
                   help="rounds that also run the Java-BLAS row (default 1: it is context, not the comparison). "
                        "The Trainer row runs in every round: its ratio to the loop is a target, and only runs of "
                        "the same round compare fairly")
    p.add_argument("--no-startup", action="store_true", help="skip the JShell and notebook start-up timings")
    p.add_argument("--out", help="folder for the report, <date>-<time>-<host>.md and latest.md (default "
                                  "bench/results; --quick: target/bench-results, "
                                  "so a CI smoke run leaves the committed results alone)")
    a = p.parse_args()
    a.iterations = a.iterations or (300 if a.quick else 2000)
    a.rounds = a.rounds or (1 if a.quick else 3)
    a.threads = [int(t) for t in (a.threads or ("1" if a.quick else "1,2")).split(",")]
    a.dtypes = a.dtypes.split(",")
    a.optimizers = a.optimizers.split(",")
    a.impls = a.impls.split(",")
    a.max_seconds = a.max_seconds or (20 if a.quick else 25)
    a.out = a.out or (os.path.join(ROOT, "target", "bench-results") if a.quick else os.path.join(HERE, "results"))
    budget = 0.3 if a.quick else 0.6
    per_run_timeout = max(600, a.iterations)

    started = datetime.datetime.now(datetime.timezone.utc)
    t_start = time.perf_counter()
    env = environment()
    log("machine: " + "; ".join(f"{k} {v}" for k, v in env.items()))
    check = None
    if "numpy" in a.impls and "torch" in a.impls:
        found = run_json([PY, os.path.join(HERE, "check_references.py")], 1, 300)
        check = found[0] if found else {"ok": False}
        if not check.get("ok"):
            sys.exit("[bench] the numpy and PyTorch references disagree (bench/check_references.py); not timing them")

    startup = {}
    if not a.no_startup:        # first, so that a run cut short still has them
        reps = 1 if a.quick else 3
        startup.update(jshell_timings(reps))
        startup.update(notebook_timing(reps))

    gemm, rows, skipped, collapsed, instep = [], [], [], set(), []
    stem = f"{started:%Y-%m-%d-%H%M}-{env['host']}" + ("-quick" if a.quick else "")

    def write(final):
        """The report so far: rewritten after every round, so an interrupted run keeps its finished rounds."""
        extras = {}
        for impl, label in (("descent", "Load Fashion-MNIST (70,000 images), descent's loader"),
                            ("numpy", "Load Fashion-MNIST (70,000 images), numpy gzip + frombuffer")):
            v = [r["load_seconds"] for r in rows if r["impl"] == impl and r.get("load_seconds") is not None]
            extras[label] = sorted(set(v)) if v else "not measured"   # one value per process
        extras.update(startup)
        env["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        probes = [g for g in gemm if "gflops" in g]
        text = report(a, rows, skipped, probes, extras, env, started, time.perf_counter() - t_start, check, collapsed,
                      instep)
        if not final:
            text = text.replace("\n", f"\n\n*Partial: {done} of {a.rounds} rounds finished.*\n", 1)
        os.makedirs(a.out, exist_ok=True)
        for name in (f"{stem}.md", "latest-quick.md" if a.quick else "latest.md"):
            with open(os.path.join(a.out, name), "w") as f:
                f.write(text)
        with open(os.path.join(a.out, f"{stem}.jsonl"), "w") as f:
            for r in probes + instep + rows + [{"extras": extras, "skipped_runs": skipped, "collapsed": sorted(collapsed),
                                       "env": env, "check": check, "started": started.isoformat(),
                                       "elapsed": time.perf_counter() - t_start}]:
                f.write(json.dumps(r) + "\n")
        return text

    done = 0
    for rnd in range(a.rounds):
        order = a.impls[rnd % len(a.impls):] + a.impls[:rnd % len(a.impls)]
        for threads in a.threads:       # GEMM probes, alternating like the training runs
            for impl in order:
                if impl == "numpy":
                    gemm += run_json([PY, os.path.join(HERE, "gemm_numpy.py"), "--threads", str(threads), "--budget",
                                      str(budget), "--dtypes", ",".join(a.dtypes)], threads, 600)
                elif impl == "descent":
                    gemm += run_json(java_cmd(["--threads", str(threads), "--budget", str(budget), "--dtypes",
                                               ",".join(a.dtypes)], "descent.bench.GemmBench"), threads, 600)
                elif impl == "descent-java" and threads == 1 and rnd < a.secondary_rounds:   # single-threaded
                    gemm += run_json(java_cmd(["--threads", "1", "--budget", str(budget), "--dtypes", "float64",
                                               "--label", "descent-java"], "descent.bench.GemmBench", JAVA_BLAS), 1, 600)
        if "descent" in a.impls:       # the products inside a step: the ceiling a real loop can approach
            for threads in a.threads:
                instep += [p for p in run_json(java_cmd(["--json", "true", "--dtypes", ",".join(a.dtypes), "--steps",
                                                         "300" if a.quick else "1000", "--warmup", "200"],
                                                        "descent.bench.InSituBench"), threads, 600)
                           if p.get("probe") == "in-step"]
        for dtype in a.dtypes:
            for threads in a.threads:
                for impl in order:
                    if impl in SECONDARY and (rnd >= a.secondary_rounds or (impl == "descent-java" and dtype != "float64")):
                        continue        # the Java BLAS row: the first rounds only, float64 only
                    if impl == "descent-java" and threads != 1:
                        continue        # the Java fallback is single-threaded
                    if (impl, dtype, threads) in collapsed:
                        continue
                    for r in run_json(train_cmd(impl, a, dtype, threads, seed=rnd + 1), threads, per_run_timeout):
                        if "skipped" in r:
                            skipped.append(r)
                        else:
                            r["round"] = rnd + 1
                            rows.append(r)
        if rnd == 0:
            collapsed.update(find_collapsed(rows))
            for c in collapsed:
                log(f"{NAMES[c[0]]} {c[1]} with {c[2]} thread(s) ran at less than a third of its best setting in "
                    f"round 1; not repeating it")
        done = rnd + 1
        if done < a.rounds:
            write(final=False)
            log(f"round {done} of {a.rounds} done; partial report written")

    text = write(final=True)
    print(text)
    log(f"wrote {os.path.relpath(os.path.join(a.out, stem + '.md'), ROOT)}")

if __name__ == "__main__":
    main()
