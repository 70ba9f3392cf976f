"""The team key from the window: made, exported, joined, rotated; each audited, a wrong
passphrase refused with nothing changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from app.team import TeamKey
from tests.sync.stations import TEAM_PASSPHRASE
from tests.ui.conftest import GUI_PASSPHRASE


@pytest.fixture
def team_dialog(window):
    from ui.sync.team_dialog import TeamKeyDialog

    desk = window.desk
    dialog = TeamKeyDialog(desk, lambda: TeamKey(desk.data_dir, desk.config, GUI_PASSPHRASE), window)
    yield dialog
    dialog.reject()


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)


def actions(desk) -> list[str]:
    return [e.action for e in desk.audit_trail()]


def test_making_a_team_key_then_exporting_it_for_a_colleague(qtbot, window, team_dialog, station_b, tmp_path):
    assert not team_dialog.export_button.isEnabled() and team_dialog.create_button.isEnabled()

    team_dialog.make_key()
    wait_idle(qtbot, team_dialog)

    current = TeamKey(window.desk.data_dir, window.desk.config).info().current
    assert current in team_dialog.status.text()
    assert team_dialog.export_button.isEnabled() and not team_dialog.create_button.isEnabled()
    assert "team.created" in actions(window.desk)

    out = tmp_path / "usb" / "team.key"
    out.parent.mkdir()
    team_dialog.export_file(out, "carried separately 42")
    wait_idle(qtbot, team_dialog)

    assert "team.exported" in actions(window.desk)
    assert station_b.team.import_file(out, "carried separately 42").current == current


def test_joining_with_a_wrong_passphrase_changes_nothing_then_the_right_one_joins(
    qtbot, window, team_dialog, team_file, station_a
):
    team_dialog.join_file(team_file, "not the passphrase")
    wait_idle(qtbot, team_dialog)

    assert "does not open with that passphrase" in team_dialog.error.text()
    assert not (window.desk.data_dir.root / "team.json").exists()
    assert "team.imported" not in actions(window.desk)

    team_dialog.join_file(team_file, TEAM_PASSPHRASE)
    wait_idle(qtbot, team_dialog)

    assert TeamKey(window.desk.data_dir, window.desk.config).info().current == station_a.team.info().current
    assert "team.imported" in actions(window.desk)
    assert team_dialog.error.isHidden()


def test_rotating_keeps_the_old_key_for_old_bundles(qtbot, window, team_dialog, monkeypatch):
    from ui.sync import team_dialog as module

    team_dialog.make_key()
    wait_idle(qtbot, team_dialog)
    old = TeamKey(window.desk.data_dir, window.desk.config).info().current
    monkeypatch.setattr(module.QMessageBox, "question", lambda *a, **k: module.QMessageBox.StandardButton.Yes)

    team_dialog.rotate_key()
    wait_idle(qtbot, team_dialog)

    info = TeamKey(window.desk.data_dir, window.desk.config).info()
    assert info.current != old and old in info.recipients
    assert "1 older key kept for older bundles." in team_dialog.status.text()
    assert "team.rotated" in actions(window.desk)


def test_a_new_key_asks_for_the_workstation_passphrase_and_refuses_a_wrong_one(qtbot, window):
    answered: list[str] = []

    def answer() -> None:
        dialog = window.sync.dialog
        if dialog is None or not dialog.isVisible():
            return
        if not answered:
            answered.append("wrong")
            dialog.passphrase.setText("not it at all")
            dialog.accept()
        elif dialog.error.isVisible() and len(answered) == 1:
            answered.append(dialog.error.text())
            dialog.passphrase.setText(GUI_PASSPHRASE)
            dialog.accept()

    poll = QTimer()
    poll.timeout.connect(answer)
    poll.start(20)
    team = window.sync._writable_team()
    poll.stop()

    assert len(answered) == 2 and answered[1]
    assert team is not None and team.passphrase == GUI_PASSPHRASE


def test_an_administrator_admits_a_workstation_that_asked_to_join(
    qtbot, window, team_dialog, station_b, tmp_path
):
    from app import admission
    from app.bundle.service import Bundles

    team_dialog.make_key()
    wait_idle(qtbot, team_dialog)
    assert "gui-ws</b>'s signing key fingerprint" in team_dialog.status.text()
    assert team_dialog.admit_button.isEnabled()  # the team's first workstation admitted itself
    out = tmp_path / "usb" / "team.key"
    out.parent.mkdir()
    team_dialog.export_file(out, "carried separately 42")
    wait_idle(qtbot, team_dialog)

    # B joins with the file: it trusts gui-ws at once, and asks to join with its first sync.
    info = station_b.team.import_file(out, "carried separately 42")
    assert [a.workstation for a in admission.take_key_file_roster(station_b.desk, info.carried or "")] == [
        "gui-ws"
    ]
    shared = tmp_path / "shared"
    shared.mkdir()
    station_b.bundles.sync(shared)
    desk = window.desk
    Bundles(desk, TeamKey(desk.data_dir, desk.config, GUI_PASSPHRASE)).sync(shared)
    [request] = admission.requests(desk)
    assert (request.workstation, request.fingerprint) == ("wsB", station_b.team.signing().fingerprint())
    team_dialog.refresh()
    assert "1 workstation asks to join: Admit…" in team_dialog.status.text()

    team_dialog.admit_workstation(request)
    assert f"Admitted wsB (fingerprint {request.fingerprint})" in team_dialog.working.text()
    assert team_dialog.error.isHidden()
    assert admission.requests(desk) == []
    assert "wsB" in {a.workstation for a in admission.admitted(desk)}
    assert "roster.workstation_admitted" in actions(desk)


def test_the_admit_dialog_lists_each_request_with_its_fingerprint(qtbot, window):
    from app import admission
    from ui.sync.team_dialog import AdmitDialog

    asking = [admission.Request("wsB", "A" * 43 + "=", "2026-12-01T10:00:00+00:00", None)]
    dialog = AdmitDialog(asking, window)
    qtbot.addWidget(dialog)
    assert asking[0].fingerprint in dialog.choices.item(0).text()
    assert dialog.chosen() == asking[0] and dialog.admit_button.isEnabled()
    assert not AdmitDialog([], window).admit_button.isEnabled()
