"""The queue keeps undecided emergency requests on top, whatever column it is sorted by."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.model import CaseId, CaseStatus, CaseSummary
from app.schedule.service import EmergencyDue
from ui.queue.model import COLUMNS, DUE_COLUMN, CaseFilterProxy, CaseQueueModel

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def case(reference: str, due: str | None, instrument: str = "subpoena") -> CaseSummary:
    return CaseSummary(
        case_id=CaseId(reference.lower()),
        reference=reference,
        received_at="2026-03-01T09:00:00+00:00",
        response_due=due,
        country="US",
        instrument=instrument,
        status=CaseStatus.IN_REVIEW,
        title=reference,
    )


def urgent(summary: CaseSummary, hours_left: float) -> EmergencyDue:
    due_at = NOW + timedelta(hours=hours_left)
    return EmergencyDue(summary.case_id, summary.reference, due_at, "", "", hours_left <= 0)


@pytest.fixture
def queue(qtbot):
    model = CaseQueueModel()
    model.now = lambda: NOW  # type: ignore[method-assign]
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    rows = [
        case("A-1", "2026-03-02"),  # overdue by days: first of the ordinary cases
        case("B-2", "2026-03-20", "emergency_request"),
        case("C-3", None),
        case("D-4", "2026-03-05", "emergency_request"),
    ]
    model.set_cases(rows)
    model.set_emergencies({c.case_id: urgent(c, h) for c, h in ((rows[1], 5), (rows[3], -2))})
    yield model, proxy


def order(proxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_emergency_requests_come_first_in_the_default_order_soonest_first(queue):
    _model, proxy = queue
    proxy.sort(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert order(proxy) == ["D-4", "B-2", "A-1", "C-3"]


@pytest.mark.parametrize("column", range(len(COLUMNS)))
@pytest.mark.parametrize("direction", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_emergency_requests_stay_on_top_whatever_the_sort(queue, column, direction):
    _model, proxy = queue
    proxy.sort(column, direction)
    assert set(order(proxy)[:2]) == {"B-2", "D-4"}


def test_the_due_column_says_the_hours_left_and_overdue_in_red(queue):
    model, proxy = queue
    proxy.sort(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
    overdue, soon = proxy.index(0, DUE_COLUMN), proxy.index(1, DUE_COLUMN)
    assert (overdue.data(), soon.data()) == ("2 h overdue", "in 5 h")
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert "Emergency request" in soon.data(Qt.ItemDataRole.ToolTipRole)
    assert soon.data(Qt.ItemDataRole.FontRole).bold()
    assert proxy.index(2, DUE_COLUMN).data() == "2026-03-02"  # an ordinary case keeps its date


def test_a_decided_emergency_request_takes_its_place_among_the_others(queue):
    model, proxy = queue
    proxy.sort(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
    model.set_emergencies({"b-2": urgent(model.case_at(1), 5)})  # D-4 was decided
    assert order(proxy) == ["B-2", "A-1", "D-4", "C-3"]
    assert proxy.index(2, DUE_COLUMN).data() == "2026-03-05"


def test_a_case_that_gains_a_sync_conflict_is_found_by_searching_and_moves_in_a_status_sort(queue):
    model, proxy = queue
    proxy.sort(COLUMNS.index("Status"), Qt.SortOrder.AscendingOrder)
    proxy.set_search("conflict", set())
    assert order(proxy) == []  # the search texts are made before the conflict is known

    model.set_conflicts(frozenset({"a-1"}))
    assert order(proxy) == ["A-1"]
    assert proxy.index(0, COLUMNS.index("Status")).data() == "In review · conflict"

    proxy.set_search("", set())
    assert order(proxy)[-1] == "A-1"  # "In review · conflict" sorts after "In review"
    model.set_conflicts(frozenset())
    proxy.set_search("conflict", set())
    assert order(proxy) == []


def test_the_search_texts_are_made_a_short_slice_of_time_per_turn_then_all_found(qtbot, monkeypatch):
    """A turn of the event loop makes search texts for WARM_SECONDS, not a fixed count of cases:
    2,000 cases a turn took 100 ms while the report window counted beside it."""
    monkeypatch.setattr(CaseQueueModel, "WARM_SECONDS", 0.0)  # one step of cases a turn
    model = CaseQueueModel()
    model.set_cases([case(f"W-{n}", None) for n in range(1000)])
    model._warm()
    assert not model.warm()
    assert len(model._haystacks) == CaseQueueModel.WARM_STEP
    qtbot.waitUntil(model.warm, timeout=5000)
    assert len(model._haystacks) == 1000
