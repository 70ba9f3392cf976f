"""The report window's figures: the charts, the list of tables, the table chosen and the cases
counted in the figure selected (``ReportWindow`` mixes this in, from ``ui.report.view``)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.report import words as report_words
from ui.report.chart import Bar, BarChart, TrendChart
from ui.report.model import CountedCasesModel, FigureKey, FigureTableModel

if TYPE_CHECKING:
    from app.report.figures import Figure, Report, Table

COUNTRY_BARS = 8


def _wrapped(label: str) -> str:
    """A column title over two or three short lines, so a wide table fits without scrolling."""
    # A long German compound keeps its whole word on a line: a wider column, never "Zurückgezoge/n".
    return textwrap.fill(label, 12, break_long_words=False)


class _Figures(FigureTableModel):
    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return _wrapped(value)
        return value


class FiguresPanelMixin:
    """Mixed into ``ReportWindow``: builds its charts and tables and shows a report's figures."""

    def _build_body(self) -> None:
        self._build_charts()
        middle = self._build_figures()
        right = self._build_cases()

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

    def _build_charts(self) -> None:
        self.outcome_chart = BarChart(self.tr("Outcomes"))
        self.country_chart = BarChart(self.tr("Demands by requesting country"))
        self.trend_chart = TrendChart(self.tr("Trend over the past half-years"))
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

    def _build_figures(self) -> QWidget:
        self.table_titles = QStringListModel(self)
        self.table_list = QListView()
        self.table_list.setModel(self.table_titles)
        self.table_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_list.setAccessibleName(self.tr("Tables"))
        self.table_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table_list.selectionModel().currentChanged.connect(self._on_table_changed)

        self.figures = _Figures(self)
        self.figure_view = QTableView()
        self.figure_view.setModel(self.figures)
        self.figure_view.setAccessibleName(self.tr("Figures"))
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
        self.figure_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        return middle

    def _build_cases(self) -> QWidget:
        assert self.reports is not None
        config = self.reports.config
        names = {p.key: p.label for p in config.processes}
        self.cases = CountedCasesModel(
            lambda k: report_words.process(k, names.get(k, k)),
            lambda b: report_words.bucket(b, config.bucket_label(b)),
            self,
        )
        self.case_view = QTableView()
        self.case_view.setModel(self.cases)
        self.case_view.setAccessibleName(self.tr("Cases counted in the figure"))
        self.case_view.setSortingEnabled(True)
        self.case_view.horizontalHeader().setSortIndicatorShown(False)  # received order until sorted
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_view.verticalHeader().hide()
        self.case_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.case_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.case_view.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first 200 rows, not 1,000: a figure may list 100,000 cases, and
        # measuring them is GUI-thread time; the columns hold values of even width.
        self.case_view.horizontalHeader().setResizeContentsPrecision(200)
        self.case_view.activated.connect(self._open_case)
        self.cases_title = QLabel(self.tr("Cases"))
        self.cases_title.setObjectName("panelTitle")
        self.cases_title.setWordWrap(True)
        self.cases_hint = QLabel(self.tr("Select a figure to list the cases counted in it."))
        self.cases_hint.setObjectName("muted")
        self.cases_hint.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.cases_title)
        right_layout.addWidget(self.case_view, 1)
        right_layout.addWidget(self.cases_hint)
        return right

    def _show_charts(self, report: Report) -> None:
        outcomes = report.table("outcomes")
        self.outcome_chart.set_bars(
            [
                _bar(outcomes.key, r.key, report_words.row(outcomes, r), r.value("demands"))
                for r in outcomes.rows
            ]
        )
        by_country = report.table("outcomes_by_country")
        countries = by_country.rows
        hidden = len(countries) - COUNTRY_BARS
        self.country_chart.set_bars(
            [
                _bar(
                    by_country.key, r.key, f"{report_words.row(by_country, r)} ({r.key})", r.value("demands")
                )
                for r in countries[:COUNTRY_BARS]
            ],
            more=self.tr("+ {hidden} more in the table").format(hidden=hidden) if hidden > 0 else "",
        )
        self.trend_chart.set_points(report.trend)

    def _show_tables(self, report: Report) -> None:
        previous = self._current_key()
        table_key = previous.table if previous else self._current_table_key() or "totals"
        self.figures.seats = report.seat_threshold
        self.table_titles.setStringList([report_words.title(t) for t in report.tables])
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
        self.table_title.setText(report_words.title(table))
        band = self.report.config.band if self.report is not None else None
        self.table_note.setText(report_words.note(table, seats=self.figures.seats, band=band))
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
            self.cases_title.setText(self.tr("Cases"))
            self.cases_hint.setText(
                self.tr("Select a figure (click, or arrow keys) to list the cases counted in it.")
            )
            return
        key, figure = found
        table = self.figures.table
        row = table.row(key.row)
        column = next(c for c in table.columns if c.key == key.column)
        self.cases.set_rows(figure.cases)
        self.case_view.horizontalHeader().setSortIndicatorShown(False)
        self.case_view.resizeColumnsToContents()
        title = (
            self.tr("1 case in {title} · {label} · {label2}")
            if len(figure.cases) == 1
            else self.tr("{len:,} cases in {title} · {label} · {label2}")
        )
        self.cases_title.setText(
            title.format(
                len=len(figure.cases),
                title=report_words.title(table),
                label=report_words.row(table, row, seats=self.figures.seats),
                label2=report_words.column(column),
            )
        )
        # Two sentences, each whole: the first says what is listed, the second how to open one.
        self.cases_hint.setText(
            self.tr("{what_is_listed} Enter or double-click opens a case.").format(
                what_is_listed=_what_is_listed(column.kind, figure)
            )
        )

    def listed_case_ids(self) -> list[str]:
        return [self.cases.case_id_at(r) for r in range(self.cases.rowCount())]

    def _open_case(self, index: QModelIndex) -> None:
        if not index.isValid() or self.reports is None:
            return
        case_id = self.cases.case_id_at(index.row())
        if not self.reports.case_references([case_id]):
            self.status.setText(
                self.tr("{reference} is no longer in the store.").format(
                    reference=self.cases.row_at(index.row()).reference
                )
            )
            return
        self.case_activated.emit(case_id)


def _bar(table: str, row: str, label: str, value: Any) -> Bar:
    """A chart bar drawing a table's "demands" figure; clicking it lists that figure's cases."""
    return Bar(label, int(value or 0), FigureKey(table, row, "demands"))


def _what_is_listed(kind: str, figure: Figure) -> str:
    if kind == "percent":
        return QCoreApplication.translate(
            "figures_panel", "A share: listed are the cases it counts (its numerator)."
        )
    if kind == "accounts":
        if len(figure.cases) == 1:
            return QCoreApplication.translate(
                "figures_panel", "Accounts: listed is the 1 case whose accounts are added up."
            )
        return QCoreApplication.translate(
            "figures_panel", "Accounts: listed are the {len:,} cases whose accounts are added up."
        ).format(len=len(figure.cases))
    if kind == "band":
        return QCoreApplication.translate(
            "figures_panel",
            "Published only as a range; the cases are listed for the reviewer, not for publishing.",
        )
    return QCoreApplication.translate("figures_panel", "Listed in the order they were received.")
