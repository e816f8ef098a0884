"""descent's notebooks in a real front end: `lab_check.py [--clean DIR] [--rerun NB...] [--notebook7 NB...]`.

Starts JupyterLab (the .venv's, with descent's kernel and the plotly extension) on a temporary copy of the
notebooks and drives it in headless Chromium (Selenium + Debian's chromium-driver), offline:
  --rerun NB      JupyterLab: open NB, wait for the kernel to report idle (the status bar must say so before any
                  cell runs), check every figure draws (plotly's SVG present after the mouse comes near; no error
                  output), re-run the first figure cell, save, reload the page, and check every figure again.
  --notebook7 NB  the same in Notebook 7.
  --clean DIR     open every notebook in DIR and do nothing: after the kernel connected and autosave had its chance,
                  the notebook must not be marked modified and the file must be byte-identical.
Exits non-zero naming the notebook and the check that failed.
"""
import argparse
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_images  # noqa: E402

AUTOSAVE_S = 2
SCRIPT_TIMEOUT_S = 240
FAILURES = []


def say(msg):
    print(f"  {msg}", flush=True)


def fail(msg):
    FAILURES.append(msg)
    say("FAILED: " + msg)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    def __init__(self, root, autosave):
        self.root, self.port = root, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        conf = tempfile.mkdtemp(prefix="descent-lab-")
        settings = os.path.join(conf, "settings")
        # autosave only for the clean check (it must have its chance to dirty a file); a re-run check saves itself,
        # and an autosave racing that save can make JupyterLab ask whether to overwrite a file "changed on disk"
        docmanager = {"autosave": True, "autosaveInterval": AUTOSAVE_S} if autosave else {"autosave": False}
        for plugin, values in {"@jupyterlab/docmanager-extension/plugin": docmanager,
                               "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                                               "checkForUpdates": False}}.items():
            os.makedirs(os.path.join(settings, os.path.dirname(plugin)), exist_ok=True)
            with open(os.path.join(settings, plugin + ".jupyterlab-settings"), "w") as f:
                json.dump(values, f)
        self.conf = conf
        args = [os.path.join(os.path.dirname(sys.executable), "jupyter"), "lab", "--no-browser",
                "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
                f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={os.path.join(conf, 'ws')}",
                "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
                "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                "--MappingKernelManager.default_kernel_name=java", "--allow-root",
                # a test server on 127.0.0.1 without a token: lets the check stop kernels through the REST API
                "--ServerApp.disable_check_xsrf=True"]
        self.log = open(os.path.join(conf, "server.log"), "w")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, cwd=root)
        for _ in range(120):
            try:
                urllib.request.urlopen(self.base + "/api/status", timeout=2)
                break
            except Exception:
                time.sleep(0.5)
        else:
            self.close()
            sys.exit("[descent] error: JupyterLab did not start; log: " + self.log.name)
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        opts = figure_images.chrome_options()
        opts.add_argument("--window-size=1400,1000")
        self.driver = webdriver.Chrome(options=opts, service=Service(figure_images.chromedriver()))
        # Every script below returns within seconds (long work is started, then polled), so these limits only
        # bound a hung page; Selenium's own HTTP read timeout (120 s) must not be the first to give up.
        self.driver.set_script_timeout(SCRIPT_TIMEOUT_S)
        self.driver.command_executor._client_config.timeout = SCRIPT_TIMEOUT_S + 60

    def js(self, body):
        """Runs `body` as the body of an async function with `app` = the front end; returns its value."""
        r = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(async () => { const app = window.jupyterapp; " + body + " })()"
            ".then(v => done({ok: v === undefined ? null : v}), e => done({err: String(e && e.stack || e)}));")
        if "err" in r:
            raise RuntimeError(r["err"])
        return r["ok"]

    def wait_for(self, predicate_js, timeout, what):
        """Polls `predicate_js` (an expression over `app`) until truthy; returns seconds waited or None."""
        start = time.time()
        while time.time() - start < timeout:
            try:
                if self.js("return !!(" + predicate_js + ");"):
                    return time.time() - start
            except Exception:
                pass
            time.sleep(0.25)
        fail(f"{what} (waited {timeout} s)")
        return None

    def open(self, url):
        self.driver.get(self.base + url)
        return self.wait_for("app && app.shell.currentWidget && app.shell.currentWidget.context && "
                             "app.shell.currentWidget.context.isReady", 120, f"{url}: the notebook did not open")

    def kernel_idle(self, name, timeout=180):
        """Waits until the kernel is connected and reports "idle". JupyterLab takes a kernel's status only from
        status messages of requests the server tracks; `./descent lab`'s server config tracks kernel_info, so the
        status bar says Idle before any cell runs (it said "Unknown" until the first cell with JJava otherwise)."""
        return self.wait_for("(() => { const k = app.shell.currentWidget.sessionContext.session?.kernel;"
                             " return k && k.connectionStatus === 'connected' && k.info && k.status === 'idle'; })()",
                             timeout, f"{name}: the kernel never connected and reported idle")

    def shutdown_kernels(self):
        """Stops every kernel of this server (REST API), so a failed check leaves no busy JVM behind to slow the
        next one."""
        try:
            kernels = json.load(urllib.request.urlopen(self.base + "/api/kernels", timeout=10))
            for k in kernels:
                urllib.request.urlopen(urllib.request.Request(self.base + "/api/kernels/" + k["id"], method="DELETE"),
                                       timeout=30)
        except Exception as e:
            say(f"(could not stop the kernels: {e})")

    def status_bar(self):
        return self.js("const s = document.querySelector('#jp-main-statusbar, .jp-StatusBar-Widget, "
                       "#jp-bottom-panel'); return s ? s.innerText.replace(/\\s+/g, ' ') : '';")

    def close(self):
        if getattr(self, "driver", None):
            self.driver.quit()
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        shutil.rmtree(self.conf, ignore_errors=True)


