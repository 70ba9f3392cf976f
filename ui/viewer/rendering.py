"""Pages rasterised on a thread of their own, so the window never waits for a scan to decode.

QtPdf renders on the thread that asks, and its one lock over pdfium would make the window
wait for a render on any other thread; decoding a scanned page takes 10–50 ms, more while
OCR keeps the cores busy. pypdfium2 (which the reader processes already use) brings its
own pdfium, so here one thread owns every document it opens and the window's thread never
touches it. pdfium is not safe to call from two threads at once, hence one thread for the
whole process, shared by every viewer. Only PDFs the reader process has checked come here,
as to QtPdf; they stay in memory.
"""

from __future__ import annotations

import itertools
import queue
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

# The page the reviewer reads before any thumbnail.
_OPEN, _PAGE, _THUMBNAIL = 0, 1, 2


@dataclass(frozen=True)
class RenderRequest:
    """One page rasterised for one viewer's document (``generation`` counts its loads)."""

    generation: int
    page: int  # 0-based
    scale: float  # pixels per point
    rotation: int  # quarter turns clockwise
    thumbnail: bool = False


class PageRenderer(QObject):
    """One viewer's document on the render thread; ``rendered`` comes back on the window's."""

    rendered = Signal(object, object)  # RenderRequest, QImage

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.wanted: RenderRequest | None = None  # the page render still worth doing

    def open(self, pdf: bytes) -> None:
        """Load ``pdf`` for rendering; requests for what was open before are dropped."""
        self.generation += 1
        _thread().put(_OPEN, ("open", self, self.generation, pdf))

    def close(self) -> None:
        self.generation += 1
        self.wanted = None
        _thread().put(_OPEN, ("open", self, self.generation, None))

    def request(self, page: int, scale: float, rotation: int, *, thumbnail: bool = False) -> RenderRequest:
        wanted = RenderRequest(self.generation, page, scale, rotation, thumbnail)
        if not thumbnail:
            self.wanted = wanted  # a later page render makes this one moot
        _thread().put(_THUMBNAIL if thumbnail else _PAGE, ("render", self, wanted))
        return wanted

    def cancel_page(self) -> None:
        """The page render on its way is no longer wanted (the page shown is current)."""
        self.wanted = None

    def wants(self, request: RenderRequest) -> bool:
        if request.generation != self.generation:
            return False
        return request.thumbnail or request == self.wanted


class _RenderThread:
    def __init__(self) -> None:
        self._jobs: queue.PriorityQueue[tuple[int, int, tuple[Any, ...]]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._documents: dict[int, tuple[int, Any]] = {}  # id(renderer) -> (generation, PdfDocument)
        threading.Thread(target=self._run, name="page-renderer", daemon=True).start()

    def put(self, priority: int, job: tuple[Any, ...]) -> None:
        self._jobs.put((priority, next(self._order), job))

    def _run(self) -> None:
        while True:
            _priority, _order, job = self._jobs.get()
            try:
                if job[0] == "open":
                    self._open(*job[1:])
                else:
                    self._render(*job[1:])
            except Exception:  # noqa: BLE001, S112 - a page that cannot be drawn stays blank; the thread lives on
                continue

    def _open(self, renderer: PageRenderer, generation: int, pdf: bytes | None) -> None:
        import pypdfium2 as pdfium

        _old_generation, old = self._documents.pop(id(renderer), (0, None))
        if old is not None:
            old.close()
        if pdf is not None and generation == renderer.generation:
            self._documents[id(renderer)] = (generation, pdfium.PdfDocument(pdf))

    def _render(self, renderer: PageRenderer, request: RenderRequest) -> None:
        generation, document = self._documents.get(id(renderer), (0, None))
        if document is None or generation != request.generation or not renderer.wants(request):
            return
        page = document[request.page]
        try:
            bitmap = page.render(
                scale=request.scale,
                rotation=request.rotation * 90,
                prefer_bgrx=True,
                may_draw_forms=False,
            )
            image = QImage(
                bytes(memoryview(bitmap.buffer).cast("B")),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB32,
            ).copy()  # its own pixels: the buffer goes with the bitmap
            bitmap.close()
        finally:
            page.close()
        renderer.rendered.emit(request, image)


_instance: _RenderThread | None = None
_instance_lock = threading.Lock()


def _thread() -> _RenderThread:
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = _RenderThread()
        return _instance
