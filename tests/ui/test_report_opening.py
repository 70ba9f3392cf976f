"""Opening the report window never waits for the record: it shows that it is counting, then the
figures; closing it mid-count and a count that fails are both handled in the window."""

from __future__ import annotations

import threading

import pytest

from db import report_rows
from tests.report.conftest import add_known_cases
from tests.ui.test_report_view import open_report

pytestmark = pytest.mark.gui


@pytest.fixture
def held(monkeypatch):
    """The window's worker waits at its first read until the test lets it go."""
    gate = threading.Event()
    real = report_rows.cases_by_half_year

    def waiting(source, **kwargs):
        assert gate.wait(10), "the test never let the count go"
        return real(source, **kwargs)

    monkeypatch.setattr(report_rows, "cases_by_half_year", waiting)
    yield gate
    gate.set()


def test_the_window_says_it_is_counting_then_shows_the_figures(window, qtbot, held):
    add_known_cases(window.desk)
    window.report_action.trigger()
    view = window._report_window
    assert view is not None and view.isVisible()
    # Open at once, before any figure: the reviewer sees it counting and cannot export yet.
    assert view.report is None
    assert view.period.currentText() == "Reading the record…" and not view.period.isEnabled()
    assert view.status.text() == "Reading the record…"
    assert not view.export_button.isEnabled() and view.export_button.toolTip() == "Counting…"
    # Printing is not built (nor the PDF libraries imported) just to open the window.
    assert "prints" not in window._services().__dict__
    with qtbot.waitSignal(view.report_shown, timeout=10000):
        held.set()
    assert view.period.isEnabled() and view.period.currentData() == view.report.period.label
    assert "demands <b>" in view.summary.text()
    assert view.status.text().startswith("Counted ")
    assert view.export_button.isEnabled()


def test_closing_the_window_while_it_counts_closes_its_reader_and_keeps_the_main_window(window, qtbot, held):
    add_known_cases(window.desk)
    window.report_action.trigger()
    view = window._report_window
    reader = view.reports.reader
    # Watched, not probed: using the connection from this thread while the worker reads on
    # it would be the very cross-thread use the window avoids.
    closed_on: list[bool] = []
    close = reader.close
    reader.close = lambda: (
        closed_on.append(threading.current_thread() is not threading.main_thread()),
        close(),
    )
    shown: list[object] = []
    view.report_shown.connect(shown.append)
    view.close()
    assert not closed_on  # not on the window's thread, and not while the count still reads
    held.set()  # the count goes on after the close: its result is dropped, its reader closed
    qtbot.waitUntil(lambda: window._report_window is None, timeout=5000)
    qtbot.waitUntil(lambda: closed_on == [True], timeout=10000)  # closed on the worker
    qtbot.wait(100)
    assert not shown
    again = open_report(window, qtbot)  # the main window is fine, and can open it afresh
    assert again is not view and again.report is not None


def test_a_count_that_fails_says_so_and_leaves_export_off(window, qtbot, monkeypatch):
    add_known_cases(window.desk)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(report_rows, "case_rows", broken)
    window.report_action.trigger()
    view = window._report_window
    qtbot.waitUntil(view.problems_label.isVisible, timeout=10000)
    assert view.problems_label.text() == "The report could not be counted: disk I/O error"
    assert view.report is None
    assert not view.export_button.isEnabled() and not view.print_button.isEnabled()
    assert view.status.text() == ""