FIGURES_JS = "app.shell.currentWidget.content.node.querySelectorAll('.jp-RenderedPlotly')"


def figure_count(path):
    return sum(1 for _ in figure_images.figure_outputs(__import__("nbformat").read(path, as_version=4)))


def check_figures(lab, name, expected, when):
    """Every figure output rendered by plotly's renderer; after the mouse comes near, each has drawn its SVG."""
    ok = lab.wait_for(f"{FIGURES_JS}.length >= {expected}", 60,
                      f"{name} ({when}): fewer than {expected} Plotly outputs appeared")
    if ok is None:
        return
    lab.js(f"{FIGURES_JS}.forEach(f => {{ f.scrollIntoView(); const img = f.querySelector('img.plot-img');"
           " if (img) img.dispatchEvent(new MouseEvent('mouseenter')); });")
    lab.wait_for(f"[...{FIGURES_JS}].every(f => f.querySelector('.main-svg'))", 90,
                 f"{name} ({when}): not every figure drew its SVG")
    n, drawn, errors = lab.js(
        f"const f = [...{FIGURES_JS}]; const errs = app.shell.currentWidget.content.node.querySelectorAll("
        "'[data-mime-type=\"application/vnd.jupyter.stderr\"], .jp-OutputArea-output[data-mime-type="
        "\"application/vnd.jupyter.error\"]').length;"
        "return [f.length, f.filter(x => x.querySelector('.main-svg')).length, errs];")
    say(f"{name} ({when}): {drawn} of {n} figures drew (expected {expected}); {errors} error outputs")
    if drawn != n or n != expected:
        fail(f"{name} ({when}): {drawn} of {n} figures drew, expected {expected}")
    if errors:
        fail(f"{name} ({when}): {errors} error outputs")


