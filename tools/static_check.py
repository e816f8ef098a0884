"""Where scripts don't run: `static_check.py [--shots DIR] NOTEBOOK...` checks that every figure shows a picture.

For each executed notebook: every Plotly figure output (application/vnd.plotly.v1+json) must carry image/png, and
the notebook converted to HTML by nbconvert, with every <script> element removed (as GitHub, nbviewer without
JavaScript or a PDF export see it), must show that picture (an <img> with exactly its data) for every figure, loaded
and not blank, when headless Chromium renders it. Screenshots of the pictures go to --shots (default target/static-check). Prints the count of figures found.
"""
import argparse
import io
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_images  # noqa: E402

SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)


def distinct_colours(png):
    from PIL import Image
    im = Image.open(io.BytesIO(png)).convert("RGB")
    return len(im.getcolors(maxcolors=1 << 20) or [])


def figure_title(out):
    title = (out["data"][figure_images.MIME].get("layout") or {}).get("title") or {}
    return (title.get("text", "") if isinstance(title, dict) else str(title))[:60]


def check(path, driver, shots):
    import nbformat
    from nbconvert import HTMLExporter
    from selenium.webdriver.common.by import By
    nb = nbformat.read(path, as_version=4)
    name = os.path.basename(path).replace(".ipynb", "")
    outputs = list(figure_images.figure_outputs(nb))
    problems = [f"figure {i + 1} has no image/png" for i, o in enumerate(outputs) if "image/png" not in o["data"]]
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    stripped = SCRIPT.sub("", body)
    page = os.path.join(tempfile.mkdtemp(prefix="descent-static-"), name + ".html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(stripped)
    driver.get("file://" + page)
    # each figure's picture, found by its exact data: URL (from image/png, or an <img> in descent's text/html)
    srcs = driver.execute_script("return Array.from(document.images).map(function (i) { return i.src; })")
    images = driver.find_elements(By.TAG_NAME, "img")
    pictures = 0
    for i, out in enumerate(outputs):
        png = out["data"].get("image/png")
        if not png:
            continue
        src = "data:image/png;base64," + ("".join(png) if isinstance(png, list) else png).replace("\n", "")
        where = [k for k, s in enumerate(srcs) if s == src]
        if not where:
            problems.append(f"figure {i + 1} ({figure_title(out)!r}) shows no picture in the page")
            continue
        img = images[where[0]]
        if not driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img):
            problems.append(f"figure {i + 1}'s picture did not load")
            continue
        driver.execute_script("arguments[0].scrollIntoView()", img)
        shot = img.screenshot_as_png
        colours = distinct_colours(shot)
        if colours < 16:
            problems.append(f"figure {i + 1}'s picture is blank ({colours} colours)")
            continue
        pictures += 1
        os.makedirs(shots, exist_ok=True)
        with open(os.path.join(shots, f"{name}-{i + 1:02d}.png"), "wb") as f:
            f.write(shot)
    os.remove(page)
    print(f"  {name}: {pictures} of {len(outputs)} figures show a picture without scripts"
          + ("" if not problems else "; FAILED: " + "; ".join(problems)))
    return pictures, len(outputs), problems


def main():
    p = argparse.ArgumentParser(prog="static_check.py", description=__doc__)
    p.add_argument("notebooks", nargs="+")
    p.add_argument("--shots", default=os.path.join(figure_images.ROOT, "target", "static-check"))
    a = p.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = figure_images.chrome_options()
    driver = webdriver.Chrome(options=opts, service=Service(figure_images.chromedriver()))
    try:
        results = [check(nb, driver, a.shots) for nb in a.notebooks]
    finally:
        driver.quit()
    shown, total = sum(r[0] for r in results), sum(r[1] for r in results)
    print(f"[descent] static check: {shown} of {total} figures show a picture with all scripts removed "
          f"(screenshots in {a.shots})")
    if any(r[2] for r in results) or shown != total:
        sys.exit(1)


if __name__ == "__main__":
    main()
