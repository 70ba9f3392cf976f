"""The viewer draws pages on the render thread: the right page arrives, never a stale one."""

from __future__ import annotations

import io

import pytest
from PySide6.QtGui import QColor

from ui.viewer.viewer import PdfViewer


def _coloured_pages(*colours: tuple[float, float, float]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for rgb in colours:
        pdf.setFillColorRGB(*rgb)
        pdf.rect(0, 0, A4[0], A4[1], fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


RED, BLUE = (1.0, 0.0, 0.0), (0.0, 0.0, 1.0)


@pytest.fixture
def viewer(qtbot):
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(700, 700)
    widget.show()
    return widget


def _centre(viewer: PdfViewer) -> QColor:
    image = viewer.canvas._image
    return image.pixelColor(image.width() // 2, image.height() // 2)


def _shows(viewer: PdfViewer, rgb: tuple[float, float, float]) -> bool:
    if viewer.canvas._image.isNull():
        return False
    colour = _centre(viewer)
    return (colour.redF(), colour.greenF(), colour.blueF()) == pytest.approx(rgb, abs=0.05)


def test_a_page_arrives_from_the_render_thread_and_fills_the_canvas(viewer, qtbot):
    assert viewer.load(_coloured_pages(RED, BLUE))
    qtbot.waitUntil(lambda: _shows(viewer, RED), timeout=5_000)
    assert viewer.canvas.width() > 300  # fit to the width of the page area


def test_paging_quickly_ends_on_the_page_asked_for_last(viewer, qtbot):
    viewer.load(_coloured_pages(RED, BLUE))
    qtbot.waitUntil(lambda: _shows(viewer, RED), timeout=5_000)
    viewer.go_to(1)
    viewer.go_to(0)
    viewer.go_to(1)
    # Until its render is back the page is blank, never the page before.
    assert viewer.canvas._image.isNull() or _shows(viewer, BLUE)
    qtbot.waitUntil(lambda: _shows(viewer, BLUE), timeout=5_000)
    qtbot.wait(200)  # the renders asked for on the way are dropped, not shown late
    assert _shows(viewer, BLUE)


def test_a_render_of_a_closed_document_is_never_shown(viewer, qtbot):
    viewer.load(_coloured_pages(RED))
    viewer.unload()
    viewer.load(_coloured_pages(BLUE))
    qtbot.waitUntil(lambda: _shows(viewer, BLUE), timeout=5_000)
    qtbot.wait(200)
    assert _shows(viewer, BLUE)


def test_thumbnails_are_drawn_for_every_page_shown(viewer, qtbot):
    viewer.load(_coloured_pages(RED, BLUE))
    model = viewer.thumbs.model()

    def drawn() -> bool:
        icons = [model.data(model.index(row, 0), 1) for row in range(model.rowCount())]
        return all(model._cache.get(row) is icon for row, icon in enumerate(icons))

    qtbot.waitUntil(drawn, timeout=5_000)
    assert model.rowCount() == 2
