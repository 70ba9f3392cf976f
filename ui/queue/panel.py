"""The queue panel: search box, status filter and the sortable case table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.model import CaseStatus, CaseSummary
from ui.queue.model import CASE_ID_ROLE, DUE_COLUMN, STATUS_LABELS, CaseFilterProxy, CaseQueueModel

if TYPE_CHECKING:
    from app.schedule.service import EmergencyDue


class QueuePanel(QWidget):
    #: the case id (str) the reviewer selected, or "" when the selection is cleared.
    case_selected = Signal(str)
    #: the case id (str) that was open and that a search or status filter now hides.
    case_filtered_out = Signal(str)

    def __init__(self, full_text_search: Callable[[str], set[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_text_search = full_text_search
        self.model = CaseQueueModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel(self.tr("Queue"))
        title.setObjectName("panelTitle")
        self.search = QLineEdit(placeholderText=self.tr("Search cases and their text…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("All statuses"), None)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(QCoreApplication.translate("CaseQueueModel", label), status)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Tab leaves the queue for the next control; the arrow keys move between cases. Walking
        # cell by cell scrolled the Reference column out of sight.
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Cases"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Reference, due and status fit the queue's first-run width at 1366 px (due: "12 h overdue", bold).
        for column, width in enumerate((120, 92, 110, 60, 110, 86)):
            header.resizeSection(column, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.count = QLabel()
        self.count.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        # Full-text search runs a query per change; wait for a pause in typing.
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.status.currentIndexChanged.connect(self._apply_status)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        # An emergency request's "in 5 h" counts down while the window sits open.
        self._minute = QTimer(self, interval=60_000)
        self._minute.timeout.connect(self.model.tick)
        self._minute.start()

    def set_cases(
        self,
        cases: list[CaseSummary],
        select: str | None = None,
        paused: frozenset[str] = frozenset(),
        emergencies: Mapping[str, EmergencyDue] | None = None,
    ) -> None:
        """``emergencies``: the undecided emergency requests (``Schedule.emergencies``), kept on top."""
        self.model.emergencies = dict(emergencies or {})
        self.model.set_cases(cases, paused)
        self._apply_search()
        if select:
            self.select_case(select)

    def clear(self) -> None:
        self.search.clear()
        self.model.clear()

    def update_case(
        self,
        case: CaseSummary,
        paused: frozenset[str] | None = None,
        emergencies: Mapping[str, EmergencyDue] | None = None,
    ) -> None:
        if emergencies is not None:  # a decision takes an emergency off the top
            self.model.set_emergencies(emergencies)
        self.model.update_case(case, paused)
        self._update_count()  # a status filter may now hide or show the row

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def reveal_case(self, case_id: str) -> None:
        """Select a case, clearing the search and status filter first if they hide it."""
        self.select_case(case_id)
        current = self.table.currentIndex()
        if current.isValid() and current.data(CASE_ID_ROLE) == case_id:
            return
        self.search.clear()
        self._debounce.stop()
        self.status.setCurrentIndex(0)
        self._apply_search()
        self.select_case(case_id)

    def _apply_search(self) -> None:
        text = self.search.text()
        hits = self._full_text_search(text) if text.strip() else set()
        self._filter(lambda: self.proxy.set_search(text, hits))

    def _apply_status(self) -> None:
        # Qt hands a StrEnum back as its plain string: the filter did nothing while this
        # compared it with CaseStatus by type.
        status = self.status.currentData()
        self._filter(lambda: self.proxy.set_status(CaseStatus(status) if status else None))

    def _is_shown(self, case_id: str) -> bool:
        row = self.model.row_of(case_id)
        return row is not None and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def _filter(self, change: Callable[[], None]) -> None:
        """Filter the rows; the open case stays selected, or is let go when the filter hides it.

        While rows leave, Qt moves the current row to a neighbour: with the signals held, that
        neighbour is not opened behind the reviewer's back.
        """
        current = self.table.currentIndex()
        open_case = current.data(CASE_ID_ROLE) if current.isValid() else None
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            change()
            if open_case and self._is_shown(open_case):
                self.select_case(open_case)
            elif open_case:
                selection.clearCurrentIndex()
                selection.clearSelection()
        finally:
            selection.blockSignals(blocked)
        self.table.viewport().update()
        self._update_count()
        if open_case and not self.table.currentIndex().isValid():
            self.case_filtered_out.emit(open_case)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.total()
        if shown != total:
            text = self.tr("{shown} of {total} cases").format(shown=shown, total=total)
        else:
            text = self.tr("1 case") if total == 1 else self.tr("{total} cases").format(total=total)
        self.count.setText(text)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.case_selected.emit(current.data(CASE_ID_ROLE) if current.isValid() else "")
