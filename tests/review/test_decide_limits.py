"""Decisions that match the law: every outcome × instrument × scope that ``Review.decide`` refuses or
accepts, blocking items open, bad scopes, and a senior reviewer's override."""

from __future__ import annotations

from typing import Any

import pytest

from app import services
from app.model import CaseStatus
from app.review.model import DECISION_OUTCOMES
from app.review.service import Review
from app.services import DeskError
from tests.app.test_review_service import demand_pdf
from tests.conftest import PIN, REVIEWER
from tests.review_support import answer_blocking_pass

TARGET = "alice.example@example.com"
DEMAND = (
    "UNITED STATES DISTRICT COURT",
    "for the Western District of Washington",
    "SUBPOENA TO PRODUCE DOCUMENTS",
    "To: Example Online Services LLC",
    "Date: March 2, 2026",
    "Produce the subscriber information, IP address logs and the contents of all e-mail",
    f"messages for the account {TARGET}",
    "from January 1, 2026 to February 28, 2026.",
    "/s/ Jane Roe, Deputy Clerk",
)
ASKED = ["subscriber_info", "ip_history", "content"]
DATES = {"from": "2026-01-01", "to": "2026-02-28"}
JUNIOR, JUNIOR_PIN = "Grace", "135790"

# Written from the policy (instruments.toml and the FAQ), not from the code under test:
# content needs a warrant or court order; an informal letter compels nothing; an
# emergency is voluntary and this pack lets no content go; a civil party needs consent
# (left unknown here).
CONTENT_OK = {"court_order", "search_warrant", "fisa_order", "production_order"}
NONCONTENT_OK = {
    "subpoena",
    "court_order",
    "search_warrant",
    "nsl",
    "emergency_request",
    "civil_subpoena",
    "fisa_order",
    "production_order",
}
CONTENT_RULE = {
    "subpoena": "instrument.content",
    "nsl": "instrument.content",
    "emergency_request": "emergency.content",
    "civil_subpoena": "civil.content_without_consent",
    "other": "instrument.compels_nothing",
}
INSTRUMENTS = sorted(NONCONTENT_OK | {"other"})


def scope(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"identifiers": [TARGET], "categories": list(ASKED), "date_range": dict(DATES)}
    return base | changes


SCOPES: dict[str, dict[str, Any] | None] = {
    "as_recommended": None,
    "with_content": scope(),
    "extra_identifier": scope(identifiers=[TARGET, "mallory@example.com"]),
    "extra_category": scope(categories=[*ASKED, "billing"]),
    "starts_earlier": scope(date_range={"from": "2025-12-31", "to": "2026-02-28"}),
    "ends_later": scope(date_range={"from": "2026-01-01", "to": "2026-03-01"}),
    "bad_date": scope(date_range={"from": "2026-13-01", "to": "2026-02-28"}),
}


def expected(outcome: str, instrument: str, scope_name: str) -> str | None:
    """The rule that refuses this combination, or None when ``decide`` must accept it."""
    if scope_name in ("extra_identifier", "extra_category", "starts_earlier", "ends_later"):
        return "scope.beyond_demand"
    if scope_name == "bad_date":
        return "scope.malformed"
    if outcome == "disclose_noncontent":
        if instrument not in NONCONTENT_OK:
            return "instrument.compels_nothing"
        return "scope.beyond_outcome" if scope_name == "with_content" else None
    if outcome == "disclose_content":
        return None if instrument in CONTENT_OK else CONTENT_RULE[instrument]
    return None  # nothing leaves: the scope is only checked against the demand


@pytest.fixture
def review(desk: services.Desk) -> Review:
    desk.add_reviewer(JUNIOR, JUNIOR_PIN, admin_pin=PIN)
    return Review(desk)


def case_under(desk: services.Desk, review: Review, instrument: str) -> str:
    case_id = desk.intake(demand_pdf(*DEMAND), "demand.pdf")
    desk.correct_fact(case_id, "instrument", instrument, "as served")
    answer_blocking_pass(review, case_id)
    return case_id


@pytest.mark.parametrize("instrument", INSTRUMENTS)
def test_every_outcome_and_scope_is_refused_or_accepted_as_the_law_says(desk, review, instrument):
    case_id = case_under(desk, review, instrument)
    assert desk.facts(case_id)["date_range"] == DATES  # the table assumes the demand was read right
    wrong = []
    for outcome in DECISION_OUTCOMES:
        for name, given in SCOPES.items():
            rule = expected(outcome, instrument, name)
            before = len(review.decisions(case_id))
            try:
                decision = review.decide(case_id, outcome, scope=given)
            except DeskError as exc:
                message = str(exc)
                if rule is None:
                    wrong.append(f"{outcome} / {name}: refused: {message}")
                elif f"(rule {rule})" not in message or "\n" in message:
                    wrong.append(f"{outcome} / {name}: refused without naming {rule}: {message}")
                if len(review.decisions(case_id)) != before:
                    wrong.append(f"{outcome} / {name}: refused but stored")
                continue
            if rule is not None:
                wrong.append(f"{outcome} / {name}: accepted, but {rule} should refuse it")
            elif outcome in ("disclose_noncontent", "disclose_content"):
                assert decision.needs_approval and decision.scope["identifiers"] == [TARGET]
    assert wrong == []


