"""The case queue as a Qt table model, and the proxy that sorts, filters and searches it.

Which cases are undecided emergency requests, and when each is due, is the schedule's to
say (``Schedule.emergencies``); the queue shows the hours left and keeps those rows on top
whatever the sort.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.fact_editors import instrument_words
from app.model import CaseStatus, CaseSummary
from app.schedule.deadlines import emergency_label, emergency_short

if TYPE_CHECKING:
    from app.schedule.service import EmergencyDue

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Reference", "Due", "Status", "Country", "Instrument", "Received", "Title")
DUE_COLUMN, RECEIVED_COLUMN = COLUMNS.index("Due"), COLUMNS.index("Received")
STATUS_COLUMN = COLUMNS.index("Status")
STATUS_LABELS = {
    CaseStatus.NEW: "New",
    CaseStatus.IN_REVIEW: "In review",
    CaseStatus.AWAITING_APPROVAL: "Awaiting approval",
    CaseStatus.DECIDED: "Decided",
    CaseStatus.CLOSED: "Closed",
}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: True for an undecided emergency request: the proxy keeps it above every other row
URGENT_ROLE = Qt.ItemDataRole.UserRole + 3
RED, AMBER, GREY = QColor("#b3261e"), QColor("#9a6700"), QColor("#5f6368")


class CaseQueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self.today = date.today()
        self.paused: frozenset[str] = frozenset()
        self.conflicts: frozenset[str] = frozenset()
        self.emergencies: Mapping[str, EmergencyDue] = {}

    def now(self) -> datetime:
        """The moment the hours left are counted from (a test may pin it)."""
        return datetime.now(UTC)

    def set_emergencies(self, emergencies: Mapping[str, EmergencyDue]) -> None:
        """Undecided emergency requests by case id; the rows show their hours and sort first."""
        self.emergencies = dict(emergencies)
        self.tick()

    def tick(self) -> None:
        """Recount the hours left (the panel calls this every minute)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def set_conflicts(self, conflicts: frozenset[str]) -> None:
        """Cases changed here and on another workstation since the same version (not yet settled)."""
        if conflicts == self.conflicts:
            return
        self.conflicts = conflicts
        if self._rows:
            self.dataChanged.emit(
                self.index(0, STATUS_COLUMN), self.index(len(self._rows) - 1, STATUS_COLUMN)
            )

    def set_cases(self, cases: list[CaseSummary], paused: frozenset[str] = frozenset()) -> None:
        """``paused``: cases whose response clock is stopped (waiting for the requester)."""
        self.beginResetModel()
        self._rows = list(cases)
        self.paused = paused
        self.today = date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.set_cases([])

    def update_case(self, case: CaseSummary, paused: frozenset[str] | None = None) -> None:
        """One case changed (its status, say): update its row in place, keeping selection and scroll."""
        self.paused = paused if paused is not None else self.paused
        row = self.row_of(case.case_id)
        if row is None:
            return
        self._rows[row] = case
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: str) -> int | None:
        for row, case in enumerate(self._rows):
            if case.case_id == case_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role == CASE_ID_ROLE:
            return case.case_id
        urgent = self.emergencies.get(case.case_id)
        if role == URGENT_ROLE:
            return urgent is not None
        if urgent is not None:
            shown = self._urgent_data(urgent, column, role)
            if shown is not None:
                return shown
        if role == Qt.ItemDataRole.DisplayRole:
            status = STATUS_LABELS[case.status]
            return (
                case.reference,
                case.response_due or "—",
                f"{status} · conflict" if case.case_id in self.conflicts else status,
                case.country or "—",
                instrument_words(case.instrument, case.country),
                case.received_at[:10],
                case.title or "",
            )[column]
        if role == SORT_ROLE:
            if column == DUE_COLUMN:  # no due date sorts after every real one
                return case.response_due or "9999-12-31"
            if column == RECEIVED_COLUMN:
                return case.received_at
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if column == STATUS_COLUMN and case.case_id in self.conflicts:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8a5300"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Changed here and on another workstation: settle it with Sync ▸ Settle sync conflict…"
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN and case.case_id in self.paused:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE_COLUMN and case.case_id in self.paused:
            return "paused: waiting for the requester (the date moves while the clock is stopped)"
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN and case.response_due:
            due = date.fromisoformat(case.response_due)
            if due < self.today:
                return QBrush(RED)
            if (due - self.today).days <= 3:
                return QBrush(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE_COLUMN and case.response_due:
            days = (date.fromisoformat(case.response_due) - self.today).days
            return f"overdue by {-days} days" if days < 0 else f"due in {days} days"
        return None

    def _urgent_data(self, urgent: EmergencyDue, column: int, role: int) -> Any:
        """An emergency request's due cell: in hours, bold, amber, red once overdue."""
        if column != DUE_COLUMN:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        now = self.now()
        if role == Qt.ItemDataRole.DisplayRole:
            return emergency_short(urgent.due_at, now)
        if role == SORT_ROLE:
            return urgent.due_at.astimezone(UTC).isoformat()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(RED if now >= urgent.due_at else AMBER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Emergency request — {emergency_label(urgent.due_at, now)}"
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters by status and by text: a row matches when any column contains the text,
    or when the full-text index found the text in the case's pages."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._text_hits: set[str] = set()
        self._status: CaseStatus | None = None

    def set_search(self, text: str, full_text_hits: set[str]) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self._text_hits = full_text_hits
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: CaseStatus | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        """Undecided emergency requests above everything else, in either sort order."""
        left_urgent, right_urgent = bool(left.data(URGENT_ROLE)), bool(right.data(URGENT_ROLE))
        if left_urgent != right_urgent:
            # Descending order shows the rows lessThan calls greater first: flip it so they stay on top.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return left_urgent if ascending else right_urgent
        return super().lessThan(left, right)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, CaseQueueModel)
        case = model.case_at(source_row)
        if self._status is not None and case.status is not self._status:
            return False
        if not self._text:
            return True
        if case.case_id in self._text_hits:
            return True
        for column in range(len(COLUMNS)):
            value = model.data(model.index(source_row, column))
            if value and self._text in str(value).casefold():
                return True
        return False