def rerun(lab, root, name, url_prefix, front):
    path = os.path.join(root, name)
    expected = figure_count(path)
    with open(path, "rb") as f:
        before = f.read()
    started = time.time()
    if lab.open(url_prefix + name) is None:
        return
    idle = lab.kernel_idle(f"{front} {name}")
    if idle is not None:
        status = lab.status_bar()
        say(f"{front} {name}: kernel connected {time.time() - started:.1f} s after opening, before any cell ran; "
            f"status bar: {status[:80]!r}")
        if front == "JupyterLab" and "| Idle" not in status:
            fail(f"{front} {name}: the status bar does not say the kernel is Idle: {status[:80]!r}")
    check_figures(lab, f"{front} {name}", expected, "opened")
    cells = json.loads(before)["cells"]
    index = next(i for i, c in enumerate(cells) if any(figure_images.MIME in o.get("data", {})
                                                       for o in c.get("outputs", [])))
    # a fresh kernel: run the cells above first (they define what the figure uses), then the figure cell itself
    # started, not awaited: on a slow machine the cells above can take minutes, and a script that waits for them
    # would outlive the browser connection's timeout; the kernel queues the figure cell behind them anyway
    lab.js(f"const w = app.shell.currentWidget; w.content.activeCellIndex = {index};"
           " app.commands.execute('notebook:run-all-above');")
    lab.js(f"const w = app.shell.currentWidget; w.content.activeCellIndex = {index};"
           f" w.content.widgets[{index}].model.sharedModel.execution_count = null;"
           " app.commands.execute('notebook:run-cell');")
    lab.wait_for(f"(() => {{ const c = app.shell.currentWidget.content.widgets[{index}];"
                 " return c.model.executionCount !== null && c.node.querySelector('.jp-RenderedPlotly .main-svg'); })()",
                 600, f"{front} {name}: the re-run figure cell did not draw")
    time.sleep(1.5)   # the renderer stores its PNG snapshot right after drawing
    lab.js("app.commands.execute('docmanager:save');")   # polled, not awaited: a dialog would hold the promise
    lab.wait_for("(() => { const ok = document.querySelector('.jp-Dialog .jp-mod-accept');"
                 " if (ok) ok.click(); return !app.shell.currentWidget.context.model.dirty; })()",
                 60, f"{front} {name}: save did not finish")
    import nbformat
    out = [o for o in nbformat.read(path, as_version=4).cells[index].outputs if figure_images.MIME in o.get("data", {})]
    say(f"{front} {name}: re-ran cell {index + 1}, saved; its figure output now carries "
        f"{sorted(out[0]['data'].keys()) if out else 'nothing'}")
    if not out or "image/png" not in out[0]["data"]:
        fail(f"{front} {name}: the saved re-run figure has no picture")
    lab.driver.refresh()
    if lab.open(url_prefix + name) is not None:
        lab.kernel_idle(f"{front} {name} after reload")
        check_figures(lab, f"{front} {name}", expected, "re-run, saved, reloaded")
    lab.js("app.shell.currentWidget.sessionContext.shutdown();")   # not awaited; main() stops every kernel after each check anyway
    with open(path, "wb") as f:   # leave the copy as it was for the next check
        f.write(before)


def clean(lab, root, names):
    for name in names:
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            before = f.read()
        if lab.open("/lab/tree/" + name) is None:
            continue
        lab.kernel_idle(name)
        time.sleep(AUTOSAVE_S * 2 + 2)   # the kernel's language_info has arrived; autosave had two chances
        dirty = lab.js("return app.shell.currentWidget.context.model.dirty;")
        with open(path, "rb") as f:
            after = f.read()
        same = before == after
        say(f"{name}: opened, kernel connected, waited {AUTOSAVE_S * 2 + 2} s: marked modified={dirty}, "
            f"file byte-identical={same}")
        if dirty or not same:
            fail(f"{name}: opening it changed it (modified={dirty}, identical={same})")
        lab.js("await app.shell.currentWidget.sessionContext.shutdown();")


def main():
    p = argparse.ArgumentParser(prog="lab_check.py", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rerun", nargs="*", default=[], metavar="NB")
    p.add_argument("--notebook7", nargs="*", default=[], metavar="NB")
    p.add_argument("--clean", metavar="DIR")
    a = p.parse_args()
    root = tempfile.mkdtemp(prefix="descent-lab-nb-")
    sources = a.rerun + a.notebook7 + (sorted(glob.glob(os.path.join(a.clean, "*.ipynb"))) if a.clean else [])
    for src in sources:
        shutil.copy(src, os.path.join(root, os.path.basename(src)))
    lab = Lab(root, autosave=bool(a.clean))
    start = time.time()
    try:
        for nbs, prefix, front in ((a.rerun, "/lab/tree/", "JupyterLab"), (a.notebook7, "/notebooks/", "Notebook 7")):
            for nb in nbs:
                try:
                    rerun(lab, root, os.path.basename(nb), prefix, front)
                except Exception as e:  # a broken page: say where, go on with the next check
                    fail(f"{front} {os.path.basename(nb)}: {str(e).splitlines()[0]}")
                finally:
                    lab.shutdown_kernels()
        if a.clean:
            clean(lab, root, [os.path.basename(n) for n in sorted(glob.glob(os.path.join(a.clean, "*.ipynb")))])
    finally:
        lab.close()
        shutil.rmtree(root, ignore_errors=True)
    print(f"[descent] lab check: {len(FAILURES)} failure(s) in {time.time() - start:.0f} s", flush=True)
    if FAILURES:
        sys.exit(1)


if __name__ == "__main__":
    main()
