"""Taking demands in: the file dialog and drops, the reading task with its progress and
cancel button, and page 1 shown while the demand is read, before it is stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import services
from app.fsutil import read_regular_file
from app.intake.pdf import IntakeCancelledError
from ui.common.worker import Task, start
from ui.dialogs.received import ask_received

MAX_OPEN_BYTES = 100 * 1024 * 1024

# A dropped file with this suffix is a case bundle from a colleague, not a demand to read.
BUNDLE_SUFFIX = ".ddb"


class IntakeMixin:
    """Mixed into ``MainWindow``."""

    def open_demand(self) -> None:
        if self.desk is None:
            return
        folder = str(self.settings.value("last_folder", str(Path.home())))
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open demand"), folder, self.tr("PDF documents (*.pdf);;All files (*)")
        )
        if files:
            self.settings.setValue("last_folder", str(Path(files[0]).parent))
            received = ask_received(self, self.desk.clock().date(), len(files))
            if received is None:
                return
            self.intake_files([Path(f) for f in files], received)

    def intake_files(self, paths: list[Path], received: date | None = None) -> None:
        """Take the demands in, one after another; ``received``: the day they were served (default today)."""
        self._pending_files.extend((p, received) for p in paths)
        if self._task is None:
            self._next_intake()

    def _next_intake(self) -> None:
        if self.desk is None or not self._pending_files:
            return
        path, received = self._pending_files.pop(0)
        today = self.desk.clock().date()
        per_page = self.desk.ocr_seconds_per_page()
        # The file is read on the worker too: a file on a slow or hung share (or anything
        # read_regular_file has to wait for) must not freeze the window.
        untrusted: list[bytes] = []

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
            progress(0, 0, f"Reading {path.name}…")
            untrusted.append(read_regular_file(path, MAX_OPEN_BYTES))
            progress(0, 0, f"Checking {path.name}…")
            probed = services.read_pdf(untrusted[0], cancelled=cancelled)
            task.signals.partial.emit(probed)  # checked: safe to show page 1 while OCR runs
            return services.read_demand(
                untrusted[0],
                today=today,
                progress=progress,
                cancelled=cancelled,
                probed=probed,
                ocr_seconds_per_page=per_page,
            )

        task = Task(work)
        task.signals.partial.connect(lambda _probed: self._show_unstored(path, untrusted[0]))
        task.signals.done.connect(lambda read: self._intake_read(path, untrusted[0], read, received))
        task.signals.failed.connect(lambda exc: self._intake_failed(path, exc))
        task.signals.finished.connect(self._task_finished)
        self._begin_task(task, f"Reading {path.name}…")

    def _show_unstored(self, path: Path, untrusted_pdf: bytes) -> None:
        """Page 1 of a demand being read, before it is a case: the reviewer can start reading."""
        if self.desk is None:
            return
        self.queue.table.clearSelection()
        self.case_id = None
        self._clear_case_views()
        self.case_title.setText(self.tr("Reading {name}… (not stored yet)").format(name=path.name))
        self.case_stack.setCurrentWidget(self.tabs)
        self.case_title.setToolTip(path.name)
        # The page on the next turn of the event loop: clearing the case and opening the
        # page each paint much of the window, and one after the other they stall it less.
        self._previewing = untrusted_pdf
        QTimer.singleShot(0, lambda: self._preview(untrusted_pdf))

    def _preview(self, untrusted_pdf: bytes) -> None:
        # Not if meanwhile it was stored, failed, or another case was opened.
        if self._previewing is untrusted_pdf and self.desk is not None and self.case_id is None:
            self.viewer.load(untrusted_pdf)

    def _intake_read(
        self, path: Path, untrusted_pdf: bytes, read: object, received: date | None = None
    ) -> None:
        self._previewing = None
        if self.desk is None:  # locked while the reader ran: store nothing
            return
        try:
            case_id = self.desk.store_intake(
                untrusted_pdf,
                path.name,
                read,  # type: ignore[arg-type]
                received=received,
            )
        except Exception as exc:  # noqa: BLE001 - shown to the reviewer; nothing was stored
            self._intake_failed(path, exc)
            return
        warnings = self.desk.intake_warnings(case_id)
        if warnings:  # also flagged on the Facts tab's instrument row, and in the review
            self.statusBar().showMessage(
                self.tr("Stored {name} as a new case. {warnings}").format(
                    name=path.name, warnings=" ".join(warnings)
                ),
                15000,
            )
        else:
            self.statusBar().showMessage(self.tr("Stored {name} as a new case.").format(name=path.name), 5000)
        # Open the new case unless the reviewer has moved on to another one meanwhile;
        # on the next turn of the event loop, so storing and showing do not add up to a stall.
        select = case_id if self.case_id is None else self.case_id
        if select == case_id:
            self.case_id = None
        QTimer.singleShot(0, lambda: self.refresh_queue(select=select))

    def _intake_failed(self, path: Path, exc: BaseException) -> None:
        self._previewing = None
        if self.case_id is None and self.viewer.is_loaded():  # the unstored demand's preview
            self.show_today()
        if isinstance(exc, IntakeCancelledError):
            self.statusBar().showMessage(
                self.tr("Cancelled: {name} was not stored.").format(name=path.name), 5000
            )
            return
        if isinstance(exc, OSError) and exc.strerror:
            message = f"{exc.strerror}."
        elif isinstance(exc, services.IntakeError | services.DeskError | OSError):
            message = str(exc)
        else:
            message = self.tr("Unexpected error: {kind}: {error}").format(kind=type(exc).__name__, error=exc)
        QMessageBox.warning(
            self,
            self.tr("Demand not stored"),
            self.tr("{name} was not stored.\n\n{message}").format(name=path.name, message=message),
        )

    def _begin_task(self, task: Task, label: str) -> None:
        self._task = task
        self.progress.setRange(0, 0)  # busy until the task reports real progress
        self.progress.setFormat(label)
        self.progress.setToolTip(label)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(label)
        task.signals.progress.connect(self._on_progress)
        start(task)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.progress.setFormat(label)

    def _cancel_task(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._pending_files.clear()

    def _task_finished(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().clearMessage()
        self._next_intake()
        if self._task is None and self.desk is not None:  # idle again: ready for the next demand
            services.start_pdf_reader_ahead()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if self.desk is not None and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            bundles = [p for p in paths if p.suffix.lower() == BUNDLE_SUFFIX]
            demands = [p for p in paths if p.suffix.lower() != BUNDLE_SUFFIX]
            self.sync.import_files(bundles)
            if demands:
                self.intake_files(demands)
