"""Disclosures without legal process through the service: grounds, four eyes, notice, refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import services
from app.disclosure.service import DISCLOSURE_INSTRUMENT, DisclosureRefused, Disclosures
from app.model import CaseStatus
from app.schedule.service import Schedule
from app.services import DeskError

OTHER, OTHER_PIN = "Grace", "135792"


@pytest.fixture
def disclosures(desk: services.Desk) -> Disclosures:
    desk.add_reviewer(OTHER, OTHER_PIN, admin_pin="246813")
    return Disclosures(desk)


def _state(desk: services.Desk) -> tuple[int, int]:
    return desk.store.count_cases(), len(desk.audit_trail())


def test_an_ncmec_report_is_a_case_of_its_own_awaiting_a_second_reviewer(disclosures, desk):
    case_id = disclosures.record(
        "ncmec",
        "National Center for Missing and Exploited Children",
        identifiers=["email=wren.h4x@example.net", "ip=203.0.113.9"],
        categories=["subscriber_info", "content"],
    )
    found = disclosures.get(case_id)
    assert found is not None and found.ground == "ncmec" and found.recipient_country == "US"
    assert [i["value"] for i in found.identifiers] == ["wren.h4x@example.net", "203.0.113.9"]
    assert found.categories == ["subscriber_info", "content"]
    assert found.awaiting_approval and "do not disclose until approved" in found.flags[0]
    [summary] = desk.cases()
    assert summary.instrument == DISCLOSURE_INSTRUMENT and summary.status is CaseStatus.AWAITING_APPROVAL
    assert desk.store.get_document(case_id) is None  # no demand PDF behind it
    # The reviewer who recorded it cannot approve it; a second reviewer can, once.
    with pytest.raises(DeskError, match="four eyes"):
        disclosures.approve(case_id, desk.reviewer.name, "246813")
    approved = disclosures.approve(case_id, OTHER, OTHER_PIN)
    assert approved.approved_by == OTHER and not approved.flags
    assert desk.cases()[0].status is CaseStatus.DECIDED
    with pytest.raises(DeskError, match="already approved"):
        disclosures.approve(case_id, OTHER, OTHER_PIN)
    actions = [e.action for e in desk.audit_trail(case_id)]
    assert actions == ["disclosure.recorded", "notice.withheld", "disclosure.approved"]


def test_child_exploitation_and_danger_withhold_notice_as_the_policys_exceptions(disclosures, desk):
    schedule = Schedule(desk)
    ncmec = disclosures.record("ncmec", "NCMEC")
    urgent = disclosures.record("emergency", "Portland Police Bureau", justification="a kidnapping")
    crime = disclosures.record("crime_victim", "Met Police", country="GB", justification="fraud on us")
    for case_id in (ncmec, urgent, crime):
        disclosures.approve(case_id, OTHER, OTHER_PIN)
    notices = {c: desk.store.get_notices(c) for c in (ncmec, urgent, crime)}
    assert [n["exception_kind"] for n in notices[ncmec]] == ["child_exploitation"]
    assert [n["exception_kind"] for n in notices[urgent]] == ["danger"]
    assert disclosures.get(ncmec).notice.startswith("Withheld: child-exploitation")
    # A crime report carries no exception: notice is owed to the user as for any disclosure.
    assert notices[crime] == []
    due = {n.case_id for n in schedule.notices_due()}
    assert due == {crime}


def test_an_emergency_may_go_out_before_approval_and_stays_flagged(disclosures, desk):
    case_id = disclosures.record(
        "emergency",
        "Portland Police Bureau",
        identifiers=["kestrel.e9mg4@example.net"],
        categories=["ip_history"],
        justification="A child abducted; the login IPs locate her.",
        made_before_approval=True,
    )
    flagged = disclosures.get(case_id)
    assert flagged.made_before_approval and "not yet approved" in flagged.flags[0]
    approved = disclosures.approve(case_id, OTHER, OTHER_PIN)
    assert approved.made_before_approval and f"approved afterwards by {OTHER}" in approved.flags[0]
    assert approved.to_json()["made_before_approval"] is True


def test_a_non_emergency_ground_may_not_go_out_before_approval(disclosures, desk):
    before = _state(desk)
    with pytest.raises(DisclosureRefused, match="waits for a second reviewer"):
        disclosures.record("crime_victim", "FBI", justification="phishing", made_before_approval=True)
    assert _state(desk) == before


@pytest.mark.parametrize(
    ("ground", "kwargs", "message"),
    [
        (None, {}, "Name the ground"),
        ("", {}, "Name the ground"),
        ("curiosity", {}, "not a ground the policy pack lists"),
        ("ncmec", {"recipient": " "}, "to whom"),
        ("ncmec", {"country": "IE"}, "applies in US only"),
        ("ncmec", {"country": "USA"}, "two-letter"),
        ("emergency", {}, "Say why"),  # discretionary grounds need a justification
        ("ncmec", {"identifiers": ["fax=123"]}, "KIND=VALUE"),
        ("ncmec", {"identifiers": ["email=not-an-address"]}, "not an e-mail address"),
        ("ncmec", {"identifiers": ["ip=300.1.2.3"]}, "not an IP address"),
        ("ncmec", {"identifiers": ["a@example.net", "A@example.net"]}, "listed twice"),
        ("ncmec", {"categories": ["dna"]}, "category is one of"),
    ],
)
def test_bad_input_is_refused_clearly_and_changes_nothing(disclosures, desk, ground, kwargs, message):
    before = _state(desk)
    recipient = kwargs.pop("recipient", "NCMEC")
    with pytest.raises(DisclosureRefused, match=message):
        disclosures.record(ground, recipient, **kwargs)
    assert _state(desk) == before


def test_a_disclosure_in_the_future_is_refused(disclosures, desk):
    before = _state(desk)
    tomorrow = desk.clock().date() + timedelta(days=1)
    with pytest.raises(DisclosureRefused, match="on or after the day"):
        disclosures.record("ncmec", "NCMEC", disclosed_on=tomorrow)
    assert _state(desk) == before


def test_a_past_disclosure_counts_on_its_own_day(disclosures, desk):
    day = desk.clock().date() - timedelta(days=40)
    case_id = disclosures.record("ncmec", "NCMEC", disclosed_on=day)
    assert desk.store.get_case(case_id)["received_at"].startswith(day.isoformat())
    assert disclosures.get(case_id).disclosed_on == day.isoformat()


def test_a_supporting_document_is_stored_in_the_encrypted_case(disclosures, desk, canary_pdf, canary):
    case_id = disclosures.record("ncmec", "NCMEC", document=("cybertip.pdf", canary_pdf))
    assert desk.document(case_id) == canary_pdf
    assert disclosures.get(case_id).document == "cybertip.pdf"
    assert canary.text.encode() not in desk.store.path.read_bytes()


def test_a_damaged_supporting_document_is_refused_and_nothing_stored(disclosures, desk):
    before = _state(desk)
    with pytest.raises(DisclosureRefused, match="supporting document was not stored"):
        disclosures.record("ncmec", "NCMEC", document=("x.pdf", b"not a pdf at all"))
    assert _state(desk) == before


def test_a_demand_is_not_a_disclosure(disclosures, desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf")
    assert disclosures.get(case_id) is None
    with pytest.raises(DeskError, match="not a disclosure"):
        disclosures.approve(case_id, OTHER, OTHER_PIN)


def test_a_disclosure_case_is_neither_decided_nor_given_an_instrument(disclosures, desk):
    from app.review.service import Review

    case_id = disclosures.record("ncmec", "NCMEC")
    before = _state(desk)
    with pytest.raises(DeskError, match="no demand to decide"):
        Review(desk).decide(case_id, "disclose_content")
    with pytest.raises(DeskError, match="has no instrument"):
        desk.correct_fact(case_id, "instrument", "subpoena", "misread")
    assert _state(desk) == before
    assert desk.cases()[0].instrument == DISCLOSURE_INSTRUMENT
