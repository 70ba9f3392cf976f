"""The Today view: what needs the reviewer today, section by section, each item a click away from its case.

What is due and how urgent it is are ``Schedule``'s to say (``app/schedule/service``):
this view lists its sections in its order, with their counts, and colours an item by the
urgency the schedule gave it. It holds nothing once cleared (on lock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.schedule.service import Today, TodayItem

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("TodayModel", "Case"),
    QT_TRANSLATE_NOOP("TodayModel", "What"),
    QT_TRANSLATE_NOOP("TodayModel", "Date"),
)
REFERENCE_COLUMN, LABEL_COLUMN, DATE_COLUMN = range(len(COLUMNS))
#: the same red and amber as the queue's due dates (ui/common/style.py: one red, one amber)
URGENCY_COLOURS = {"overdue": QColor("#b3261e"), "today": QColor("#9a6700")}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOTHING = QT_TRANSLATE_NOOP("TodayModel", "Nothing")
# The schedule's urgency codes, in words for the tooltip and a screen reader.
URGENCY_WORDS = {
    "overdue": QT_TRANSLATE_NOOP("TodayModel", "overdue"),
    "today": QT_TRANSLATE_NOOP("TodayModel", "due today"),
    "soon": QT_TRANSLATE_NOOP("TodayModel", "due soon"),
    "later": QT_TRANSLATE_NOOP("TodayModel", "later"),
}
SECTION_ROW_HEIGHT = 30  # a little air above each section's title
_SECTION = 0  # internalId of a section row; an item row's is its section's row + 1


class TodayModel(QAbstractItemModel):
    """Sections (title and count) with their items beneath; an empty section has one "Nothing" row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sections: list[tuple[str, list[TodayItem]]] = []

    def set_today(self, today: Today | None) -> None:
        self.beginResetModel()
        self._sections = [(title, list(items)) for title, items in today.sections()] if today else []
        self.endResetModel()

    def clear(self) -> None:
        self.set_today(None)

    def section_titles(self) -> list[str]:
        return [title for title, _items in self._sections]

    def sections(self) -> list[tuple[str, list[TodayItem]]]:
        return list(self._sections)

    def section_index(self, title: str) -> QModelIndex:
        for row, (name, _items) in enumerate(self._sections):
            if name == title:
                return self.index(row, 0)
        return QModelIndex()

    def item_at(self, index: Index) -> TodayItem | None:
        """The item a row shows; None for a section row or a "Nothing" row."""
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        items = self._sections[index.internalId() - 1][1]
        return items[index.row()] if index.row() < len(items) else None

    # -- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() != _SECTION or parent.column() != 0:
            return 0
        return max(1, len(self._sections[parent.row()][1]))  # "Nothing" stands in for no items

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() != _SECTION and self.item_at(index) is None:
            return Qt.ItemFlag.ItemIsEnabled  # "Nothing": shown, not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _SECTION:
            return self._section_data(index, role)
        item = self.item_at(index)
        if item is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.tr(NOTHING)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#5f6368"))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.reference, item.label, item.on)[index.column()]
        if role == CASE_ID_ROLE:
            return item.case_id
        if role == Qt.ItemDataRole.ForegroundRole and item.urgency in URGENCY_COLOURS:
            return QBrush(URGENCY_COLOURS[item.urgency])
        urgency = self.tr(URGENCY_WORDS[item.urgency]) if item.urgency in URGENCY_WORDS else item.urgency
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.reference} — {item.label}\n{item.on} ({urgency})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.reference}, {item.label}, {item.on}, {urgency}"
        return None

    def _section_data(self, index: Index, role: int) -> Any:
        title, items = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{title} ({len(items)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not items:
            return QBrush(QColor("#5f6368"))
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, SECTION_ROW_HEIGHT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        return None


class TodayView(QWidget):
    """The home view: every section of what needs the reviewer today, with its items."""

    #: the case id (str) of the item the reviewer clicked or pressed Enter on.
    case_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TodayModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("What needs you today"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemsExpandable(False)  # every section stays open: nothing hides
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setWordWrap(False)
        self.tree.setFirstColumnSpanned(0, QModelIndex(), True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(REFERENCE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(REFERENCE_COLUMN, 130)
        header.resizeSection(DATE_COLUMN, 84)
        self.setFocusProxy(self.tree)
        self.as_of = QLabel()
        self.as_of.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.as_of)

        # A click or Enter opens the item's case (activated alone is a double-click on some styles).
        self.tree.clicked.connect(self._open)
        self.tree.activated.connect(self._open)
        self.model.modelReset.connect(self._after_reset)

    def show_today(self, today: Today, as_of: str) -> None:
        self.model.set_today(today)
        self.as_of.setText(self.tr("As of {as_of}").format(as_of=as_of))

    def show_unavailable(self, message: str) -> None:
        self.model.clear()
        self.as_of.setText(message)

    def clear(self) -> None:
        self.model.clear()
        self.as_of.clear()

    def _after_reset(self) -> None:
        for row in range(self.model.rowCount()):
            section = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            if self.model.item_at(self.model.index(0, 0, section)) is None:  # the "Nothing" row
                self.tree.setFirstColumnSpanned(0, section, True)
        self.tree.expandAll()
        self._fit_reference_column()

    def _fit_reference_column(self) -> None:
        """Wide enough for the longest reference shown (references are the handle a reviewer knows)."""
        metrics = self.tree.fontMetrics()
        widths = [
            metrics.horizontalAdvance(item.reference)
            for _title, items in self.model.sections()
            for item in items
        ]
        if widths:
            wanted = max(widths) + self.tree.indentation() + 16
            self.tree.header().resizeSection(REFERENCE_COLUMN, min(wanted, max(120, self.tree.width() // 2)))

    def _open(self, index: QModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            self.case_activated.emit(item.case_id)
