"""The main window: queue · viewer · case panel, with the lock screen in front when locked.

The window owns the unlocked ``Desk`` while it is unlocked and drops it (closing the
store) when it locks; every widget that shows case data is cleared at that moment.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import demo, keys, services
from app.about import about
from app.corrections import Corrections
from app.datadir import DataDir
from app.disclosure.service import Disclosures
from app.fsutil import read_regular_file
from app.intake.pdf import IntakeCancelledError
from app.model import CaseId, CaseSummary, FactValue, KeyStorage
from app.review.service import Review
from app.services import DeskError
from ui.case.audit import AuditTab
from ui.case.checklist import ChecklistTab
from ui.case.dates import DatesTab
from ui.case.decision import DecisionTab
from ui.case.disclosure import DisclosureTab
from ui.case.facts import FactsTab
from ui.case.letters import LettersTab
from ui.common.worker import Task, start
from ui.dialogs.access import ChangePassphraseDialog, SignInDialog, UnlockDialog
from ui.dialogs.received import ask_received
from ui.help.about import AboutDialog
from ui.help.guide import GuideWindow
from ui.help.shortcuts import ShortcutsDialog, shortcuts
from ui.lock import IdleWatcher, LockScreen
from ui.queue.panel import QueuePanel
from ui.report.view import ReportWindow
from ui.sync.controller import SyncController
from ui.today.view import TodayView
from ui.viewer.viewer import PdfViewer

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.letters.service import Letters
    from app.printing import Printout
    from app.schedule.service import EmergencyDue, Schedule

MAX_OPEN_BYTES = 100 * 1024 * 1024
# Assessing a case runs on the GUI thread (measured: a few milliseconds); say so when it is slow.
SLOW_ASSESS_SECONDS = 0.05
# The Letters tab shows an editor and a preview side by side: it asks the queue and the
# viewer for this much room while it is shown (and gives it back when left untouched).
LETTERS_PANEL_WIDTH = 780

# A dropped file with this suffix is a case bundle from a colleague, not a demand to read.
BUNDLE_SUFFIX = ".ddb"

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, data_dir: DataDir, desk: services.Desk | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.config = data_dir.read_config()
        self.desk: services.Desk | None = None
        self.case_id: CaseId | None = None
        self._review: Review | None = None  # the policy pack is loaded when the first case is shown
        self._letters: Letters | None = None
        self._schedule: Schedule | None = None
        self._room_for_letters: tuple[list[int], list[int]] | None = None  # splitter sizes before, after
        self._task: Task | None = None
        self._previewing: bytes | None = None  # the demand being read, shown before it is stored
        self._report_window: ReportWindow | None = None
        self._organisation_dialog: QDialog | None = None  # closed by locking
        self._disclosure_dialog: QDialog | None = None  # closed by locking
        self._guide: GuideWindow | None = None
        self._print_dialog: QDialog | None = None  # closed by locking
        self._pending_files: list[tuple[Path, date | None]] = []  # with the day each was served
        # Window geometry and the last folder only: never anything about a case.
        self.settings = QSettings(str(data_dir.root / "ui.ini"), QSettings.Format.IniFormat)
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)

        self.queue = QueuePanel(self._full_text_search)
        self.viewer = PdfViewer()
        self.facts_tab = FactsTab()
        self.checklist_tab = ChecklistTab()
        self.decision_tab = DecisionTab()
        self.letters_tab = LettersTab(self.settings)
        self.dates_tab = DatesTab()
        self.audit_tab = AuditTab()
        self.disclosure_tab = DisclosureTab()
        self.today_view = TodayView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.facts_tab, "Facts")
        self.tabs.addTab(self.checklist_tab, "Checklist")
        self.tabs.addTab(self.decision_tab, "Decision")
        self.tabs.addTab(self.letters_tab, "Letters")
        self.tabs.addTab(self.dates_tab, "Dates")
        self.tabs.addTab(self.audit_tab, "Audit")
        # Shown, in place of the tabs about a demand, when the case is a disclosure without legal process.
        self.tabs.addTab(self.disclosure_tab, "Disclosure")
        self.tabs.setTabVisible(self.tabs.indexOf(self.disclosure_tab), False)
        self.tabs.setDocumentMode(True)
        self.case_title = QLabel("No case open")
        self.case_title.setObjectName("panelTitle")
        # A long file name must not push the queue aside: the title is cut, not the layout.
        self.case_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        case_panel = QWidget()
        case_layout = QVBoxLayout(case_panel)
        case_layout.setContentsMargins(6, 6, 6, 6)
        case_layout.addWidget(self.case_title)
        # With no case open the case panel shows what needs the reviewer today; a case shows its tabs.
        self.case_stack = QStackedWidget()
        self.case_stack.addWidget(self.today_view)
        self.case_stack.addWidget(self.tabs)
        case_layout.addWidget(self.case_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.viewer)
        self.splitter.addWidget(case_panel)
        # The case panel holds the most words (facts, checklist, reasons): it gets the most room.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 5)
        self.splitter.setSizes([380, 520, 600])

        workspace = QWidget()
        workspace_layout = QVBoxLayout(workspace)
        workspace_layout.setContentsMargins(0, 0, 0, 0)
        workspace_layout.setSpacing(0)
        if self.config.demo:
            banner = QLabel("Demo workstation — synthetic demands only. Never put real cases here.")
            banner.setObjectName("demoBanner")
            workspace_layout.addWidget(banner)
        workspace_layout.addWidget(self.splitter, 1)

        self.lock_screen = LockScreen()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)

        self.sync = SyncController(self, lambda: self.desk, self.settings)
        self.sync.open_case = lambda: self.case_id
        self._unlock_passphrase: str | None = None  # handed to the sync's team key, then dropped
        self._bundles_to_import: list[Path] = []  # opened with the app: imported once unlocked
        self._build_actions()
        self._build_status_bar()
        self.idle = IdleWatcher(self)
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self.idle)
        self.idle.idle.connect(self.lock)
        self.lock_screen.unlock_requested.connect(self.unlock_interactively)
        self.queue.case_selected.connect(self._on_case_selected)
        # The viewer follows the queue: a case the search hides is closed, not left on screen.
        self.queue.case_filtered_out.connect(lambda _case_id: self._close_case())
        self.facts_tab.show_source.connect(lambda page, boxes: self.viewer.highlight(page, boxes))
        self.checklist_tab.show_source.connect(lambda page, boxes: self.viewer.highlight(page, boxes))
        self.checklist_tab.changed.connect(self._after_review_change)
        self.decision_tab.decided.connect(self._after_decision)
        self.disclosure_tab.approved.connect(self._after_disclosure_approved)
        self.decision_tab.item_activated.connect(self._show_checklist_item)
        self.letters_tab.changed.connect(self._show_audit)
        self.letters_tab.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.dates_tab.changed.connect(self._after_dates_change)
        self.dates_tab.draft_letter.connect(self._draft_from_dates)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.today_view.case_activated.connect(self._open_from_today)
        self.sync.cases_changed.connect(self._after_sync_change)
        self.sync.roster_changed.connect(self._after_roster_change)
        # Right-clicking a case in the queue selects it: its menu acts on it.
        self.queue.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.queue.table.addActions([self.sync.export_action, self.sync.resolve_action])
        self.sync.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # Today's lists change with the date: refreshed just after midnight.
        self._midnight = QTimer(self, singleShot=True)
        self._midnight.timeout.connect(self._at_midnight)
        self._restore_geometry()
        if desk is not None:
            self._unlocked(desk)
        else:
            self._show_locked()

    # -- building --------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            "&Open demand…",
            QKeySequence.StandardKey.Open,
            self.open_demand,
            "Store a demand PDF as a new case",
        )
        self.new_disclosure_action = self._action(
            "New &disclosure…",
            None,
            self.new_disclosure,
            "Record data disclosed without legal process (an NCMEC report, an emergency, …)",
        )
        self.lock_action = self._action(
            "&Lock", "Ctrl+L", self.lock, "Hide all case data and close the store"
        )
        self.print_action = self._action(
            "&Print…",
            QKeySequence.StandardKey.Print,
            self.print_interactively,
            "Print the letter selected on the Letters tab, else the open case's summary (audited)",
        )
        self.preview_action = self._action(
            "Print pre&view…",
            None,
            self.print_preview,
            "See the pages of the letter selected on the Letters tab, else of the case summary",
        )
        quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action(
            "&Find in document…", QKeySequence.StandardKey.Find, self.viewer.open_find
        )
        self.find_next_action = self._action(
            "Find &next", QKeySequence.StandardKey.FindNext, lambda: self.viewer.step_match(1)
        )
        self.find_previous_action = self._action(
            "Find pre&vious", QKeySequence.StandardKey.FindPrevious, lambda: self.viewer.step_match(-1)
        )
        self.find_case_action = self._action("Find &case…", "Ctrl+Shift+F", self._focus_search)
        self.today_action = self._action(
            "&Today",
            "Ctrl+Shift+T",
            self.show_today,
            "What needs you today: deadlines, notices, secrecy orders, approvals",
        )
        self.report_action = self._action(
            "Transparency &report…",
            "Ctrl+Shift+P",
            self.show_report,
            "The six-monthly figures: tables, charts, the cases behind each figure, export",
        )
        self.text_layer_action = self._action("Show OCR &text layer", "Ctrl+T", self.viewer.toggle_text_layer)
        self.next_page = self._action("&Next page", "PgDown", self.viewer.next_page)
        self.prev_page = self._action("&Previous page", "PgUp", self.viewer.previous_page)
        self.zoom_in = self._action("Zoom &in", QKeySequence.StandardKey.ZoomIn, self.viewer.zoom_in)
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = self._action("Zoom &out", QKeySequence.StandardKey.ZoomOut, self.viewer.zoom_out)
        self.fit_width = self._action("&Fit width", "Ctrl+0", self.viewer.fit_width)
        self.rotate_right = self._action("Rotate &right", "Ctrl+R", self.viewer.rotate_right)
        self.rotate_left = self._action("Rotate &left", "Ctrl+Shift+R", self.viewer.rotate_left)
        self.tab_actions = [
            self._action(
                f"&{self.tabs.tabText(i)} tab",
                f"Ctrl+{i + 1}",
                lambda _c=False, i=i: self._show_tab(i),
            )
            for i in range(self.tabs.count())
            if self.tabs.widget(i) is not self.disclosure_tab  # Ctrl+1…6: the tabs of a demand
        ]
        self.verify_action = self._action("&Verify audit trail", None, self.verify_audit)
        self.autolock_action = self._action("&Auto-lock after…", None, self.choose_auto_lock)
        self.cycle_action = self._action(
            "Secrecy order &review cycle…",
            None,
            self.choose_reconsider_cycle,
            "How often an open-ended secrecy order comes back so that a challenge is considered",
        )
        self.add_reviewer_action = self._action("&Reviewers…", None, self.manage_reviewers)
        self.switch_action = self._action("&Sign in as another reviewer…", None, self.switch_reviewer)
        self.passphrase_action = self._action("Change &passphrase…", None, self.change_passphrase)
        self.organisation_action = self._action(
            "&Organisation…",
            None,
            self.edit_organisation,
            "Your organisation: its legal entities, address, contact and signature block",
        )
        self.letterhead_action = self._action(
            "&Letterhead…", None, self.edit_letterhead, "Organisation, address and signature of every letter"
        )
        self.cost_action = self._action(
            "&Cost recovery…", None, self.edit_costs, "The open case's costs: hours, seek or waive, payment"
        )
        self.guide_action = self._action(
            "&User guide",
            QKeySequence.StandardKey.HelpContents,
            self.show_guide,
            "A reviewer's day, step by step",
        )
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", "Ctrl+/", self.show_shortcuts, "Every shortcut of the window"
        )
        self.about_action = self._action("&About Demand Desk", None, self._about)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.open_action, self.new_disclosure_action, self.lock_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.preview_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions(
            [self.find_action, self.find_next_action, self.find_previous_action, self.find_case_action]
        )
        view_menu = menu.addMenu("&View")
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.report_action)
        view_menu.addSeparator()
        view_menu.addActions([self.prev_page, self.next_page])
        view_menu.addSeparator()
        view_menu.addActions(
            [
                self.zoom_in,
                self.zoom_out,
                self.fit_width,
                self.rotate_left,
                self.rotate_right,
                self.text_layer_action,
            ]
        )
        view_menu.addSeparator()
        view_menu.addActions(self.tab_actions)
        tools_menu = menu.addMenu("&Tools")
        tools_menu.addActions(
            [
                self.verify_action,
                self.autolock_action,
                self.cycle_action,
                self.add_reviewer_action,
                self.switch_action,
                self.passphrase_action,
                self.organisation_action,
                self.letterhead_action,
                self.cost_action,
            ]
        )
        sync_menu = menu.addMenu("&Sync")
        sync_menu.addActions([self.sync.sync_action, self.sync.resolve_action])
        sync_menu.addSeparator()
        sync_menu.addActions([self.sync.export_action, self.sync.import_action])
        sync_menu.addSeparator()
        sync_menu.addActions([self.sync.prefs_action, self.sync.team_action])
        help_menu = menu.addMenu("&Help")
        help_menu.addActions([self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.today_action)
        toolbar.addAction(self.sync.sync_action)
        toolbar.addAction(self.report_action)
        toolbar.addAction(self.lock_action)
        self.case_actions = [
            self.open_action,
            self.new_disclosure_action,
            self.print_action,
            self.preview_action,
            self.today_action,
            self.report_action,
            self.lock_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
            self.find_case_action,
            self.text_layer_action,
            self.next_page,
            self.prev_page,
            self.zoom_in,
            self.zoom_out,
            self.fit_width,
            self.rotate_left,
            self.rotate_right,
            *self.tab_actions,
            self.verify_action,
            self.autolock_action,
            self.cycle_action,
            self.add_reviewer_action,
            self.switch_action,
            self.passphrase_action,
            self.organisation_action,
            self.letterhead_action,
        ]

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.reviewer_label = QLabel()
        self.workstation_label = QLabel(f"Workstation: {self.config.workstation}")
        self.lock_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.clicked.connect(self._cancel_task)
        self.progress.hide()
        self.cancel_button.hide()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.sync.progress)
        bar.addPermanentWidget(self.sync.cancel_button)
        bar.addPermanentWidget(self.sync.indicator)
        bar.addPermanentWidget(self.reviewer_label)
        bar.addPermanentWidget(self.workstation_label)
        bar.addPermanentWidget(self.lock_label)

    # -- lock and unlock -------------------------------------------------------------

    def _show_locked(self) -> None:
        self.stack.setCurrentWidget(self.lock_screen)
        for action in self.case_actions:
            action.setEnabled(False)
        self.setWindowTitle(f"Demand Desk — {self.config.workstation} — locked")
        self.reviewer_label.setText("Locked")
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
        self.facts_tab.clear()
        self.checklist_tab.clear()
        self.decision_tab.clear()
        self.letters_tab.clear()  # saves unsaved letter text while the store is still open
        self.dates_tab.clear()
        self.audit_tab.clear()
        self.disclosure_tab.clear()
        self.today_view.clear()
        self._midnight.stop()
        self.case_stack.setCurrentWidget(self.today_view)
        self.case_id = None
        self.case_title.setText("No case open")
        self._review = None
        self._letters = None
        self._schedule = None
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
            return f"Demo workstation: the passphrase is “{demo.DEMO_PASSPHRASE}”."
        return f"Demo workstation: {demo.DEMO_REVIEWER}'s PIN is {demo.DEMO_PIN}."

    def _open_store(self) -> services.Desk | None:
        if self.config.key_storage is KeyStorage.KEYRING:
            try:
                return services.unlock(self.data_dir)
            except services.WorkstationInUseError as exc:
                QMessageBox.critical(self, "Cannot unlock", str(exc))
                return None
            except services.DeskError as exc:
                if not self.data_dir.key_path.exists():
                    QMessageBox.critical(self, "Cannot unlock", str(exc))
                    return None
                QMessageBox.information(
                    self, "Keyring not available", f"{exc}\n\nUse the workstation passphrase."
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
        self.lock_label.setText(f"Auto-lock: {minutes} min")
        self.idle.start(minutes)
        moved = desk.refresh_due_dates()
        if moved:
            self.statusBar().showMessage(
                f"Holiday calendars changed: {len(moved)} due date(s) counted again (see the audit).",
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
        self.reviewer_label.setText(f"Reviewer: {self.desk.reviewer.name}")
        self.setWindowTitle(f"Demand Desk — {self.config.workstation}{' (demo)' if self.config.demo else ''}")

    # -- queue and case --------------------------------------------------------------

    def _full_text_search(self, text: str) -> set[str]:
        if self.desk is None:
            return set()
        try:
            return set(self.desk.search(text))
        except Exception:  # noqa: BLE001 - a query the index cannot parse just finds nothing
            return set()

    def refresh_queue(self, select: str | None = None) -> None:
        if self.desk is None:
            return
        cases, paused = self._queue_cases()
        self.queue.model.set_conflicts(frozenset(c["case_id"] for c in self.sync.conflicts()))
        self.queue.set_cases(
            cases, select=select or self.case_id, paused=paused, emergencies=self._queue_emergencies()
        )
        self._refresh_today()

    def _queue_cases(self) -> tuple[list[CaseSummary], frozenset[str]]:
        """The queue's rows, with an extended or paused deadline's own date in place of the demand's."""
        assert self.desk is not None
        cases = self.desk.cases()
        try:
            moved = self._schedule_service().moved_deadlines()
        except Exception:  # noqa: BLE001 - the queue still shows the demands' own dates
            log.exception("Extended and paused deadlines could not be computed")
            return cases, frozenset()
        cases = [
            replace(c, response_due=moved[c.case_id][0].isoformat()) if c.case_id in moved else c
            for c in cases
        ]
        return cases, frozenset(cid for cid, (_, paused) in moved.items() if paused)

    def _queue_emergencies(self) -> dict[str, EmergencyDue]:
        """Undecided emergency requests, which the queue keeps on top with their hours left."""
        try:
            return {str(cid): due for cid, due in self._schedule_service().emergencies().items()}
        except Exception:  # noqa: BLE001 - the queue still lists them, by date
            log.exception("Emergency requests' due times could not be computed")
            return {}

    def import_when_unlocked(self, paths: list[Path]) -> None:
        """Case bundles to import (the desktop opened them with the app): now, or after unlocking."""
        if self.desk is not None:
            self.sync.import_files(paths)
        else:
            self._bundles_to_import.extend(paths)

    def _after_roster_change(self) -> None:
        """The team removed the signed-in reviewer on another workstation: nobody acts here now."""
        if self.desk is None:
            return
        if self.desk.reviewer is None:
            self.lock()
            self.statusBar().showMessage("The team's roster no longer lists you; the window is locked.")
        else:
            self._show_reviewer()

    def _after_sync_change(self, case_ids: list[str]) -> None:
        """Cases received or settled by a sync: the queue and the open case show the store's copy."""
        if self.desk is None:
            return
        current = self.case_id
        self.refresh_queue(select=current)
        if self._report_window is not None:
            self._report_window.records_changed()
        if current is not None and current in case_ids:
            self.letters_tab.clear()  # an unsaved letter text is kept before the case is shown again
            self.case_id = None
            self._on_case_selected(current)

    def _on_case_selected(self, case_id: str) -> None:
        if self.desk is None or not case_id:
            return
        if case_id == self.case_id:
            return
        self.case_id = CaseId(case_id)
        facts = self.desk.facts(self.case_id)
        self.case_title.setText(f"{facts['reference']}")
        self.case_stack.setCurrentWidget(self.tabs)
        try:
            pdf: bytes | None = self.desk.document(self.case_id)
        except services.DeskError:
            pdf = None  # a disclosure without legal process may have no document behind it
        if pdf is None:
            self.viewer.unload()
        elif not self.viewer.load(pdf):
            self.statusBar().showMessage("This document cannot be shown.", 5000)
        self.viewer.set_words({p.page_no - 1: p.words for p in self.desk.pages(self.case_id)})
        self._show_case_details()
        self._show_disclosure(facts["reference"])

    def _show_disclosure(self, reference: str) -> None:
        """A disclosure without legal process: its own tab instead of the checklist, decision and letters."""
        if self.desk is None or self.case_id is None:
            return
        service = Disclosures(self.desk)
        found = self.disclosure_tab.show_case(service, self.case_id)
        for tab in (self.checklist_tab, self.decision_tab, self.letters_tab):
            self.tabs.setTabVisible(self.tabs.indexOf(tab), not found)
        self.tabs.setTabVisible(self.tabs.indexOf(self.disclosure_tab), found)
        disclosure = service.get(self.case_id) if found else None
        if disclosure is None:
            return
        state = "approved" if disclosure.approved_by else "awaiting approval"
        self.case_title.setText(f"{reference} — {disclosure.ground_label} ({state})")
        self.tabs.setCurrentWidget(self.disclosure_tab)
        if disclosure.flags:
            self.statusBar().showMessage(disclosure.flags[0], 10000)

    def _after_disclosure_approved(self, message: str) -> None:
        self.refresh_queue()
        self._show_dates()
        self._show_audit()
        if self.desk is not None and self.case_id is not None:
            self._show_disclosure(self.desk.facts(self.case_id)["reference"])
        self.statusBar().showMessage(message, 8000)

    def _show_case_details(self) -> None:
        if self.desk is None or self.case_id is None:
            return
        case_id = self.case_id
        desk = self.desk

        def save(key: str, value: str | None, reason: str) -> FactValue:
            updated = Corrections(desk).set_fact(case_id, key, value, reason)
            # The queue mirrors some facts; the audit tab shows the correction.
            QTimer.singleShot(0, self._after_correction)
            return updated

        def correct(action: str, fields: dict[str, str]) -> None:
            getattr(Corrections(desk), action)(case_id, **fields)  # raises DeskError with the refusal
            QTimer.singleShot(0, self._after_target_correction)

        facts = desk.facts(case_id)
        self.facts_tab.show_case(facts, desk.fact_values(case_id), save)
        self.facts_tab.correct = correct
        self._show_review(facts)
        self._show_letters(facts)
        self._show_dates()
        self._show_audit()

    def _after_target_correction(self) -> None:
        """A target or kind of data was added or removed: the facts, review and trail show it."""
        if self.desk is None or self.case_id is None:
            return
        self.facts_tab.show_case(
            self.desk.facts(self.case_id),
            self.desk.fact_values(self.case_id),
            self.facts_tab.model.save,  # type: ignore[arg-type]
        )
        self._after_correction()

    def _after_correction(self) -> None:
        self.refresh_queue()
        self._show_review()
        self._show_dates()  # a corrected due or issue date moves the deadline
        self._show_audit()

    # -- checklist and decision ------------------------------------------------------

    def _review_service(self) -> Review:
        """The review service over the open store (loading the policy pack raises if the pack is broken)."""
        assert self.desk is not None
        if self._review is None or self._review.desk is not self.desk:
            self._review = Review(self.desk)
        return self._review

    def _show_review(self, facts: dict[str, object] | None = None) -> None:
        """Assess the open case and show the Checklist and Decision tabs."""
        if self.desk is None or self.case_id is None:
            return
        case_id = self.case_id
        try:
            review = self._review_service()
            started = time.perf_counter()
            assessment = review.assess(case_id)
            elapsed = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - a pack that does not load must not stop the reading
            log.exception("The checklist could not be evaluated")
            message = f"The checklist could not be evaluated: {exc}"
            self.checklist_tab.show_unavailable(message)
            self.decision_tab.show_unavailable(message)
            return
        if elapsed > SLOW_ASSESS_SECONDS:
            log.warning("Assessing the case took %.0f ms on the GUI thread", elapsed * 1000)
        self.checklist_tab.show_case(review, case_id, assessment)
        self.decision_tab.show_case(review, case_id, assessment, facts or self.desk.facts(case_id))

    def _after_review_change(self) -> None:
        """An answer or a case fact was stored: the recommendation, status and trail may have changed."""
        self._show_review()
        self._show_dates()  # a disclosing decision or an enterprise customer changes the notice owed
        self._refresh_queue_row()
        self._show_audit()
        self._refresh_today()

    def _after_decision(self, message: str) -> None:
        self._after_review_change()
        self._show_letters()  # what may be drafted follows the decision
        self.statusBar().showMessage(message, 8000)

    # -- today -----------------------------------------------------------------------

    def show_today(self) -> None:
        """Close the open case (if any) and show what needs the reviewer today in the case panel."""
        if self.desk is None:
            return
        self._close_case()
        self.today_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_case(self) -> None:
        """No case open: the viewer and the tabs let it go, the case panel shows Today.
        The focus stays where it is (the reviewer may be typing a search)."""
        if self.desk is None:
            return
        self.queue.table.selectionModel().clearCurrentIndex()
        self.queue.table.clearSelection()
        self.case_id = None
        self.viewer.unload()
        self.facts_tab.clear()
        self.checklist_tab.clear()
        self.decision_tab.clear()
        self.letters_tab.clear()
        self.dates_tab.clear()
        self.audit_tab.clear()
        self.case_title.setText("Today")
        self.case_title.setToolTip("")
        self.case_stack.setCurrentWidget(self.today_view)
        self._refresh_today()

    def _schedule_service(self) -> Schedule:
        """The schedule over the open store (imported here: a broken schedule must not stop the reviewing)."""
        assert self.desk is not None
        if self._schedule is None or self._schedule.desk is not self.desk:
            from app.schedule.service import Schedule

            self._schedule = Schedule(self.desk)
        return self._schedule

    def _show_dates(self) -> None:
        if self.desk is None or self.case_id is None:
            return
        try:
            self.dates_tab.show_case(self._schedule_service(), self.case_id)
        except Exception as exc:  # noqa: BLE001 - shown in the tab; the rest of the case still works
            log.exception("The case's dates could not be shown")
            self.dates_tab.show_unavailable(f"Dates are not available: {exc}")

    def _after_dates_change(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self._show_letters()  # a lifted or extended order changes which notices may leave
        self._refresh_queue_row()
        self._show_audit()
        self._refresh_today()

    def _draft_from_dates(self, kind: str) -> None:
        self.tabs.setCurrentWidget(self.letters_tab)
        self.letters_tab.draft(kind)

    def _refresh_today(self) -> None:
        """Recompute the Today view if it is what the case panel shows (it is recomputed when shown)."""
        if self.desk is None or self.case_stack.currentWidget() is not self.today_view:
            return
        try:
            today = self._schedule_service().today()
        except Exception as exc:  # noqa: BLE001 - shown in the view; cases can still be opened from the queue
            log.exception("The Today view could not be computed")
            self.today_view.show_unavailable(f"Today's list is not available: {exc}")
            return
        self.today_view.show_today(today, today.today)

    def _open_from_today(self, case_id: str) -> None:
        if case_id == self.case_id:
            self.case_stack.setCurrentWidget(self.tabs)
        else:
            self.queue.reveal_case(case_id)  # selecting it in the queue opens it
        if self.case_id == case_id:
            self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_report(self) -> ReportWindow | None:
        """Open the transparency report window (or bring it forward); its cases open here."""
        if self.desk is None:
            return None
        if self._report_window is None:
            window = ReportWindow(self.desk, self.settings, self)
            window.case_activated.connect(self._open_from_report)
            window.destroyed.connect(lambda: setattr(self, "_report_window", None))
            window.finished.connect(lambda: setattr(self, "_report_window", None))
            self._report_window = window
        self._report_window.show()
        self._report_window.raise_()
        self._report_window.activateWindow()
        return self._report_window

    def _open_from_report(self, case_id: str) -> None:
        self._open_from_today(case_id)
        self.raise_()
        self.activateWindow()

    def _arm_midnight(self) -> None:
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        self._midnight.start(int((midnight - now).total_seconds() * 1000) + 1000)

    def _at_midnight(self) -> None:
        if self.desk is None:
            return
        self.refresh_queue()  # the queue's due colours follow the date too; refreshes Today
        self._arm_midnight()

    # -- printing --------------------------------------------------------------------

    def printout(self) -> Printout | None:
        """What File ▸ Print prints: the letter selected on the Letters tab, else the case summary.

        None (with the reason shown) when there is nothing to print or it may not leave the store.
        """
        if self.desk is None or self.case_id is None:
            self.statusBar().showMessage("Open a case to print its summary or one of its letters.", 8000)
            return None
        from app.printing import Prints

        try:
            on_letters = self.tabs.currentWidget() is self.letters_tab
            if on_letters and self.letters_tab.current_letter() is not None:
                if not self.letters_tab.flush(interactive=True):  # print what the editor shows
                    return None
                letter = self.letters_tab.current_letter()
                assert letter is not None
                return Prints(self.desk, letters=self._letters_service()).letter(letter.id)
            return Prints(self.desk, review=self._review_service()).case_summary(self.case_id)
        except DeskError as exc:
            QMessageBox.warning(self, "Nothing was printed", str(exc))
            return None

    def print_interactively(self, _checked: bool = False, printer: QPrinter | None = None) -> bool:
        """File ▸ Print…: Qt's print dialog for the printout (``printer``: a test's PDF printer)."""
        printout = self.printout()
        if printout is None or self.desk is None:
            return False
        from app.printing import Prints
        from ui.common.printing import print_interactively

        if not print_interactively(self, Prints(self.desk), printout, printer, self._print_opened):
            return False
        self.statusBar().showMessage(f"Printed {printout.title}.", 8000)
        self._show_audit()
        return True

    def _print_opened(self, dialog: QDialog | None) -> None:
        self._print_dialog = dialog  # closed by locking: a preview shows the case's pages

    def print_preview(self, _checked: bool = False, printer: QPrinter | None = None) -> bool:
        printout = self.printout()
        if printout is None or self.desk is None:
            return False
        from app.printing import Prints
        from ui.common.printing import preview

        if not preview(self, Prints(self.desk), printout, printer, self._print_opened):
            return False
        self.statusBar().showMessage(f"Printed {printout.title}.", 8000)
        self._show_audit()
        return True

    # -- letters ---------------------------------------------------------------------

    def _letters_service(self) -> Letters:
        """The letters service over the open store (imported here: a broken letters module or
        template must not stop the reading and reviewing of demands)."""
        assert self.desk is not None
        if self._letters is None or self._letters.desk is not self.desk:
            from app.letters.service import Letters

            self._letters = Letters(self.desk)
        return self._letters

    def _show_letters(self, facts: dict[str, object] | None = None) -> None:
        if self.desk is None or self.case_id is None:
            return
        try:
            letters = self._letters_service()
            reference = str((facts or self.desk.facts(self.case_id))["reference"])
            self.letters_tab.show_case(letters, self.case_id, reference)
        except Exception as exc:  # noqa: BLE001 - shown in the tab; the rest of the case still works
            log.exception("The letters could not be shown")
            self.letters_tab.show_unavailable(f"Letters are not available: {exc}")

    def edit_organisation(self) -> None:
        if self.desk is None:
            return
        from ui.dialogs.organisation import edit_organisation

        def opened(dialog: QDialog | None) -> None:
            self._organisation_dialog = dialog

        if edit_organisation(self, self.desk, opened=opened):
            self.statusBar().showMessage("Organisation saved: letters drafted from now on show it.", 8000)

    def new_disclosure(self) -> None:
        """File ▸ New disclosure…: a disclosure made without legal process, as a case of its own."""
        if self.desk is None:
            return
        from ui.dialogs.disclosure import new_disclosure

        def opened(dialog: QDialog | None) -> None:
            self._disclosure_dialog = dialog

        case_id = new_disclosure(self, Disclosures(self.desk), self.desk.clock().date(), opened=opened)
        if case_id is None or self.desk is None:
            return
        self.refresh_queue(select=case_id)
        self._on_case_selected(case_id)  # its title and status bar show what is still to be done

    def edit_costs(self) -> None:
        """Tools ▸ Cost recovery…: the open case's cost record (ui/dialogs/cost.py)."""
        if self.desk is None or self.case_id is None:
            self.statusBar().showMessage("Open a case first: costs are kept per case.", 5000)
            return
        from app.costs.service import Costs
        from ui.dialogs.cost import CostDialog

        try:
            costs = Costs(self.desk)
        except services.DeskError as exc:
            QMessageBox.warning(self, "Cost recovery", str(exc))
            return
        dialog = CostDialog(costs, self.case_id, self.desk.facts(self.case_id)["reference"], self)
        dialog.exec()
        dialog.deleteLater()
        self._refresh_today()

    def edit_letterhead(self) -> None:
        if self.desk is None:
            return
        try:
            letters = self._letters_service()
        except Exception as exc:  # noqa: BLE001 - the same failure the Letters tab shows
            QMessageBox.warning(self, "Letterhead", f"Letters are not available: {exc}")
            return
        self.letters_tab.edit_letterhead(letters)

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.letters_tab:
            self._make_room_for_letters()
        elif self._room_for_letters is not None:
            before, after = self._room_for_letters
            self._room_for_letters = None
            if self.splitter.sizes() == after:  # the reviewer has not moved the panes since
                self.splitter.setSizes(before)

    def _make_room_for_letters(self) -> None:
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or sizes[2] >= LETTERS_PANEL_WIDTH or self._room_for_letters is not None:
            return
        need = LETTERS_PANEL_WIDTH - sizes[2]
        from_queue = min(need, max(0, sizes[0] - max(220, self.queue.minimumSizeHint().width())))
        from_viewer = min(
            need - from_queue, max(0, sizes[1] - max(380, self.viewer.minimumSizeHint().width()))
        )
        if not from_queue and not from_viewer:
            return
        self.splitter.setSizes(
            [sizes[0] - from_queue, sizes[1] - from_viewer, sizes[2] + from_queue + from_viewer]
        )
        self._room_for_letters = (sizes, self.splitter.sizes())

    def _refresh_queue_row(self) -> None:
        if self.desk is None or self.case_id is None:
            return
        cases, paused = self._queue_cases()
        summary = next((c for c in cases if c.case_id == self.case_id), None)
        if summary is not None:
            self.queue.update_case(summary, paused, self._queue_emergencies())

    def _show_checklist_item(self, item_id: str) -> None:
        self.tabs.setCurrentWidget(self.checklist_tab)
        self.checklist_tab.select_item(item_id)
        self.checklist_tab.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_tab(self, index: int) -> None:
        if not self.tabs.isTabVisible(index):  # a disclosure case has no checklist, decision or letters
            return
        self.tabs.setCurrentIndex(index)
        widget = self.tabs.currentWidget()
        if widget is not None and widget.focusProxy() is not None:  # the tab's main view takes the keys
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_audit(self) -> None:
        if self.desk is not None and self.case_id is not None:
            self.audit_tab.show_events(self.desk.audit_trail(self.case_id))

    def _focus_search(self) -> None:
        self.queue.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.queue.search.selectAll()

    # -- intake ----------------------------------------------------------------------

    def open_demand(self) -> None:
        if self.desk is None:
            return
        folder = str(self.settings.value("last_folder", str(Path.home())))
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open demand", folder, "PDF documents (*.pdf);;All files (*)"
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
        self.facts_tab.clear()
        self.checklist_tab.clear()
        self.decision_tab.clear()
        self.letters_tab.clear()
        self.dates_tab.clear()
        self.audit_tab.clear()
        self.case_title.setText(f"Reading {path.name}… (not stored yet)")
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
            self.statusBar().showMessage(f"Stored {path.name} as a new case. {' '.join(warnings)}", 15000)
        else:
            self.statusBar().showMessage(f"Stored {path.name} as a new case.", 5000)
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
            self.statusBar().showMessage(f"Cancelled: {path.name} was not stored.", 5000)
            return
        if isinstance(exc, OSError) and exc.strerror:
            message = f"{exc.strerror}."
        elif isinstance(exc, services.IntakeError | services.DeskError | OSError):
            message = str(exc)
        else:
            message = f"Unexpected error: {type(exc).__name__}: {exc}"
        QMessageBox.warning(self, "Demand not stored", f"{path.name} was not stored.\n\n{message}")

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

    # -- tools -----------------------------------------------------------------------

    def verify_audit(self) -> None:
        if self.desk is None:
            return
        report = self.desk.verify_audit()
        if report.ok:
            QMessageBox.information(
                self,
                "Audit trail",
                f"The audit trail is whole: {report.events} events, every hash checks, and every "
                "decision, approval, final letter and correction in the cases has its event.",
            )
            return
        lines = report.lines()
        shown = "\n".join(f"• {x}" for x in lines[:20])
        more = (
            f"\n… and {len(lines) - 20} more (demand-desk audit verify lists them all)."
            if len(lines) > 20
            else ""
        )
        box = QMessageBox(QMessageBox.Icon.Critical, "Audit trail does not verify", "", parent=self)
        box.setText(
            f"The audit trail and the cases disagree in {len(lines)} place(s). "
            "Tell your security team before changing anything else."
        )
        box.setInformativeText(shown + more)
        box.exec()

    def choose_auto_lock(self) -> None:
        if self.desk is None:
            return
        minutes, ok = QInputDialog.getInt(
            self,
            "Auto-lock",
            "Lock after this many minutes without input:",
            self.desk.idle_lock_minutes(),
            1,
            240,
        )
        if ok:
            try:
                self.desk.set_idle_lock_minutes(minutes)
            except services.DeskError as exc:
                QMessageBox.warning(self, "Auto-lock", str(exc))
                return
            self.idle.start(minutes)
            self.lock_label.setText(f"Auto-lock: {minutes} min")

    def choose_reconsider_cycle(self) -> None:
        if self.desk is None:
            return
        schedule = self._schedule_service()
        days, ok = QInputDialog.getInt(
            self,
            "Secrecy order review cycle",
            "Bring an open-ended secrecy order back for reconsideration every (days):",
            schedule.reconsider_days,
            7,
            365,
        )
        if not ok or days == schedule.reconsider_days:
            return
        try:
            schedule.set_reconsider_days(days)
        except services.DeskError as exc:
            QMessageBox.warning(self, "Secrecy order review cycle", str(exc))
            return
        self.statusBar().showMessage(f"Open-ended secrecy orders come back every {days} days.", 8000)
        self._show_dates()
        self._refresh_today()

    def manage_reviewers(self) -> None:
        """Tools ▸ Reviewers…: the roster; enrolling and removing need an administrator's PIN."""
        if self.desk is None:
            return
        from ui.dialogs.reviewers import ReviewersDialog

        ReviewersDialog(self.desk, self).exec()
        if self.desk is not None and self.desk.reviewer is None:
            self.lock()  # the signed-in reviewer was removed: nobody may go on acting
            return
        if self.desk is not None:
            self._show_reviewer()

    def change_passphrase(self) -> None:
        if self.desk is None:
            return
        if not self.data_dir.key_path.exists():
            QMessageBox.information(
                self, "Passphrase", "This workstation keeps its key in the OS keyring and has no passphrase."
            )
            return
        dialog = ChangePassphraseDialog(self)
        while dialog.exec():
            try:
                services.change_passphrase(self.data_dir, dialog.current.text(), dialog.new.text())
            except services.DeskError as exc:
                dialog.show_error(str(exc))
                continue
            self.sync.passphrase_changed(dialog.new.text())
            self.statusBar().showMessage("Passphrase changed.", 5000)
            return

    def switch_reviewer(self) -> None:
        if self.desk is not None and self._sign_in(self.desk):
            self._show_reviewer()

    def _about(self) -> None:
        keyring_state = "available" if keys.keyring_available() else "not available"
        dialog = AboutDialog(about(), str(self.data_dir.root), keyring_state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_guide(self) -> GuideWindow:
        """The user guide, one window however often F1 is pressed; it needs no unlocked store."""
        if self._guide is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()
        return self._guide

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(shortcuts(self, self.tabs), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- window state ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 860)
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:  # first run: give the queue room for its columns once the window has its size
            QTimer.singleShot(0, lambda: self.splitter.setSizes([520, 560, 420]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        self.lock()
        # Cancelled work stops within a moment; let it, so no worker outlives the window.
        QThreadPool.globalInstance().waitForDone(5000)
        self._app.removeEventFilter(self.idle)
        event.accept()
