"""Fresh JJava kernel to first rendered figure, run with the lab's .venv python by bench/harness.py.

Starts descent's "java" kernel (the spec ./descent writes under .descent/jupyter), waits until it answers, runs one
cell that draws a contour figure, and waits for the Plotly output. Prints one JSON line: kernel start (process
start to kernel ready), first figure (cell sent to figure received), and their sum.
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel

CELL = ("var f = Functions.dlfsBowl();\n"
        "Plots.contour(f, Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30))")


def main():
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
    try:
        t1 = time.perf_counter()
        msg_id = kc.execute(CELL)
        drew, error = False, None
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind in ("display_data", "execute_result"):
                drew = drew or "plotly" in json.dumps(content.get("data", {})).lower()
            elif kind == "error":
                error = f"{content.get('ename')}: {content.get('evalue')}"
            elif kind == "status" and content.get("execution_state") == "idle":
                break
        t2 = time.perf_counter()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    if error or not drew:
        print(json.dumps({"error": error or "the cell produced no Plotly figure"}))
        sys.exit(1)
    print(json.dumps({"kernel_start": t1 - t0, "first_figure": t2 - t1, "total": t2 - t0}))


if __name__ == "__main__":
    main()
