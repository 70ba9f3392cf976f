"""Sync, conflicts and bundles from the window: workstation B's real window, A driven
through its services, one real shared folder between them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from app.bundle import prefs as sync_prefs
from app.review.service import Review
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.sync.stations import comparable, event_ids


@pytest.fixture
def win_b(qtbot, station_b, monkeypatch):
    """B's main window; message boxes are recorded instead of blocking."""
    from ui.main import make_application
    from ui.main_window import MainWindow
    from ui.sync import controller

    make_application()
    shown: list[tuple[str, str]] = []

    def box(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))

    monkeypatch.setattr(controller.QMessageBox, "warning", box)
    monkeypatch.setattr(controller.QMessageBox, "information", box)
    win = MainWindow(station_b.data_dir, station_b.desk)
    win.sync.use_team(station_b.team)
    win.boxes = shown
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.sync.detach()
    win.desk = None  # the station's fixture closes its own store


def sync_from_window(qtbot, win) -> None:
    win.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: win.sync.runner is None, timeout=20_000)


def test_a_case_published_on_a_appears_in_bs_queue_after_sync_now(qtbot, station_a, station_b, shared, win_b):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    sync_prefs.set_prefs(station_b.desk, shared, 0)
    assert win_b.queue.model.row_of(case_id) is None

    sync_from_window(qtbot, win_b)

    assert win_b.queue.model.row_of(case_id) is not None
    assert comparable(station_b.desk, case_id) == comparable(station_a.desk, case_id)
    assert win_b.sync.indicator.text().startswith("Synced ")
    assert "1 received" in win_b.statusBar().currentMessage()
    assert win_b.boxes == []


def test_an_unreachable_folder_is_reported_and_changes_nothing(qtbot, station_b, tmp_path, win_b):
    sync_prefs.set_prefs(station_b.desk, tmp_path / "unplugged", 0)
    events = len(station_b.desk.audit_trail())

    sync_from_window(qtbot, win_b)

    [(title, text)] = win_b.boxes
    assert title == "Sync did not run" and "not reachable" in text
    assert win_b.sync.indicator.text().startswith("Sync failed")
    assert "not reachable" in win_b.sync.indicator.toolTip()
    assert len(station_b.desk.audit_trail()) == events


def test_automatic_sync_is_quiet_when_the_folder_is_gone_and_runs_when_it_is_back(
    qtbot, station_a, station_b, shared, win_b
):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    away = shared.with_name("away")
    shared.rename(away)
    sync_prefs.set_prefs(station_b.desk, shared, 5)
    win_b.sync.attach(None)  # as on unlock: the timer follows the saved setting
    win_b.sync.use_team(station_b.team)
    assert win_b.sync.timer.isActive() and win_b.sync.timer.interval() == 5 * 60_000
    assert win_b.sync.first_sync.isActive()  # soon after unlocking, not only after 5 minutes
    win_b.sync.first_sync.stop()

    win_b.sync.timer.timeout.emit()
    qtbot.waitUntil(lambda: win_b.sync.runner is None)
    assert win_b.boxes == []  # nobody is interrupted by an automatic sync
    assert win_b.sync.indicator.text().startswith("Sync failed")
    assert "not reachable" in win_b.sync.indicator.toolTip()

    away.rename(shared)
    win_b.sync.timer.timeout.emit()
    qtbot.waitUntil(lambda: win_b.sync.runner is None)
    assert win_b.queue.model.row_of(case_id) is not None
    assert win_b.sync.indicator.text().startswith("Synced ")


def test_stop_sync_stops_between_cases_and_the_next_sync_finishes(qtbot, station_b, shared, win_b):
    made = [station_b.desk.intake(demand_pdf(*SUBPOENA), f"subpoena-{i}.pdf") for i in range(3)]
    sync_prefs.set_prefs(station_b.desk, shared, 0)
    win_b.sync.sync_action.trigger()
    win_b.sync.runner.progress.connect(lambda *_: win_b.sync.cancel_button.click())
    qtbot.waitUntil(lambda: win_b.sync.runner is None, timeout=20_000)

    assert win_b.statusBar().currentMessage() == "Sync stopped; nothing was half-done."
    assert len(list(shared.rglob("*.ddb"))) < len(made)
    assert not list(shared.rglob("*.tmp"))
    sync_from_window(qtbot, win_b)
    assert len(list(shared.rglob("*.ddb"))) == len(made)


