"""figure_images.py without a browser: where the picture goes, what is removed, what an exported page gets."""
import base64
import json
import os
import sys
import unittest

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_images  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n-not-really-a-picture-"
SPEC = {"data": [{"type": "scatter", "x": [1, 2], "y": [3, 4]}],
        "layout": {"title": {"text": "a </script> title"}, "height": 500}, "config": {}}
KERNEL_HTML = ('<div id="descent-fig-1-x" class="descent-figure">\n<div class="descent-picture"><!--descent-picture-->'
               '<div class="descent-fallback">Plotly figure</div><!--/descent-picture--></div>\n'
               + figure_images.SLOT + "\n<script>drawer</script>\n</div>\n")


class StubBrowser:
    def png(self, spec):
        return PNG


def notebook():
    nb = nbformat.v4.new_notebook()
    figure = nbformat.v4.new_output("display_data", data={figure_images.MIME: SPEC, "text/html": KERNEL_HTML,
                                                            "text/plain": "Figure 'a </script> title'"})
    table = nbformat.v4.new_output("display_data", data={"text/html": "<table></table>", "text/plain": "t"})
    nb.cells.append(nbformat.v4.new_code_cell("fig", outputs=[figure, table]))
    return nb


class FigureImagesTest(unittest.TestCase):
    def test_the_picture_is_stored_once_as_image_png(self):
        nb = notebook()
        n, size = figure_images.add_pictures(nb, StubBrowser())
        self.assertEqual((1, len(PNG)), (n, size))
        figure, table = nb.cells[0].outputs
        self.assertEqual(base64.b64encode(PNG).decode("ascii"), figure.data["image/png"])
        self.assertNotIn("text/html", figure.data, "descent's HTML fallback is dropped: viewers take image/png")
        self.assertEqual(SPEC, figure.data[figure_images.MIME], "the figure's JSON is untouched")
        self.assertEqual("<table></table>", table.data["text/html"], "other outputs keep their HTML")

    def test_an_export_gets_picture_and_json_in_one_html(self):
        nb = notebook()
        figure_images.add_pictures(nb, StubBrowser())
        exported = figure_images.for_export(nb)
        html = exported.cells[0].outputs[0].data["text/html"]
        self.assertIn('class="descent-figure"', html)
        self.assertIn('<img src="data:image/png;base64,' + base64.b64encode(PNG).decode("ascii") + '"', html)
        slot = html[html.index('class="descent-figure-json">') + len('class="descent-figure-json">'):]
        text = slot[:slot.index("</script>")]
        self.assertNotIn("<", text, "no '<' inside the script element: a title cannot end it")
        self.assertEqual(SPEC, json.loads(text))
        self.assertNotIn("text/html", nb.cells[0].outputs[0].data, "the notebook itself is not changed")

    def test_a_page_gets_one_plotly_and_one_drawer(self):
        original = figure_images.plotly_js
        figure_images.plotly_js = lambda: "window.Plotly = {};"
        try:
            page = figure_images.page_with_plotly("<html><head></head><body><p>x</p></body></html>")
        finally:
            figure_images.plotly_js = original
        self.assertEqual(1, page.count("window.Plotly = {};"))
        self.assertLess(page.index("window.Plotly = {};"), page.index("</head>"))
        self.assertEqual(1, page.count("querySelectorAll('.descent-figure')"))
        self.assertLess(page.index("<p>x</p>"), page.index("querySelectorAll('.descent-figure')"), "drawer after the figures")


if __name__ == "__main__":
    unittest.main()
