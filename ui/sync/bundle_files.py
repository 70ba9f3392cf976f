"""Case bundles moved by hand: exporting the open case to a folder, importing .ddb files
(chosen, dropped on the window, or opened with the app).

A mixin of ``SyncController`` (ui/sync/controller.py). Sealing and writing run as steps,
reading and checking a file on a worker thread; the store is only touched on the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, SignalInstance
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.bundle.format import BundleError
from app.bundle.service import Bundles, Received
from app.bundle.share import describe
from app.model import CaseId
from app.services import DeskError
from ui.common.steps import StepRunner
from ui.common.worker import Task, start

if TYPE_CHECKING:
    from app.bundle.pack import Bundle
    from app.services import Desk

BUNDLE_FILTER = QT_TRANSLATE_NOOP("BundleFiles", "Demand Desk case bundles (*.ddb)")
FOLDER_KEY = "bundle/last_folder"


class BundleFiles:
    """What the controller gives it: its window and settings, its signals, the open case and
    the bundles service with the team key unlocked (``_bundles``)."""

    window: QMainWindow
    settings: QSettings | None  # the last folder a bundle went to or came from; nothing about a case
    message: SignalInstance
    cases_changed: SignalInstance
    desk: Desk | None
    open_case: Callable[[], str | None]
    _export_task: StepRunner | None
    _import_task: Task | None
    _bundles: Callable[..., Bundles | None]  # (*, quiet): None after saying why
    _show_idle: Callable[[], None]

    def export_open_case(self) -> None:
        case_id = self.open_case()
        if self.desk is None or case_id is None:
            self.message.emit(self.tr("Open a case to export it."))
            return
        self.export_case(case_id)

    def export_case(self, case_id: str, folder: Path | None = None) -> None:
        desk = self.desk
        if desk is None or self._export_task is not None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self.window, self.tr("Export the case bundle to"), self._last_folder()
            )
            if not chosen:
                return
            folder = Path(chosen)
            self._remember_folder(folder)
        bundles = self._bundles()
        if bundles is None:
            return
        runner = StepRunner(bundles.export_steps(CaseId(case_id), folder), self)
        self._export_task = runner

        def ended() -> None:
            self._export_task = None

        runner.done.connect(
            lambda out: self.message.emit(self.tr("Exported the case to {folder}.").format(folder=out))
        )
        runner.failed.connect(lambda exc: self._export_failed(folder, exc))
        runner.finished.connect(ended)
        runner.start()

    def _export_failed(self, folder: Path, exc: BaseException) -> None:
        text = str(exc)
        if isinstance(exc, OSError):
            text = f"{describe(exc)} ({folder})"
        QMessageBox.warning(
            self.window,
            self.tr("Case not exported"),
            self.tr("Nothing was written.\n\n{reason}").format(reason=text),
        )

    def choose_import(self) -> None:
        if self.desk is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a case bundle"), self._last_folder(), self.tr(BUNDLE_FILTER)
        )
        if name:
            self._remember_folder(Path(name).parent)
            self.import_files([Path(name)])

    def _last_folder(self) -> str:
        return str(self.settings.value(FOLDER_KEY, str(Path.home()))) if self.settings else str(Path.home())

    def _remember_folder(self, folder: Path) -> None:
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(folder))

    def import_files(self, paths: list[Path]) -> None:
        """Read each bundle on a worker thread, then take it in here (all of it, or nothing)."""
        desk = self.desk
        if desk is None or not paths:
            return
        bundles = self._bundles()
        if bundles is None:
            return
        path, rest = paths[0], paths[1:]
        opener = bundles.opener(path)
        task = Task(lambda _progress, _cancelled: opener())
        self._import_task = task

        def received(bundle: Bundle) -> None:
            if self.desk is not desk or self._import_task is not task:
                return
            try:
                outcome = bundles.receive(bundle)
            except BundleError as exc:
                refused(exc)
                return
            case_id = bundle.manifest.case_id
            said = {
                Received.ADDED: self.tr("Imported {file}: a new case."),
                Received.UPDATED: self.tr("Imported {file}: a newer version of the case."),
                Received.CONFLICT: self.tr("Imported {file}: it conflicts with this workstation's changes."),
                Received.ALREADY: self.tr("{file} is already here; nothing changed."),
            }[outcome]
            self.message.emit(said.format(file=path.name))
            if outcome is not Received.ALREADY:
                self.cases_changed.emit([case_id])
            self._show_idle()

        def refused(exc: BaseException) -> None:
            if self.desk is not desk:
                return
            reason = str(exc) if isinstance(exc, BundleError | DeskError) else f"{type(exc).__name__}: {exc}"
            QMessageBox.warning(
                self.window,
                self.tr("Bundle refused"),
                self.tr("{file} was not imported; nothing changed.\n\nIt was refused: {reason}.").format(
                    file=path.name, reason=reason
                ),
            )

        def next_file() -> None:
            if self._import_task is task:
                self._import_task = None
                if rest:
                    self.import_files(rest)

        task.signals.done.connect(received)
        task.signals.failed.connect(refused)
        task.signals.finished.connect(next_file)
        start(task)