def test_a_conflict_shows_both_sides_and_keeping_theirs_settles_it_on_both(
    qtbot, station_a, station_b, shared, win_b, monkeypatch
):
    from ui.sync.conflict_dialog import ConflictDialog

    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    sync_prefs.set_prefs(station_b.desk, shared, 0)
    sync_from_window(qtbot, win_b)
    win_b.queue.select_case(case_id)
    qtbot.waitUntil(lambda: win_b.case_id == case_id)

    station_a.desk.correct_fact(case_id, "issuing_authority", "Western District of Washington", "read again")
    station_a.bundles.sync(shared)
    station_b.desk.correct_fact(case_id, "issuing_authority", "District of Oregon", "read again")
    sync_from_window(qtbot, win_b)

    assert "1 conflict" in win_b.sync.indicator.text()
    status = win_b.queue.model.index(win_b.queue.model.row_of(case_id), 2)
    assert status.data().endswith("· conflict") and "Settle" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert station_b.desk.facts(case_id)["issuing_authority"] == "District of Oregon"  # nothing overwritten

    seen: dict[str, object] = {}
    monkeypatch.setattr(ConflictDialog, "confirm", lambda self, choice: True)

    def choose() -> None:
        dialog = win_b.sync.dialog
        model = dialog.model
        rows = [
            tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]
        seen["rows"] = rows
        seen["theirs"] = dialog.theirs_label.text()
        dialog.keep_theirs.click()

    QTimer.singleShot(0, choose)
    win_b.sync.indicator.click()  # the indicator opens the open conflict

    assert (
        "Fact",
        "Issuing authority",
        "value",
        "District of Oregon — by Bob",
        "Western District of Washington — by Ada",
    ) in seen["rows"]
    assert not any(row[2] == "updated by" for row in seen["rows"])  # folded into the values
    assert "wsA" in seen["theirs"]
    assert station_b.desk.facts(case_id)["issuing_authority"] == "Western District of Washington"
    assert "conflict" not in win_b.sync.indicator.text()
    assert "conflict" not in win_b.queue.model.index(win_b.queue.model.row_of(case_id), 2).data()
    # The open case shows the data kept.
    model = win_b.facts_tab.model
    shown = {model.fact_at(r).key: model.fact_at(r).value for r in range(model.rowCount())}
    assert shown["issuing_authority"] == "Western District of Washington"

    sync_from_window(qtbot, win_b)
    station_a.bundles.sync(shared)
    assert station_a.bundles.conflicts() == [] and station_b.bundles.conflicts() == []
    assert comparable(station_a.desk, case_id) == comparable(station_b.desk, case_id)
    assert event_ids(station_a.desk, case_id) == event_ids(station_b.desk, case_id)


def test_deciding_later_changes_nothing(qtbot, station_a, station_b, shared, win_b):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    Review(station_a.desk).decide(case_id, "reject", ["validity.signed"])
    Review(station_b.desk).decide(case_id, "narrow")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    before = comparable(station_b.desk, case_id)

    QTimer.singleShot(0, lambda: win_b.sync.dialog.reject())
    win_b.sync.resolve_action.trigger()

    assert comparable(station_b.desk, case_id) == before
    assert [c["case_id"] for c in station_b.bundles.conflicts()] == [case_id]


def drop(win, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)


def test_a_bundle_exported_on_a_is_imported_on_b_by_dropping_it(qtbot, station_a, station_b, tmp_path, win_b):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    out = station_a.bundles.export_case(case_id, tmp_path / "usb")

    drop(win_b, [out])
    qtbot.waitUntil(lambda: win_b.queue.model.row_of(case_id) is not None)

    assert comparable(station_b.desk, case_id) == comparable(station_a.desk, case_id)
    assert "a new case" in win_b.statusBar().currentMessage()
    assert win_b.boxes == []


def test_a_damaged_bundle_dropped_on_the_window_is_refused_and_changes_nothing(
    qtbot, station_a, station_b, tmp_path, win_b
):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    out = station_a.bundles.export_case(case_id, tmp_path / "usb")
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))
    events = len(station_b.desk.audit_trail())

    drop(win_b, [out])
    qtbot.waitUntil(lambda: bool(win_b.boxes))

    [(title, text)] = win_b.boxes
    assert title == "Bundle refused" and out.name in text and "nothing changed" in text
    assert win_b.queue.model.row_of(case_id) is None
    assert len(station_b.desk.audit_trail()) == events


def test_the_open_case_exports_to_a_folder_and_b_reads_it(qtbot, station_a, station_b, tmp_path, win_b):
    case_id = station_b.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    win_b.refresh_queue(select=case_id)
    qtbot.waitUntil(lambda: win_b.case_id == case_id)

    win_b.sync.export_case(case_id, tmp_path / "usb")
    qtbot.waitUntil(lambda: win_b.sync._export_task is None)

    [out] = list((tmp_path / "usb").glob("*.ddb"))
    assert out.name.startswith(case_id)
    station_a.bundles.import_file(out)
    assert comparable(station_a.desk, case_id) == comparable(station_b.desk, case_id)
    assert "bundle.exported" in [e.action for e in station_b.desk.audit_trail()]


def test_exporting_to_a_folder_that_cannot_be_written_says_so(qtbot, station_b, tmp_path, win_b):
    case_id = station_b.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")

    win_b.sync.export_case(case_id, blocker / "usb")
    qtbot.waitUntil(lambda: win_b.sync._export_task is None)

    [(title, text)] = win_b.boxes
    assert title == "Case not exported" and "Nothing was written" in text


