"""Unlocking, signing in and first-run set-up, driven through the real dialogs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import GUI_PASSPHRASE, GUI_PIN
from ui.dialogs.access import SetUpDialog, SignInDialog, UnlockDialog

pytestmark = pytest.mark.gui


def answer_dialogs(steps: list[Callable[[QDialog], None]]) -> list[str]:
    """Answer the modal dialogs as they appear, one step each; returns what each showed as error."""
    errors: list[str] = []
    remaining = list(steps)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and remaining:
            if hasattr(dialog, "error") and dialog.error.isVisible():
                errors.append(dialog.error.text())
            remaining.pop(0)(dialog)
        if remaining:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return errors


def _passphrase(text: str) -> Callable[[QDialog], None]:
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, UnlockDialog)
        dialog.passphrase.setText(text)
        dialog.accept()

    return step


def _pin(text: str) -> Callable[[QDialog], None]:
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.pin.setText(text)
        dialog.accept()

    return step


def test_unlock_after_lock_needs_passphrase_then_pin(window, qtbot):
    window.lock()
    errors = answer_dialogs(
        [_passphrase("wrong passphrase"), _passphrase(GUI_PASSPHRASE), _pin("000000"), _pin(GUI_PIN)]
    )

    assert window.unlock_interactively()

    assert window.desk is not None and window.desk.reviewer.name == "Ada"
    assert window.stack.currentIndex() == 1
    assert any("does not unlock" in e for e in errors)
    assert any("PIN" in e for e in errors)


def test_while_locked_only_quit_help_and_language_work_and_unlocking_brings_the_rest_back(window, qtbot):
    in_menus = {
        a.text().replace("&", "") for menu in window.menuBar().actions() for a in menu.menu().actions()
    }
    window.lock()
    enabled = {
        a.text().replace("&", "")
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if a.isEnabled() and not a.isSeparator()
    }
    assert enabled == {"Quit", "User guide", "Keyboard shortcuts", "Language…", "About Demand Desk"}

    answer_dialogs([_passphrase(GUI_PASSPHRASE), _pin(GUI_PIN)])
    assert window.unlock_interactively()
    enabled = {
        a.text().replace("&", "")
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if a.isEnabled()
    }
    assert {"Open demand…", "Print…", "Cost recovery…", "Verify audit trail", "Sync now"} <= enabled
    assert "Open demand…" in in_menus


def test_cancelling_unlock_stays_locked(window, qtbot):
    window.lock()
    answer_dialogs([lambda dialog: dialog.reject()])

    assert not window.unlock_interactively()

    assert window.desk is None
    assert window.stack.currentWidget() is window.lock_screen


def test_set_up_dialog_refuses_mismatched_pins_and_short_passphrase(qtbot, tmp_path):
    dialog = SetUpDialog(str(tmp_path), keyring_available=False)
    qtbot.addWidget(dialog)
    assert dialog.use_passphrase.isChecked() and not dialog.use_keyring.isEnabled()
    dialog.workstation.setText("ws-1")
    dialog.reviewer.setText("Ada")
    dialog.pin.setText("246813")
    dialog.pin_again.setText("2469")
    dialog._check()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "PINs differ" in dialog.error.text()

    dialog.pin_again.setText("246813")
    dialog.passphrase.setText("short")
    dialog.passphrase_again.setText("short")
    dialog._check()
    assert "at least 8" in dialog.error.text()

    dialog.passphrase.setText("long enough pass")
    dialog.passphrase_again.setText("long enough pass")
    dialog._check()
    assert dialog.result() == QDialog.DialogCode.Accepted
    answers = dialog.answers()
    assert (answers.workstation, answers.reviewer, answers.key_storage.value) == ("ws-1", "Ada", "passphrase")


def test_first_run_creates_a_workstation_that_unlocks(qtbot, tmp_path):
    from app import services
    from app.datadir import DataDir
    from ui.main import first_run, make_application

    make_application()
    data_dir = DataDir(tmp_path / "fresh")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SetUpDialog)
        dialog.workstation.setText("ws-new")
        dialog.reviewer.setText("Grace")
        dialog.pin.setText("987654")
        dialog.pin_again.setText("987654")
        dialog.use_passphrase.setChecked(True)
        dialog.passphrase.setText("first run passphrase")
        dialog.passphrase_again.setText("first run passphrase")
        dialog._check()

    def skip_organisation(dialog: QDialog) -> None:
        dialog.reject()  # the Organisation step that follows set-up (tests/ui/test_organisation.py)

    answer_dialogs([fill, skip_organisation])
    desk = first_run(data_dir)

    assert desk is not None and desk.reviewer.name == "Grace"
    desk.close()
    again = services.unlock(data_dir, passphrase="first run passphrase")
    assert again.check_pin("Grace", "987654").name == "Grace"
    again.close()


def test_demo_directory_is_made_beside_an_empty_data_dir(qtbot, tmp_path, monkeypatch):
    from app import demo, services
    from app.datadir import DataDir
    from tests.ui.conftest import make_pdf
    from ui.main import create_demo_with_progress, demo_dir_for, make_application

    samples = tmp_path / "samples"
    samples.mkdir()
    for name in ("a.pdf", "b.pdf"):
        (samples / name).write_bytes(make_pdf([f"Demo demand {name}", "for someone@example.org"]))
    monkeypatch.setattr(demo, "SAMPLES", samples)
    make_application()
    target = demo_dir_for(DataDir(tmp_path / "data"))

    assert create_demo_with_progress(target)

    desk = services.unlock(target, passphrase=demo.DEMO_PASSPHRASE)
    assert target.read_config().demo
    assert len(desk.cases()) == 2
    desk.close()


def test_change_passphrase_from_the_tools_menu(window, qtbot):
    from app import services
    from ui.dialogs.access import ChangePassphraseDialog

    def wrong_current(dialog: QDialog) -> None:
        assert isinstance(dialog, ChangePassphraseDialog)
        dialog.current.setText("not it")
        dialog.new.setText("a brand new passphrase")
        dialog.again.setText("a brand new passphrase")
        dialog._check()

    def right_current(dialog: QDialog) -> None:
        dialog.current.setText(GUI_PASSPHRASE)
        dialog._check()

    errors = answer_dialogs([wrong_current, right_current])
    window.passphrase_action.trigger()

    assert any("does not unlock" in e for e in errors)
    with pytest.raises(services.DeskError):
        services.unlock(window.data_dir, passphrase=GUI_PASSPHRASE)
    services.unlock(window.data_dir, passphrase="a brand new passphrase").close()


def test_dropping_a_pdf_on_the_window_opens_it(window, qtbot, demand_file):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demand_file))])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=20_000)
