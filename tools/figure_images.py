"""Pictures of descent's figures for viewers that run no scripts: `figure_images.py NOTEBOOK...` (in place).

Every output that carries Plotly JSON (application/vnd.plotly.v1+json) gets a PNG of the same figure as image/png,
drawn by plotly.js in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium; one browser for all
figures, no network), quantized to 256 colours. The kernel's text/html fallback (a note where the picture goes, an
empty JSON slot and a drawer) is then removed from the output, so the picture is stored once and every viewer finds
it whichever MIME type it picks:
  - JupyterLab's and Notebook 7's Plotly renderer shows image/png until the mouse comes near, then draws the
    interactive chart; VS Code draws the Plotly JSON;
  - nbconvert's HTML and PDF, nbviewer, GitHub and other viewers that prefer text/html over image/png find no
    text/html and show image/png (nbconvert's order: text/html, ..., image/svg+xml, image/png, ..., text/plain).
run_notebooks.py calls add_pictures(nb) after executing, and for --html exports for_export(nb) (each figure's
picture and JSON in one text/html) and page_with_plotly(html) (one plotly.js and one drawer per page).
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
    """A copy of `nb` whose figures carry a text/html with their picture and, in the slot FigureHtml leaves for it,
    their JSON, so that an exported page (with plotly.js, see page_with_plotly) draws them interactively and shows
    the picture where scripts do not run; the notebook keeps the JSON and the picture once."""
    import copy
    nb = copy.deepcopy(nb)
    for out in figure_outputs(nb):
        spec = out["data"][MIME]
        # json.dumps escapes no '<': a title with </script> in it must not end the element
        text = json.dumps(spec, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")
        png = out["data"].get("image/png")
        png = "".join(png) if isinstance(png, list) else png
        picture = picture_html(base64.b64decode(png), spec) if png else html_note(out)
        out["data"]["text/html"] = ('<div class="descent-figure">\n<div class="descent-picture">' + picture + "</div>\n"
                                    + SLOT[:-len("</script>")] + text + "</script>\n</div>\n")
    return nb


def html_note(out):
    """The kernel's note (what lies between the picture markers), for an output that has no picture."""
    html = out["data"].get("text/html", "")
    html = "".join(html) if isinstance(html, list) else html
    found = PICTURE.search(html)
    return found.group(0) if found else ""


# Draws every exported figure whose JSON slot is filled once plotly.js is there, then removes its picture; where
# drawing fails the picture stays. One copy per page, after plotly.js.
DRAWER = """
(function () {
  function draw() {
    document.querySelectorAll('.descent-figure').forEach(function (box) {
      var data = box.querySelector('script.descent-figure-json');
      if (!data || !data.textContent.trim() || box.querySelector('.js-plotly-plot')) return;
      var div = document.createElement('div');
      box.appendChild(div);
      try {
        Promise.resolve(window.Plotly.newPlot(div, JSON.parse(data.textContent))).then(function () {
          var picture = box.querySelector('.descent-picture');
          if (picture) picture.remove();
        }, function () { div.remove(); });
      } catch (e) {
        div.remove();
      }
    });
  }
  if (!(window.Plotly && window.Plotly.newPlot)) return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
"""


def page_with_plotly(html):
    """An exported notebook page with one copy of plotly.js in its head and one drawer, so its figures draw offline."""
    script = "<script>\n" + plotly_js().replace("</script", "<\\/script") + "\n</script>\n"
    head_end = html.find("</head>")
    html = html[:head_end] + script + html[head_end:] if head_end >= 0 else script + html
    body_end = html.rfind("</body>")
    drawer = "<script>" + DRAWER + "</script>\n"
    return html[:body_end] + drawer + html[body_end:] if body_end >= 0 else html + drawer


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
        out["data"]["image/png"] = base64.b64encode(png).decode("ascii")
        html = out["data"].get("text/html")
        if isinstance(html, list):
            html = "".join(html)
        if html and PICTURE.search(html):   # descent's fallback: the picture replaces it (see the module's doc)
            del out["data"]["text/html"]
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
