"""The day of service: given at intake (default today), correctable, audited, and what dates count from.

A demand reaches the provider by post, fax or courier days before it is scanned; it is
stale or not, and its "within N days of service" runs, from the day it was served.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app import services
from app.review.service import Review
from tests.app.test_review_service import SUBPOENA, demand_pdf


def _item(desk: services.Desk, case_id: str, item_id: str) -> object:
    return next(a for a in Review(desk).assess(case_id).answers if a.id == item_id)


def _dated(desk: services.Desk, case_id: str, issued: str) -> None:
    """The canary asks for 2025's records: make it a demand of ``issued`` for the months before."""
    desk.correct_fact(case_id, "date_issued", issued, "read on the original")
    desk.correct_fact(case_id, "date_range_from", "2015-01-01", "read on the original")
    desk.correct_fact(case_id, "date_range_to", "2015-08-31", "read on the original")


def test_the_day_of_service_given_at_intake_is_a_fact_and_in_the_audit(desk, canary_pdf):
    served = date.today() - timedelta(days=5)
    case_id = desk.intake(canary_pdf, "demand.pdf", received=served)

    assert desk.facts(case_id)["received"] == served.isoformat()
    fact = desk.fact_map(case_id)["received"]
    assert (fact.source, fact.updated_by, fact.flag) == ("reviewer", "Ada", None)
    event = desk.audit_trail(case_id)[-1]
    assert event.action == "case.intake"
    assert (event.payload["received"], event.payload["received_given"]) == (served.isoformat(), True)


def test_without_a_day_of_service_it_is_today_and_flagged_for_the_reviewer(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf")

    assert desk.facts(case_id)["received"] == datetime.now(UTC).date().isoformat()
    fact = desk.fact_map(case_id)["received"]
    assert fact.source == "auto" and "served earlier" in (fact.flag or "")


def test_a_day_of_service_after_today_is_refused_before_reading(desk, canary_pdf, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the demand was read")

    monkeypatch.setattr(services, "read_demand", never)
    with pytest.raises(services.DeskError, match="after today"):
        desk.intake(canary_pdf, "demand.pdf", received=date.today() + timedelta(days=3))
    assert desk.cases() == []


def test_a_period_from_service_counts_from_the_day_given_not_the_day_taken_in(desk):
    desk.clock = lambda: datetime.combine(date(2027, 1, 11), time(12), tzinfo=UTC)
    lines = [*SUBPOENA[:4], "Date: December 14, 2026"]
    lines += ["Provide the subscriber information for the account alice.example@example.com"]
    lines += ["within 10 business days of receipt of this subpoena.", "/s/ Jane Roe, Deputy Clerk"]
    case_id = desk.intake(demand_pdf(*lines), "subpoena.pdf", received=date(2026, 12, 18))

    due = desk.fact_map(case_id)["response_due"]
    assert due.value == "2027-01-05"  # from Friday 18 December; Christmas and New Year are no business days
    assert not due.flag  # the reviewer gave the day: nothing to check
    desk.correct_fact(case_id, "received", "2026-12-21", "the courier's receipt")
    assert desk.fact_map(case_id)["response_due"].value == "2027-01-06"


def test_staleness_counts_from_the_day_of_service_not_today(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf", received=date(2015, 9, 24))
    _dated(desk, case_id, "2015-09-17")

    dates = _item(desk, case_id, "validity.dates")
    assert dates.answer == "pass", dates.note  # a week before it was served, eleven years before today


def test_a_stale_demand_is_a_question_for_the_reviewer_not_a_rejection(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf", received=date(2017, 1, 10))
    _dated(desk, case_id, "2015-09-17")

    assessment = Review(desk).assess(case_id)
    dates = next(a for a in assessment.answers if a.id == "validity.dates")
    assert dates.answer == "unknown" and "before it was served (2017-01-10)" in dates.note
    assert "validity.dates" not in assessment.recommendation.reasons  # the scenarios check the outcome


def test_correcting_the_day_of_service_is_audited_and_changes_the_review(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf", received=date(2017, 1, 10))
    _dated(desk, case_id, "2015-09-17")
    assert _item(desk, case_id, "validity.dates").answer == "unknown"

    desk.correct_fact(case_id, "received", "2015-09-24", "the courier's receipt")

    assert desk.facts(case_id)["received"] == "2015-09-24"
    event = [e for e in desk.audit_trail(case_id) if e.action == "fact.corrected"][-1]
    assert event.payload == {
        "key": "received",
        "from": "2017-01-10",
        "to": "2015-09-24",
        "reason": "the courier's receipt",
    }
    assert _item(desk, case_id, "validity.dates").answer == "pass"


def test_the_day_of_service_cannot_be_corrected_to_the_future_or_removed(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf")
    with pytest.raises(services.DeskError, match="after today"):
        desk.correct_fact(case_id, "received", (date.today() + timedelta(days=2)).isoformat())
    with pytest.raises(services.DeskError, match="keeps the day it was received"):
        desk.correct_fact(case_id, "received", "")
    with pytest.raises(services.DeskError, match="YYYY-MM-DD"):
        desk.correct_fact(case_id, "received", "last Tuesday")


def _blank_scan() -> bytes:
    """A scanned page on which OCR finds next to nothing: a faded fax, an empty image."""
    import io

    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (850, 1100), 235)
    ImageDraw.Draw(image).rectangle((100, 300, 700, 330), fill=20)  # a redaction bar, nothing legible
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=LETTER)
    pdf.drawImage(ImageReader(image), 0, 0, width=LETTER[0], height=LETTER[1])
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_a_scan_read_too_poorly_to_judge_goes_to_senior_review_not_not_a_data_demand(desk):
    case_id = desk.intake(_blank_scan(), "fax.pdf")

    assessment = Review(desk).assess(case_id)
    readable = next(a for a in assessment.answers if a.id == "validity.readable")
    assert readable.answer == "fail" and "served original" in readable.note
    rec = assessment.recommendation
    assert (rec.outcome, rec.reasons) == ("escalate", ["validity.readable"])
    assert any("could not be read well enough" in line for line in rec.explanation)

    # The instrument alone does not settle it: what the NSL asks for was not read either.
    desk.correct_fact(case_id, "instrument", "nsl", "read on the served original")
    rec = Review(desk).assess(case_id).recommendation
    assert (rec.outcome, rec.reasons) == ("escalate", ["validity.readable"])


def test_a_case_taken_in_before_the_day_of_service_was_recorded_counts_from_intake(
    desk, canary_pdf, monkeypatch
):
    case_id = desk.intake(canary_pdf, "demand.pdf")
    taken_in = desk.store.get_case(case_id)["received_at"][:10]
    older = desk.store.get_facts
    # What an older store holds: no "received" row at all.
    monkeypatch.setattr(
        desk.store, "get_facts", lambda cid: [r for r in older(cid) if r["key"] != "received"]
    )

    fact = desk.fact_map(case_id)["received"]
    assert (fact.value, fact.source) == (taken_in, "auto") and "served earlier" in (fact.flag or "")
    assert desk.facts(case_id)["received"] == taken_in
    assert desk.received(case_id) == date.fromisoformat(taken_in)
