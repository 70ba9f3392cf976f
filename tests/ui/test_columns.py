"""Column widths the reviewer drags are kept per table; the queue sorts and filters large lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from app.model import CaseId, CaseStatus, CaseSummary
from ui.common.columns import remember_columns
from ui.queue.panel import QueuePanel

pytestmark = pytest.mark.gui


class Tab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        for _ in range(2):
            table = QTableView()
            table.setModel(QStandardItemModel(2, 3, table))
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            layout.addWidget(table)


def test_a_dragged_column_width_comes_back_for_the_same_table_only(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    first = Tab()
    qtbot.addWidget(first)
    memories = remember_columns(first, "main", settings)
    tables = first.findChildren(QTableView)
    tables[1].horizontalHeader().resizeSection(0, 233)
    assert len(memories) == 2
    again = Tab()
    qtbot.addWidget(again)
    remember_columns(again, "main", settings)
    second = again.findChildren(QTableView)
    assert second[1].horizontalHeader().sectionSize(0) == 233
    assert second[0].horizontalHeader().sectionSize(0) != 233  # the other table keeps its own


def test_a_damaged_setting_is_ignored(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("columns/main/Tab/0", "{not json")
    settings.setValue("columns/main/Tab/1", '{"0": 99999, "1": "wide"}')
    tab = Tab()
    qtbot.addWidget(tab)
    remember_columns(tab, "main", settings)
    assert all(t.horizontalHeader().sectionSize(0) < 2000 for t in tab.findChildren(QTableView))


def summary(n: int, due: str, status: CaseStatus = CaseStatus.IN_REVIEW) -> CaseSummary:
    return CaseSummary(
        case_id=CaseId(f"c{n}"),
        reference=f"R-{n:05d}",
        received_at="2026-03-01T09:00:00+00:00",
        response_due=due,
        country="US",
        instrument="subpoena",
        status=status,
        title=f"t{n}",
    )


def test_the_selected_case_stays_selected_through_a_sort_and_is_let_go_by_a_filter(qtbot):
    panel = QueuePanel(lambda _text: set())
    qtbot.addWidget(panel)
    cases = [
        summary(n, f"2026-04-{1 + n % 28:02d}", CaseStatus.DECIDED if n % 2 else CaseStatus.IN_REVIEW)
        for n in range(3000)
    ]
    panel.set_cases(cases)
    panel.select_case("c1234")
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    current = panel.table.currentIndex()
    assert current.sibling(current.row(), 0).data() == "R-01234"
    assert panel.proxy.index(0, 0).data() == "R-02999"
    left = []
    panel.case_filtered_out.connect(left.append)
    decided = next(i for i in range(panel.status.count()) if panel.status.itemData(i) == CaseStatus.DECIDED)
    panel.status.setCurrentIndex(decided)  # c1234 is in review
    assert left == ["c1234"]
    assert panel.proxy.rowCount() == 1500
    assert panel.count.text() == "1500 of 3000 cases"
    panel.search.setText("r-0299")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 5, timeout=2000)  # 2991, 2993 … 2999
    shown = [panel.proxy.index(r, 0).data() for r in range(5)]
    assert shown == [f"R-0{n}" for n in (2999, 2997, 2995, 2993, 2991)]
