"""The document viewer: thumbnails, one page at a time, zoom, fit width, rotate, highlights.

The PDF is loaded from memory (a QBuffer over the bytes from the encrypted store), so
no copy of the demand ever reaches the disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Box, Word
from app.textsearch import find_phrase
from ui.viewer.find import FindBar
from ui.viewer.rendering import PageRenderer, RenderRequest

# 100 % shows a page at its printed size on a typical 96-dpi screen.
_POINTS_TO_PIXELS = 96 / 72
THUMB_WIDTH = 96
# Tesseract's word confidence below which the text layer marks a word for checking.
LOW_CONFIDENCE = 60.0


class ThumbnailModel(QAbstractListModel):
    """One row per page. Thumbnails are rendered on the render thread, after the page the
    reviewer reads and only for rows the view asks for, so a long scan never freezes the
    window while they appear."""

    def __init__(self, document: QPdfDocument, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._renderer = renderer
        self._cache: dict[int, QIcon] = {}
        self._asked: set[int] = set()
        # A page-shaped placeholder: the view sizes its items from the first icon it sees.
        placeholder = QPixmap(THUMB_WIDTH, int(THUMB_WIDTH * 1.3))
        placeholder.fill(QColor("#f2f2f2"))
        self._blank = QIcon(placeholder)
        renderer.rendered.connect(self._rendered, Qt.ConnectionType.QueuedConnection)
        document.statusChanged.connect(self._reset)

    def _reset(self, *_args: object) -> None:
        self.beginResetModel()
        self._cache.clear()
        self._asked.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._doc.status() != QPdfDocument.Status.Ready:
            return 0
        return self._doc.pageCount()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            if page in self._cache:
                return self._cache[page]
            if page not in self._asked:
                self._asked.add(page)
                width = self._doc.pagePointSize(page).width()
                self._renderer.request(page, THUMB_WIDTH / max(width, 1.0), 0, thumbnail=True)
            return self._blank
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Page {number}").format(number=page + 1)
        return None

    def _rendered(self, request: RenderRequest, image: QImage) -> None:
        if not request.thumbnail or not self._renderer.wants(request):
            return
        self._cache[request.page] = QIcon(QPixmap.fromImage(image))
        index = self.index(request.page, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


@dataclass(frozen=True)
class Overlay:
    """What is drawn over the page image, in widget pixels."""

    highlights: list[QRectF] = field(default_factory=list)  # the selected fact's words
    matches: list[QRectF] = field(default_factory=list)  # find results on this page
    current: QRectF | None = None  # the find result the reviewer is on
    words: list[tuple[QRectF, str, bool]] = field(
        default_factory=list
    )  # text layer: box, text, low confidence


class PageCanvas(QWidget):
    """Paints one rendered page and, over it, highlights, find results and the text layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._overlay = Overlay()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def show_image(self, image: QImage, overlay: Overlay, size: QSize | None = None) -> None:
        """``size``: the page's size on screen, when ``image`` (a render on its way is
        not back yet) is of another size or empty: it is stretched to it meanwhile."""
        self._image = image
        self._overlay = overlay
        self.setFixedSize(size if size is not None else image.size() / max(image.devicePixelRatio(), 1.0))
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if not self._image.isNull():
            painter.drawImage(self.rect(), self._image)
        overlay = self._overlay
        if overlay.words:
            painter.fillRect(self.rect(), QColor(255, 255, 255, 200))  # fade the scan under the text
            font = painter.font()
            for rect, text, low in overlay.words:
                font.setPixelSize(max(6, int(rect.height() * 0.8)))
                painter.setFont(font)
                if low:  # OCR was unsure: the reviewer should check this word against the scan
                    painter.fillRect(rect, QColor(255, 120, 0, 60))
                    painter.setPen(QPen(QColor("#b3261e"), 1))
                    painter.drawRect(rect)
                painter.setPen(QColor("#1a1a1a"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(Qt.PenStyle.NoPen)
        for rect in overlay.matches:
            painter.fillRect(rect, QColor(255, 235, 59, 110))
        if overlay.current is not None:
            painter.setPen(QPen(QColor("#1565c0"), 2))
            painter.drawRect(overlay.current)
        painter.setPen(QPen(QColor("#c26a00"), 2))
        for rect in overlay.highlights:
            painter.fillRect(rect, QColor(255, 196, 0, 70))
            painter.drawRect(rect)
        painter.end()


class PdfViewer(QWidget):
    #: the 0-based page now shown.
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._page = 0
        self._zoom = 1.0
        self._fit_width = True
        self._rotation = 0
        self._highlights: dict[int, list[Box]] = {}
        self._words: dict[int, list[Word]] = {}  # 0-based page -> its OCR or text-layer words
        self._rendered = QImage()
        self._rendered_key: tuple[Any, ...] | None = None
        self._asked: tuple[tuple[Any, ...], RenderRequest] | None = None  # the render on its way
        self._show_text_layer = False
        self._matches: list[tuple[int, Box]] = []
        self._match_index = 0

        self._render_soon = QTimer(self, singleShot=True, interval=0)
        self._render_soon.timeout.connect(self._render)
        self._renderer = PageRenderer()
        self._renderer.rendered.connect(self._page_rendered, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self._renderer.close)  # the render thread lets the document go
        self._build_thumbs()
        self._build_page_area()
        self._build_controls()

        page_side = QWidget()
        side = QVBoxLayout(page_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.controls)
        side.addWidget(self.find_bar)
        side.addWidget(self.page_area, 1)
        split = QWidget()
        row = QHBoxLayout(split)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbs)
        row.addWidget(page_side, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(split)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_thumbs(self) -> None:
        """The column of page thumbnails; a click goes to the page."""
        self.thumbs = QListView()
        self.thumbs.setModel(ThumbnailModel(self.document, self._renderer, self))
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.4)))
        self.thumbs.setUniformItemSizes(True)
        self.thumbs.setSpacing(4)
        self.thumbs.setGridSize(QSize(THUMB_WIDTH + 16, int(THUMB_WIDTH * 1.4) + 24))
        self.thumbs.setFixedWidth(THUMB_WIDTH + 36)
        self.thumbs.setAccessibleName(self.tr("Page thumbnails"))
        self.thumbs.clicked.connect(lambda index: self.go_to(index.row()))

    def _build_page_area(self) -> None:
        """The page itself, scrolled, and what shows before a document is open."""
        self.canvas = PageCanvas()
        self.page_area = QScrollArea()
        self.page_area.setWidget(self.canvas)
        self.page_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_area.setBackgroundRole(self.page_area.backgroundRole())
        self.page_area.setObjectName("pageArea")

        self.empty = QLabel(self.tr("Open a demand with Ctrl+O, or drop a PDF here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("muted")

    def _build_controls(self) -> None:
        """The bar above the page (pages, zoom, rotation, text layer) and the find bar."""
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_total = QLabel("/ 0")
        self.zoom_label = QLabel("100 %")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for text, tip, slot in (
            ("◀", self.tr("Previous page (Page Up)"), self.previous_page),
            ("▶", self.tr("Next page (Page Down)"), self.next_page),
        ):
            bar.addWidget(self._button(text, tip, slot))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addStretch(1)
        bar.addWidget(self._button("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._button("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in))
        bar.addWidget(self._button("↔", self.tr("Fit width (Ctrl+0)"), self.fit_width))
        bar.addWidget(self._button("⟲", self.tr("Rotate left (Ctrl+Shift+R)"), self.rotate_left))
        bar.addWidget(self._button("⟳", self.tr("Rotate right (Ctrl+R)"), self.rotate_right))
        self.text_layer_button = self._button(
            "T", self.tr("Show the OCR text over the scan (Ctrl+T)"), self.toggle_text_layer
        )
        self.text_layer_button.setCheckable(True)
        bar.addWidget(self.text_layer_button)
        self.controls = QWidget()
        self.controls.setLayout(bar)
        self.find_bar = FindBar()
        self.find_bar.query_changed.connect(self.find_text)
        self.find_bar.step.connect(self.step_match)
        self.find_bar.closed.connect(lambda: self.find_text(""))

    @staticmethod
    def _button(text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.clicked.connect(slot)
        return button

    # -- document --------------------------------------------------------------------

    def load(self, pdf: bytes) -> bool:
        """Show a PDF held in memory; False (and the empty state) if Qt cannot read it.

        The same document again (a demand just stored after its preview) stays as it is,
        on the page the reviewer is reading.
        """
        if self.is_loaded() and self._buffer is not None and self._buffer.data().data() == pdf:
            self._highlights = {}
            self._render()
            return True
        self.unload()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.unload()
            return False
        self._renderer.open(pdf)
        self._page, self._rotation, self._fit_width = 0, 0, True
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, self.document.pageCount())
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self.page_total.setText(self.tr("/ {pageCount}").format(pageCount=self.document.pageCount()))
        self.stack.setCurrentIndex(1)
        self.thumbs.setCurrentIndex(self.thumbs.model().index(0, 0))
        # Rendered once the layout has settled: rendering now, at the width the page
        # area had before it was shown, would only be thrown away by the resize.
        self._render_soon.start()
        return True

    def unload(self) -> None:
        self._renderer.close()
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None
        self._highlights = {}
        self._words = {}
        self._rendered, self._rendered_key = QImage(), None  # never show a closed case's page
        self._asked = None
        self._matches = []
        self.find_bar.field.clear()
        self.canvas.show_image(QImage(), Overlay())
        self.stack.setCurrentIndex(0)

    def is_loaded(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount() if self.is_loaded() else 0

    def current_page(self) -> int:
        return self._page

    def zoom(self) -> float:
        return self._zoom

    # -- navigation ------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        if not self.is_loaded():
            return
        page = max(0, min(page, self.document.pageCount() - 1))
        if page == self._page and not self.canvas.size().isEmpty():
            return
        self._page = page
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.thumbs.setCurrentIndex(self.thumbs.model().index(page, 0))
        self._render()
        self.page_changed.emit(page)

    def next_page(self) -> None:
        self.go_to(self._page + 1)

    def previous_page(self) -> None:
        self.go_to(self._page - 1)

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom * 1.25)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom / 1.25)

    def fit_width(self) -> None:
        self._fit_width = True
        self._render()

    def rotate_right(self) -> None:
        self._rotation = (self._rotation + 1) % 4
        self._render()

    def rotate_left(self) -> None:
        self._rotation = (self._rotation - 1) % 4
        self._render()

    def set_words(self, words: dict[int, list[Word]]) -> None:
        """The words of each page (0-based), for the text layer and for find."""
        self._words = words
        self._render()

    def toggle_text_layer(self) -> None:
        self._show_text_layer = not self._show_text_layer
        self.text_layer_button.setChecked(self._show_text_layer)
        self._render()

    def open_find(self) -> None:
        if self.is_loaded():
            self.find_bar.open_bar()

    def find_text(self, query: str) -> None:
        self._matches = find_phrase(self._words, query)
        self._match_index = 0
        self.find_bar.show_count(0, len(self._matches), bool(query.strip()))
        if self._matches:
            self._show_match()
        else:
            self._render()

    def step_match(self, direction: int) -> None:
        if not self._matches:
            return
        self._match_index = (self._match_index + direction) % len(self._matches)
        self.find_bar.show_count(self._match_index, len(self._matches), True)
        self._show_match()

    def _show_match(self) -> None:
        page, _box = self._matches[self._match_index]
        if page != self._page:
            self.go_to(page)
        else:
            self._render()
        current = self._overlay_rect(self._matches[self._match_index][1])
        self.page_area.ensureVisible(int(current.center().x()), int(current.center().y()), 60, 120)

    def highlight(self, page: int, boxes: list[Box]) -> None:
        """Show page (0-based) with these boxes (PDF points, top-left origin) marked."""
        self._highlights = {page: boxes}
        self._page = -1  # force go_to to re-render even on the same page
        self.go_to(page)
        if boxes and self.is_loaded():  # zoomed in, the box may be off screen: bring it into view
            first = self._overlay_rect(boxes[0])
            self.page_area.ensureVisible(int(first.center().x()), int(first.center().y()), 60, 120)

    def _set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self._zoom = max(0.1, min(zoom, 6.0))
        self._render()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._fit_width and self.is_loaded():
            self._render_soon.start()  # one render for a burst of resizes

    def _render(self) -> None:
        if not self.is_loaded():
            return
        size = self.document.pagePointSize(self._page)
        turned = self._rotation % 2 == 1
        width_pt, height_pt = (size.height(), size.width()) if turned else (size.width(), size.height())
        if self._fit_width:
            available = self.page_area.viewport().width() - 24
            self._zoom = max(0.1, available / (width_pt * _POINTS_TO_PIXELS))
        scale = self._zoom * _POINTS_TO_PIXELS
        ratio = self.devicePixelRatioF()
        pixel_size = QSize(max(1, int(width_pt * scale * ratio)), max(1, int(height_pt * scale * ratio)))
        # Highlights, find results and the text layer change often; the page under them
        # rarely does. Rasterising a scan is the slow part: done only when needed, on the
        # render thread. Meanwhile the same page at another size is stretched, another
        # page is blank: never the wrong page.
        key = (self._page, self._rotation, pixel_size.width(), pixel_size.height(), ratio)
        if key == self._rendered_key:
            self._asked = None
            self._renderer.cancel_page()
        elif self._asked is None or self._asked[0] != key:
            self._asked = (key, self._renderer.request(self._page, scale * ratio, self._rotation))
        on_screen = QSize(int(width_pt * scale), int(height_pt * scale))
        same_page = self._rendered_key is not None and self._rendered_key[:2] == key[:2]
        self.canvas.show_image(self._rendered if same_page else QImage(), self._overlay(), on_screen)
        self.zoom_label.setText(self.tr("{value:.0f} %").format(value=self._zoom * 100))

    def _page_rendered(self, request: RenderRequest, image: QImage) -> None:
        if self._asked is None or request != self._asked[1]:
            return
        key, self._asked = self._asked[0], None
        image.setDevicePixelRatio(key[4])
        self._rendered, self._rendered_key = image, key
        self._render()

    def _overlay(self) -> Overlay:
        rect = self._overlay_rect
        page_matches = [i for i, (page, _box) in enumerate(self._matches) if page == self._page]
        current = self._matches[self._match_index] if self._matches else None
        words: list[tuple[QRectF, str, bool]] = []
        if self._show_text_layer:
            words = [
                (rect(w.box), w.text, w.confidence < LOW_CONFIDENCE) for w in self._words.get(self._page, [])
            ]
        return Overlay(
            highlights=[rect(box) for box in self._highlights.get(self._page, [])],
            matches=[rect(self._matches[i][1]) for i in page_matches],
            current=rect(current[1]) if current and current[0] == self._page else None,
            words=words,
        )

    def _overlay_rect(self, box: Box) -> QRectF:
        size = self.document.pagePointSize(self._page)
        return self._to_view(box, size.width(), size.height(), self._zoom * _POINTS_TO_PIXELS)

    def _to_view(self, box: Box, page_w: float, page_h: float, scale: float) -> QRectF:
        x0, y0, x1, y1 = box
        # Turn the box with the page: each quarter turn maps (x, y) -> (h - y, x).
        for _ in range(self._rotation):
            x0, y0, x1, y1 = page_h - y1, x0, page_h - y0, x1
            page_w, page_h = page_h, page_w
        return QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)
