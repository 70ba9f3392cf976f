"""Locking and unlocking the main window: the store is open only while it is unlocked."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox

from app import demo, services
from app.model import KeyStorage
from ui.dialogs.access import SignInDialog, UnlockDialog


class LockMixin:
    """Mixed into ``MainWindow``."""

    def _show_locked(self) -> None:
        self.stack.setCurrentWidget(self.lock_screen)
        for action in self.case_actions:
            action.setEnabled(False)
        self.setWindowTitle(
            self.tr("Demand Desk — {workstation} — locked").format(workstation=self.config.workstation)
        )
        self.reviewer_label.setText(self.tr("Locked"))
        self.lock_label.clear()
        self.lock_screen.button.setFocus()

    def lock(self) -> None:
        """Drop every view of case data and close the store. Safe to call twice."""
        self._cancel_task()
        if self._organisation_dialog is not None:
            self._organisation_dialog.reject()  # nothing is stored once the store is closed
        if self._disclosure_dialog is not None:
            self._disclosure_dialog.reject()
        if self._print_dialog is not None:
            self._print_dialog.reject()  # nothing is printed once locked
        if self._report_window is not None:
            self._report_window.shut()  # drops its figures and cases before the store closes
        self._pending_files.clear()
        self.sync.detach()  # before the store closes: a sync stops between its steps
        self.idle.stop()
        self.queue.clear()
        self.viewer.unload()
        self._clear_case_views()  # the Letters tab saves unsaved text while the store is still open
        self.today_view.clear()
        self._midnight.stop()
        self.case_stack.setCurrentWidget(self.today_view)
        self.case_id = None
        self.case_title.setText(self.tr("No case open"))
        self.services = None
        if self.desk is not None:
            self.desk.close()
            self.desk = None
        self._show_locked()

    def unlock_interactively(self) -> bool:
        desk = self._open_store()
        if desk is None:
            return False
        if not self._sign_in(desk):
            desk.close()
            self._unlock_passphrase = None
            return False
        self._unlocked(desk)
        return True

    def _demo_hint(self, what: str) -> str:
        if not self.config.demo:
            return ""
        if what == "passphrase":
            return self.tr("Demo workstation: the passphrase is “{passphrase}”.").format(
                passphrase=demo.DEMO_PASSPHRASE
            )
        return self.tr("Demo workstation: {reviewer}'s PIN is {pin}.").format(
            reviewer=demo.DEMO_REVIEWER, pin=demo.DEMO_PIN
        )

    def _open_store(self) -> services.Desk | None:
        if self.config.key_storage is KeyStorage.KEYRING:
            try:
                return services.unlock(self.data_dir)
            except services.WorkstationInUseError as exc:
                QMessageBox.critical(self, self.tr("Cannot unlock"), str(exc))
                return None
            except services.DeskError as exc:
                if not self.data_dir.key_path.exists():
                    QMessageBox.critical(self, self.tr("Cannot unlock"), str(exc))
                    return None
                QMessageBox.information(
                    self,
                    self.tr("Keyring not available"),
                    self.tr("{error}\n\nUse the workstation passphrase.").format(error=exc),
                )
        dialog = UnlockDialog(self.config.workstation, self._demo_hint("passphrase"), self)
        while dialog.exec():
            try:
                desk = services.unlock(self.data_dir, passphrase=dialog.passphrase.text())
                self._unlock_passphrase = dialog.passphrase.text()
                return desk
            except services.DeskError as exc:
                dialog.show_error(str(exc))
        return None

    def _sign_in(self, desk: services.Desk) -> bool:
        names = [r.name for r in desk.reviewers()]
        dialog = SignInDialog(names, desk.default_reviewer(), self._demo_hint("pin"), self)
        while dialog.exec():
            try:
                desk.sign_in(dialog.reviewer.currentText(), dialog.pin.text())
                return True
            except services.DeskError as exc:
                dialog.show_error(str(exc))
        return False

    def _unlocked(self, desk: services.Desk) -> None:
        self.desk = desk
        self.services = services.Services(desk)
        for action in self.case_actions:
            action.setEnabled(True)
        self.sync.attach(self._unlock_passphrase)
        self._unlock_passphrase = None
        if self._bundles_to_import:
            paths, self._bundles_to_import = self._bundles_to_import, []
            QTimer.singleShot(0, lambda: self.sync.import_files(paths))
        self.stack.setCurrentIndex(1)
        self._show_reviewer()
        minutes = desk.idle_lock_minutes()
        self.lock_label.setText(self.tr("Auto-lock: {minutes} min").format(minutes=minutes))
        self.idle.start(minutes)
        moved = desk.refresh_due_dates()
        if moved:
            self.statusBar().showMessage(
                (
                    self.tr("Holiday calendars changed: 1 due date counted again (see the audit).")
                    if len(moved) == 1
                    else self.tr(
                        "Holiday calendars changed: {count} due dates counted again (see the audit)."
                    )
                ).format(count=len(moved)),
                10000,
            )
        self.refresh_queue()
        if self.case_id is None:
            self.show_today()
        self._arm_midnight()
        # Next to nothing for the window; page 1 of the first demand opened shows sooner.
        QTimer.singleShot(0, services.start_pdf_reader_ahead)

    def _show_reviewer(self) -> None:
        assert self.desk is not None and self.desk.reviewer is not None
        self.reviewer_label.setText(self.tr("Reviewer: {name}").format(name=self.desk.reviewer.name))
        self.setWindowTitle(
            self.tr("Demand Desk — {workstation}{demo}").format(
                workstation=self.config.workstation, demo=self.tr(" (demo)") if self.config.demo else ""
            )
        )

    def import_when_unlocked(self, paths: list[Path]) -> None:
        """Case bundles to import (the desktop opened them with the app): now, or after unlocking."""
        if self.desk is not None:
            self.sync.import_files(paths)
        else:
            self._bundles_to_import.extend(paths)

    # -- window state ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 860)
        try:
            panes = json.loads(str(self.settings.value("panes", "{}")))
        except ValueError:
            panes = {}
        if isinstance(panes, dict):
            self._pane_sizes = {
                str(k): [int(x) for x in v]
                for k, v in panes.items()
                if isinstance(v, list) and all(isinstance(x, int) for x in v)
            }
        splitter = self.settings.value("splitter")
        self._pane_tab = self._pane_key()
        if self._pane_sizes.get(self._pane_tab):  # the tab shown first, as the reviewer last left it
            QTimer.singleShot(0, self._show_pane_sizes)
        elif splitter is not None:
            self.splitter.restoreState(splitter)
        else:  # first run: once the window has its size, the case panel's words get the most room
            QTimer.singleShot(0, self._first_run_panes)

    def _first_run_panes(self) -> None:
        width = sum(self.splitter.sizes()) or self.width()
        queue, case = max(360, width * 29 // 100), max(460, width * 38 // 100)
        self.splitter.setSizes([queue, max(200, width - queue - case), case])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self._keep_pane_sizes()
        self.settings.setValue("panes", json.dumps(self._pane_sizes))
        self.settings.sync()
        self.lock()
        # Cancelled work stops within a moment; let it, so no worker outlives the window.
        QThreadPool.globalInstance().waitForDone(5000)
        self._app.removeEventFilter(self.idle)
        event.accept()
