"""Small things a reviewer ran into (issue 20, "Seen"): Sync while locked, no team key, the
Decision tab's scroll, the viewer after a search, a long SHA-256."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import GUI_PASSPHRASE, GUI_PIN, make_pdf


def _unlock_again(window) -> None:
    from app import services

    desk = services.unlock(window.data_dir, passphrase=GUI_PASSPHRASE)
    desk.sign_in("Ada", GUI_PIN)
    window._unlocked(desk)


def test_sync_now_export_and_import_are_disabled_while_locked(window):
    sync = window.sync
    assert sync.sync_action.isEnabled()

    window.lock()

    for action in (sync.sync_action, sync.export_action, sync.import_action, sync.team_action):
        assert not action.isEnabled(), action.text()
    _unlock_again(window)
    assert sync.sync_action.isEnabled() and sync.team_action.isEnabled()


def test_no_team_key_offers_to_make_one_and_making_it_works(window, qtbot, tmp_path):
    from ui.dialogs.access import UnlockDialog
    from ui.sync.team_dialog import TeamKeyDialog

    team_file = window.data_dir.root / "team.json"
    assert not team_file.exists()
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "No team key":
            names = [b.text() for b in dialog.buttons()]
            seen.append(" | ".join(names))
            next(b for b in dialog.buttons() if b.text() == "&Make a team key…").click()
        elif isinstance(dialog, UnlockDialog):
            dialog.passphrase.setText(GUI_PASSPHRASE)
            dialog.accept()
        elif isinstance(dialog, TeamKeyDialog) and team_file.exists() and dialog.task is None:
            dialog.reject()
            return
        QTimer.singleShot(30, answer)

    QTimer.singleShot(30, answer)
    window.sync.export_case("no-such-case", folder=tmp_path)  # needs the team key first

    assert seen and "&Make a team key…" in seen[0] and "&Join with a key file…" in seen[0]
    assert team_file.exists()
    assert "team.created" in [e.action for e in window.desk.audit_trail()]


def _two_cases(window, qtbot) -> tuple[str, str]:
    from ui.queue.model import CASE_ID_ROLE

    pdfs = {
        "heron.pdf": ["GRAND JURY SUBPOENA", "Produce subscriber information for heron.a1@example.org"],
        "otter.pdf": ["GRAND JURY SUBPOENA", "Produce subscriber information for otter.b2@example.org"],
    }
    paths = []
    for name, lines in pdfs.items():
        path = window.data_dir.root.parent / name
        path.write_bytes(make_pdf(lines))
        paths.append(path)
    window.intake_files(paths)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2, timeout=30000)
    ids = {window.queue.model.index(r, 0).data(CASE_ID_ROLE): r for r in range(2)}
    by_title = {window.queue.model._rows[r].title: cid for cid, r in ids.items()}
    return by_title["heron"], by_title["otter"]


def test_a_search_that_hides_the_open_case_clears_the_viewer_and_one_that_keeps_it_keeps_it(window, qtbot):
    heron, otter = _two_cases(window, qtbot)
    window.queue.select_case(heron)
    qtbot.waitUntil(lambda: window.case_id == heron, timeout=5000)
    assert window.viewer.document.pageCount() == 1
    window.activateWindow()
    window.queue.search.setFocus()
    qtbot.waitUntil(window.queue.search.hasFocus, timeout=2000)

    window.queue.search.setText("heron")  # still shown: nothing changes
    qtbot.waitUntil(lambda: window.queue.proxy.rowCount() == 1, timeout=3000)
    assert window.case_id == heron and window.case_stack.currentWidget() is window.tabs

    window.queue.search.setText("otter")  # the open case is filtered out
    qtbot.waitUntil(lambda: window.case_id is None, timeout=3000)
    assert window.case_stack.currentWidget() is window.today_view
    assert window.case_title.text() == "Today"
    assert window.viewer.document.pageCount() == 0  # the hidden case's page is gone from the viewer
    assert not window.queue.table.currentIndex().isValid()  # no neighbour opened behind the reviewer
    assert window.queue.search.hasFocus()  # the reviewer types on


def test_the_decision_tab_opens_at_the_top_for_every_case(window, qtbot):
    heron, otter = _two_cases(window, qtbot)
    window.resize(1100, 600)  # short enough for the Decision tab to scroll
    window.queue.select_case(heron)
    qtbot.waitUntil(lambda: window.case_id == heron, timeout=5000)
    window.tabs.setCurrentWidget(window.decision_tab)
    bar = window.decision_tab.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(bar.maximum())

    window.queue.select_case(otter)
    qtbot.waitUntil(lambda: window.case_id == otter, timeout=5000)

    assert bar.value() == 0


def test_a_long_sha256_is_cut_in_the_middle_whole_in_its_tooltip_and_copied_whole(qtbot):
    from ui.common.elided import ElidedValue

    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    value = ElidedValue("SHA-256 of the final PDF")
    qtbot.addWidget(value)
    value.resize(260, 30)
    value.show()
    value.setText(digest)
    qtbot.waitUntil(lambda: "…" in value.shown(), timeout=2000)

    shown = value.shown()
    head, tail = shown.split("…")
    assert digest.startswith(head) and digest.endswith(tail) and head and tail
    assert value.label.toolTip() == digest and value.text() == digest
    value.copy_button.click()
    assert QApplication.clipboard().text() == digest
    value.resize(900, 30)
    qtbot.waitUntil(lambda: value.shown() == digest, timeout=2000)
