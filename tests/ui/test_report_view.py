"""The transparency report window, driven offscreen on a real main window.

The figures it shows must be the ones ``Reports.build`` counts (and the command line
exports), every figure must list exactly the cases counted in it, and a report that
does not reconcile must not be exportable.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.report.builder import add_case, decide
from tests.report.conftest import EXPECTED_BY_COUNTRY, EXPECTED_TOTALS, Known, add_known_cases
from tests.ui.conftest import GUI_PASSPHRASE, GUI_PIN

pytestmark = pytest.mark.gui

DEMAND_DESK = Path(sys.executable).with_name("demand-desk")


@pytest.fixture
def known(window) -> Known:
    """The sixteen hand-worked cases of tests/report/conftest.py, in the window's store."""
    return add_known_cases(window.desk)


def open_report(window, qtbot):
    """The report window, opened from the View menu, once its first report is shown."""
    view_menu = window.menuBar().actions()[2].menu()
    assert window.report_action in view_menu.actions()  # View ▸ Transparency report…
    assert window.report_action.isEnabled()
    window.report_action.trigger()
    view = window._report_window
    assert view is not None
    if view.report is None:
        with qtbot.waitSignal(view.report_shown, timeout=10000):
            pass
    return view


def recount(view, qtbot, period: str | None = None):
    with qtbot.waitSignal(view.report_shown, timeout=10000):
        if period is None:
            view.rebuild()
        else:
            view.select_period(period)
    return view.report


def listed(view) -> list[str]:
    return view.listed_case_ids()


