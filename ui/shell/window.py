"""The main window: queue · viewer · case panel, with the lock screen in front when locked.

The window owns the unlocked ``Desk`` while it is unlocked and drops it (closing the
store) when it locks; every widget that shows case data is cleared at that moment. After
an action it publishes what changed on its bus (``ui.bus``); the views refresh themselves
(``ui.shell.views``). The rest of the window is in the mixins beside this module.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import services
from app.changes import Aspect, Changed
from app.datadir import DataDir
from app.model import CaseId
from ui.bus import Bus
from ui.case.audit import AuditTab
from ui.case.checklist import ChecklistTab
from ui.case.dates import DatesTab
from ui.case.decision import DecisionTab
from ui.case.disclosure import DisclosureTab
from ui.case.facts import FactsTab
from ui.case.letters import LettersTab
from ui.common.columns import remember_columns
from ui.common.worker import Task
from ui.help.guide import GuideWindow
from ui.lock import IdleWatcher, LockScreen
from ui.queue.panel import QueuePanel
from ui.report.view import ReportWindow
from ui.shell.actions import ActionsMixin
from ui.shell.case import CaseMixin
from ui.shell.intake import IntakeMixin
from ui.shell.locking import LockMixin
from ui.shell.tools import ToolsMixin
from ui.shell.views import case_views, follow_workstation
from ui.sync.controller import SyncController
from ui.today.view import TodayView
from ui.viewer.viewer import PdfViewer

if TYPE_CHECKING:
    pass


class MainWindow(ActionsMixin, LockMixin, CaseMixin, IntakeMixin, ToolsMixin, QMainWindow):
    def __init__(self, data_dir: DataDir, desk: services.Desk | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.config = data_dir.read_config()
        self.desk: services.Desk | None = None
        self.case_id: CaseId | None = None
        # Every use-case service over the unlocked desk, each built when first needed.
        self.services: services.Services | None = None
        self._pane_sizes: dict[str, list[int]] = {}  # the splitter's sizes per case tab (ui/shell/case.py)
        self._pane_tab = ""  # the tab those sizes are being kept for
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
        self.bus = Bus(self)
        self._build_panels()
        self._build_layout()
        # The widths the reviewer drags a column to are kept per table (never a value).
        self._columns = remember_columns(self.splitter, "main", self.settings)
        self.sync = SyncController(self, lambda: self.services, self.settings)
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
        self.case_views = case_views(self, self.bus)
        self.letters_view = self.case_views[2]
        follow_workstation(self, self.bus)
        self._connect()
        # Today's lists change with the date: refreshed just after midnight.
        self._midnight = QTimer(self, singleShot=True)
        self._midnight.timeout.connect(self._at_midnight)
        self._restore_geometry()
        if desk is not None:
            self._unlocked(desk)
        else:
            self._show_locked()

    # -- building --------------------------------------------------------------------

    def _build_panels(self) -> None:
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
        self.tabs.addTab(self.facts_tab, self.tr("Facts"))
        self.tabs.addTab(self.checklist_tab, self.tr("Checklist"))
        self.tabs.addTab(self.decision_tab, self.tr("Decision"))
        self.tabs.addTab(self.letters_tab, self.tr("Letters"))
        self.tabs.addTab(self.dates_tab, self.tr("Dates"))
        self.tabs.addTab(self.audit_tab, self.tr("Audit"))
        # Shown, in place of the tabs about a demand, when the case is a disclosure without legal process.
        self.tabs.addTab(self.disclosure_tab, self.tr("Disclosure"))
        self.tabs.setTabVisible(self.tabs.indexOf(self.disclosure_tab), False)
        self.tabs.setDocumentMode(True)
        # Every tab's title stays in sight (no scroll arrows hiding "Protokoll"): the titles count
        # towards the case panel's minimum width, which still leaves the queue its Status at 1366 px.
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.case_title = QLabel(self.tr("No case open"))
        self.case_title.setObjectName("panelTitle")
        # A long file name must not push the queue aside: the title is cut, not the layout.
        self.case_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _build_layout(self) -> None:
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
            banner = QLabel(self.tr("Demo workstation — synthetic demands only. Never put real cases here."))
            banner.setObjectName("demoBanner")
            workspace_layout.addWidget(banner)
        workspace_layout.addWidget(self.splitter, 1)

        self.lock_screen = LockScreen()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)

    def _connect(self) -> None:
        """The widgets' signals: what the reviewer did is published as what it changed."""
        self.idle.idle.connect(self.lock)
        self.lock_screen.unlock_requested.connect(self.unlock_interactively)
        self.queue.case_selected.connect(self._on_case_selected)
        # The viewer follows the queue: a case the search hides is closed, not left on screen.
        self.queue.case_filtered_out.connect(lambda _case_id: self._close_case())
        self.facts_tab.show_source.connect(lambda page, boxes: self.viewer.highlight(page, boxes))
        self.checklist_tab.show_source.connect(lambda page, boxes: self.viewer.highlight(page, boxes))
        self.checklist_tab.changed.connect(lambda: self._publish(Aspect.REVIEW))
        self.decision_tab.decided.connect(lambda message: self._publish(Aspect.DECISION, message=message))
        self.disclosure_tab.approved.connect(
            lambda message: self._publish(Aspect.DISCLOSURE, message=message)
        )
        self.decision_tab.item_activated.connect(self._show_checklist_item)
        self.letters_tab.changed.connect(lambda: self._publish(Aspect.LETTERS))
        self.letters_tab.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.dates_tab.changed.connect(lambda message: self._publish(Aspect.DATES, message=message))
        self.dates_tab.draft_letter.connect(self._draft_from_dates)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.today_view.case_activated.connect(self._open_from_today)
        self.sync.cases_changed.connect(self._cases_received)
        self.sync.roster_changed.connect(lambda: self.bus.publish(Changed.everywhere(Aspect.ROSTER)))
        # Right-clicking a case in the queue selects it: its menu acts on it.
        self.queue.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.queue.table.addActions([self.sync.export_action, self.sync.resolve_action])
        self.sync.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