@pytest.mark.parametrize("answer", ["unknown", "fail"])
def test_a_disclosure_is_refused_while_a_blocking_item_is_open_and_names_it(desk, review, answer):
    case_id = case_under(desk, review, "subpoena")
    review.answer(case_id, "validity.signed", answer, "the signature page is missing")
    for outcome in ("disclose_noncontent", "disclose_content"):
        with pytest.raises(DeskError) as refused:
            review.decide(case_id, outcome)
        assert "validity.signed" in str(refused.value) and "Is the document signed?" in str(refused.value)
        assert "checklist.blocking_open" in str(refused.value)
    assert review.decisions(case_id) == []
    for outcome in ("reject", "narrow", "no_data", "withdrawn", "challenge"):
        assert review.decide(case_id, outcome).outcome == outcome


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (
            {"identifiers": [TARGET], "categories": ["subscriber_info"], "date_range": ["2026-01-01"]},
            "date_range",
        ),
        (scope(date_range={"from": 20260101, "to": None}), "not a date"),
        (scope(date_range={"from": "20260101", "to": None}), "not a date"),
        (scope(date_range={"from": "2026-01-01", "to": "yesterday"}), "not a date"),
        (scope(date_range={"from": "2026-02-01", "to": "2026-01-15"}), "ends"),
        (scope(identifiers=TARGET), "list of text"),
        (scope(categories=[1]), "list of text"),
        (scope(categories=["everything"]), "No such data category"),
        (["not", "a", "scope"], "object"),
    ],
)
def test_a_malformed_scope_is_refused_with_a_message_not_a_traceback(desk, review, given, words):
    case_id = case_under(desk, review, "search_warrant")
    with pytest.raises(DeskError, match=words) as refused:
        review.decide(case_id, "disclose_noncontent", scope=given)
    assert "scope." in str(refused.value)
    assert review.decisions(case_id) == []


def test_a_disclosure_with_nothing_in_scope_is_refused(desk, review):
    case_id = case_under(desk, review, "search_warrant")
    for empty in (scope(identifiers=[]), scope(categories=[])):
        with pytest.raises(DeskError, match="scope.empty"):
            review.decide(case_id, "disclose_noncontent", scope=empty)


def test_a_missing_bound_takes_the_demands_so_nothing_leaves_beyond_it(desk, review):
    case_id = case_under(desk, review, "subpoena")
    decided = review.decide(
        case_id, "disclose_noncontent", scope=scope(categories=["ip_history"], date_range={"from": None})
    )
    assert decided.scope["date_range"] == DATES


def test_a_senior_reviewer_overrides_a_refusal_with_a_reason_audited_and_stored(desk, review):
    case_id = case_under(desk, review, "subpoena")
    reason = "The subpoena was issued with the account owner's written consent to release the mail."
    decided = review.decide(case_id, "disclose_content", scope=scope(), override_reason=reason)
    assert decided.override == {"reason": reason, "rules": ["instrument.content"]}
    assert desk.cases()[0].status is CaseStatus.AWAITING_APPROVAL
    event = desk.audit_trail(case_id)[-1]
    assert event.action == "decision.made"
    assert event.payload["override"] == {"by": REVIEWER, "reason": reason, "rules": ["instrument.content"]}
    assert review.decision(case_id).to_json()["override"]["reason"] == reason


def test_only_a_senior_reviewer_may_override_and_only_what_may_be_overridden(desk, review):
    case_id = case_under(desk, review, "subpoena")
    desk.sign_in(JUNIOR, JUNIOR_PIN)
    with pytest.raises(DeskError, match="senior reviewer") as refused:
        review.decide(case_id, "disclose_content", scope=scope(), override_reason="urgent")
    assert "instrument.content" in str(refused.value) and JUNIOR in str(refused.value)
    desk.sign_in(REVIEWER, PIN)
    # Content under a subpoena with no content in scope: no reason makes that a content disclosure.
    with pytest.raises(DeskError, match="scope.beyond_outcome"):
        review.decide(case_id, "disclose_content", override_reason="urgent")
    with pytest.raises(DeskError, match="scope.beyond_demand"):
        review.decide(
            case_id, "disclose_noncontent", scope=scope(identifiers=["bob@example.com"]), override_reason="x"
        )
    with pytest.raises(DeskError, match="nothing to override"):
        review.decide(case_id, "reject", override_reason="just because")
    assert review.decisions(case_id) == []


def test_the_approval_summary_lists_what_leaves_the_open_items_and_the_recommendation(desk, review):
    case_id = desk.intake(demand_pdf(*DEMAND), "demand.pdf")
    review.decide(
        case_id,
        "disclose_noncontent",
        scope=scope(categories=["subscriber_info"]),
        override_reason="Requester confirmed by phone with the AUSA's office.",
    )
    summary = review.approval_summary(case_id)
    assert summary.outcome == "disclose_noncontent" and summary.recommendation == "disclose_noncontent"
    assert summary.identifiers == [TARGET]
    assert summary.categories == ["Subscriber information"]
    assert summary.date_range == "2026-01-01 to 2026-02-28"
    assert "validity.requester_verified" in [i.id for i in summary.open_items]
    assert summary.open_items[0].effect == "blocks" and summary.open_items[0].question
    assert summary.override["rules"] == ["checklist.blocking_open"]
