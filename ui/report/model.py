"""Item models of the report window: one report table, and the cases counted in one figure.

Both only show what ``app.report`` computed: a figure's value and the ``CaseRow``s it
counted. No figure is worked out here.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.report import words as report_words
from ui.common.table_model import RowsModel

if TYPE_CHECKING:
    from app.report.figures import CaseRow, Figure, Table

Index = QModelIndex | QPersistentModelIndex

#: the (table, row, column) keys of the figure a cell shows; None on the row-label column
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1
#: the case id of a row of the cases list
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
NO_VALUE = "—"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FigureKey(NamedTuple):
    table: str
    row: str
    column: str


def format_value(value: Any, kind: str) -> str:
    """A figure as the report prints it: counts with thousands separators, shares with one decimal."""
    if value is None:
        return NO_VALUE
    if kind == "percent":
        return f"{float(value):.1f} %"
    if kind == "band":
        return str(value).replace("-", "–")
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


class FigureTableModel(QAbstractTableModel):
    """One table of the report: its rows down, a label column then its figures across."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self.seats: int | None = None  # the report's enterprise threshold, named in two rows' words

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def figure_at(self, index: Index) -> tuple[FigureKey, Figure] | None:
        """The figure a cell shows (its keys and the cases counted in it); None for a row label."""
        if self.table is None or not index.isValid() or index.column() == 0:
            return None
        row = self.table.rows[index.row()]
        column = self.table.columns[index.column() - 1]
        figure = row.cells.get(column.key)
        if figure is None:
            return None
        return FigureKey(self.table.key, row.key, column.key), figure

    def index_of(self, row_key: str, column_key: str) -> QModelIndex:
        if self.table is None:
            return QModelIndex()
        rows = [r.key for r in self.table.rows]
        columns = [c.key for c in self.table.columns]
        if row_key not in rows or column_key not in columns:
            return QModelIndex()
        return self.index(rows.index(row_key), columns.index(column_key) + 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.table is None else len(self.table.columns) + 1

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if section == 0 else report_words.column(self.table.columns[section - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(_RIGHT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        row = self.table.rows[index.row()]
        if index.column() == 0:
            shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
            return report_words.row(self.table, row, seats=self.seats) if shown else None
        column = self.table.columns[index.column() - 1]
        figure = row.cells.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return NO_VALUE if figure is None else format_value(figure.value, column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT)
        if role == FIGURE_ROLE:
            return None if figure is None else FigureKey(self.table.key, row.key, column.key)
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None:
            cases = len(figure.cases)
            if column.kind == "percent":
                tip = self.tr("{label} · {label2}: its numerator's cases — Enter or click lists them")
            elif cases == 1:
                tip = self.tr("{label} · {label2}: 1 case — Enter or click lists it")
            else:
                tip = self.tr("{label} · {label2}: {cases:,} cases — Enter or click lists them")
            return tip.format(
                label=report_words.row(self.table, row, seats=self.seats),
                label2=report_words.column(column),
                cases=cases,
            )
        return None


class CountedCasesModel(RowsModel["CaseRow"]):
    """The cases counted in one figure, in the order they were received (sortable by any column)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CountedCasesModel", "Reference"),
        QT_TRANSLATE_NOOP("CountedCasesModel", "Country"),
        QT_TRANSLATE_NOOP("CountedCasesModel", "Received"),
        QT_TRANSLATE_NOOP("CountedCasesModel", "Outcome"),
        QT_TRANSLATE_NOOP("CountedCasesModel", "Legal process"),
    )

    def __init__(
        self,
        process_label: Callable[[str], str],
        bucket_label: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._process_label = process_label
        self._bucket_label = bucket_label

    def _cell(self, case: CaseRow, column: int) -> str:
        if column == 0:
            return case.reference
        if column == 1:
            return case.country
        if column == 2:
            return case.received
        if column == 3:
            return self._bucket_label(case.bucket)
        return self._process_label(case.process)

    def case_id_at(self, row: int) -> str:
        return self.row_at(row).case_id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(case, index.column())
        if role == CASE_ID_ROLE:
            return case.case_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in Python, not by a proxy: a figure may count 100,000 cases."""
        self.layoutAboutToBeChanged.emit()
        descending = order == Qt.SortOrder.DescendingOrder
        if column in (0, 1, 2):
            key: Callable[[CaseRow], Any] = operator.itemgetter((1, 3, 2)[column])
        else:
            key = lambda case: self._cell(case, column)  # noqa: E731
        self._rows.sort(key=key, reverse=descending)
        self.layoutChanged.emit()
