"""Pictures of descent's figures for viewers that run no scripts: `figure_images.py NOTEBOOK...` (in place).

Every output that carries Plotly JSON (application/vnd.plotly.v1+json) gets a PNG of the same figure, drawn by
plotly.js in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium; one browser for all
figures, no network), quantized to 256 colours. The PNG goes into the output twice, so that every viewer finds it
whichever MIME type it picks:
  - as image/png (JupyterLab's and Notebook 7's Plotly renderer shows it until the mouse comes near, then draws
    the interactive chart; GitHub and nbviewer show it), and
  - inside text/html, between descent's <!--descent-picture--> markers, as an <img> (nbconvert's HTML and PDF,
    any front end that prefers HTML and strips scripts).
run_notebooks.py calls add_pictures(nb) after executing and page_with_plotly(html) for --html exports.
"""
import base64
import glob
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile

MIME = "application/vnd.plotly.v1+json"
PICTURE = re.compile(r"<!--descent-picture-->.*?<!--/descent-picture-->", re.S)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_WIDTH, DEFAULT_HEIGHT = 800, 500   # a notebook cell's width; PlotlyFigure's default height


def plotly_js():
    """plotly.js from descent's class path (target/lib), the same copy Plots.show uses."""
    jars = sorted(glob.glob(os.path.join(ROOT, "target", "lib", "plotly.js-dist-*.jar")))
    if not jars:
        sys.exit("[descent] error: no plotly.js-dist jar in target/lib; build first (./descent run does)")
    with zipfile.ZipFile(jars[-1]) as z:
        name = next(n for n in z.namelist() if n.endswith("/plotly.js"))
        return z.read(name).decode("utf-8")


SLOT = '<script type="application/json" class="descent-figure-json"></script>'


