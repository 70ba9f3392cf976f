"""The transparency report window: pick a period, read its tables and charts, list the cases
behind any figure, export.

Everything shown comes from ``Reports`` (``app.report.service``): the window reads the
record on a read-only connection of its own (``Reports.apart``: the store's own
connection belongs to the GUI thread) and counts it (``Reports.read`` /
``Reports.count``) on one worker thread, so a big half-year never stalls the window,
not even while the half-years are listed when it opens. It holds nothing once shut
(on lock): the reader is closed.
"""

from __future__ import annotations

import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    QStringListModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QCursor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.report.figures import ReportError
from app.report.service import ReadCancelledError, Reports
from app.services import DeskError
from ui.common.busy import busy_cursor
from ui.common.worker import Task
from ui.report.chart import Bar, BarChart, TrendChart
from ui.report.collector import collector_paused
from ui.report.model import CountedCasesModel, FigureKey, FigureTableModel

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.report.figures import Figure, Report, Table
    from app.report.periods import Period
    from app.services import Services

FORMATS = (("csv", "CSV"), ("json", "JSON"), ("pdf", "PDF"))
LAYOUTS = (("ours", "our columns"), ("google", "like Google's"), ("apple", "like Apple's"))
CUSTOM = "custom"
COUNTRY_BARS = 8
FOLDER_KEY = "report/last_folder"
GEOMETRY_KEY = "report/geometry"
# A report no longer shown is freed this many cases at a time, off the GUI thread (see _release).
RELEASE_SLICE = 2000
RELEASE_PAUSE_S = 0.001
# The figures follow the controls after a short pause, not at every step of a spin box.
REBUILD_DELAY_MS = 250
_BANNERS = """
QLabel#reportProblems { background: #fce8e6; color: #8c1d18; border: 1px solid #e6b8b4; padding: 6px 8px; }
QLabel#reportChanged { background: #fff4ce; color: #5c4400; border: 1px solid #ecd9a0; padding: 6px 8px; }
QLabel#reportFrozen { background: #e8f0fe; color: #174ea6; padding: 4px 8px; }
"""


def _wrapped(label: str) -> str:
    """A column title over two or three short lines, so a wide table fits without scrolling."""
    return textwrap.fill(label, 12)


class _Figures(FigureTableModel):
    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return _wrapped(value)
        return value


