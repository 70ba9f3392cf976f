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

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.report import words as report_words
from app.report.service import ReadCancelledError, Reports
from app.review.said import said_in
from app.services import DeskError
from ui.common.worker import Task
from ui.report.collector import collector_paused, gui_first
from ui.report.export import ExportMixin
from ui.report.figures_panel import FiguresPanelMixin

if TYPE_CHECKING:
    from app.report.figures import Report
    from app.report.periods import Period
    from app.services import Services

CUSTOM = "custom"
GEOMETRY_KEY = "report/geometry"
TITLE_BAR = 40  # px a window manager adds above a window, kept free when sizing to the screen
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


class ReportWindow(FiguresPanelMixin, ExportMixin, QDialog):
    """A period's transparency report; non-modal, beside the main window. Its figures (charts,
    tables, cases) are built and shown in ``figures_panel``, its export and printing in ``export``."""

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
        self.setWindowTitle(self.tr("Transparency report"))
        self.setStyleSheet(_BANNERS)
        # The record is read on this window's own read-only connection, by one thread at a time.
        self._own_reports: Reports | None = Reports.apart(desk)  # closed on the worker (_close_reader)
        # Printing is reached through the services when asked for: building it imports the PDF
        # libraries, which held the window's thread ~0.5 s when the window opened.
        self._services = built
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
        self.period.addItem(self.tr("Reading the record…"), None)
        self.period.setEnabled(False)  # the half-years are listed once read (see rebuild)
        self._show_period_controls()
        self.rebuild()

    # -- building ----------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.period = QComboBox()
        self.period.setMinimumContentsLength(28)
        # As wide as its longest entry: "2026H2 (1 July – 31 December 2026) — 1,234 cases · frozen"
        # (longer in German) was cut at its count.
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        period_label = QLabel(self.tr("Peri&od:"))
        period_label.setBuddy(self.period)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to.setAccessibleName(self.tr("To"))
        self.range_label = QLabel(self.tr("from"))
        self.range_to_label = QLabel(self.tr("to"))
        self.seats = QSpinBox(minimum=0, maximum=1_000_000)
        self.seats.setToolTip(
            self.tr("Enterprise customers are reported when they bought more than this many seats")
        )
        seats_label = QLabel(self.tr("Enterprise &seats over:"))
        seats_label.setBuddy(self.seats)
        assert self.reports is not None
        self.seats.setValue(self.reports.config.seat_threshold)
        self.live = QCheckBox(self.tr("Count today's &record"))
        self.live.setToolTip(
            self.tr(
                "The period is frozen: its published figures are shown. "
                "Tick to count what the store holds today."
            )
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
            frozen = period.label in self._frozen
            if cases == 1:
                text = (
                    self.tr("{label} ({title}) — 1 case · frozen")
                    if frozen
                    else self.tr("{label} ({title}) — 1 case")
                )
            else:
                text = (
                    self.tr("{label} ({title}) — {cases:,} cases · frozen")
                    if frozen
                    else self.tr("{label} ({title}) — {cases:,} cases")
                )
            self.period.addItem(
                text.format(label=period.label, title=report_words.period_title(period), cases=cases),
                period.label,
            )
        self.period.addItem(self.tr("Custom range…"), CUSTOM)
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
            # The collector's sweeps, and the interpreter lock held for 5 ms at a time, would
            # hold up the GUI thread's painting (ui/report/collector.py).
            with collector_paused(), gui_first():
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

        self._allow_leaving(False, self.tr("Counting…"))
        self.status.setText(self.tr("Reading the record…"))
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
            counting = self.tr("Counting 1 case…") if cases == 1 else self.tr("Counting {cases:,} cases…")
            self.status.setText(counting.format(cases=cases))

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
            self._show_failure(self.tr("The report could not be counted: {exc}").format(exc=exc))

    def _show_failure(self, message: str) -> None:
        self.report = None
        self.problems_label.setText(message)
        self.problems_label.show()
        self._allow_leaving(False, message)
        self.status.clear()

    # -- showing -----------------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        previous, self.report = self.report, report
        totals = report.totals()
        period = report.period
        self.summary.setText(
            self.tr(
                "<b>{label}</b> — {title}: demands <b>{value:,}</b>, accounts concerned <b>{value2:,}</b>. "
                "A case counts in the period in which it was received (UTC); select any figure to list its "
                "cases."
            ).format(
                label=period.label,
                title=report_words.period_title(period),
                value=totals.value("demands"),
                value2=totals.value("accounts"),
            )
        )
        self._show_frozen(report)
        self.notes_label.setText("\n".join(self.tr("Note: {n}").format(n=said_in(n)) for n in report.notes))
        self.notes_label.setVisible(bool(report.notes))
        self._show_problems(report)
        self._show_charts(report)
        self._show_tables(report)
        self.status.setText(
            (
                self.tr("Counted 1 case of {label}.")
                if len(report.rows) == 1
                else self.tr("Counted {len:,} cases of {label}.")
            ).format(len=len(report.rows), label=period.label)
        )
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
            frozen_text = (
                self.tr(
                    "Frozen on {frozen_at} by {frozen_by}: these are the published figures (1 case, "
                    "enterprise threshold {seat_threshold} seats)."
                )
                if frozen.cases == 1
                else self.tr(
                    "Frozen on {frozen_at} by {frozen_by}: these are the published figures ({cases:,} "
                    "cases, enterprise threshold {seat_threshold} seats)."
                )
            )
            self.frozen_label.setText(
                frozen_text.format(
                    frozen_at=frozen.frozen_at[:10],
                    frozen_by=frozen.frozen_by,
                    cases=frozen.cases,
                    seat_threshold=frozen.seat_threshold,
                )
            )
        elif report.period.label in self._frozen:
            self.frozen_label.setText(
                self.tr("Frozen period, counted from today's record (not the published figures).")
            )
        self.frozen_label.setVisible(report.period.label in self._frozen)
        changes = report.changed_since_frozen
        if changes:
            named = ", ".join(f"{c.reference} ({c.change})" for c in changes[:30])
            if len(changes) > 30:
                named = self.tr("{named} and {value} more").format(named=named, value=len(changes) - 30)
            # Whole sentences per case: how many changed, and which figures are shown below.
            if frozen and len(changes) == 1:
                text = self.tr(
                    "⚠ 1 case changed since {label} was frozen: {named}. Not silently reflected: the figures "
                    "below are as published."
                )
            elif frozen:
                text = self.tr(
                    "⚠ {len} cases changed since {label} was frozen: {named}. Not silently reflected: the "
                    "figures below are as published."
                )
            elif len(changes) == 1:
                text = self.tr(
                    "⚠ 1 case changed since {label} was frozen: {named}. Not silently reflected: the figures "
                    "below count today's record."
                )
            else:
                text = self.tr(
                    "⚠ {len} cases changed since {label} was frozen: {named}. Not silently reflected: the "
                    "figures below count today's record."
                )
            self.changed_label.setText(text.format(len=len(changes), label=report.period.label, named=named))
        self.changed_label.setVisible(bool(changes))

    def _show_problems(self, report: Report) -> None:
        if report.consistent:
            self.problems_label.hide()
            self._allow_leaving(True, self.tr("Write these figures as CSV, JSON or PDF (audited)"))
            return
        lines = "<br>".join(f"• {_escape(p.describe())}" for p in report.problems)
        self.problems_label.setText(
            self.tr(
                "<b>These figures do not reconcile, so they cannot be exported.</b> Correct the cases "
                "named below, then count again:<br>{lines}"
            ).format(lines=lines)
        )
        self.problems_label.show()
        self._allow_leaving(
            False, self.tr("Export is off: the figures do not reconcile (see the cases named).")
        )

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
            # At most the screen's free area (less a title bar): at 1366×768 a taller window hid
            # its Export and Print buttons below the screen's edge.
            width, height = 1360, 860
            # Not self.screen(): PySide ties that wrapper to this window and voids it when the window goes.
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                room = screen.availableGeometry()
                width, height = min(width, room.width()), min(height, room.height() - TITLE_BAR)
            self.resize(width, height)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
