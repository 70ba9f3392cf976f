"""A published period is frozen: its figures stay as published and later changes to its cases are flagged."""

from __future__ import annotations

import json

import pytest

from app.services import DeskError
from tests.report.builder import add_case, decide


def test_a_frozen_period_keeps_its_figures_and_flags_a_later_change(desk, reports, known_decided_late):
    k = known_decided_late
    frozen = reports.freeze("2026H1")
    assert frozen.frozen is not None and frozen.frozen.frozen_by == "Ada"
    assert frozen.changed_since_frozen == ()
    # Later, a reviewer revises a decision of a case in the frozen half-year.
    decide(desk.store, k.undecided, "disclose_content", approved=True)
    report = reports.build("2026H1")
    assert report.frozen is not None
    assert report.totals().value("content") == 1 and report.totals().value("pending") == 3  # as published
    assert [(c.case_id, c.reference, c.change) for c in report.changed_since_frozen] == [
        (k.undecided, "H1-UNDECIDED", "changed")
    ]
    live = reports.build("2026H1", live=True)
    assert live.frozen is None
    assert live.totals().value("content") == 2 and live.totals().value("pending") == 2
    assert [c.case_id for c in live.changed_since_frozen] == [k.undecided]
    data = json.loads(reports.render(report, "json"))
    assert data["changed_since_frozen"] == [k.undecided]
    assert data["frozen"]["frozen_by"] == "Ada" and data["totals"]["outcomes"]["pending"] == 3


def test_a_case_that_appears_in_a_frozen_period_is_flagged_as_added(desk, reports, known_decided_late):
    reports.freeze("2026H1")
    late = add_case(desk.store, received="2026-02-02", reference="H1-SYNCED")  # e.g. synced from elsewhere
    report = reports.build("2026H1")
    assert [(c.case_id, c.change) for c in report.changed_since_frozen] == [(late, "added")]
    assert report.totals().value("demands") == 11  # not silently reflected


def test_a_change_that_does_not_touch_the_figures_is_not_flagged(desk, reports, known_decided_late):
    reports.freeze("2026H1")
    # A note no figure reads: who the target is.
    desk.store.set_review_context(
        {
            "case_id": known_decided_late.undecided,
            "key": "target_is_journalist_or_activist",
            "value": "true",
            "reviewer": "Ada",
            "set_at": "2026-08-01T00:00:00+00:00",
        }  # fmt: skip
    )
    assert reports.build("2026H1").changed_since_frozen == ()


def test_freezing_is_audited_and_done_once_unless_replaced_with_a_reason(desk, reports, known_decided_late):
    reports.freeze("2026H1")
    event = desk.audit_trail()[-1]
    assert event.action == "report.frozen" and event.payload["period"] == "2026H1"
    assert event.payload["demands"] == 11
    with pytest.raises(DeskError, match="was frozen on"):
        reports.freeze("2026H1")
    with pytest.raises(DeskError, match="Say why"):
        reports.freeze("2026H1", replace=True)
    decide(desk.store, known_decided_late.undecided, "reject")
    again = reports.freeze("2026H1", replace=True, reason="decision corrected before publication")
    assert again.totals().value("rejected") == 3 and again.changed_since_frozen == ()
    assert [f.period for f in reports.frozen_periods()] == ["2026H1"]


def test_a_period_that_does_not_reconcile_cannot_be_frozen(desk, reports):
    from app.report.figures import ReportError

    add_case(desk.store, received="2026-03-04", reference="ODD-1", outcome="partially_granted")
    with pytest.raises(ReportError, match="ODD-1"):
        reports.freeze("2026H1")
    assert reports.frozen_periods() == []


def test_the_trend_shows_a_frozen_half_year_as_published(desk, reports, known_decided_late):
    reports.freeze("2025H2")  # one disclosure, received on 31 December
    add_case(desk.store, received="2025-11-11", outcome="reject")  # arrives after publication
    point = {p.label: p for p in reports.build("2026H1").trend}["2025H2"]
    assert (point.demands, point.disclosed, point.frozen) == (1, 1, True)


def test_a_frozen_period_is_reported_with_its_own_seat_threshold(reports, known_decided_late):
    reports.freeze("2026H1", seat_threshold=49)
    assert reports.build("2026H1").table("enterprise").row("above_threshold").value("demands") == 2
    with pytest.raises(DeskError, match="frozen with a threshold of 49"):
        reports.build("2026H1", seat_threshold=50)
    assert reports.build("2026H1", seat_threshold=50, live=True).seat_threshold == 50