def test_locking_mid_sync_stops_it_and_closes_the_store_cleanly(qtbot, station_b, shared, win_b):
    for i in range(3):
        station_b.desk.intake(demand_pdf(*SUBPOENA), f"subpoena-{i}.pdf")
    sync_prefs.set_prefs(station_b.desk, shared, 0)
    desk = station_b.desk
    win_b.sync.sync_action.trigger()
    win_b.sync.runner.progress.connect(lambda *_: win_b.lock() if win_b.desk is not None else None)
    qtbot.waitUntil(lambda: win_b.desk is None)
    qtbot.wait(200)  # a worker's late result arrives and is dropped

    assert win_b.sync.runner is None and win_b.sync.indicator.text() == ""
    assert not list(shared.rglob("*.tmp"))
    with pytest.raises(Exception):  # noqa: B017 - the store is closed: any use fails
        desk.cases()


def test_the_team_key_is_unlocked_with_the_passphrase_when_the_window_was_not_given_it(
    qtbot, station_a, station_b, shared, win_b
):
    from tests.sync.stations import PASSPHRASE

    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    sync_prefs.set_prefs(station_b.desk, shared, 0)
    win_b.sync.attach(None)  # unlocked through the keyring, say: no passphrase typed
    errors: list[str] = []
    answered: list[str] = []

    def answer() -> None:
        """Wrong passphrase first, then (once the dialog shows the error) the right one."""
        dialog = win_b.sync.dialog
        if dialog is None or not dialog.isVisible():
            return
        if not answered:
            answered.append("wrong")
            dialog.passphrase.setText("not it")
            dialog.accept()
        elif dialog.error.isVisible() and len(answered) == 1:
            answered.append("right")
            errors.append(dialog.error.text())
            dialog.passphrase.setText(PASSPHRASE)
            dialog.accept()

    poll = QTimer()
    poll.timeout.connect(answer)
    poll.start(20)
    sync_from_window(qtbot, win_b)

    poll.stop()
    assert answered == ["wrong", "right"] and "could not be unlocked" in errors[0]
    assert win_b.queue.model.row_of(case_id) is not None


def test_automatic_sync_waits_while_the_reviewer_answers_a_dialog(qtbot, station_a, station_b, shared, win_b):
    from PySide6.QtWidgets import QDialog

    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    sync_prefs.set_prefs(station_b.desk, shared, 5)
    dialog = QDialog(win_b)
    dialog.setModal(True)
    dialog.show()

    win_b.sync.timer.timeout.emit()
    assert win_b.sync.runner is None and win_b.queue.model.row_of(case_id) is None

    dialog.close()
    win_b.sync.timer.timeout.emit()
    qtbot.waitUntil(lambda: win_b.sync.runner is None and win_b.queue.model.row_of(case_id) is not None)


def test_a_bundle_opened_with_the_app_is_imported_once_the_workstation_is_unlocked(
    qtbot, station_a, station_b, tmp_path
):
    from tests.sync.stations import PASSPHRASE
    from ui.main import make_application
    from ui.main_window import MainWindow

    make_application()
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    out = station_a.bundles.export_case(case_id, tmp_path / "usb")
    win = MainWindow(station_b.data_dir)  # locked, as the desktop starts it
    qtbot.addWidget(win)
    win.import_when_unlocked([out])
    assert station_b.desk.store.get_case(case_id) is None

    win._unlock_passphrase = PASSPHRASE  # what the unlock dialog does
    win._unlocked(station_b.desk)
    qtbot.waitUntil(lambda: win.queue.model.row_of(case_id) is not None)

    assert comparable(station_b.desk, case_id) == comparable(station_a.desk, case_id)
    win.sync.detach()
    win.desk = None


def test_a_bundle_the_finder_opens_with_the_app_waits_for_the_unlock(qtbot, station_b, tmp_path):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from ui.main import FileOpenFilter, make_application
    from ui.main_window import MainWindow

    app = make_application()
    win = MainWindow(station_b.data_dir)
    qtbot.addWidget(win)
    opener = FileOpenFilter(win)
    app.installEventFilter(opener)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(tmp_path / "case.ddb")))
        QApplication.sendEvent(app, QFileOpenEvent(str(tmp_path / "demand.pdf")))
    finally:
        app.removeEventFilter(opener)
    assert win._bundles_to_import == [tmp_path / "case.ddb"]


def test_an_open_report_counts_again_when_a_sync_brings_cases(qtbot, station_a, station_b, shared, win_b):
    station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    sync_prefs.set_prefs(station_b.desk, shared, 0)
    view = win_b.show_report()
    qtbot.waitUntil(lambda: view.report is not None)
    assert view.report.totals().value("demands") == 0

    sync_from_window(qtbot, win_b)

    qtbot.waitUntil(lambda: view.report is not None and view.report.totals().value("demands") == 1)
