"""The report window reads the record off the GUI thread, on its own read-only connection, so a
big store never stalls the window; a write in the main window meanwhile is not refused."""

from __future__ import annotations

import threading

import pytest

from db import report_rows
from tests.report.builder import add_case
from tests.report.conftest import add_known_cases
from tests.ui.test_report_view import open_report, recount

pytestmark = pytest.mark.gui


def test_the_report_window_reads_off_the_gui_thread_on_a_reader_closed_on_lock(window, qtbot, monkeypatch):
    add_known_cases(window.desk)
    threads: list[tuple[str, bool]] = []
    for name in ("case_rows", "cases_by_half_year", "trend_counts", "overridden_decisions"):
        real = getattr(report_rows, name)

        def spy(source, *args, _real=real, _name=name, **kwargs):
            threads.append((_name, threading.current_thread() is threading.main_thread()))
            assert source is not window.desk.store  # the window's own reader, not the store's connection
            return _real(source, *args, **kwargs)

        monkeypatch.setattr(report_rows, name, spy)
    view = open_report(window, qtbot)
    with qtbot.waitSignal(view.report_shown, timeout=10000):
        view.select_period("2026H1")
        add_case(window.desk.store, received="2026-05-05")  # the store writes while the reader reads
    assert {name for name, _ in threads} >= {"case_rows", "cases_by_half_year"}
    assert not any(on_gui for _, on_gui in threads)
    assert recount(view, qtbot).totals().value("demands") >= 1

    reader = view.reports.reader
    assert reader is not None
    window.lock()
    qtbot.waitUntil(lambda: not view._closings, timeout=5000)
    with pytest.raises(Exception, match="closed"):
        reader.get_setting("x")


def test_opening_the_window_counts_the_default_period_once(window, qtbot, monkeypatch):
    add_known_cases(window.desk)
    reads: list[str] = []
    real = report_rows.case_rows

    def spy(source, start, end, **kwargs):
        reads.append(start)
        return real(source, start, end, **kwargs)

    monkeypatch.setattr(report_rows, "case_rows", spy)
    view = open_report(window, qtbot)
    qtbot.wait(800)  # longer than the pause after which changed controls count again
    assert len(reads) == 1 and view.period.isEnabled()
