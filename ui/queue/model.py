"""The case queue as a Qt table model, and the proxy that sorts, filters and searches it.

Which cases are undecided emergency requests, and when each is due, is the schedule's to
say (``Schedule.emergencies``); the queue shows the hours left and keeps those rows on top
whatever the sort.

The model sorts and filters its own rows, in Python with one key per row: a sorting proxy
called Python for every comparison (two million calls over 100,000 cases, seconds of a
frozen window) and for every row at each change. The proxy only passes the view's asks on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.fact_editors import instrument_words
from app.model import CaseStatus, CaseSummary
from app.schedule.deadlines import emergency_label, emergency_short

if TYPE_CHECKING:
    from app.schedule.service import EmergencyDue

Index = QModelIndex | QPersistentModelIndex

# English names: the code finds columns by them; headerData shows them translated.
COLUMNS = (
    QT_TRANSLATE_NOOP("CaseQueueModel", "Reference"),
    QT_TRANSLATE_NOOP("CaseQueueModel", "Due"),
    QT_TRANSLATE_NOOP("CaseQueueModel", "Status"),
    QT_TRANSLATE_NOOP("CaseQueueModel", "Country"),
    QT_TRANSLATE_NOOP("CaseQueueModel", "Instrument"),
    QT_TRANSLATE_NOOP("CaseQueueModel", "Received"),
    QT_TRANSLATE_NOOP("CaseQueueModel", "Title"),
)
DUE_COLUMN, RECEIVED_COLUMN = COLUMNS.index("Due"), COLUMNS.index("Received")
STATUS_COLUMN = COLUMNS.index("Status")
STATUS_LABELS = {
    CaseStatus.NEW: QT_TRANSLATE_NOOP("CaseQueueModel", "New"),
    CaseStatus.IN_REVIEW: QT_TRANSLATE_NOOP("CaseQueueModel", "In review"),
    CaseStatus.AWAITING_APPROVAL: QT_TRANSLATE_NOOP("CaseQueueModel", "Awaiting approval"),
    CaseStatus.DECIDED: QT_TRANSLATE_NOOP("CaseQueueModel", "Decided"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("CaseQueueModel", "Closed"),
}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RED, AMBER, GREY = QColor("#b3261e"), QColor("#9a6700"), QColor("#5f6368")


class CaseQueueModel(QAbstractTableModel):
    """Every case, and the rows shown: those the filter lets through, in the sort's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[CaseSummary] = []
        self._rows: list[CaseSummary] = []  # shown
        self.today = date.today()
        self.paused: frozenset[str] = frozenset()
        self.conflicts: frozenset[str] = frozenset()
        self.emergencies: Mapping[str, EmergencyDue] = {}
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._text = ""  # casefolded
        self._text_hits: set[str] = set()
        self._status: CaseStatus | None = None
        self._haystacks: dict[str, str] = {}  # case id → its columns' text, casefolded, for the filter
        self._sorted = True  # False once a case or the sort changed
        # The search's texts are made ahead, a slice per turn of the event loop, so the first
        # keystroke over 100,000 cases does not make them all at once.
        self._warming = 0  # the next case in _all to make a text for
        self._warm_timer = QTimer(self, singleShot=True, interval=0)
        self._warm_timer.timeout.connect(self._warm)

    def now(self) -> datetime:
        """The moment the hours left are counted from (a test may pin it)."""
        return datetime.now(UTC)

    def set_emergencies(self, emergencies: Mapping[str, EmergencyDue]) -> None:
        """Undecided emergency requests by case id; the rows show their hours and sort first."""
        self.emergencies = dict(emergencies)
        self.tick()
        self._sorted = False
        self._relayout()

    def tick(self) -> None:
        """Recount the hours left (the panel calls this every minute)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def set_conflicts(self, conflicts: frozenset[str]) -> None:
        """Cases changed here and on another workstation since the same version (not yet settled)."""
        if conflicts == self.conflicts:
            return
        # Only the cases whose marker changed get a new search text (100,000 made again
        # would stall the next search), and only a sort by status moves rows.
        for case_id in conflicts ^ self.conflicts:
            self._haystacks.pop(case_id, None)
        self.conflicts = conflicts
        if self._sort[0] == STATUS_COLUMN:
            self._sorted = False
        if self._sort[0] == STATUS_COLUMN or self._text:
            self._relayout()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, STATUS_COLUMN), self.index(len(self._rows) - 1, STATUS_COLUMN)
            )

    def set_cases(self, cases: list[CaseSummary], paused: frozenset[str] = frozenset()) -> None:
        """``paused``: cases whose response clock is stopped (waiting for the requester)."""
        self.beginResetModel()
        self._all = list(cases)
        self._sorted = False
        self.paused = paused
        self.today = date.today()
        self._haystacks.clear()
        self._sort_all()
        self._rows = self._shown_rows()
        self.endResetModel()
        self._warming = 0
        self._warm_timer.start()

    def clear(self) -> None:
        self.set_cases([])

    def update_case(self, case: CaseSummary, paused: frozenset[str] | None = None) -> None:
        """One case changed (its status, say): its row follows, keeping selection and scroll."""
        self.paused = paused if paused is not None else self.paused
        place = next((n for n, known in enumerate(self._all) if known.case_id == case.case_id), None)
        if place is None:
            return
        self._all[place] = case
        self._sorted = False
        self._haystacks.pop(case.case_id, None)
        row = self.row_of(case.case_id)
        if row is not None:
            self._rows[row] = case
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self._relayout()  # its due date may move it; a status filter may hide or show it

    def total(self) -> int:
        """Every case, shown or not."""
        return len(self._all)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by a column, undecided emergency requests first in either order; rows that
        compare equal keep their order. The selection follows its case."""
        if (column, order) == self._sort:
            return  # the rows are kept in this order as they change
        self._sort = (column, order)
        self._sorted = False
        self._relayout()

    def set_search(self, text: str, text_hits: set[str]) -> None:
        """Shows the cases where a column contains ``text`` or the full-text index found it
        (``text_hits``)."""
        self._text, self._text_hits = text.strip().casefold(), text_hits
        self._relayout()

    def set_status(self, status: CaseStatus | None) -> None:
        """Shows the cases of one status (None: all)."""
        self._status = status
        self._relayout()

    def _relayout(self) -> None:
        """Sort, then filter, as one change of layout: persistent indexes (the selection)
        follow their case, or are let go when it is filtered out."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        cases = [self._rows[index.row()].case_id if index.row() < len(self._rows) else "" for index in before]
        self._sort_all()
        self._rows = self._shown_rows()
        rows: dict[str, int] = {}
        if before:  # the few rows the view holds on to (the selection), looked up in C
            ids = [case.case_id for case in self._rows]
            for cid in set(cases) - {""}:
                try:
                    rows[cid] = ids.index(cid)
                except ValueError:
                    pass  # filtered out: its persistent indexes are let go
        after = [
            self.index(rows[cid], index.column()) if cid in rows else QModelIndex()
            for cid, index in zip(cases, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _shown_rows(self) -> list[CaseSummary]:
        """The cases the filter lets through, in order (comprehensions, not a call per case:
        this runs over every case at each keystroke)."""
        rows = self._all
        if self._status is not None:
            rows = [case for case in rows if case.status is self._status]
        if self._text:
            text, hits, known, haystack = self._text, self._text_hits, self._haystacks, self._haystack
            rows = [
                case
                for case in rows
                if case.case_id in hits or text in (known.get(case.case_id) or haystack(case))
            ]
        return list(rows) if rows is self._all else rows

    def _sort_all(self) -> None:
        column, order = self._sort
        if column < 0 or self._sorted:
            return
        self._sorted = True
        self._all.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        if self.emergencies:  # stable: the urgent rows move up in the order just made
            self._all.sort(key=lambda case: case.case_id not in self.emergencies)

    def _sort_key(self, column: int) -> Callable[[CaseSummary], str]:
        if column == DUE_COLUMN:

            def due(case: CaseSummary) -> str:
                urgent = self.emergencies.get(case.case_id)
                if urgent is not None:
                    return urgent.due_at.astimezone(UTC).isoformat()
                return case.response_due or "9999-12-31"  # no due date sorts after every real one

            return due
        if column == RECEIVED_COLUMN:
            return lambda case: case.received_at
        if column == STATUS_COLUMN:
            return lambda case: self._status_text(case).casefold()
        if column == COLUMNS.index("Instrument"):
            return lambda case: _instrument(case.instrument, case.country).casefold()
        # These repeat _shown's mapping on purpose: a key that built the whole shown row
        # made sorting 100,000 cases about twice as slow.
        field = {0: "reference", 3: "country", 6: "title"}[column]
        return lambda case: (getattr(case, field) or ("—" if field == "country" else "")).casefold()

    def _status_text(self, case: CaseSummary) -> str:
        status = self.tr(STATUS_LABELS[case.status])
        return (
            self.tr("{status} · conflict").format(status=status) if case.case_id in self.conflicts else status
        )

    def _shown(self, case: CaseSummary) -> tuple[str, ...]:
        return (
            case.reference,
            case.response_due or "—",
            self._status_text(case),
            case.country or "—",
            _instrument(case.instrument, case.country),
            case.received_at[:10],
            case.title or "",
        )

    # A turn's slice ends after WARM_SECONDS, checked every WARM_STEP cases: a fixed count of
    # cases took 100 ms a turn while the report window counted on its worker (issue 20, point 8).
    WARM_STEP = 100
    WARM_SECONDS = 0.008

    def _warm(self) -> None:
        until = time.perf_counter() + self.WARM_SECONDS
        while self._warming < len(self._all):  # at least one step a turn, however slow the machine
            for case in self._all[self._warming : self._warming + self.WARM_STEP]:
                self._haystack(case)
            self._warming += self.WARM_STEP
            if time.perf_counter() >= until:
                break
        if self._warming < len(self._all):
            self._warm_timer.start()

    def warm(self) -> bool:
        """True once every case's search text is made (a benchmark waits for it)."""
        return self._warming >= len(self._all)

    def _haystack(self, case: CaseSummary) -> str:
        """Every column's text, casefolded, for the search box (kept until the case changes)."""
        text = self._haystacks.get(case.case_id)
        if text is None:
            text = self._haystacks[case.case_id] = "\n".join(self._shown(case)).casefold()
        return text

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
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role == CASE_ID_ROLE:
            return case.case_id
        urgent = self.emergencies.get(case.case_id)
        if urgent is not None:
            shown = self._urgent_data(urgent, column, role)
            if shown is not None:
                return shown
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(case)[column]
        if column == STATUS_COLUMN and case.case_id in self.conflicts:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8a5300"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Changed here and on another workstation: settle it with Sync ▸ Settle sync conflict…"
                )
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN and case.case_id in self.paused:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE_COLUMN and case.case_id in self.paused:
            return self.tr("paused: waiting for the requester (the date moves while the clock is stopped)")
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN and case.response_due:
            due = date.fromisoformat(case.response_due)
            if due < self.today:
                return QBrush(RED)
            if (due - self.today).days <= 3:
                return QBrush(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE_COLUMN and case.response_due:
            days = (date.fromisoformat(case.response_due) - self.today).days
            if days == -1:
                return self.tr("overdue by 1 day")
            if days < 0:
                return self.tr("overdue by {days} days").format(days=-days)
            if days == 1:
                return self.tr("due in 1 day")
            return self.tr("due in {days} days").format(days=days)
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
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(RED if now >= urgent.due_at else AMBER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Emergency request — {due}").format(due=emergency_label(urgent.due_at, now))
        return None


class CaseFilterProxy(QIdentityProxyModel):
    """The queue's filter and sort, as the view asks for them: the model does both (over
    100,000 cases a proxy that calls Python per row or per comparison froze the window)."""

    def _model(self) -> CaseQueueModel:
        model = self.sourceModel()
        assert isinstance(model, CaseQueueModel)
        return model

    def set_search(self, text: str, full_text_hits: set[str]) -> None:
        self._model().set_search(text, full_text_hits)

    def set_status(self, status: CaseStatus | None) -> None:
        self._model().set_status(status)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model().sort(column, order)


@lru_cache(maxsize=256)
def _instrument(instrument: str | None, country: str | None) -> str:
    return instrument_words(instrument, country)
