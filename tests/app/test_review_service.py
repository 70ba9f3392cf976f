"""Reviewing a stored case: answers, case facts, decisions, four-eyes approval, replay, related cases."""

from __future__ import annotations

import io

import pytest

from app import services
from app.model import CaseStatus
from app.review.service import Review
from app.services import DeskError
from tests.review_support import answer_blocking_pass

OTHER, OTHER_PIN = "Grace", "135792"


def demand_pdf(*lines: str) -> bytes:
    """A one-page demand with a text layer."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=LETTER)
    for row, line in enumerate(lines):
        pdf.drawString(72, 720 - 16 * row, line)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


SUBPOENA = (
    "UNITED STATES DISTRICT COURT",
    "for the Western District of Washington",
    "SUBPOENA TO PRODUCE DOCUMENTS",
    "To: Example Online Services LLC",
    "Date: March 2, 2026",
    "Produce the subscriber information and IP address logs for the account",
    "alice.example@example.com from January 1, 2026 to February 28, 2026.",
    "/s/ Jane Roe, Deputy Clerk",
)


@pytest.fixture
def review(desk: services.Desk) -> Review:
    desk.add_reviewer(OTHER, OTHER_PIN, admin_pin="246813")
    return Review(desk)


@pytest.fixture
def case_id(desk: services.Desk) -> str:
    return desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")


def test_assess_gives_every_item_and_a_recommendation_in_the_documented_shape(review, case_id):
    data = review.assess(case_id).to_json()
    assert data["case_id"] == case_id and data["policy_version"] == review.pack.version
    assert {"validity.signed", "validity.specific_identifiers", "validity.instrument_sufficient"} <= {
        i["id"] for i in data["items"]
    }
    for item in data["items"]:
        assert item["answer"] in ("pass", "fail", "unknown", "not_applicable")
        assert item["source"] == "auto" and item["rule"]
    rec = data["recommendation"]
    assert rec["outcome"] in (
        "reject",
        "narrow",
        "redirect",
        "disclose_noncontent",
        "disclose_content",
        "escalate",
        "not_a_data_demand",
    )
    assert set(rec["scope"]) == {"identifiers", "categories", "date_range"}


def test_an_override_needs_a_reason_and_is_audited(review, desk, case_id):
    automatic = {a.id: a for a in review.assess(case_id).answers}["validity.signed"]
    other = "fail" if automatic.answer != "fail" else "pass"
    with pytest.raises(DeskError, match="Say why"):
        review.answer(case_id, "validity.signed", other)
    answer = review.answer(case_id, "validity.signed", other, "the /s/ is a stamp, not a signature")
    assert (answer.answer, answer.source) == (other, "reviewer")
    event = desk.audit_trail(case_id)[-1]
    assert event.action == "checklist.answered" and event.payload["automatic"] == automatic.answer
    assert desk.cases()[0].status is CaseStatus.IN_REVIEW
    review.clear_answer(case_id, "validity.signed")
    assert {a.id: a for a in review.assess(case_id).answers}["validity.signed"].source == "auto"


def test_an_enterprise_customers_data_is_redirected(review, case_id):
    review.set_context(case_id, "enterprise_customer", True, "Contoso tenant, 400 seats")
    assert review.assess(case_id).recommendation.outcome == "redirect"
    review.set_context(case_id, "enterprise_customer", None)
    assert review.assess(case_id).recommendation.outcome != "redirect"


def test_a_case_fact_of_the_wrong_type_is_refused(review, case_id):
    with pytest.raises(DeskError, match="takes a bool"):
        review.set_context(case_id, "enterprise_customer", "yes")
    with pytest.raises(DeskError, match="Unknown case fact"):
        review.set_context(case_id, "favourite_colour", "blue")


def test_a_disclosure_waits_for_a_second_reviewer(review, desk, case_id):
    answer_blocking_pass(review, case_id)
    decision = review.decide(case_id, "disclose_noncontent")
    assert decision.needs_approval and desk.cases()[0].status is CaseStatus.AWAITING_APPROVAL
    with pytest.raises(DeskError, match="four eyes"):
        review.approve(case_id, desk.reviewer.name, "246813")
    with pytest.raises(DeskError, match="not Grace's"):
        review.approve(case_id, OTHER, "000000")
    approved = review.approve(case_id, OTHER, OTHER_PIN)
    assert approved.approved_by == OTHER and desk.cases()[0].status is CaseStatus.DECIDED
    assert [e.action for e in desk.audit_trail(case_id)][-2:] == ["decision.made", "decision.approved"]
    with pytest.raises(DeskError, match="already approved"):
        review.approve(case_id, OTHER, OTHER_PIN)


def test_deciding_again_makes_a_new_revision_and_keeps_the_approved_one(review, case_id):
    answer_blocking_pass(review, case_id)
    review.decide(case_id, "disclose_noncontent")
    review.approve(case_id, OTHER, OTHER_PIN)
    review.decide(case_id, "reject", ["validity.signed"])
    first, second = review.decisions(case_id)
    assert (first.revision, first.outcome, first.approved_by) == (1, "disclose_noncontent", OTHER)
    assert (second.revision, second.outcome, second.reasons) == (2, "reject", ["validity.signed"])
    assert not second.needs_approval and second.scope["identifiers"] == []


def test_a_scope_may_only_narrow_the_demand(review, case_id):
    answer_blocking_pass(review, case_id)
    with pytest.raises(DeskError, match="does not"):
        review.decide(
            case_id,
            "disclose_noncontent",
            scope={"identifiers": ["bob@example.com"], "categories": [], "date_range": {}},
        )
    with pytest.raises(DeskError, match="did not ask for"):
        review.decide(
            case_id,
            "disclose_noncontent",
            scope={"identifiers": [], "categories": ["content"], "date_range": {}},
        )
    narrowed = review.decide(
        case_id,
        "disclose_noncontent",
        scope={
            "identifiers": ["alice.example@example.com"],
            "categories": ["subscriber_info"],
            "date_range": {"from": "2026-02-01", "to": "2026-02-28"},
        },
    )
    assert narrowed.scope["categories"] == ["subscriber_info"]
    assert narrowed.scope["date_range"] == {"from": "2026-02-01", "to": "2026-02-28"}


def test_an_unknown_outcome_or_reason_is_refused_and_nothing_is_stored(review, case_id):
    with pytest.raises(DeskError, match="outcome is one of"):
        review.decide(case_id, "shrug")
    with pytest.raises(DeskError, match="No checklist item"):
        review.decide(case_id, "reject", ["validity.vibes"])
    assert review.decisions(case_id) == []


def test_a_decision_replays_to_the_same_recommendation(review, case_id):
    review.set_context(case_id, "data_stored_in", "IE")
    answer_blocking_pass(review, case_id)
    review.decide(case_id, "disclose_noncontent")
    replay = review.replay(case_id)
    assert replay["same"] and replay["policy_version"] == review.pack.version


def test_the_same_identifier_in_another_case_is_a_related_case(review, desk, case_id):
    other = desk.intake(demand_pdf(*SUBPOENA), "again.pdf")
    reference = {c.case_id: c.reference for c in desk.cases()}
    assert review.assess(case_id).related == {"alice.example@example.com": [reference[other]]}
    assert review.assess(other).related == {"alice.example@example.com": [reference[case_id]]}


def test_an_escalated_case_is_decided_by_a_senior_reviewer(review, desk, case_id):
    review.set_context(case_id, "target_is_journalist_or_activist", True, "a reporter at the Kestrel Courier")
    assert review.assess(case_id).recommendation.outcome == "escalate"
    desk.sign_in(OTHER, OTHER_PIN)  # Grace is not senior
    with pytest.raises(DeskError, match="senior reviewer"):
        review.decide(case_id, "disclose_noncontent")
    passed_on = review.decide(case_id, "escalate")
    assert passed_on.outcome == "escalate" and desk.cases()[0].status is CaseStatus.IN_REVIEW
    desk.sign_in("Ada", "246813")  # senior
    assert review.decide(case_id, "reject", ["human_rights.target_journalist_or_activist"]).revision == 2


def test_a_workstations_own_directory_entries_are_used_and_a_bad_file_is_refused(review, desk, tmp_path):
    from app.review.requesters import load_directory
    from app.review.service import import_directory

    good = tmp_path / "kestrel.csv"
    good.write_text(
        "name,country,kind,email_domains,phone_prefixes,address\n"
        'Kestrel County Sheriff\'s Office,US,police,kcso.mt.gov,+1406,"Kestrel Falls, MT"\n'
    )
    assert import_directory(desk, good) == 1
    directory = load_directory(extra=desk.data_dir.requesters_path)
    assert directory.named("Kestrel County Sheriff's Office")
    assert desk.audit_trail()[-1].action == "directory.imported"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nNobody,XX\n")
    before = desk.data_dir.requesters_path.read_bytes()
    with pytest.raises(DeskError, match="bad.csv"):
        import_directory(desk, bad)
    assert desk.data_dir.requesters_path.read_bytes() == before
