"""The report over cases made the way a reviewer makes them: intake, decide, approve, correct a fact."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from app import services
from app.report import exports
from app.report.service import Reports
from app.review.service import Review
from tests.review_support import answer_blocking_pass

SUBPOENA = (
    "UNITED STATES DISTRICT COURT",
    "for the Western District of Washington",
    "SUBPOENA TO PRODUCE DOCUMENTS",
    "To: Example Online Services LLC",
    "Date: June 2, 2026",
    "Produce the subscriber information and IP address logs for the accounts",
    "alice.example@example.com and bob.example@example.com",
    "from January 1, 2026 to February 28, 2026.",
    "/s/ Jane Roe, Deputy Clerk",
)


def demand_pdf(*lines: str) -> bytes:
    """A one-page demand with a text layer (no OCR needed)."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=LETTER)
    for row, line in enumerate(lines):
        pdf.drawString(72, 720 - 16 * row, line)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def at(desk: services.Desk, when: str) -> None:
    moment = datetime.fromisoformat(when).replace(tzinfo=UTC)
    desk.clock = lambda: moment


@pytest.fixture
def flow(desk: services.Desk) -> tuple[services.Desk, Review, str]:
    """A subpoena received on 29 June 2026, decided on 2 July, approved by a second reviewer."""
    at(desk, "2026-06-01T09:00:00")  # Grace was a reviewer before the case came in
    desk.add_reviewer("Grace", "135792", admin_pin="246813")
    at(desk, "2026-06-29T10:00:00")
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    at(desk, "2026-07-02T09:00:00")
    review = Review(desk)
    answer_blocking_pass(review, case_id)
    review.decide(case_id, "disclose_noncontent")
    return desk, review, case_id


def test_a_case_received_in_june_and_decided_in_july_counts_in_the_first_half(flow):
    desk, review, case_id = flow
    reports = Reports(desk)
    # Awaiting the second reviewer: pending.
    assert reports.build("2026H1").cases("outcomes", "pending", "demands") == [case_id]
    review.approve(case_id, "Grace", "135792")
    h1 = reports.build("2026H1")
    assert h1.cases("outcomes", "noncontent_only", "demands") == [case_id]
    assert h1.totals().value("accounts") == 2
    assert h1.cases("outcomes_by_country", "US", "demands") == [case_id]
    assert h1.cases("outcomes_by_legal_process", "subpoena", "demands") == [case_id]
    assert reports.build("2026H2").totals().value("demands") == 0


def test_a_corrected_fact_after_freezing_is_flagged_not_reflected(flow):
    desk, review, case_id = flow
    review.approve(case_id, "Grace", "135792")
    reports = Reports(desk)
    reports.freeze("2026H1")
    desk.correct_fact(case_id, "country", "IE", reason="issued by the Irish court, misread")
    report = reports.build("2026H1")
    assert [c.case_id for c in report.changed_since_frozen] == [case_id]
    assert report.cases("outcomes_by_country", "US", "demands") == [case_id]  # as published
    assert reports.build("2026H1", live=True).cases("outcomes_by_country", "IE", "demands") == [case_id]


def test_enterprise_facts_recorded_by_a_reviewer_reach_the_report(flow):
    desk, review, case_id = flow
    review.set_context(case_id, "enterprise_customer", True)
    review.set_context(case_id, "enterprise_seats", 50)
    report = Reports(desk).build("2026H1")
    assert report.cases("enterprise", "at_or_below_threshold", "demands") == [case_id]
    review.set_context(case_id, "enterprise_seats", 51)
    assert Reports(desk).build("2026H1").cases("enterprise", "above_threshold", "demands") == [case_id]


def test_a_decision_made_over_a_refusal_is_noted_in_its_period_and_nowhere_else(desk):
    at(desk, "2026-06-29T10:00:00")
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    plain = desk.intake(demand_pdf(*SUBPOENA), "again.pdf")
    review = Review(desk)
    reason = "Requester verified by phone with the AUSA"
    review.decide(case_id, "disclose_noncontent", override_reason=reason)  # blocking items left open
    review.decide(plain, "reject")
    reports = Reports(desk)
    [note] = reports.build("2026H1").notes
    reference = {c.case_id: c.reference for c in desk.cases()}[case_id]
    assert reference in note and "checklist.blocking_open" in note and reason in note
    assert exports.to_json(reports.build("2026H1"))["notes"] == [note]
    assert reports.build("2026H2").notes == ()


def test_a_note_of_a_decision_over_a_refusal_reads_in_german_in_the_window():
    from app.report.service import override_notes
    from app.review.said import said_in

    [note] = override_notes([("DD-7", 2, "disclose_noncontent", "Ada", "verified", '["validity.signed"]')])
    assert (
        note
        == "DD-7 revision 2: disclose_noncontent recorded by Ada over a refusal (validity.signed): verified"
    )
    assert said_in(note, "de") == (
        "DD-7 Fassung 2: Nur Nicht-Inhaltsdaten herausgeben, von Ada über eine Ablehnung hinweg erfasst "
        "(validity.signed): verified"
    )
