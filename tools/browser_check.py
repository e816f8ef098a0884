"""Opens exported notebook HTML in headless Chromium and checks that every Plotly figure really drew.

`browser_check.py DIR_OR_FILE...`: for each HTML file, counts the figures descent put in it (elements marked
`descent-figure`), loads the page with no network, and requires as many drawn Plotly graphs (`js-plotly-plot` with
an SVG inside) in the rendered DOM, plus a screenshot that is not blank.
"""
import glob
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--virtual-time-budget=30000", "--run-all-compositor-stages-before-draw"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("[descent] error: no Chromium found; install it with: sudo apt-get install chromium")


def run_chromium(args):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=180)


def png_distinct_colours(path):
    """Number of distinct RGB(A) pixel values in a PNG (decoded by hand: no imaging library needed)."""
    data = open(path, "rb").read()
    pos, idat, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            channels = {2: 3, 6: 4, 0: 1, 4: 2}.get(colour, 4)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride, colours, prev = width * channels, set(), bytearray(width * channels)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):  # undo the PNG filters
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, channels * 7):  # sample every 7th pixel: plenty to tell blank from drawn
            colours.add(bytes(line[x:x + channels]))
        prev = line
    return len(colours)


def check(path):
    source = open(path, encoding="utf-8").read()
    expected = len(re.findall(r'class="descent-figure"', source))
    url = "file://" + os.path.abspath(path)
    dom = run_chromium(["--dump-dom", url]).stdout
    drawn = len(re.findall(r'class="[^"]*js-plotly-plot', dom))
    failed_loads = len(re.findall(r'descent-figure-error', dom))
    problems = []
    if expected == 0:
        print(f"  {os.path.basename(path)}: no figures")
    if drawn < expected:
        problems.append(f"{drawn} of {expected} figures drew")
    if failed_loads:
        problems.append(f"{failed_loads} figure(s) reported that plotly.js did not load")
    if expected:
        shot = tempfile.mktemp(suffix=".png")
        run_chromium([f"--screenshot={shot}", "--window-size=1280,2400", url])
        if not os.path.exists(shot):
            problems.append("Chromium made no screenshot")
        else:
            colours = png_distinct_colours(shot)
            if colours < 8:
                problems.append(f"the screenshot is blank ({colours} colours)")
            os.remove(shot)
    status = "ok" if not problems else "FAILED: " + "; ".join(problems)
    print(f"  {os.path.basename(path)}: {drawn}/{expected} figures drew; {status}")
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