def for_export(nb):
    """A copy of `nb` whose figures' text/html carry their JSON in the slot FigureHtml leaves for it, so that an
    exported page (with plotly.js, see page_with_plotly) draws them interactively; the notebook keeps it once."""
    import copy
    nb = copy.deepcopy(nb)
    for out in figure_outputs(nb):
        html = out["data"].get("text/html")
        html = "".join(html) if isinstance(html, list) else html
        if html and SLOT in html:
            # json.dumps escapes no '<': a title with </script> in it must not end the element
            text = json.dumps(out["data"][MIME], separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")
            out["data"]["text/html"] = html.replace(SLOT, SLOT[:-len("</script>")] + text + "</script>", 1)
    return nb


def page_with_plotly(html):
    """An exported notebook page with one copy of plotly.js in its head, so its figures draw offline."""
    script = "<script>\n" + plotly_js().replace("</script", "<\\/script") + "\n</script>\n"
    head_end = html.find("</head>")
    return html[:head_end] + script + html[head_end:] if head_end >= 0 else script + html


def size_of(spec):
    layout = spec.get("layout") or {}
    return int(layout.get("width") or DEFAULT_WIDTH), int(layout.get("height") or DEFAULT_HEIGHT)


def quantize(png):
    """The PNG as 256 colours (plotly's flat fills and lines lose nothing visible), if that is smaller."""
    from PIL import Image
    im = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    im.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue() if len(out.getvalue()) < len(png) else png


class Chromium:
    """One headless Chromium with plotly.js loaded, for many figures."""

    def __enter__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        self.tmp = tempfile.mkdtemp(prefix="descent-figures-")
        with open(os.path.join(self.tmp, "plotly.js"), "w", encoding="utf-8") as f:
            f.write(plotly_js())
        with open(os.path.join(self.tmp, "page.html"), "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><script src="plotly.js"></script></head>'
                    '<body style="margin:0;background:#fff"></body></html>')
        self.driver = webdriver.Chrome(options=chrome_options(), service=Service(chromedriver()))
        self.driver.set_script_timeout(60)
        self.driver.get("file://" + os.path.join(self.tmp, "page.html"))
        return self

    def png(self, spec):
        w, h = size_of(spec)
        result = self.driver.execute_async_script("""
            var spec = arguments[0], w = arguments[1], h = arguments[2], done = arguments[arguments.length - 1];
            var div = document.createElement('div');
            div.style.width = w + 'px'; div.style.height = h + 'px';
            document.body.appendChild(div);
            var layout = Object.assign({}, spec.layout || {}, {width: w, height: h});
            Plotly.newPlot(div, spec.data || [], layout, {staticPlot: true})
              .then(function (gd) { return Plotly.toImage(gd, {format: 'png', width: w, height: h}); })
              .then(function (url) { Plotly.purge(div); div.remove(); done(url); },
                    function (e) { div.remove(); done('error: ' + e); });
        """, spec, w, h)
        if not result.startswith("data:image/png;base64,"):
            raise RuntimeError(f"plotly.js could not draw the figure: {result}")
        return quantize(base64.b64decode(result.split(",", 1)[1]))

    def __exit__(self, *exc):
        self.driver.quit()
        shutil.rmtree(self.tmp, ignore_errors=True)


def chrome_options():
    from selenium.webdriver.chrome.options import Options
    o = Options()
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            o.binary_location = shutil.which(name)
            break
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,1024"):
        o.add_argument(flag)
    return o


def chromedriver():
    path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.path.exists(path):
        sys.exit("[descent] error: no chromedriver; install it with: sudo apt-get install chromium-driver")
    return path


def figure_outputs(nb):
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") in ("display_data", "execute_result") and MIME in out.get("data", {}):
                yield out


def picture_html(png, spec):
    w, _ = size_of(spec)
    title = ((spec.get("layout") or {}).get("title") or {})
    title = title.get("text", "") if isinstance(title, dict) else str(title)
    alt = (title or "figure").replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return ('<!--descent-picture--><img src="data:image/png;base64,' + base64.b64encode(png).decode("ascii")
            + f'" alt="{alt}" width="{w}" style="max-width:100%;height:auto"><!--/descent-picture-->')


def add_pictures(nb, browser=None):
    """Puts a picture into every figure output of `nb`; returns (figures, bytes of PNG) for the log."""
    outputs = list(figure_outputs(nb))
    if not outputs:
        return 0, 0
    if browser is None:
        with Chromium() as b:
            return add_pictures(nb, b)
    pngs = [browser.png(out["data"][MIME]) for out in outputs]   # all drawn before any output changes
    for out, png in zip(outputs, pngs):
        spec = out["data"][MIME]
        out["data"]["image/png"] = base64.b64encode(png).decode("ascii")
        html = out["data"].get("text/html")
        if isinstance(html, list):
            html = "".join(html)
        if html and PICTURE.search(html):
            out["data"]["text/html"] = PICTURE.sub(lambda m: picture_html(png, spec), html, count=1)
    total = sum(len(p) for p in pngs)
    return len(outputs), total


_browser = None


def step(nb, path, status):
    """run_notebooks.py's hook: pictures for `nb` (one browser for the whole run); returns the new status."""
    global _browser
    if status != 0 or not any(True for _ in figure_outputs(nb)):
        return status
    start = time.time()
    try:
        if _browser is None:
            _browser = Chromium().__enter__()
            import atexit
            atexit.register(_browser.__exit__, None, None, None)
        n, size = add_pictures(nb, _browser)
    except Exception as e:  # no browser, plotly could not draw: the outputs stay as they were, and we say why
        print(f"[descent] error: {path}: could not draw the figures' pictures: {e}", file=sys.stderr)
        return 1
    print(f"[descent] {path}: {n} figure pictures, {size / 1e3:.0f} kB of PNG, {time.time() - start:.1f} s",
          file=sys.stderr)
    return status


def main():
    import nbformat
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__)
    with Chromium() as browser:
        for path in paths:
            start = time.time()
            nb = nbformat.read(path, as_version=4)
            n, size = add_pictures(nb, browser)
            nbformat.write(nb, path)
            print(f"[descent] {path}: {n} pictures, {size / 1e3:.0f} kB of PNG, {time.time() - start:.1f} s",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
