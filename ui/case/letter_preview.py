"""The letter as it will print: a PDF shown from memory, re-rendered when typing pauses.

``LetterPreview`` shows PDF bytes in a ``QPdfView`` over a ``QPdfDocument`` that reads a
``QBuffer``: the letter never reaches the disk until the reviewer exports it.

``PreviewRenderer`` renders once typing has paused, on the GUI thread, and times every
render. Not on the worker pool, because a render reads the case and the letterhead from
the store, and the store has one SQLite connection that must not be used from two
threads: tried, a preview read on a worker while the GUI thread saved the draft broke
the save's savepoint ("no such savepoint"). Measured on the demo's narrowing letter
(median of 20, including the store reads; loading the result into QPdfDocument adds
under 1 ms): 1 page 10 ms, 3 pages 17 ms, 7 pages 35 ms; the first render of a session
takes about 75 ms while reportlab loads the fonts. That is under the 50 ms a stall may
take; a render over it is logged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

DEBOUNCE_MS = 400
SLOW_RENDER_MS = 50.0
log = logging.getLogger(__name__)


class PreviewRenderer(QObject):
    """Renders the newest request once requests stop coming for ``delay_ms``; times each render."""

    #: (PDF bytes, milliseconds the render took) the newest requested render is ready.
    rendered = Signal(object, float)
    #: (message) the newest requested render failed.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._run)
        self._job: Callable[[], bytes] | None = None  # the newest request, not rendered yet
        self.last_ms: float | None = None

    def request(self, job: Callable[[], bytes], *, delay: bool = True) -> None:
        """Render ``job()`` once typing has paused (``delay``), or now."""
        self._job = job
        if delay:
            self._timer.start()
        else:
            self._timer.stop()
            self._run()

    def cancel(self) -> None:
        """Forget what was asked (the letter in the editor changed)."""
        self._timer.stop()
        self._job = None

    def is_pending(self) -> bool:
        return self._job is not None

    def _run(self) -> None:
        job, self._job = self._job, None
        if job is None:
            return
        started = time.perf_counter()
        try:
            data = job()
        except Exception as exc:  # noqa: BLE001 - shown under the preview; the editor goes on
            log.warning("The letter preview could not be rendered: %s", exc)
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.last_ms = ms = (time.perf_counter() - started) * 1000
        if ms > SLOW_RENDER_MS:
            log.warning("The letter preview took %.0f ms to render on the GUI thread", ms)
        self.rendered.emit(data, ms)


class LetterPreview(QWidget):
    """A PDF held in memory, every page in a column: fitted to the width, or at printed size to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Letter preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(10, 10, 10, 10))
        palette = self.view.palette()  # the page sits on the same grey as the demand's
        palette.setColor(QPalette.ColorRole.Dark, QColor("#e8e8e8"))
        self.view.setPalette(palette)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.actual_size = QToolButton()
        self.actual_size.setText("100 %")
        self.actual_size.setCheckable(True)
        self.actual_size.setAutoRaise(True)
        self.actual_size.setToolTip(
            self.tr("Show the pages at their printed size (scroll to read); again to fit the width")
        )
        self.actual_size.toggled.connect(self._set_actual_size)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.actual_size)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.clear()

    def _set_actual_size(self, on: bool) -> None:
        if on:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(1.0)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def show_pdf(self, data: bytes, note: str = "") -> bool:
        """Show ``data``, keeping the reader's place; False (and the empty state) if Qt cannot read it."""
        bar = self.view.verticalScrollBar()
        place = bar.value() / max(bar.maximum(), 1) if self.is_loaded() else 0.0
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        _drop(old)
        if not self.is_loaded():
            self.clear(self.tr("The preview cannot be shown."))
            return False
        pages = self.document.pageCount()
        shown = self.tr("1 page") if pages == 1 else self.tr("{pages} pages").format(pages=pages)
        self.status.setText(shown + (f" · {note}" if note else ""))
        if place:  # once the view has laid the new pages out
            QTimer.singleShot(0, lambda: bar.setValue(round(place * bar.maximum())))
        else:
            self.view.pageNavigator().jump(0, QPointF(), 0)
        return True

    def clear(self, message: str = "") -> None:
        self.document.close()
        _drop(self._buffer)
        self._buffer = None
        self.status.setText(message)

    def show_message(self, message: str) -> None:
        self.status.setText(message)

    def is_loaded(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount() if self.is_loaded() else 0


def _drop(buffer: QBuffer | None) -> None:
    if buffer is not None:
        buffer.close()
        buffer.setData(QByteArray())
        buffer.deleteLater()
