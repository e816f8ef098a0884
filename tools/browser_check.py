"""Opens exported notebook HTML in headless Chromium and checks that every Plotly figure really drew.

`browser_check.py DIR_OR_FILE...`: for each HTML file, counts the figures descent put in it (elements marked
`descent-figure`), loads the page in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium,
a fresh browser for each file), waits until as many Plotly graphs (`js-plotly-plot` with an SVG inside) have drawn,
and requires that no figure reported a plotly.js load failure and that each drawn graph's screenshot is not blank.

Every wait is bounded and polled from here. A page that hangs the browser (seen once on a slow CI machine, with
Chromium's own --screenshot mode) gets one more try in a fresh browser before it counts as failed.
"""
import glob
import io
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_images  # noqa: E402

DRAW_TIMEOUT_S = 90      # plotly.js draws a notebook's figures in seconds; this only bounds a page that never does
BROWSER_TIMEOUT_S = 150  # Selenium's HTTP read timeout: above any single command here, so our waits give up first

COUNT_JS = """
var graphs = Array.from(document.querySelectorAll('.js-plotly-plot'));
return {drawn: graphs.filter(function (g) { return g.querySelector('svg'); }).length,
        errors: document.querySelectorAll('.descent-figure-error').length,
        ready: document.readyState};
"""


def distinct_colours(png):
    from PIL import Image
    im = Image.open(io.BytesIO(png)).convert("RGB")
    return len(im.getcolors(maxcolors=1 << 20) or [])


class Browser:
    def __enter__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        opts = figure_images.chrome_options()
        opts.add_argument("--window-size=1280,1024")
        self.driver = webdriver.Chrome(options=opts, service=Service(figure_images.chromedriver()))
        self.driver.set_page_load_timeout(DRAW_TIMEOUT_S)
        self.driver.set_script_timeout(30)
        self.driver.command_executor._client_config.timeout = BROWSER_TIMEOUT_S
        return self.driver

    def __exit__(self, *exc):
        try:
            self.driver.quit()
        except Exception:  # a hung browser may not answer quit; its process goes with the service
            pass


def check_page(driver, path):
    """Problems found on one page (an empty list when every figure drew), and the count drawn."""
    from selenium.webdriver.common.by import By
    source = open(path, encoding="utf-8").read()
    expected = len(re.findall(r'class="descent-figure"', source))
    driver.get("file://" + os.path.abspath(path))
    start, state = time.time(), {"drawn": 0, "errors": 0}
    while time.time() - start < DRAW_TIMEOUT_S:
        state = driver.execute_script(COUNT_JS)
        if state["ready"] == "complete" and (state["drawn"] >= expected or state["errors"]):
            break
        time.sleep(0.25)
    problems = []
    if state["drawn"] < expected:
        problems.append(f"{state['drawn']} of {expected} figures drew within {DRAW_TIMEOUT_S} s")
    if state["errors"]:
        problems.append(f"{state['errors']} figure(s) reported that plotly.js did not load")
    for i, graph in enumerate(driver.find_elements(By.CSS_SELECTOR, ".js-plotly-plot")):
        driver.execute_script("arguments[0].scrollIntoView()", graph)
        colours = distinct_colours(graph.screenshot_as_png)
        if colours < 8:
            problems.append(f"figure {i + 1} drew blank ({colours} colours)")
    return problems, state["drawn"], expected


def check(path):
    for attempt in (1, 2):
        try:
            with Browser() as driver:
                problems, drawn, expected = check_page(driver, path)
            break
        except Exception as e:  # the browser hung or died: a fresh one gets one more try
            problems, drawn, expected = [f"the browser failed: {type(e).__name__}: {str(e).splitlines()[0][:200]}"], 0, 0
            print(f"  {os.path.basename(path)}: attempt {attempt}: {problems[0]}")
    if expected == 0 and not problems:
        print(f"  {os.path.basename(path)}: no figures")
    status = "ok" if not problems else "FAILED: " + "; ".join(problems)
    print(f"  {os.path.basename(path)}: {drawn}/{expected} figures drew; {status}", flush=True)
    return not problems


def main():
    files = []
    for arg in sys.argv[1:]:
        files += sorted(glob.glob(os.path.join(arg, "*.html"))) if os.path.isdir(arg) else [arg]
    if not files:
        sys.exit("[descent] error: no HTML files to check; run ./descent run NOTEBOOK --html DIR first")
    bad = [f for f in files if not check(f)]
    if bad:
        sys.exit(f"[descent] error: figures did not draw in {len(bad)} file(s): {', '.join(bad)}")


if __name__ == "__main__":
    main()
