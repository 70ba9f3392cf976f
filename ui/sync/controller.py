"""The window's side of bundles and sync: actions, the status-bar indicator, the timer.

It owns nothing the store does not: the team key and the bundles service are the window's
``Services``' (opened while the workstation is unlocked, dropped when it locks), and the
sync itself is ``Bundles.sync_steps`` run by a ``StepRunner`` (store work on the GUI
thread, the shared drive on a worker thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolButton,
)

from app.bundle import prefs as sync_prefs
from app.bundle.conflict_view import OpenConflict
from app.bundle.format import BundleError
from app.bundle.service import Keep
from app.bundle.share import ShareError
from app.bundle.sync_report import SyncReport
from app.model import CaseId
from app.services import DeskError
from app.signing import SigningError
from app.team import NoTeamKeyError, TeamError, TeamKey
from ui.common.steps import StepRunner
from ui.common.worker import Task
from ui.sync.bundle_files import BundleFiles
from ui.sync.conflict_dialog import ConflictDialog
from ui.sync.prefs_dialog import SyncPrefsDialog
from ui.sync.team_access import NO_TEAM_KEY, TeamAccess

if TYPE_CHECKING:
    from app.services import Desk, Services

# With automatic sync on, the first one runs this long after unlocking: the window is up first.
FIRST_SYNC_MS = 3000


def describe_report(report: SyncReport) -> str:
    """One line for the status bar: what a sync did."""
    parts = []
    if report.pushed:
        parts.append(f"{len(set(report.pushed))} published")
    if report.pulled:
        parts.append(f"{len(set(report.pulled))} received")
    if report.conflicts:
        n = len(set(report.conflicts))
        parts.append(f"{n} conflict{'s' if n != 1 else ''} to settle")
    if report.roster.received:
        n = len(report.roster.received)
        parts.append(f"{n} roster change{'s' if n != 1 else ''}")
    if report.refused:
        parts.append(f"{len(report.refused)} file(s) refused")
    if report.heads.problems:
        parts.append(f"{len(report.heads.problems)} audit trail problem(s)")
    return "Synced: " + (", ".join(parts) if parts else "nothing to do")


class SyncController(QObject, TeamAccess, BundleFiles):
    #: cases whose data changed here (received, or a conflict settled): the window reshows them.
    cases_changed = Signal(list)
    #: a short message for the status bar.
    message = Signal(str)
    #: the team's roster changed: the signed-in reviewer may have a new role, or have been removed.
    roster_changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        services_of: Callable[[], Services | None],
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings  # the last folder a bundle went to or came from; nothing about a case
        self._services_of = services_of  # the window's, while it is unlocked
        self.runner: StepRunner | None = None
        self._auto_run = False
        self.dialog: QDialog | None = None  # the one open now, so that locking can close it
        self.offer: QMessageBox | None = None  # "No team key", asking what to do
        self._export_task: StepRunner | None = None
        self._import_task: Task | None = None

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_automatically)
        self.first_sync = QTimer(self, singleShot=True, interval=FIRST_SYNC_MS)
        self.first_sync.timeout.connect(self.sync_automatically)

        self.indicator = QToolButton()
        self.indicator.setObjectName("syncIndicator")
        self.indicator.setAutoRaise(True)
        self.indicator.clicked.connect(self.open_conflicts_or_settings)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Stop sync")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()

        def action(text: str, shortcut: str | None, slot: Callable[[], object], tip: str) -> QAction:
            act = QAction(text, window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            window.addAction(act)
            return act

        self.sync_action = action(
            "&Sync now", "F5", self.sync_now, "Publish changed cases to the shared folder and receive others'"
        )
        self.prefs_action = action(
            "Sync s&ettings…", None, self.edit_prefs, "The shared folder, and how often to sync with it"
        )
        self.resolve_action = action(
            "Settle sync &conflict…", None, self.resolve_open_case, "Choose between two versions of a case"
        )
        self.export_action = action(
            "&Export case bundle…",
            "Ctrl+Shift+E",
            self.export_open_case,
            "Write the case, encrypted, to a folder",
        )
        self.team_action = action(
            "&Team key…",
            None,
            self.edit_team,
            "Make, join, export or rotate the key of the case bundles",
        )
        self.import_action = action(
            "&Import case bundle…", "Ctrl+Shift+I", self.choose_import, "Take in a case bundle (.ddb)"
        )
        self.actions = [
            self.sync_action,
            self.prefs_action,
            self.resolve_action,
            self.export_action,
            self.import_action,
            self.team_action,
        ]
        self.open_case: Callable[[], str | None] = lambda: None
        self._show_idle()

    # -- lifecycle ---------------------------------------------------------------------

    def attach(self, passphrase: str | None) -> None:
        """The workstation was unlocked (with ``passphrase`` when one was typed)."""
        services = self.services
        if services is not None:
            services.reopen_team(passphrase)
        self._arm_timer()
        if self.timer.isActive():
            # What colleagues changed while this workstation was locked, soon after unlocking.
            self.first_sync.start()
        self._show_idle()

    def passphrase_changed(self, passphrase: str) -> None:
        """The team key is now wrapped under ``passphrase``: unwrap it with that from now on."""
        services = self.services
        if services is not None:
            services.reopen_team(passphrase)

    def detach(self) -> None:
        """The workstation locks: stop now, close the dialog, forget the team key."""
        self.timer.stop()
        self.first_sync.stop()
        for runner in (self.runner, self._export_task):
            if runner is not None:
                runner.abandon()
        self.runner = self._export_task = None
        self._import_task = None
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        if self.offer is not None:
            self.offer.reject()
        # Nothing to sync, export or import with the store closed: the actions say so at once.
        for act in self.actions:
            act.setEnabled(False)
        services = self.services
        if services is not None:
            services.reopen_team(None)
        self.progress.hide()
        self.cancel_button.hide()
        self.indicator.setText("")
        self.indicator.setToolTip("")

    def use_team(self, team: TeamKey) -> None:
        services = self.services
        if services is not None:
            services.reopen_team(team.passphrase)
            services.team = team

    @property
    def services(self) -> Services | None:
        return self._services_of()

    @property
    def desk(self) -> Desk | None:
        services = self._services_of()
        return services.desk if services is not None else None

    def _arm_timer(self) -> None:
        desk = self.desk
        if desk is None:
            return
        current = sync_prefs.prefs(desk)
        if current.folder is not None and current.every_minutes:
            self.timer.start(current.every_minutes * 60_000)
        else:
            self.timer.stop()

    # -- sync -------------------------------------------------------------------------

    def sync_now(self) -> None:
        self._sync(auto=False)

    def sync_automatically(self) -> None:
        self._sync(auto=True)

    def _sync(self, *, auto: bool) -> None:
        desk = self.desk
        if desk is None or self.runner is not None:
            return
        if auto and QApplication.activeModalWidget() is not None:
            return  # the reviewer is answering a dialog (perhaps about this very case): next time
        folder = sync_prefs.prefs(desk).folder
        if folder is None:
            if not auto:
                self.edit_prefs()
                if sync_prefs.prefs(desk).folder is not None:
                    self._sync(auto=False)
            return
        bundles = self._bundles(quiet=auto)
        if bundles is None:
            return
        report = SyncReport()
        runner = StepRunner(bundles.sync_steps(folder, report), self)
        self.runner, self._auto_run = runner, auto
        runner.progress.connect(self._on_progress)
        runner.working.connect(self.progress.setToolTip)
        runner.done.connect(lambda _value: self._sync_ended(desk, report, None))
        runner.cancelled.connect(lambda: self._sync_ended(desk, report, None, cancelled=True))
        runner.failed.connect(lambda exc: self._sync_ended(desk, None, exc))
        self.progress.setRange(0, 0)
        self.progress.setFormat("Syncing…")
        self.progress.show()
        self.cancel_button.show()
        self._set_indicator("Syncing…", f"Syncing with {folder}")
        runner.start()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"Sync {done}/{total}")
        self.progress.setToolTip(message)

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def _sync_ended(
        self, desk: Desk, report: SyncReport | None, error: BaseException | None, *, cancelled: bool = False
    ) -> None:
        auto = self._auto_run
        self.runner = None
        self.progress.hide()
        self.cancel_button.hide()
        if self.desk is not desk:
            return
        if report is not None:
            report.cancelled = cancelled
        if error is not None and not isinstance(
            error, ShareError | TeamError | SigningError | DeskError | BundleError | OSError
        ):
            error_text = f"Unexpected error: {type(error).__name__}: {error}"
        else:
            error_text = str(error) if error else ""
        sync_prefs.note_sync(desk, report, error_text)
        self._show_idle()
        if report is not None:
            changed = sorted(set(report.pulled) | set(report.conflicts))
            if changed:
                self.cases_changed.emit(changed)
            if report.roster.received:
                self.roster_changed.emit()
            self.message.emit(
                "Sync stopped; nothing was half-done." if cancelled else describe_report(report)
            )
            problems = [
                *report.errors,
                *report.heads.problems,
                *(f"{r.file}: {r.reason}" for r in report.refused),
            ]
            if problems and not auto:
                QMessageBox.warning(
                    self.window,
                    "Sync finished with problems",
                    "\n\n".join(problems[:8]) + ("\n\n…" if len(problems) > 8 else ""),
                )
        elif not auto:
            QMessageBox.warning(self.window, "Sync did not run", error_text)

    # -- the indicator ----------------------------------------------------------------

    def _set_indicator(self, text: str, tip: str, *, warn: bool = False) -> None:
        self.indicator.setText(text)
        self.indicator.setToolTip(tip)
        self.indicator.setProperty("warn", warn)
        self.indicator.style().unpolish(self.indicator)
        self.indicator.style().polish(self.indicator)

    def conflicts(self) -> list[OpenConflict]:
        services = self.services
        return services.bundles.conflicts() if services is not None else []

    def _show_idle(self) -> None:
        """Last sync and open conflicts, as the status bar shows them between syncs."""
        desk = self.desk
        for act in self.actions:
            act.setEnabled(desk is not None)
        if desk is None:
            self._set_indicator("", "")
            return
        current = sync_prefs.prefs(desk)
        last = sync_prefs.last_sync(desk)
        conflicts = self.conflicts()
        if current.folder is None:
            text, tip, warn = "Sync: off", "No shared folder chosen (Sync ▸ Sync settings…).", False
        elif last is None:
            text, tip, warn = "Not synced yet", f"Shared folder: {current.folder}", False
        else:
            when = last.at[:16].replace("T", " ")
            text = f"Synced {when[11:]}" if last.ok else f"Sync failed {when[11:]}"
            tip = f"Last sync {when} with {current.folder}"
            if last.message:
                tip += f"\n{last.message}"
            if last.refused:
                tip += f"\n{last.refused} file(s) refused"
            warn = not last.ok or bool(last.refused)
        if current.every_minutes:
            tip += f"\nAutomatically every {current.every_minutes} min while the folder is reachable."
        if conflicts:
            n = len(conflicts)
            text += f" · {n} conflict{'s' if n != 1 else ''}"
            tip += "\nClick to settle: " + ", ".join(
                c.get("reference") or c["case_id"] for c in conflicts[:5]
            )
            warn = True
        self._set_indicator(text, tip, warn=warn)

    # -- settings ---------------------------------------------------------------------

    def _team_line(self, services: Services) -> str:
        try:
            info = services.team.info()
        except NoTeamKeyError:
            return "none yet — " + NO_TEAM_KEY
        except TeamError as exc:
            return str(exc)
        kept = len(info.recipients)
        return f"{info.current[:20]}…" + (f" (and {kept - 1} older, still read)" if kept > 1 else "")

    def edit_prefs(self) -> None:
        services = self.services
        if services is None:
            return
        desk = services.desk
        dialog = SyncPrefsDialog(sync_prefs.prefs(desk), self._team_line(services), self.window)
        self.dialog = dialog
        try:
            while dialog.exec():
                if self.desk is not desk:
                    return
                try:
                    sync_prefs.set_prefs(desk, dialog.chosen_folder(), dialog.chosen_every())
                except DeskError as exc:
                    dialog.show_error(str(exc))
                    continue
                self._arm_timer()
                self._show_idle()
                self.message.emit("Sync settings saved.")
                return
        finally:
            self.dialog = None

    # -- conflicts --------------------------------------------------------------------

    def open_conflicts_or_settings(self) -> None:
        if self.desk is None:
            return
        if self.conflicts():
            self.resolve_open_case()
        elif self.runner is None:
            self.edit_prefs()

    def resolve_open_case(self) -> None:
        """The open case's conflict, or else the first open one."""
        conflicts = self.conflicts()
        if not conflicts:
            self.message.emit("No sync conflicts to settle.")
            return
        open_case = self.open_case()
        ids: list[str] = [c["case_id"] for c in conflicts]
        self.resolve(open_case if open_case is not None and open_case in ids else ids[0])

    def resolve(self, case_id: str) -> None:
        services = self.services
        if services is None:
            return
        desk, bundles = services.desk, services.bundles
        try:
            view = bundles.conflict_view(CaseId(case_id))
        except (DeskError, BundleError) as exc:
            QMessageBox.warning(self.window, "Cannot show the conflict", str(exc))
            return
        dialog = ConflictDialog(view, self.window)
        self.dialog = dialog
        try:
            if not dialog.exec() or dialog.choice is None or self.desk is not desk:
                return
        finally:
            self.dialog = None
        try:
            bundles.resolve(CaseId(case_id), Keep(dialog.choice))
        except (DeskError, BundleError) as exc:
            QMessageBox.warning(self.window, "Conflict not settled", str(exc))
            return
        self.message.emit(
            f"Kept {dialog.choice} for {view.reference}; the other workstations get it at the next sync."
        )
        self.cases_changed.emit([case_id])
        self._show_idle()
