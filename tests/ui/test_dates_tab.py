"""The Dates tab on the real window and store: deadline, secrecy order and notice, changed by dialogs."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer

from tests.ui.conftest import make_pdf
from ui.queue.model import DUE_COLUMN

pytestmark = pytest.mark.gui

CANARY_NDO = Path(__file__).resolve().parents[2].parent / "shared" / "checks" / "data" / "canary_ndo.pdf"


def _open(window, qtbot, path: Path) -> str:
    window.intake_files([path])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5_000)
    return str(window.case_id)


def _in_dialog(tab, steps) -> list[str]:
    """Run ``steps(dialog)`` inside the dialog's own event loop; returns what went wrong, if anything."""
    problems: list[str] = []

    def run() -> None:
        dialog = tab.dialog
        if dialog is None:
            problems.append("no dialog open")
            return
        try:
            steps(dialog)
        except AssertionError as exc:  # the dialog must still close, or exec() never returns
            problems.append(str(exc) or "assertion failed")
            dialog.reject()

    QTimer.singleShot(0, run)
    return problems


@pytest.fixture
def ndo_demand(tmp_path: Path) -> Path:
    if not CANARY_NDO.exists():
        pytest.skip(f"{CANARY_NDO} is not available")
    path = tmp_path / "incoming" / "canary_ndo.pdf"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(CANARY_NDO, path)
    return path


def test_an_expired_order_is_shown_with_the_notice_it_makes_due_and_an_extension_moves_it(
    window, qtbot, ndo_demand
):
    case_id = _open(window, qtbot, ndo_demand)
    tab = window.dates_tab
    window.tabs.setCurrentWidget(tab)
    assert "expired" in tab.order.text()
    assert "Delayed notice due" in tab.notice.text()
    assert tab.letter.isEnabled()

    def extend(dialog) -> None:
        dialog.day.setDate(QDate(2031, 1, 15))
        dialog._ok()  # no reason given: refused, and the dialog stays open with the reason
        assert dialog.isVisible() and "Say why" in dialog.error.text()
        dialog.text.setText("extended by the court on 2025-04-01")
        dialog._ok()

    problems = _in_dialog(tab, extend)
    tab.extend_order.click()
    assert problems == []
    assert "2031-01-15" in tab.order.text()
    assert "extended by the court" in tab.order_detail.text()
    assert "Secrecy order in force" in tab.notice.text()
    assert "secrecy.extended" in {e.action for e in window.desk.audit_trail(case_id)}
    assert "extended" in window.statusBar().currentMessage()

    def withhold(dialog) -> None:
        dialog.choice.setCurrentIndex(dialog.choice.findData("danger"))
        dialog.text.setText("the user threatened the victim again")
        dialog._ok()

    problems = _in_dialog(tab, withhold)
    tab.withhold.click()
    assert problems == []
    assert "Notice withheld" in tab.notice.text()
    assert "threatened the victim" in tab.notice_detail.text()


def test_cancelling_a_dialog_records_nothing(window, qtbot, ndo_demand):
    case_id = _open(window, qtbot, ndo_demand)
    tab = window.dates_tab
    before = len(window.desk.audit_trail(case_id))

    def cancel(dialog) -> None:
        dialog.text.setText("not meant")
        dialog.reject()

    problems = _in_dialog(tab, cancel)
    tab.lifted.click()
    assert problems == []
    assert len(window.desk.audit_trail(case_id)) == before
    assert "expired" in tab.order.text()


