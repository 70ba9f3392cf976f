"""The window's side of bundles and sync: actions, the status-bar indicator, the timer.

It owns nothing the store does not: the team key and the bundles service are the window's
``Services``' (opened while the workstation is unlocked, dropped when it locks), and the
sync itself is ``Bundles.sync_steps`` run by a ``StepRunner`` (store work on the GUI
thread, the shared drive on a worker thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
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
from ui.sync.team_access import TeamAccess, no_team_key

if TYPE_CHECKING:
    from app.services import Desk, Services

# With automatic sync on, the first one runs this long after unlocking: the window is up first.
FIRST_SYNC_MS = 3000


def describe_report(report: SyncReport) -> str:
    """One line for the status bar: what a sync did."""
    parts = []
    if report.pushed:
        parts.append(
            QCoreApplication.translate("controller", "{count} published").format(
                count=len(set(report.pushed))
            )
        )
    if report.pulled:
        parts.append(
            QCoreApplication.translate("controller", "{count} received").format(count=len(set(report.pulled)))
        )
    if report.conflicts:
        n = len(set(report.conflicts))
        parts.append(
            QCoreApplication.translate("controller", "1 conflict to settle")
            if n == 1
            else QCoreApplication.translate("controller", "{count} conflicts to settle").format(count=n)
        )
    if report.roster.received:
        n = len(report.roster.received)
        parts.append(
            QCoreApplication.translate("controller", "1 roster change")
            if n == 1
            else QCoreApplication.translate("controller", "{count} roster changes").format(count=n)
        )
    if report.refused:
        n = len(report.refused)
        parts.append(
            QCoreApplication.translate("controller", "1 file refused")
            if n == 1
            else QCoreApplication.translate("controller", "{count} files refused").format(count=n)
        )
    if report.heads.problems:
        n = len(report.heads.problems)
        parts.append(
            QCoreApplication.translate("controller", "1 audit trail problem")
            if n == 1
            else QCoreApplication.translate("controller", "{count} audit trail problems").format(count=n)
        )
    return (
        QCoreApplication.translate("controller", "Synced: {parts}").format(parts=", ".join(parts))
        if parts
        else QCoreApplication.translate("controller", "Synced: nothing to do")
    )


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
        self.cancel_button.setText(self.tr("Stop sync"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()

        self._build_actions(window)
        self.open_case: Callable[[], str | None] = lambda: None
        self._show_idle()

    def _build_actions(self, window: QMainWindow) -> None:
        """The Sync menu's actions, added to the window so their shortcuts work anywhere in it."""

        def action(text: str, shortcut: str | None, slot: Callable[[], object], tip: str) -> QAction:
            act = QAction(text, window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            window.addAction(act)
            return act

        self.sync_action = action(
            self.tr("&Sync now"),
            "F5",
            self.sync_now,
            self.tr("Publish changed cases to the shared folder and receive others'"),
        )
        self.prefs_action = action(
            self.tr("Sync setti&ngs…"),
            None,
            self.edit_prefs,
            self.tr("The shared folder, and how often to sync with it"),
        )
        self.resolve_action = action(
            self.tr("Settle sync &conflict…"),
            None,
            self.resolve_open_case,
            self.tr("Choose between two versions of a case"),
        )
        self.export_action = action(
            self.tr("&Export case bundle…"),
            "Ctrl+Shift+E",
            self.export_open_case,
            self.tr("Write the case, encrypted, to a folder"),
        )
        self.team_action = action(
            self.tr("&Team key…"),
            None,
            self.edit_team,
            self.tr("Make, join, export or rotate the key of the case bundles"),
        )
        self.import_action = action(
            self.tr("&Import case bundle…"),
            "Ctrl+Shift+I",
            self.choose_import,
            self.tr("Take in a case bundle (.ddb)"),
        )
        self.actions = [
            self.sync_action,
            self.prefs_action,
            self.resolve_action,
            self.export_action,
            self.import_action,
            self.team_action,
        ]

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
        self.progress.setFormat(self.tr("Syncing…"))
        self.progress.show()
        self.cancel_button.show()
        self._set_indicator(self.tr("Syncing…"), self.tr("Syncing with {folder}").format(folder=folder))
        runner.start()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Sync {done}/{total}").format(done=done, total=total))
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
            error_text = self.tr("Unexpected error: {kind}: {error}").format(
                kind=type(error).__name__, error=error
            )
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
                self.tr("Sync stopped; nothing was half-done.") if cancelled else describe_report(report)
            )
            problems = [
                *report.errors,
                *report.heads.problems,
                *(f"{r.file}: {r.reason}" for r in report.refused),
            ]
            if problems and not auto:
                QMessageBox.warning(
                    self.window,
                    self.tr("Sync finished with problems"),
                    "\n\n".join(problems[:8]) + ("\n\n…" if len(problems) > 8 else ""),
                )
        elif not auto:
            QMessageBox.warning(self.window, self.tr("Sync did not run"), error_text)

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
            text, tip, warn = (
                self.tr("Sync: off"),
                self.tr("No shared folder chosen (Sync ▸ Sync settings…)."),
                False,
            )
        elif last is None:
            text = self.tr("Not synced yet")
            tip = self.tr("Shared folder: {folder}").format(folder=current.folder)
            warn = False
        else:
            when = last.at[:16].replace("T", " ")
            text = (self.tr("Synced {time}") if last.ok else self.tr("Sync failed {time}")).format(
                time=when[11:]
            )
            tip = self.tr("Last sync {when} with {folder}").format(when=when, folder=current.folder)
            if last.message:
                tip += f"\n{last.message}"
            if last.refused:
                refused = (
                    self.tr("1 file refused")
                    if last.refused == 1
                    else self.tr("{count} files refused").format(count=last.refused)
                )
                tip += "\n" + refused
            warn = not last.ok or bool(last.refused)
        if current.every_minutes:
            tip += "\n" + self.tr("Automatically every {minutes} min while the folder is reachable.").format(
                minutes=current.every_minutes
            )
        if conflicts:
            n = len(conflicts)
            text += " · " + (
                self.tr("1 conflict") if n == 1 else self.tr("{count} conflicts").format(count=n)
            )
            tip += "\n" + self.tr("Click to settle: {cases}").format(
                cases=", ".join(c.get("reference") or c["case_id"] for c in conflicts[:5])
            )
            warn = True
        self._set_indicator(text, tip, warn=warn)

    # -- settings ---------------------------------------------------------------------

    def _team_line(self, services: Services) -> str:
        try:
            info = services.team.info()
        except NoTeamKeyError:
            return self.tr("none yet — {why}").format(why=no_team_key())
        except TeamError as exc:
            return str(exc)
        older = len(info.recipients) - 1
        if older == 1:
            return self.tr("{key}… (and 1 older, still read)").format(key=info.current[:20])
        if older > 1:
            return self.tr("{key}… (and {count} older, still read)").format(
                key=info.current[:20], count=older
            )
        return f"{info.current[:20]}…"

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
                self.message.emit(self.tr("Sync settings saved."))
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
            self.message.emit(self.tr("No sync conflicts to settle."))
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
            QMessageBox.warning(self.window, self.tr("Cannot show the conflict"), str(exc))
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
            QMessageBox.warning(self.window, self.tr("Conflict not settled"), str(exc))
            return
        kept = (
            self.tr("Kept mine for {reference}; the other workstations get it at the next sync.")
            if dialog.choice == "mine"
            else self.tr("Kept theirs for {reference}; the other workstations get it at the next sync.")
        )
        self.message.emit(kept.format(reference=view.reference))
        self.cases_changed.emit([case_id])
        self._show_idle()
