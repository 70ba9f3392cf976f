"""The store's second, read-only connection (Store.open_reader) and the report's sliced reads.

The report window reads on it off the GUI thread; the queries read a slice of cases per
statement so a write on the store's own connection never waits long. Slicing must not
lose or repeat a case, even where a slice boundary falls among cases received at the
same instant.
"""

from __future__ import annotations

import pytest

from db import StoreError, report_rows
from db.report_rows import ReadCancelledError
from tests.report.builder import add_case, decide


def test_the_reader_sees_what_the_store_holds_and_cannot_write(desk):
    store = desk.store
    add_case(store, received="2026-02-01")
    reader = store.open_reader()
    try:
        assert reader.get_setting("default_reviewer") == store.get_setting("default_reviewer")
        assert len(report_rows.case_rows(reader, "2026-01-01", "2026-07-01")) == 1
        with pytest.raises(Exception, match="readonly|read-only|query_only"):
            reader.db.execute("DELETE FROM cases")
        add_case(store, received="2026-03-01")  # the store writes while the reader is open
        assert len(report_rows.case_rows(reader, "2026-01-01", "2026-07-01")) == 2
    finally:
        reader.close()
    assert store.count_cases() == 2


def test_no_reader_once_the_store_is_closed(desk):
    store = desk.store
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.open_reader()


def test_slices_read_every_case_once_even_at_equal_instants(desk, monkeypatch):
    store = desk.store
    ids = [add_case(store, received="2026-03-01T09:00:00+00:00") for _ in range(7)]
    ids += [add_case(store, received=f"2026-03-{d:02d}", secrecy=d % 2 == 0) for d in range(2, 12)]
    ids.append(add_case(store, received="2026-07-01"))  # the next half-year: not in the period
    for case_id in ids[:5]:
        decide(store, case_id, "reject")
    whole = report_rows.case_rows(store, "2026-01-01", "2026-07-01")
    assert len(whole) == 17
    monkeypatch.setattr(report_rows, "SLICE_CASES", 3)
    sliced = report_rows.case_rows(store, "2026-01-01", "2026-07-01")
    assert sliced == whole  # the same rows in the same order
    assert set(report_rows.trend_counts(store, "2026-01-01", "2026-07-01")) == {
        ("2026H1", "subpoena", None, 0, 12),
        ("2026H1", "subpoena", "reject", 0, 5),
    }
    assert report_rows.cases_by_half_year(store) == [("2026H1", 17), ("2026H2", 1)]


def test_a_cancelled_read_stops_between_slices(desk, monkeypatch):
    store = desk.store
    for d in range(1, 10):
        add_case(store, received=f"2026-04-{d:02d}")
    monkeypatch.setattr(report_rows, "SLICE_CASES", 2)
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2

    with pytest.raises(ReadCancelledError):
        report_rows.case_rows(store, "2026-01-01", "2026-07-01", cancelled=cancelled)
    assert len(asked) == 3