def test_pausing_the_clock_moves_the_due_date_and_resuming_shows_the_pause(window, qtbot, tmp_path):
    issued = date.today()
    path = tmp_path / "incoming" / "subpoena.pdf"
    path.parent.mkdir()
    path.write_bytes(
        make_pdf(
            [
                "UNITED STATES DISTRICT COURT",
                "SUBPOENA TO PRODUCE DOCUMENTS",
                f"Date: {issued.strftime('%B')} {issued.day}, {issued.year}",
                "Produce the subscriber information for wombat.dates@example.org",
                "within 30 days of the date of this subpoena.",
            ]
        )
    )
    case_id = _open(window, qtbot, path)
    tab = window.dates_tab
    assert "in 30 days" in tab.due.text()
    assert "30 days from issue" in tab.due_detail.text()
    assert tab.pause.text().startswith("Pause")

    def pause(dialog) -> None:
        assert dialog.text.text() == "waiting for the requester"
        dialog.text.setText("narrowing letter sent")
        dialog._ok()

    problems = _in_dialog(tab, pause)
    tab.pause.click()
    assert problems == []
    assert "Paused" in tab.due.text()
    assert tab.pause.text() == "Resume the clock"
    model = window.queue.model
    due_cell = model.index(model.row_of(case_id), DUE_COLUMN)
    assert "paused" in due_cell.data(Qt.ItemDataRole.ToolTipRole)

    problems = _in_dialog(tab, lambda dialog: dialog._ok())
    tab.pause.click()
    assert problems == []
    assert tab.pause.text().startswith("Pause")
    assert "narrowing letter sent" in tab.due_detail.text()
    actions = [e.action for e in window.desk.audit_trail(case_id)]
    assert actions.count("deadline.resumed") == 1

    def extend(dialog) -> None:
        dialog.day.setDate(QDate(2031, 3, 3))
        dialog.text.setText("the AUSA agreed by phone")
        dialog._ok()

    problems = _in_dialog(tab, extend)
    tab.extend_due.click()
    assert problems == []
    assert "2031-03-03" in tab.due.text()
    # the queue sorts and colours by the date that now counts
    due_cell = model.index(model.row_of(case_id), DUE_COLUMN)
    assert due_cell.data() == "2031-03-03"


def test_locking_closes_an_open_dialog(window, qtbot, ndo_demand):
    _open(window, qtbot, ndo_demand)
    tab = window.dates_tab
    problems = _in_dialog(tab, lambda dialog: window.lock())
    tab.challenge.click()
    assert problems == []
    assert tab.dialog is None
    assert window.desk is None


def test_the_review_cycle_is_set_from_the_tools_menu(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    asked = {}

    def get_int(parent, title, label, value, low, high):
        asked.update(value=value, low=low, high=high)
        return 45, True

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    window.cycle_action.trigger()
    assert asked == {"value": 90, "low": 7, "high": 365}
    assert window._schedule_service().reconsider_days == 45
    assert "every 45 days" in window.statusBar().currentMessage()


def test_an_order_intake_missed_is_recorded_from_the_tab(window, qtbot, demand_file):
    case_id = _open(window, qtbot, demand_file)
    tab = window.dates_tab
    window.tabs.setCurrentWidget(tab)
    assert "No secrecy order" in tab.order.text()
    assert tab.add_order.isVisibleTo(tab) and not tab.extend_order.isVisibleTo(tab)

    def record(dialog) -> None:
        dialog.day.setDate(QDate(2026, 3, 2))
        dialog.open_ended.setChecked(True)
        dialog.statute.setText("18 U.S.C. § 2705(b)")
        dialog._ok()  # where the order is, not said: refused, the dialog keeps what was typed
        assert dialog.isVisible() and "Say where the order is" in dialog.error.text()
        assert dialog.statute.text() == "18 U.S.C. § 2705(b)"
        dialog.text.setText("separate order of 2 March 2026")
        dialog._ok()

    problems = _in_dialog(tab, record)
    tab.add_order.click()
    assert problems == []
    assert "until further order" in tab.order.text() and "2705(b)" in tab.order.text()
    assert not tab.add_order.isVisibleTo(tab) and tab.extend_order.isVisibleTo(tab)
    assert "secrecy.recorded" in {e.action for e in window.desk.audit_trail(case_id)}
    assert "until further order" in window.statusBar().currentMessage()