def run_cli(
    data_dir: Path, passphrase: str, *args: str, reviewer: tuple[str, str] = ("Ada", GUI_PIN)
) -> subprocess.CompletedProcess[str]:
    # A report leaving the store is audited, so the command names its reviewer.
    name, pin = reviewer
    env = dict(os.environ, DEMAND_DESK_PASSPHRASE=passphrase, DEMAND_DESK_REVIEWER=name, DEMAND_DESK_PIN=pin)
    return subprocess.run(
        [str(DEMAND_DESK), "--data-dir", str(data_dir), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# -- figures ---------------------------------------------------------------------------------


def test_the_view_opens_from_the_menu_on_the_last_half_year_with_the_figures_reports_build_counts(
    window, qtbot, known: Known
):
    from app.report.service import Reports
    from ui.report.model import format_value

    reports = Reports(window.desk)
    view = open_report(window, qtbot)
    # The last complete half-year when it has cases, else the current one (the clock is the machine's).
    assert view.period_text() == reports.default_half_year(reports.half_years()).label
    shown = recount(view, qtbot, "2026H1")
    assert shown.totals().value("demands") == EXPECTED_TOTALS["demands"]
    assert {r.key: r.value("demands") for r in shown.table("outcomes_by_country").rows} == EXPECTED_BY_COUNTRY
    expected = Reports(window.desk).build("2026H1")
    assert view.table_titles.stringList() == [t.title for t in expected.tables]
    for n, table in enumerate(expected.tables):
        view.table_list.setCurrentIndex(view.table_titles.index(n))
        model = view.figures
        assert model.table.key == table.key
        for r, row in enumerate(table.rows):
            assert model.index(r, 0).data() == row.label
            for c, column in enumerate(table.columns, start=1):
                text = model.index(r, c).data()
                assert text == format_value(row.cells[column.key].value, column.kind), (table.key, row.key)
    assert "demands <b>11</b>" in view.summary.text()


def test_clicking_a_figure_lists_exactly_the_cases_counted_in_it(window, qtbot, known: Known):
    from ui.report.model import FigureKey

    view = open_report(window, qtbot)
    report = recount(view, qtbot, "2026H1")
    view.show_figure(FigureKey("outcomes_by_country", "US", "pending"))
    assert sorted(listed(view)) == sorted(report.cases("outcomes_by_country", "US", "pending"))

    # A real click on another cell of the table shown.
    cell = view.figures.index_of("DE", "demands")
    rect = view.figure_view.visualRect(cell)
    qtbot.mouseClick(view.figure_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert listed(view) == [known.awaiting_approval]
    assert view.cases_title.text().startswith("1 case in ")

    # And from the outcomes chart: a click on the "Pending" bar lists the pending demands.
    view.outcome_chart.repaint()
    rect = next(r for r, bar in view.outcome_chart._hit if bar.key.row == "pending")
    qtbot.mouseClick(view.outcome_chart, Qt.MouseButton.LeftButton, pos=rect.center())
    pending = [known.awaiting_approval, known.escalated, known.decided_next_period, known.undecided]
    assert sorted(listed(view)) == sorted(pending)
    assert view.figures.table.key == "outcomes"

    # A figure of a table with nothing in it lists nothing.
    view.show_figure(FigureKey("civil", "civil", "content"))
    assert listed(view) == []


def test_enter_on_a_listed_case_opens_it_in_the_main_window(window, qtbot, demand_file):
    from app.report.periods import half_year_of

    case_id = window.desk.intake(demand_file.read_bytes(), demand_file.name)
    window.refresh_queue()
    view = open_report(window, qtbot)
    current = half_year_of(window.desk.clock().date()).label
    recount(view, qtbot, current)
    from ui.report.model import FigureKey

    view.show_figure(FigureKey("totals", "all", "demands"))
    assert listed(view) == [case_id]
    view.case_view.setFocus()
    view.case_view.selectRow(0)
    qtbot.keyClick(view.case_view, Qt.Key.Key_Return)
    assert window.case_id == case_id
    assert window.case_stack.currentWidget() is window.tabs


def test_enter_on_a_figure_lists_its_cases_and_moves_to_them(window, qtbot, known: Known):
    view = open_report(window, qtbot)
    recount(view, qtbot, "2026H1")
    view.table_list.setCurrentIndex(view.table_titles.index(0))  # All demands
    view.figure_view.setFocus()
    view.figure_view.setCurrentIndex(view.figures.index_of("all", "emergency"))
    qtbot.keyClick(view.figure_view, Qt.Key.Key_Return)
    assert listed(view) == [known.emergency]
    assert view.case_view.hasFocus() or not view.isActiveWindow()


# -- consistency, export ---------------------------------------------------------------------


def test_a_broken_invariant_disables_export_and_names_the_cases(window, qtbot):
    add_case(window.desk.store, received="2026-03-03", reference="GOOD-1", outcome="reject")
    # A decision from a newer workstation, with an outcome this version has no bucket for.
    add_case(window.desk.store, received="2026-03-04", reference="ODD-1", outcome="partially_granted")
    view = open_report(window, qtbot)
    report = recount(view, qtbot, "2026H1")
    assert not report.consistent
    assert view.problems_label.isVisible()
    text = view.problems_label.text()
    assert "ODD-1" in text and "partially_granted" in text and "GOOD-1" not in text
    assert not view.export_button.isEnabled()
    assert "do not reconcile" in view.export_button.toolTip()
    assert view.export_interactively() is None


def test_export_writes_the_same_csv_as_the_command_line(window, qtbot, known: Known, tmp_path):
    from app import services

    view = open_report(window, qtbot)
    recount(view, qtbot, "2026H1")
    layouts = ("ours", "google", "apple")
    for layout in layouts:
        out = tmp_path / f"window-{layout}.csv"
        assert view.export_to(out, "csv", layout) == out
        assert out.stat().st_mode & 0o077 == 0
    window.lock()  # one Demand Desk at a time per data directory: the command runs after the window
    for layout in layouts:
        args = ("report", "--period", "2026H1", "--format", "csv", "--layout", layout)
        done = run_cli(window.data_dir.root, GUI_PASSPHRASE, *args)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / f"window-{layout}.csv").read_text(encoding="utf-8") == done.stdout
    desk = services.unlock(window.data_dir, passphrase=GUI_PASSPHRASE)
    try:
        events = [e for e in desk.store.audit_events() if e["action"] == "report.exported"]
    finally:
        desk.close()
    assert len(events) == 3 + 3  # the window's three exports and the command line's three


def test_a_failed_export_shows_an_error_and_leaves_nothing(
    window, qtbot, known: Known, tmp_path, monkeypatch
):
    import errno

    from app import fsutil

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    view = open_report(window, qtbot)
    recount(view, qtbot, "2026H1")
    before = len(list(window.desk.store.audit_events()))

    missing = tmp_path / "no such folder" / "report.csv"
    assert view.export_to(missing, "csv", "ours") is None
    assert shown and "could not be written" in shown[-1] and "Nothing was written" in shown[-1]
    assert not missing.parent.exists()

    # A full disk: the write fails half way, after the temporary file was made.
    folder = tmp_path / "full"
    folder.mkdir()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fsutil.os, "fsync", full)
    assert view.export_to(folder / "report.pdf", "pdf", "ours") is None
    monkeypatch.undo()
    assert "No space left on device" in shown[-1]
    assert list(folder.iterdir()) == []  # no partial file, no temporary file
    assert len(list(window.desk.store.audit_events())) == before  # nothing exported, nothing audited


# -- frozen periods ----------------------------------------------------------------------------


def test_a_frozen_period_with_a_later_change_is_flagged_naming_the_case(window, qtbot, known: Known):
    from app.report.service import Reports

    Reports(window.desk).freeze("2026H1")
    decide(window.desk.store, known.decided_next_period, "no_data", at="2026-07-03T09:00:00+00:00")
    view = open_report(window, qtbot)
    report = recount(view, qtbot, "2026H1")
    assert report.frozen is not None
    assert view.frozen_label.isVisible() and "published figures" in view.frozen_label.text()
    assert view.changed_label.isVisible() and "H1-LATE (changed)" in view.changed_label.text()
    assert not view.seats.isEnabled()
    # The published figures: the late decision is not reflected until today's record is asked for.
    assert report.totals().value("no_data") == 0
    assert view.live.isEnabled()
    with qtbot.waitSignal(view.report_shown, timeout=10000):
        view.live.setChecked(True)
    assert view.report.frozen is None and view.report.totals().value("no_data") == 1
    assert view.seats.isEnabled()


def test_locking_closes_the_report_window_and_drops_its_figures(window, qtbot, known: Known):
    view = open_report(window, qtbot)
    recount(view, qtbot, "2026H1")
    window.lock()
    qtbot.waitUntil(lambda: window._report_window is None, timeout=2000)
    assert view.reports is None and view.report is None  # the store and the figures are let go


def test_escape_closes_the_report_window(window, qtbot, known: Known):
    view = open_report(window, qtbot)
    with qtbot.waitSignal(view.finished, timeout=2000):
        qtbot.keyClick(view.figure_view, Qt.Key.Key_Escape)
    assert window._report_window is None


# -- the "done when" -------------------------------------------------------------------


@pytest.mark.corpus
def test_on_the_demo_store_the_cli_csv_agrees_with_the_cases_the_window_lists(qtbot, tmp_path):
    """``report --period P --format csv`` on the demo store: each figure counts what the window lists.

    The demo's cases are received when the demo is made, so P is the half-year of today.
    A few get decisions first, so the outcome columns are not all pending.
    """
    from app import demo, services
    from app.datadir import DataDir
    from app.report.periods import half_year_of
    from ui.main import make_application
    from ui.main_window import MainWindow
    from ui.report.model import FigureKey

    data_dir = DataDir(tmp_path / "demo")
    demo.create_demo(data_dir).close()
    make_application()
    desk = services.unlock(data_dir, passphrase=demo.DEMO_PASSPHRASE)
    desk.sign_in(demo.DEMO_REVIEWER, demo.DEMO_PIN)
    cases = sorted(desk.cases(), key=lambda c: c.reference)
    decisions = (("reject", False), ("disclose_noncontent", True), ("withdrawn", False))
    for case, (outcome, approved) in zip(cases, decisions, strict=False):
        decide(desk.store, case.case_id, outcome, approved=approved, at=desk.now())
    period = half_year_of(desk.clock().date()).label
    desk.close()  # one Demand Desk at a time per data directory: the command runs first
    done = run_cli(
        data_dir.root,
        demo.DEMO_PASSPHRASE,
        *("report", "--period", period, "--format", "csv"),
        reviewer=(demo.DEMO_REVIEWER, demo.DEMO_PIN),
    )
    assert done.returncode == 0, done.stderr
    desk = services.unlock(data_dir, passphrase=demo.DEMO_PASSPHRASE)
    desk.sign_in(demo.DEMO_REVIEWER, demo.DEMO_PIN)
    window = MainWindow(data_dir, desk)
    qtbot.addWidget(window)
    window.show()
    try:
        view = open_report(window, qtbot)
        assert view.period_text() == period  # the demo's only half-year is the default
        report = view.report
        assert report.totals().value("demands") == len(cases)

        lines = list(csv.DictReader(io.StringIO(done.stdout)))
        assert lines
        checked = 0
        for line in lines:
            table = report.table(line["table"])
            for column in table.columns:
                text = line.get(column.key) if column.key != table.columns[0].key else line["demands"]
                if column.kind not in ("count", "accounts", "band") or text in (None, ""):
                    continue
                view.show_figure(FigureKey(table.key, line["row"], column.key))
                ids = listed(view)
                rows = [view.cases.row_at(i) for i in range(view.cases.rowCount())]
                if column.kind == "count":
                    assert len(ids) == int(text), (table.key, line["row"], column.key)
                elif column.kind == "accounts":
                    assert sum(r.accounts for r in rows) == int(text), (table.key, line["row"], column.key)
                else:
                    low, high = (int(x) for x in text.split("-"))
                    assert low <= len(ids) <= high
                checked += 1
        assert checked > 50
        outcomes = {line["row"]: int(line["demands"]) for line in lines if line["table"] == "outcomes"}
        assert outcomes["rejected"] == 1 and outcomes["noncontent_only"] == 1 and outcomes["withdrawn"] == 1
    finally:
        window.lock()