class ReportWindow(QDialog):
    """A period's transparency report; non-modal, beside the main window."""

    #: the id (str) of a case to open in the main window: Enter or double-click in the cases list
    case_activated = Signal(str)
    #: the Report (app.report.figures.Report) now shown, after every rebuild
    report_shown = Signal(object)
    #: the path (pathlib.Path) of an export just written
    exported = Signal(object)

    def __init__(
        self, built: Services, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        """``built``: the main window's services over the unlocked desk (printing is audited there)."""
        desk = built.desk
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle("Transparency report")
        self.setStyleSheet(_BANNERS)
        # The record is read on this window's own read-only connection, by one thread at a time.
        self._own_reports: Reports | None = Reports.apart(desk)  # closed on the worker (_close_reader)
        self._prints = built.prints
        self._closings: set[Task] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.reports: Reports | None = self._own_reports
        self.settings = settings
        self.report: Report | None = None
        self._task: Task | None = None
        self._generation = 0  # results of a superseded request are dropped
        self._dialog: QFileDialog | None = None
        self._print_dialog: QDialog | None = None
        self._frozen = {f.period: f for f in self.reports.frozen_periods()}
        self._rebuild = QTimer(self, singleShot=True, interval=REBUILD_DELAY_MS)
        self._rebuild.timeout.connect(self.rebuild)

        self._build_controls()
        self._build_body()
        self._build_footer()
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.frozen_label)
        layout.addWidget(self.changed_label)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.charts)
        layout.addWidget(self.body, 1)
        layout.addLayout(self.footer)
        self._tab_order()
        self._restore_geometry()
        self.period.addItem("Reading the record…", None)
        self.period.setEnabled(False)  # the half-years are listed once read (see rebuild)
        self._show_period_controls()
        self.rebuild()

    # -- building ----------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.period = QComboBox()
        self.period.setMinimumContentsLength(28)
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setAccessibleName("From")
        self.date_to.setAccessibleName("To")
        self.range_label = QLabel("from")
        self.range_to_label = QLabel("to")
        self.seats = QSpinBox(minimum=0, maximum=1_000_000)
        self.seats.setToolTip("Enterprise customers are reported when they bought more than this many seats")
        seats_label = QLabel("Enterprise &seats over:")
        seats_label.setBuddy(self.seats)
        assert self.reports is not None
        self.seats.setValue(self.reports.config.seat_threshold)
        self.live = QCheckBox("Count today's &record")
        self.live.setToolTip(
            "The period is frozen: its published figures are shown. Tick to count what the store holds today."
        )
        self.controls = QHBoxLayout()
        for widget in (period_label, self.period, self.range_label, self.date_from, self.range_to_label,
                       self.date_to):  # fmt: skip
            self.controls.addWidget(widget)
        self.controls.addSpacing(16)
        self.controls.addWidget(seats_label)
        self.controls.addWidget(self.seats)
        self.controls.addSpacing(16)
        self.controls.addWidget(self.live)
        self.controls.addStretch(1)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.date_from.dateChanged.connect(self._later)
        self.date_to.dateChanged.connect(self._later)
        self.seats.valueChanged.connect(self._later)
        self.live.toggled.connect(self._on_live_toggled)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.frozen_label = self._banner("reportFrozen")
        self.changed_label = self._banner("reportChanged")
        self.problems_label = self._banner("reportProblems")
        self.notes_label = self._banner("reportNotes")
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)  # reasons typed by reviewers

    def _banner(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _build_body(self) -> None:
        self.outcome_chart = BarChart("Outcomes")
        self.country_chart = BarChart("Demands by requesting country")
        self.trend_chart = TrendChart("Trend over the past half-years")
        for chart in (self.outcome_chart, self.country_chart):
            chart.figure_clicked.connect(self.show_figure)
        self.charts = QFrame()
        self.charts.setFrameShape(QFrame.Shape.StyledPanel)
        charts = QHBoxLayout(self.charts)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.outcome_chart, 4)
        charts.addWidget(self.country_chart, 4)
        charts.addWidget(self.trend_chart, 5)
        self.charts.setFixedHeight(200)

        self.table_titles = QStringListModel(self)
        self.table_list = QListView()
        self.table_list.setModel(self.table_titles)
        self.table_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_list.setAccessibleName("Tables")
        self.table_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table_list.selectionModel().currentChanged.connect(self._on_table_changed)

        self.figures = _Figures(self)
        self.figure_view = QTableView()
        self.figure_view.setModel(self.figures)
        self.figure_view.setAccessibleName("Figures")
        self.figure_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.figure_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.figure_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figure_view.setWordWrap(False)
        self.figure_view.verticalHeader().hide()
        self.figure_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        )
        self.figure_view.selectionModel().currentChanged.connect(self._on_figure_changed)
        self.figure_view.activated.connect(self._on_figure_activated)
        self.table_title = QLabel()
        self.table_title.setObjectName("panelTitle")
        self.table_note = QLabel()
        self.table_note.setObjectName("muted")
        self.table_note.setWordWrap(True)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.table_title)
        middle_layout.addWidget(self.figure_view, 1)
        middle_layout.addWidget(self.table_note)

        assert self.reports is not None
        config = self.reports.config
        names = {p.key: p.label for p in config.processes}
        self.cases = CountedCasesModel(lambda k: names.get(k, k), config.bucket_label, self)
        self.case_view = QTableView()
        self.case_view.setModel(self.cases)
        self.case_view.setAccessibleName("Cases counted in the figure")
        self.case_view.setSortingEnabled(True)
        self.case_view.horizontalHeader().setSortIndicatorShown(False)  # received order until sorted
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_view.verticalHeader().hide()
        self.case_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.case_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.figure_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.case_view.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first 200 rows, not 1,000: a figure may list 100,000 cases, and
        # measuring them is GUI-thread time; the columns hold values of even width.
        self.case_view.horizontalHeader().setResizeContentsPrecision(200)
        self.case_view.activated.connect(self._open_case)
        self.cases_title = QLabel("Cases")
        self.cases_title.setObjectName("panelTitle")
        self.cases_title.setWordWrap(True)
        self.cases_hint = QLabel("Select a figure to list the cases counted in it.")
        self.cases_hint.setObjectName("muted")
        self.cases_hint.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.cases_title)
        right_layout.addWidget(self.case_view, 1)
        right_layout.addWidget(self.cases_hint)

        # The figures above the cases behind the one selected: both get the window's width.
        self.detail = QSplitter(Qt.Orientation.Vertical)
        self.detail.addWidget(middle)
        self.detail.addWidget(right)
        self.detail.setSizes([260, 300])
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(self.table_list)
        self.body.addWidget(self.detail)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 5)
        self.body.setSizes([270, 1090])

    def _build_footer(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.format = QComboBox()
        for key, text in FORMATS:
            self.format.addItem(text, key)
        self.layout_choice = QComboBox()
        for key, text in LAYOUTS:
            self.layout_choice.addItem(text, key)
        format_label = QLabel("&Format:")
        format_label.setBuddy(self.format)
        self.layout_label = QLabel("&Columns:")
        self.layout_label.setBuddy(self.layout_choice)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.export_button = QPushButton("&Export…")
        self.export_button.clicked.connect(self.export_interactively)
        self.print_button = QPushButton("&Print…")
        self.print_button.setToolTip("Print the report as its PDF export shows it (Ctrl+P; audited)")
        self.print_button.clicked.connect(lambda: self.print_report())
        self.preview_button = QPushButton("Pre&view…")
        self.preview_button.setToolTip("See the printed pages first")
        self.preview_button.clicked.connect(lambda: self.print_report(preview=True))
        print_action = QAction("Print", self)
        print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        print_action.triggered.connect(lambda: self.print_report())
        self.addAction(print_action)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.close)
        # Enter belongs to the tables (list a figure's cases, open a case), never to a button.
        for button in (self.export_button, self.print_button, self.preview_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.status, 1)
        for widget in (format_label, self.format, self.layout_label, self.layout_choice, self.export_button,
                       self.print_button, self.preview_button, self.close_button):  # fmt: skip
            self.footer.addWidget(widget)

    def _tab_order(self) -> None:
        chain = [self.period, self.date_from, self.date_to, self.seats, self.live, self.table_list,
                 self.figure_view, self.case_view, self.format, self.layout_choice, self.export_button,
                 self.print_button, self.preview_button, self.close_button]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    # -- the period --------------------------------------------------------------------

    def _fill_periods(self, half_years: list[tuple[Period, int]]) -> None:
        assert self.reports is not None
        default = self.reports.default_half_year(half_years)
        self.period.blockSignals(True)
        self.period.clear()
        for period, cases in half_years:
            frozen = " · frozen" if period.label in self._frozen else ""
            text = f"{period.label} ({period.title()}) — {cases:,} case(s){frozen}"
            self.period.addItem(text, period.label)
        self.period.addItem("Custom range…", CUSTOM)
        self.period.setCurrentIndex(self.period.findData(default.label))
        self.period.setEnabled(True)
        self.period.blockSignals(False)
        for edit, day in ((self.date_from, default.start), (self.date_to, default.end)):
            edit.blockSignals(True)  # the default period is being counted already: not again
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._show_period_controls()

    def select_period(self, text: str) -> None:
        """Show a half-year (``2026H1``) or a range (``2026-01-01..2026-03-31``) and count it now."""
        index = self.period.findData(text)
        if index < 0:
            start, _, end = text.partition("..")
            self.period.setCurrentIndex(self.period.findData(CUSTOM))
            self.date_from.setDate(QDate.fromString(start, "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(end, "yyyy-MM-dd"))
        else:
            self.period.setCurrentIndex(index)
        self.rebuild()

    def period_text(self) -> str:
        data = self.period.currentData()
        if data != CUSTOM:
            return str(data)
        return f"{self.date_from.date().toString('yyyy-MM-dd')}..{self.date_to.date().toString('yyyy-MM-dd')}"

    def _show_period_controls(self) -> None:
        custom = self.period.currentData() == CUSTOM
        for widget in (self.range_label, self.date_from, self.range_to_label, self.date_to):
            widget.setVisible(custom)
        frozen = self.period_text() in self._frozen
        self.live.setEnabled(frozen)
        if not frozen:
            self.live.setChecked(False)
        self._show_seats_control()

    def _show_seats_control(self) -> None:
        frozen = self._frozen.get(self.period_text())
        published = frozen is not None and not self.live.isChecked()
        self.seats.setEnabled(not published)
        if frozen is not None and published:
            self.seats.blockSignals(True)
            self.seats.setValue(frozen.seat_threshold)
            self.seats.blockSignals(False)

    def _on_period_changed(self) -> None:
        self._show_period_controls()
        self._later()

    def _on_live_toggled(self) -> None:
        self._show_seats_control()
        self._later()

    def _later(self) -> None:
        self._rebuild.start()

    def records_changed(self) -> None:
        """Cases changed outside this window (a sync brought them): count the period again."""
        if self.reports is not None:
            self._later()

    # -- counting ----------------------------------------------------------------------

    def rebuild(self) -> None:
        """Read the period and count it on the window's worker (the first time: the half-years too)."""
        self._rebuild.stop()
        reports = self.reports
        if reports is None:
            return
        self._generation += 1
        generation = self._generation
        listed = self.period.isEnabled()  # the half-years are listed: read what the controls say
        text = self.period_text() if listed else None
        live = self.live.isChecked()
        seats = None if text in self._frozen and not live else self.seats.value()
        frozen = set(self._frozen)

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
            with collector_paused():  # its sweeps of a big heap would hold up the GUI thread
                half_years = None
                period: Period | str | None = text
                threshold = seats
                if period is None:
                    half_years = reports.half_years(cancelled=cancelled)
                    period = reports.default_half_year(half_years)
                    threshold = None if period.label in frozen else threshold
                given = reports.read(period, seat_threshold=threshold, live=live, cancelled=cancelled)
                progress(len(given.raw_rows), len(given.raw_rows), given.period.label)
                return half_years, reports.count(given)

        self._allow_leaving(False, "Counting…")
        self.status.setText("Reading the record…")
        task = Task(work)
        task.signals.progress.connect(lambda n, _total, _label: self._reading(generation, n))
        task.signals.done.connect(lambda result: self._counted(generation, *result))
        task.signals.failed.connect(lambda exc: self._count_failed(generation, exc))
        task.signals.finished.connect(lambda: self._finished(task))
        if self._task is not None:
            self._task.cancel()
        self._task = task
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        self._pool.start(task)

    def _reading(self, generation: int, cases: int) -> None:
        if generation == self._generation and self.reports is not None:
            self.status.setText(f"Counting {cases:,} case(s)…")

    def _finished(self, task: Task) -> None:
        QGuiApplication.restoreOverrideCursor()
        if self._task is task:
            self._task = None

    def _counted(self, generation: int, half_years: list[tuple[Period, int]] | None, report: Report) -> None:
        if half_years is not None and self.reports is not None and not self.period.isEnabled():
            self._fill_periods(half_years)  # listed even when a later request supersedes this one
        if generation != self._generation or self.reports is None:
            return  # a later request is on its way, or the window was shut
        self.show_report(report)

    def _count_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or self.reports is None or isinstance(exc, ReadCancelledError):
            return
        if isinstance(exc, DeskError):
            self._show_failure(str(exc))
        else:
            self._show_failure(f"The report could not be counted: {exc}")

    def _show_failure(self, message: str) -> None:
        self.report = None
        self.problems_label.setText(message)
        self.problems_label.show()
        self._allow_leaving(False, message)
        self.status.clear()

    def _allow_leaving(self, allowed: bool, why: str) -> None:
        """Export and print go together: both take the figures out of the store."""
        self.export_button.setEnabled(allowed)
        self.export_button.setToolTip(why)
        for button in (self.print_button, self.preview_button):
            button.setEnabled(allowed)

    # -- showing -----------------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        previous, self.report = self.report, report
        totals = report.totals()
        period = report.period
        self.summary.setText(
            f"<b>{period.label}</b> — {period.title()}: <b>{totals.value('demands'):,}</b> demand(s) about "
            f"<b>{totals.value('accounts'):,}</b> account(s). A case counts in the period in which it was "
            "received (UTC); select any figure to list its cases."
        )
        self._show_frozen(report)
        self.notes_label.setText("\n".join(f"Note: {n}" for n in report.notes))
        self.notes_label.setVisible(bool(report.notes))
        self._show_problems(report)
        self._show_charts(report)
        self._show_tables(report)
        self.status.setText(f"Counted {len(report.rows):,} case(s) of {period.label}.")
        if previous is not None:
            self._release(previous)
        self.report_shown.emit(report)

    def _release(self, report: Report) -> None:
        """Let go of a report no longer shown on the worker, a slice of cases at a time: freeing
        100,000 cases at once takes the GUI thread ~0.1 s (and holds the interpreter as long)."""
        holder = [report]
        del report

        def release(_progress: Callable[[int, int, str], None], _cancelled: Callable[[], bool]) -> None:
            # The cases and tables outlive the report, then go a table, a slice of cases at a time:
            # the interpreter is handed back between each (a sleep lets go of it at once; waiting
            # for the 5 ms switch interval at every Qt call the GUI thread makes stalls its painting).
            tables, rows = list(holder[0].tables), list(holder[0].rows)
            holder.clear()
            while tables:
                tables.pop()
                time.sleep(RELEASE_PAUSE_S)
            while rows:
                del rows[-RELEASE_SLICE:]
                time.sleep(RELEASE_PAUSE_S)

        task = Task(release)
        task.signals.finished.connect(lambda: self._closings.discard(task))
        self._closings.add(task)  # kept until run: the pool does not own it
        self._pool.start(task)

    def _show_frozen(self, report: Report) -> None:
        frozen = report.frozen
        if frozen is not None:
            self.frozen_label.setText(
                f"Frozen on {frozen.frozen_at[:10]} by {frozen.frozen_by}: these are the published figures "
                f"({frozen.cases:,} case(s), enterprise threshold {frozen.seat_threshold} seats)."
            )
        elif report.period.label in self._frozen:
            self.frozen_label.setText(
                "Frozen period, counted from today's record (not the published figures)."
            )
        self.frozen_label.setVisible(report.period.label in self._frozen)
        changes = report.changed_since_frozen
        if changes:
            named = ", ".join(f"{c.reference} ({c.change})" for c in changes[:30])
            more = f" and {len(changes) - 30} more" if len(changes) > 30 else ""
            shown = "as published" if frozen else "counting today's record"
            self.changed_label.setText(
                f"⚠ {len(changes)} case(s) changed since {report.period.label} was frozen: {named}{more}. "
                f"Not silently reflected: the figures below are {shown}."
            )
        self.changed_label.setVisible(bool(changes))

    def _show_problems(self, report: Report) -> None:
        if report.consistent:
            self.problems_label.hide()
            self._allow_leaving(True, "Write these figures as CSV, JSON or PDF (audited)")
            return
        lines = "<br>".join(f"• {_escape(p.describe())}" for p in report.problems)
        self.problems_label.setText(
            "<b>These figures do not reconcile, so they cannot be exported.</b> Correct the cases named "
            f"below, then count again:<br>{lines}"
        )
        self.problems_label.show()
        self._allow_leaving(False, "Export is off: the figures do not reconcile (see the cases named).")

    def _show_charts(self, report: Report) -> None:
        outcomes = report.table("outcomes")
        self.outcome_chart.set_bars(
            [_bar(outcomes.key, r.key, r.label, r.value("demands")) for r in outcomes.rows]
        )
        by_country = report.table("outcomes_by_country")
        countries = by_country.rows
        hidden = len(countries) - COUNTRY_BARS
        self.country_chart.set_bars(
            [
                _bar(by_country.key, r.key, f"{r.label} ({r.key})", r.value("demands"))
                for r in countries[:COUNTRY_BARS]
            ],
            more=f"+ {hidden} more in the table" if hidden > 0 else "",
        )
        self.trend_chart.set_points(report.trend)

    def _show_tables(self, report: Report) -> None:
        previous = self._current_key()
        table_key = previous.table if previous else self._current_table_key() or "totals"
        self.table_titles.setStringList([t.title for t in report.tables])
        keys = [t.key for t in report.tables]
        row = keys.index(table_key) if table_key in keys else 0
        self.figures.set_table(None)  # the list's current row may not change: show the table anew
        self.table_list.setCurrentIndex(self.table_titles.index(row))
        if self.figures.table is not report.tables[row]:  # not shown already by _on_table_changed
            self._show_table(report.tables[row])
        if previous is not None:
            self._select_figure(previous.row, previous.column)
        else:
            self._list_cases(None)

    def _current_table_key(self) -> str | None:
        return self.figures.table.key if self.figures.table is not None else None

    def _current_key(self) -> FigureKey | None:
        found = self.figures.figure_at(self.figure_view.currentIndex())
        return found[0] if found else None

    def _on_table_changed(self, current: QModelIndex) -> None:
        if self.report is None or not current.isValid():
            return
        table = self.report.tables[current.row()]
        if self.figures.table is not table:
            self._show_table(table)
            self._list_cases(None)

    def _show_table(self, table: Table) -> None:
        self.figures.set_table(table)
        self.table_title.setText(table.title)
        self.table_note.setText(table.note)
        self.figure_view.resizeColumnsToContents()

    def show_figure(self, key: FigureKey) -> None:
        """Show the table of a figure with the figure selected, and list its cases."""
        if self.report is None:
            return
        keys = [t.key for t in self.report.tables]
        if key.table not in keys:
            return
        self.table_list.setCurrentIndex(self.table_titles.index(keys.index(key.table)))
        self._select_figure(key.row, key.column)

    def _select_figure(self, row: str, column: str) -> None:
        index = self.figures.index_of(row, column)
        if not index.isValid():
            self._list_cases(None)
            return
        selection = self.figure_view.selectionModel()
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.figure_view.scrollTo(index)
        self._list_cases(index)

    def _on_figure_changed(self, current: QModelIndex) -> None:
        self._list_cases(current)

    def _on_figure_activated(self, index: QModelIndex) -> None:
        """Enter (or a double-click) on a figure: its cases, and the keyboard goes to them."""
        self._list_cases(index)
        if self.cases.rowCount():
            self.case_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.case_view.selectRow(0)

    def _list_cases(self, index: QModelIndex | None) -> None:
        found = self.figures.figure_at(index) if index is not None else None
        if found is None or self.figures.table is None:
            self.cases.set_rows([])
            self.cases_title.setText("Cases")
            self.cases_hint.setText("Select a figure (click, or arrow keys) to list the cases counted in it.")
            return
        key, figure = found
        table = self.figures.table
        row = table.row(key.row)
        column = next(c for c in table.columns if c.key == key.column)
        self.cases.set_rows(figure.cases)
        self.case_view.horizontalHeader().setSortIndicatorShown(False)
        self.case_view.resizeColumnsToContents()
        self.cases_title.setText(
            f"{len(figure.cases):,} case(s) in {table.title} · {row.label} · {column.label}"
        )
        self.cases_hint.setText(_what_is_listed(column.kind, figure) + " Enter or double-click opens a case.")

    def listed_case_ids(self) -> list[str]:
        return [self.cases.case_id_at(r) for r in range(self.cases.rowCount())]

    def _open_case(self, index: QModelIndex) -> None:
        if not index.isValid() or self.reports is None:
            return
        case_id = self.cases.case_id_at(index.row())
        if not self.reports.case_references([case_id]):
            self.status.setText(f"{self.cases.row_at(index.row()).reference} is no longer in the store.")
            return
        self.case_activated.emit(case_id)

    # -- export ------------------------------------------------------------------------

    def _on_format_changed(self) -> None:
        csv = self.format.currentData() == "csv"
        self.layout_choice.setEnabled(csv)
        self.layout_label.setEnabled(csv)

    def suggested_name(self) -> str:
        fmt = self.format.currentData()
        label = self.report.period.label.replace("..", "_to_") if self.report else "report"
        layout = self.layout_choice.currentData()
        suffix = f"-{layout}" if fmt == "csv" and layout != "ours" else ""
        return f"transparency-report-{label}{suffix}.{fmt}"

    def export_interactively(self) -> Path | None:
        if self.report is None or not self.report.consistent:
            return None
        path = self._ask_path(self.suggested_name())
        if path is None:
            return None
        return self.export_to(path)

    def export_to(self, path: Path, fmt: str | None = None, layout: str | None = None) -> Path | None:
        """Write the report shown to ``path`` (audited); a failure is shown and leaves no file."""
        report, reports = self.report, self.reports
        if report is None or reports is None:
            return None
        fmt = fmt or str(self.format.currentData())
        layout = layout or str(self.layout_choice.currentData())
        try:
            with busy_cursor():
                reports.export(report, fmt, path, layout=layout)
        except ReportError as exc:
            QMessageBox.critical(self, "Report not exported", str(exc))
            return None
        except OSError as exc:
            reason = exc.strerror or str(exc)
            QMessageBox.critical(
                self,
                "Report not exported",
                f"The report could not be written to {path}:\n{reason}.\n\nNothing was written there; "
                "choose another folder (one you can write to, on a disk with room).",
            )
            return None
        except DeskError as exc:
            QMessageBox.critical(self, "Report not exported", str(exc))
            return None
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))
        self.status.setText(f"Wrote the {report.period.label} report ({fmt.upper()}) to {path}.")
        self.exported.emit(path)
        return path

    def print_report(self, *, preview: bool = False, printer: QPrinter | None = None) -> bool:
        """Print the report shown, as its PDF export (audited); ``printer``: a test's PDF printer."""
        report, reports = self.report, self.reports
        if report is None or reports is None or not report.consistent:
            return False
        from ui.common import printing

        prints = self._prints
        try:
            with busy_cursor():
                printout = prints.report(reports, report)
        except (ReportError, DeskError) as exc:
            QMessageBox.critical(self, "Report not printed", str(exc))
            return False
        run = printing.preview if preview else printing.print_interactively
        if not run(self, prints, printout, printer, self._print_opened):
            return False
        self.status.setText(f"Printed the {report.period.label} report.")
        return True

    def _print_opened(self, dialog: QDialog | None) -> None:
        self._print_dialog = dialog  # closed by locking (shut)

    def _ask_path(self, name: str) -> Path | None:
        folder = str(Path.home())
        if self.settings is not None:
            folder = str(self.settings.value(FOLDER_KEY, folder))
        fmt = str(self.format.currentData())
        dialog = QFileDialog(self, "Export the transparency report", folder, f"{fmt.upper()} files (*.{fmt})")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(fmt)
        dialog.selectFile(name)
        self._dialog = dialog
        try:
            if not dialog.exec() or not dialog.selectedFiles() or self.reports is None:
                return None
            path = Path(dialog.selectedFiles()[0])
        finally:
            self._dialog = None
            dialog.deleteLater()
        return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")

    # -- closing -----------------------------------------------------------------------

    def shut(self) -> None:
        """Drop every figure and case shown and the store, and close (the main window locks)."""
        for dialog in (self._dialog, self._print_dialog):
            if dialog is not None:
                dialog.reject()
        self._rebuild.stop()
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        self._close_reader()
        self.reports = None
        self.report = None
        self.cases.set_rows([])
        self.figures.set_table(None)
        self.table_titles.setStringList([])
        for chart in (self.outcome_chart, self.country_chart):
            chart.clear()
        self.trend_chart.clear()
        labels = (self.summary, self.frozen_label, self.changed_label, self.problems_label, self.cases_title)
        for label in labels:
            label.clear()
        self.close()

    def _close_reader(self) -> None:
        """Close the read-only connection once the worker is done with it (after a cancelled
        read's current slice): the GUI thread does not wait for it."""
        reading, self._own_reports = self._own_reports, None
        if reading is None:
            return
        self.reports = None  # nothing more is read: a later rebuild does nothing
        self._rebuild.stop()
        if self._task is not None:
            self._task.cancel()
        closing = Task(lambda _progress, _cancelled: reading.close())
        closing.signals.finished.connect(lambda: self._closings.discard(closing))
        self._closings.add(closing)  # kept until run: the pool does not own it
        self._pool.start(closing)

    def done(self, result: int) -> None:
        if self.settings is not None:
            self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._close_reader()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.settings is not None:
            self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._close_reader()
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY) if self.settings is not None else None
        if geometry is None or not self.restoreGeometry(geometry):  # type: ignore[arg-type]
            self.resize(1360, 860)


def _bar(table: str, row: str, label: str, value: Any) -> Bar:
    """A chart bar drawing a table's "demands" figure; clicking it lists that figure's cases."""
    return Bar(label, int(value or 0), FigureKey(table, row, "demands"))


def _what_is_listed(kind: str, figure: Figure) -> str:
    if kind == "percent":
        return "A share: listed are the cases it counts (its numerator)."
    if kind == "accounts":
        return f"Accounts: listed are the {len(figure.cases):,} case(s) whose accounts are added up."
    if kind == "band":
        return "Published only as a range; the cases are listed for the reviewer, not for publishing."
    return "Listed in the order they were received."


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
