"""``Reports.read`` (the store) and ``count`` (pure) make ``build``; the half-years a window offers."""

from __future__ import annotations

import errno
import os
import threading
from datetime import UTC, datetime

import pytest

from app import fsutil
from app.report.service import Reports
from tests.report.builder import add_case


def test_read_then_count_on_another_thread_gives_the_report_build_gives(reports, known_decided_late):
    given = reports.read("2026H1")
    counted = []
    worker = threading.Thread(target=lambda: counted.append(reports.count(given)))
    worker.start()
    worker.join()
    built = reports.build("2026H1")
    assert counted[0].tables == built.tables and counted[0].trend == built.trend
    assert counted[0].problems == built.problems


def test_read_of_a_frozen_period_counts_its_frozen_figures(reports, desk, known_decided_late):
    reports.freeze("2026H1")
    add_case(desk.store, received="2026-02-02", reference="LATE-ADDED")
    report = reports.count(reports.read("2026H1"))
    assert report.frozen is not None
    assert [c.reference for c in report.changed_since_frozen] == ["LATE-ADDED"]
    assert reports.count(reports.read("2026H1", live=True)).totals().value("demands") == 12


def test_half_years_run_from_the_first_case_to_today_newest_first(desk, known):
    desk.clock = lambda: datetime(2026, 9, 1, tzinfo=UTC)
    reports = Reports(desk)
    found = [(p.label, n) for p, n in reports.half_years()]
    assert found == [("2026H2", 1), ("2026H1", 14), ("2025H2", 1)]
    # The last complete half-year has cases: it is the one to publish.
    assert reports.default_half_year(reports.half_years()).label == "2026H1"


def test_an_empty_store_offers_the_current_half_year(desk):
    desk.clock = lambda: datetime(2027, 2, 1, tzinfo=UTC)
    reports = Reports(desk)
    assert [(p.label, n) for p, n in reports.half_years()] == [("2027H1", 0)]
    assert reports.default_half_year(reports.half_years()).label == "2027H1"


def test_an_export_that_cannot_be_written_leaves_no_file_and_no_audit_event(
    reports, desk, known_decided_late, tmp_path, monkeypatch
):
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    out = tmp_path / "exports"
    out.mkdir()
    before = len(list(desk.store.audit_events()))
    monkeypatch.setattr(fsutil.os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        reports.export(reports.build("2026H1"), "csv", out / "report.csv")
    monkeypatch.undo()
    assert list(out.iterdir()) == []  # neither the file nor its temporary
    assert len(list(desk.store.audit_events())) == before
