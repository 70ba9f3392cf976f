"""A preservation hold in the window: recorded by opening the request, seen on the Dates tab and in
Today, extended (a refusal stays in the dialog) and released."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.holds.test_holds_service import HELD, preservation, subpoena
from tests.ui.test_dates_tab import _in_dialog, _open

pytestmark = pytest.mark.gui


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def test_opening_a_preservation_request_records_a_hold_that_the_dates_tab_and_today_show(
    window, qtbot, tmp_path
):
    held = _open(window, qtbot, _file(tmp_path, "preserve.pdf", preservation()))
    tab = window.dates_tab
    window.tabs.setCurrentWidget(tab)
    box = tab.hold_box
    assert box.isVisible() and "Held until" in box.summary.text() and "90 days left" in box.summary.text()
    assert HELD in box.detail.text() and "2703(f)" in box.detail.text()
    until = window.desk.store.get_hold(held)["until"]

    def refused_then_extended(dialog) -> None:
        dialog._ok()  # no renewed request named: refused, the dialog stays open with the reason
        assert dialog.isVisible() and "renewed request" in dialog.error.text()
        dialog.text.setText("FBI renewed request of today, ref PDX-7")
        dialog._ok()

    problems = _in_dialog(box, refused_then_extended)
    box.extend.click()
    assert problems == []
    assert "extended" in window.statusBar().currentMessage()
    assert "FBI renewed request" in box.detail.text() and "No extension left" in box.detail.text()
    assert not box.extend.isEnabled()  # the US allows one extension
    assert "hold.extended" in {e.action for e in window.desk.audit_trail(held)}

    later = datetime.fromisoformat(until).replace(tzinfo=UTC) + timedelta(days=80)
    window.desk.clock = lambda: later  # ten days before the extended hold ends
    window.show_today()
    titles = {title: items for title, items in window.today_view.model.sections()}
    assert [i.case_id for i in titles["Preservation holds ending soon"]] == [held]


def test_a_later_demand_shows_the_hold_it_is_linked_to_and_releasing_ends_the_hold(window, qtbot, tmp_path):
    held = _open(window, qtbot, _file(tmp_path, "preserve.pdf", preservation()))
    reference = window.desk.store.get_case(held)["reference"]
    _open(window, qtbot, _file(tmp_path, "subpoena.pdf", subpoena()))
    tab = window.dates_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.hold_box.isVisible() and "under a preservation hold" in tab.hold_box.summary.text()
    assert (
        reference in tab.hold_box.detail.text()
        and "Federal Bureau of Investigation" in tab.hold_box.detail.text()
    )

    window._on_case_selected(held)
    box = tab.hold_box

    def release(dialog) -> None:
        dialog.text.setText("FBI: no process will follow")
        dialog._ok()

    problems = _in_dialog(box, release)
    box.release.click()
    assert problems == []
    assert "Released" in box.summary.text() and not box.extend.isEnabled()
    assert window.desk.store.get_hold(held)["release_reason"] == "FBI: no process will follow"


def test_no_hold_box_for_a_demand_that_names_no_held_account(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    window.tabs.setCurrentWidget(window.dates_tab)
    assert not window.dates_tab.hold_box.isVisible()
