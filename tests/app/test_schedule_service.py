"""Notices due across the stored cases (issue 6's first piece: `notices due`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.review.service import Review
from app.schedule.service import Schedule
from tests.app.test_review_service import SUBPOENA, demand_pdf

NDO = Path(__file__).resolve().parents[2].parent / "shared" / "checks" / "data" / "canary_ndo.pdf"


@pytest.mark.skipif(not NDO.exists(), reason="the shared contract-check data is not beside the repository")
def test_an_expired_secrecy_order_makes_the_delayed_notice_due_that_day(desk):
    case_id = desk.intake(NDO.read_bytes(), "ndo.pdf")
    schedule = Schedule(desk)
    assert schedule.notices_due(date(2025, 4, 9)) == []  # the order still binds
    [due] = schedule.notices_due(date(2025, 4, 10))
    assert (due.case_id, due.kind, due.recipient, due.due_on) == (case_id, "delayed", "user", "2025-04-10")
    Review(desk).set_context(case_id, "enterprise_customer", True)
    assert schedule.notices_due(date(2025, 5, 1))[0].recipient == "enterprise"


def test_prior_notice_is_due_only_once_data_is_to_be_disclosed(desk):
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    schedule = Schedule(desk)
    assert schedule.notices_due() == []  # undecided, no secrecy order: nothing to tell yet
    Review(desk).decide(case_id, "disclose_noncontent")
    [due] = schedule.notices_due()
    assert (due.case_id, due.kind) == (case_id, "prior")
