"""The composition root of the window: application, data directory, first run or unlock."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import demo, keys, services
from app.datadir import DataDir
from app.display_language import set_display_language
from ui.common.language import SYSTEM, effective_language, install_translators, saved_language, settings_for
from ui.common.style import STYLE_SHEET
from ui.common.worker import Task, start
from ui.dialogs.access import SetUpDialog
from ui.dialogs.organisation import organisation_step
from ui.dialogs.welcome import WelcomeDialog
from ui.main_window import BUNDLE_SUFFIX, MainWindow

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "demand-desk.svg"
# Hidden, for packaging/smoke.sh: show the window, say so on stderr, close it after this
# many milliseconds (exit 0). The store stays locked: no unlock dialog is shown.
SMOKE_QUIT_ENV = "DEMAND_DESK_SMOKE_QUIT_MS"


class FileOpenFilter(QObject):
    """macOS hands a file opened from the Finder to the app as an event, not on the command line."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            if path.suffix.lower() == BUNDLE_SUFFIX:
                self.window.import_when_unlocked([path])
                return True
        return False


def demo_dir_for(data_dir: DataDir) -> DataDir:
    return DataDir(data_dir.root.with_name(data_dir.root.name + "-demo"))


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The application; ``language`` ("en", "de" or "system") installs its translation (None: none)."""
    # Fact extraction runs as Python on a worker thread; hand the GIL back to the GUI
    # thread more often than the default 5 ms so painting does not queue behind it.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Demand Desk")
    app.setOrganizationName("Demand Desk")
    app.setDesktopFileName("demand-desk")
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    app.setStyleSheet(STYLE_SHEET)
    if language is not None:
        install_translators(app, language)
        # The core's words (fact labels, checklist items, audit sentences) follow the window's
        # language; set once, before any window is built.
        set_display_language(effective_language(language))
    return app


def first_run(data_dir: DataDir) -> services.Desk | None:
    """Set up a real workstation, then ask who it answers for (the Organisation step, skippable)."""
    dialog = SetUpDialog(str(data_dir.root), keys.keyring_available())
    while dialog.exec():
        answers = dialog.answers()
        try:
            desk = services.set_up(
                data_dir,
                workstation=answers.workstation,
                reviewer=answers.reviewer,
                pin=answers.pin,
                passphrase=answers.passphrase,
                key_storage=answers.key_storage,
            )
        except (services.DeskError, keys.KeyError_, OSError) as exc:
            dialog.error.setText(str(exc))
            dialog.error.show()
            continue
        organisation_step(desk)
        return desk
    return None


def create_demo_with_progress(data_dir: DataDir) -> bool:
    """Build the demo data directory off the GUI thread behind a welcome saying what is set up."""
    dialog = WelcomeDialog(len(demo.sample_pdfs()))
    errors: list[BaseException] = []
    loop = QEventLoop()

    def work(progress: Callable[[int, int, str], None], _cancelled: Callable[[], bool]) -> None:
        demo.create_demo(data_dir, progress=progress).close()

    task = Task(work)
    task.signals.progress.connect(dialog.on_progress)
    task.signals.done.connect(lambda _result: dialog.finish())
    task.signals.failed.connect(errors.append)
    task.signals.finished.connect(loop.quit)
    dialog.show()
    start(task)
    loop.exec()
    dialog.accept()  # close() would ask reject(), which the welcome refuses
    if errors:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("main", "Demo not created"),
            QCoreApplication.translate("main", "The demo workstation could not be created:\n{error}").format(
                error=errors[0]
            ),
        )
        return False
    return True


def run_gui(data_dir: DataDir, *, demo_if_empty: bool = False, bundles: list[Path] | None = None) -> int:
    """The window; ``bundles`` (case bundles the desktop opened with the app) are imported once unlocked."""
    if demo_if_empty and not data_dir.is_initialised():
        data_dir = demo_dir_for(data_dir)
    # The language is the window's setting of this data directory, read before any window is built.
    language = saved_language(settings_for(data_dir.root)) if data_dir.root.is_dir() else SYSTEM
    app = make_application(language=language)
    desk: services.Desk | None = None
    if not data_dir.is_initialised():
        if demo_if_empty:
            if not create_demo_with_progress(data_dir):
                return 1
        else:
            desk = first_run(data_dir)
            if desk is None:
                return 0
    window = MainWindow(data_dir, desk)
    window.import_when_unlocked(bundles or [])
    opener = FileOpenFilter(window)
    app.installEventFilter(opener)
    window.show()
    smoke_quit_ms = os.environ.get(SMOKE_QUIT_ENV)
    if smoke_quit_ms is not None:
        QTimer.singleShot(0, lambda: print("demand-desk: window shown", file=sys.stderr, flush=True))
        QTimer.singleShot(int(smoke_quit_ms or 0), window.close)
        return app.exec()
    if desk is None:
        window.unlock_interactively()
    return app.exec()
