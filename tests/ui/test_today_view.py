"""The Today view on the real window and store: what needs the reviewer, each item a click from its case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

pytestmark = pytest.mark.gui

pytest.importorskip("app.review.checklist", reason="the review engine (app/review) is not in place yet")

from app.schedule.service import Today  # noqa: E402 - after the skip above
from ui.today.view import CASE_ID_ROLE  # noqa: E402 - after the skip above

CANARY_NDO = Path("/work/shared/checks/data/canary_ndo.pdf")


def _open(window, qtbot, path: Path) -> str:
    """Open a demand the way a reviewer does; returns its case id once it is shown as a stored case."""
    window.intake_files([path])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5_000)
    return str(window.case_id)


def _section(view, title: str) -> QModelIndex:
    model = view.model
    index = next(
        (model.index(r, 0) for r in range(model.rowCount()) if model.section_titles()[r].startswith(title)),
        QModelIndex(),
    )
    assert index.isValid(), f"no section {title!r} in {model.section_titles()}"
    return index


def _items(view, title: str) -> list:
    model = view.model
    section = _section(view, title)
    return [
        item
        for r in range(model.rowCount(section))
        if (item := model.item_at(model.index(r, 0, section))) is not None
    ]


def _row_of(view, title: str, case_id: str) -> QModelIndex:
    model = view.model
    section = _section(view, title)
    for r in range(model.rowCount(section)):
        index = model.index(r, 0, section)
        if index.data(CASE_ID_ROLE) == case_id:
            return index
    raise AssertionError(f"{case_id} is not under {title!r}")


@pytest.fixture
def ndo_demand(tmp_path: Path) -> Path:
    if not CANARY_NDO.exists():
        pytest.skip(f"{CANARY_NDO} is not available")
    path = tmp_path / "incoming" / "canary_ndo.pdf"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(CANARY_NDO, path)
    return path


def test_today_is_the_case_panel_with_no_case_open_and_every_section_says_its_count(window):
    view = window.today_view
    assert window.case_stack.currentWidget() is view
    titles = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    # One row per section the schedule defines (app/schedule/service.py: Today.sections).
    assert len(titles) == len(Today("").sections())
    assert "Reimbursement requests unpaid (0)" in titles  # cost recovery (app/costs)
    assert titles[0] == "Emergency requests (0)"  # an emergency request, when there is one, comes first
    assert all(t.endswith("(0)") for t in titles), titles
    first = view.model.index(0, 0, view.model.index(0, 0))
    assert first.data() == "Nothing"
    assert not first.flags() & Qt.ItemFlag.ItemIsSelectable
    assert view.as_of.text().startswith("As of ")


def test_an_expired_secrecy_order_makes_a_notice_due_and_a_click_opens_its_case(window, qtbot, ndo_demand):
    case_id = _open(window, qtbot, ndo_demand)
    reference = window.case_title.text()
    window.today_action.trigger()
    view = window.today_view
    assert window.case_id is None and window.case_stack.currentWidget() is view
    assert not window.viewer.is_loaded()

    notices = _items(view, "Notices due")
    assert [n.case_id for n in notices] == [case_id]
    assert notices[0].reference == reference
    index = _row_of(view, "Notices due", case_id)
    assert _section(view, "Notices due").data() == "Notices due (1)"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue or due today stands out

    rect = view.tree.visualRect(index)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.case_id == case_id, timeout=5_000)
    assert window.case_stack.currentWidget() is window.tabs
    assert window.case_title.text() == reference
    assert window.queue.table.currentIndex().data(CASE_ID_ROLE) == case_id
    qtbot.waitUntil(window.viewer.is_loaded, timeout=5_000)


def test_a_disclosing_decision_awaits_approval_and_enter_opens_it_even_when_the_queue_hides_it(
    window, qtbot, demand_file
):
    from app.review.service import Review
    from tests.review_support import answer_blocking_pass

    case_id = _open(window, qtbot, demand_file)
    answer_blocking_pass(Review(window.desk), case_id)
    decision = Review(window.desk).decide(case_id, "disclose_noncontent")
    assert decision.needs_approval
    window.today_action.trigger()
    view = window.today_view
    waiting = _items(view, "Decisions awaiting approval")
    assert [w.case_id for w in waiting] == [case_id]

    window.queue.search.setText("no such case anywhere")
    qtbot.waitUntil(lambda: window.queue.proxy.rowCount() == 0, timeout=2_000)
    view.tree.setFocus()
    view.tree.setCurrentIndex(_row_of(view, "Decisions awaiting approval", case_id))
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_id == case_id, timeout=5_000)
    assert window.queue.search.text() == ""
    assert window.case_stack.currentWidget() is window.tabs


def test_locking_clears_the_today_view(window, qtbot, demand_file):
    from app.review.service import Review
    from tests.review_support import answer_blocking_pass

    case_id = _open(window, qtbot, demand_file)
    answer_blocking_pass(Review(window.desk), case_id)
    Review(window.desk).decide(case_id, "disclose_noncontent")
    window.today_action.trigger()
    view = window.today_view
    assert _items(view, "Decisions awaiting approval")

    window.lock()
    assert view.model.rowCount() == 0
    assert view.as_of.text() == ""
    assert window.case_stack.currentWidget() is view
    assert not window.today_action.isEnabled()


@pytest.fixture
def emergency_demand(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "us-emergency-request.pdf"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(Path(__file__).resolve().parents[2] / "resources/samples/us-emergency-request.pdf", path)
    return path


def test_an_emergency_request_is_todays_first_line_and_tops_the_queue_until_decided(
    window, qtbot, demand_file, emergency_demand
):
    from app.review.service import Review

    _open(window, qtbot, demand_file)
    case_id = _open(window, qtbot, emergency_demand)
    window.today_action.trigger()
    view = window.today_view
    first = view.model.index(0, 0)
    assert first.data() == "Emergency requests (1)"
    [item] = _items(view, "Emergency requests")
    assert item.case_id == case_id
    assert item.label.startswith("Due ") and "(in 23 h)" in item.label
    assert _row_of(view, "Emergency requests", case_id).data(Qt.ItemDataRole.ForegroundRole) is not None
    top = window.queue.proxy.index(0, 0)
    assert top.data(CASE_ID_ROLE) == case_id
    assert window.queue.proxy.index(0, 1).data() == "in 23 h"

    Review(window.desk).decide(case_id, "reject")
    window.refresh_queue()
    assert view.model.index(0, 0).data() == "Emergency requests (0)"
    assert window.queue.proxy.index(0, 1).data() != "in 23 h"
