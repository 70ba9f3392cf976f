"""File ▸ New disclosure…: recording a disclosure without legal process from the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.disclosure.service import Disclosures
from tests.ui.test_review_tabs import _cancel, _drive_dialogs, _ok
from ui.dialogs.disclosure import DisclosureDialog

pytestmark = pytest.mark.gui


def _fill(ground: str, recipient: str, justification: str = "", early: bool = False):
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, DisclosureDialog)
        dialog.ground.setCurrentIndex(dialog.ground.findData(ground))
        dialog.recipient.setText(recipient)
        dialog.identifiers.setPlainText("kestrel.e9mg4@example.net\nip=203.0.113.9")
        dialog.categories["ip_history"].setChecked(True)
        dialog.justification.setPlainText(justification)
        dialog.made_early.setChecked(early)
        _ok(dialog)

    return step


def test_an_emergency_disclosure_is_recorded_from_the_file_menu(window, qtbot):
    # First without a justification: refused in the dialog, which stays open; then recorded.
    errors = _drive_dialogs(
        qtbot,
        _fill("emergency", "Portland Police Bureau", early=True),
        _fill(
            "emergency", "Portland Police Bureau", "A child abducted; her login IPs locate her.", early=True
        ),
    )
    window.new_disclosure_action.trigger()
    assert len(errors) == 1 and "Say why" in errors[0]
    [case] = window.desk.cases()
    found = Disclosures(window.desk).get(case.case_id)
    assert found.ground == "emergency" and found.made_before_approval
    assert [i["value"] for i in found.identifiers] == ["kestrel.e9mg4@example.net", "203.0.113.9"]
    assert found.categories == ["ip_history"]
    assert window.case_id == case.case_id
    assert "Emergency involving danger" in window.case_title.text()
    assert "awaiting approval" in window.case_title.text()
    assert not window.viewer.is_loaded()  # no demand PDF behind it


def test_the_emergency_box_is_off_for_a_ground_that_must_wait_and_cancel_stores_nothing(window, qtbot):
    seen: list[bool] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, DisclosureDialog)
        dialog.ground.setCurrentIndex(dialog.ground.findData("ncmec"))
        seen.append(dialog.made_early.isEnabled())
        dialog.ground.setCurrentIndex(dialog.ground.findData("harm"))
        seen.append(dialog.made_early.isEnabled())
        _cancel(dialog)

    _drive_dialogs(qtbot, look)
    window.new_disclosure_action.trigger()
    assert seen == [False, True]
    assert window.desk.cases() == []


def test_the_disclosure_tab_replaces_the_demand_tabs_and_a_second_reviewer_approves_there(
    window, qtbot, demand_file
):
    from ui.dialogs.access import SignInDialog

    desk = window.desk
    desk.add_reviewer("Grace", "975310", admin_pin="135792")
    case_id = Disclosures(desk).record("ncmec", "NCMEC", identifiers=["wren.h4x@example.net"])
    window.refresh_queue(select=case_id)
    window._on_case_selected(case_id)
    tabs = window.tabs
    assert tabs.currentWidget() is window.disclosure_tab
    assert not tabs.isTabVisible(tabs.indexOf(window.decision_tab))
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # no Decision tab to go to
    assert tabs.currentWidget() is window.disclosure_tab
    # Each identifier by its kind's name, not its stored code ("email").
    assert "wren.h4x@example.net (E-mail address)" in window.disclosure_tab.summary.text()
    assert "Not yet approved" in window.disclosure_tab.summary.text()

    def sign(name: str, pin: str):
        def step(dialog: QDialog) -> None:
            assert isinstance(dialog, SignInDialog)
            dialog.reviewer.setCurrentText(name)
            dialog.pin.setText(pin)
            dialog.accept()

        return step

    # The reviewer who recorded it is refused (four eyes); Grace approves.
    errors = _drive_dialogs(qtbot, sign("Ada", "135792"), sign("Grace", "975310"))
    window.disclosure_tab.approve_button.click()
    assert len(errors) == 1 and "four eyes" in errors[0]
    assert Disclosures(desk).get(case_id).approved_by == "Grace"
    assert "Approved by Grace" in window.disclosure_tab.summary.text()
    assert not window.disclosure_tab.approve_button.isEnabled()
    assert "(approved)" in window.case_title.text()
    # A demand shows its own tabs again.
    demand = desk.intake(demand_file.read_bytes(), demand_file.name)
    window.refresh_queue(select=demand)
    window._on_case_selected(demand)
    assert tabs.isTabVisible(tabs.indexOf(window.decision_tab))
    assert not tabs.isTabVisible(tabs.indexOf(window.disclosure_tab))
