"""Small charts of the report, drawn with QPainter (QtCharts is not shipped).

``BarChart``: one horizontal bar per figure (outcomes, countries); clicking a bar asks
for the cases of that figure. ``TrendChart``: demands and disclosures per half-year.
The charts show figures the report computed; the tables hold every number, so the
keyboard path to a figure goes through the tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.report.model import FigureKey

if TYPE_CHECKING:
    from app.report.figures import TrendPoint

BAR = QColor("#3b6ea5")
BAR_LIGHT = QColor("#a9c1dc")
DISCLOSED = QColor("#1f4e79")
TEXT = QColor("#202124")
MUTED = QColor("#5f6368")
GRID = QColor("#e0e0e0")
MARGIN = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    key: FigureKey | None = None  # the figure it draws, for listing its cases


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = self.tr("No demands in this period.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 150)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 190)

    def _title(self, painter: QPainter) -> int:
        """Draws the title; returns the y where the plot starts."""
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        height = QFontMetrics(font).height()
        painter.drawText(QRect(MARGIN, MARGIN, self.width() - 2 * MARGIN, height), Qt.AlignmentFlag.AlignLeft,
                         self.title)  # fmt: skip
        painter.setFont(self.font())
        return MARGIN + height + 6

    def _empty(self, painter: QPainter, top: int) -> None:
        painter.setPen(MUTED)
        painter.drawText(QRect(0, top, self.width(), self.height() - top), Qt.AlignmentFlag.AlignCenter,
                         self.empty_text)  # fmt: skip


class BarChart(_Chart):
    """Horizontal bars with their labels and values; a click on a bar emits its figure."""

    #: the FigureKey of the bar clicked
    figure_clicked = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: list[Bar] = []
        self.more = ""  # e.g. "+ 4 more countries", under the bars
        self._hit: list[tuple[QRect, Bar]] = []

    def set_bars(self, bars: Sequence[Bar], more: str = "") -> None:
        self.bars = list(bars)
        self.more = more
        self.update()

    def clear(self) -> None:
        self.set_bars([])

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._title(painter)
        self._hit = []
        if not self.bars or not any(b.value for b in self.bars):
            self._empty(painter, top)
            return
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 4
        bottom = self.height() - MARGIN - (line if self.more else 0)
        rows = max(1, min(len(self.bars), (bottom - top) // line))
        shown = self.bars[:rows]
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in shown) + 8, self.width() * 3 // 5)
        value_width = max(metrics.horizontalAdvance(f"{b.value:,}") for b in shown) + 8
        left = MARGIN + label_width
        span = max(1, self.width() - left - value_width - MARGIN)
        biggest = max(b.value for b in shown) or 1
        for n, bar in enumerate(shown):
            y = top + n * line
            label_rect = QRect(MARGIN, y, label_width - 4, line)
            painter.setPen(TEXT)
            text = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            width = round(span * bar.value / biggest)
            rect = QRect(left, y + 3, max(width, 1 if bar.value else 0), line - 6)
            painter.fillRect(rect, BAR if bar.value else GRID)
            painter.setPen(MUTED)
            painter.drawText(
                QRect(left + width + 4, y, value_width, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{bar.value:,}",
            )
            self._hit.append((QRect(MARGIN, y, self.width() - 2 * MARGIN, line), bar))
        hidden = len(self.bars) - len(shown)
        more = self.more if not hidden else self.tr("+ {hidden} more in the table").format(hidden=hidden)
        if more:
            painter.setPen(MUTED)
            painter.drawText(QRect(MARGIN, bottom, self.width() - 2 * MARGIN, line),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, more)  # fmt: skip

    def bar_at(self, point: QPoint) -> Bar | None:
        for rect, bar in self._hit:
            if rect.contains(point):
                return bar
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(event.position().toPoint())
        if bar is not None and bar.key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.figure_clicked.emit(bar.key)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(event.position().toPoint())
        clickable = bar is not None and bar.key is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        if clickable and bar is not None:
            tip = self.tr("{label}: {value:,} — click to list the cases").format(
                label=bar.label, value=bar.value
            )
            QToolTip.showText(event.globalPosition().toPoint(), tip)
        super().mouseMoveEvent(event)


class TrendChart(_Chart):
    """Demands (light) and demands answered with data (dark) per half-year, oldest first."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.points: list[TrendPoint] = []

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        self.points = list(points)
        self.update()

    def clear(self) -> None:
        self.set_points([])

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._title(painter)
        if not self.points or not any(p.demands for p in self.points):
            self._empty(painter, top)
            return
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        legend_y = top
        self._legend(painter, legend_y, metrics)
        plot_top = legend_y + line + 6 + line  # legend, then room for the tallest bar's value
        plot_bottom = self.height() - MARGIN - line - 4  # room for the half-year labels
        plot_height = max(10, plot_bottom - plot_top)
        slot = (self.width() - 2 * MARGIN) / len(self.points)
        biggest = max(p.demands for p in self.points) or 1
        painter.setPen(QPen(GRID))
        painter.drawLine(MARGIN, plot_bottom, self.width() - MARGIN, plot_bottom)
        bar_width = max(4, int(slot * 0.3))
        for n, point in enumerate(self.points):
            x = MARGIN + int(n * slot + slot / 2)
            pair = ((-bar_width, point.demands, BAR_LIGHT), (0, point.disclosed, DISCLOSED))
            for offset, value, colour in pair:
                height = round(plot_height * value / biggest)
                painter.fillRect(QRect(x + offset, plot_bottom - height, bar_width, height), colour)
            painter.setPen(MUTED)
            value_top = plot_bottom - round(plot_height * point.demands / biggest) - line - 2
            above = QRect(x - int(slot / 2), value_top, int(slot), line)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, f"{point.demands:,}")
            painter.setPen(TEXT)
            label = point.label + (" ✓" if point.frozen else "")
            painter.drawText(QRect(x - int(slot / 2), plot_bottom + 2, int(slot), line + 2),
                             Qt.AlignmentFlag.AlignCenter, label)  # fmt: skip

    def _legend(self, painter: QPainter, y: int, metrics: QFontMetrics) -> None:
        x = MARGIN
        size = metrics.height() - 4
        entries = (
            (BAR_LIGHT, self.tr("Demands")),
            (DISCLOSED, self.tr("Data disclosed")),
            (None, self.tr("✓ published (frozen)")),
        )
        for colour, text in entries:
            if colour is not None:
                painter.fillRect(QRect(x, y + 2, size, size), colour)
                x += size + 4
            painter.setPen(MUTED)
            painter.drawText(QPoint(x, y + metrics.ascent()), text)
            x += metrics.horizontalAdvance(text) + 14
