"""Preservation holds through the service (issue 19, point 1): made at intake, linked, extended, ended."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.holds import policy
from app.holds.model import identifier_problem
from app.holds.service import Holds
from app.review.service import Review
from app.schedule.service import Schedule
from app.services import DeskError
from tests.app.test_review_service import demand_pdf
from tests.review_support import answer_blocking_pass

HELD = "plover.h3ld9@example.net"


def preservation(account: str = HELD) -> bytes:
    return demand_pdf(
        "FEDERAL BUREAU OF INVESTIGATION",
        "PRESERVATION REQUEST PURSUANT TO 18 U.S.C. 2703(f)",
        "Date: December 1, 2026",
        "To: Custodian of Records, Example Online Services LLC",
        "Please preserve, for a period of 90 days, all records and other evidence in your",
        f"possession relating to the account {account}, pending the issuance of",
        "legal process. Do not disclose this request to the subscriber.",
        "/s/ Special Agent Dana Fox, FBI Portland, (503) 224-4181",
    )


def subpoena(account: str = HELD) -> bytes:
    return demand_pdf(
        "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF OREGON",
        "GRAND JURY SUBPOENA",
        "Date: December 2, 2026",
        "To: Custodian of Records, Example Online Services LLC",
        "You are commanded to produce basic subscriber information (name, address,",
        f"length of service) for the account {account}.",
        "/s/ Jane Roe, Assistant United States Attorney",
    )


SERVED = date(2026, 12, 3)


def at(desk, day: date) -> None:
    """Move the desk's clock to noon UTC on ``day``."""
    desk.clock = lambda: datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


@pytest.fixture
def held(desk):
    """A US preservation request served on SERVED, taken in on that day."""
    at(desk, SERVED)
    return desk.intake(preservation(), "preserve.pdf", received=SERVED)


def test_a_preservation_request_taken_in_holds_its_account_for_the_us_period(desk, held):
    hold = Holds(desk).hold(held)
    assert hold is not None
    assert hold.identifiers == (("email", HELD),)
    assert (hold.starts, hold.until) == (SERVED, SERVED + timedelta(days=90))
    assert hold.requester == "Federal Bureau of Investigation"
    assert hold.statute == "18 U.S.C. § 2703(f)"
    assert hold.state(SERVED) == "active"
    assert "hold.recorded" in [e.action for e in desk.audit_trail(held)]
    assert desk.facts(held)["hold"]["until"] == "2027-03-03"
    assert any("Preservation hold on" in w for w in desk.intake_warnings(held))


def test_today_lists_a_hold_only_in_its_last_14_days_and_it_expires_unextended(desk, held):
    until = SERVED + timedelta(days=90)
    schedule = Schedule(desk)
    assert schedule.today(until - timedelta(days=15)).holds_expiring == []
    [item] = schedule.today(until - timedelta(days=14)).holds_expiring
    assert (item.case_id, item.on, item.kind) == (held, until.isoformat(), "hold_expiring")
    assert item.label == "Hold ends in 14 days"
    assert schedule.today(until + timedelta(days=1)).holds_expiring == []
    assert Holds(desk).hold(held).state(until + timedelta(days=1)) == "expired"


def test_a_later_demand_for_the_held_account_is_linked_with_the_holds_requester(desk, held):
    at(desk, SERVED + timedelta(days=5))
    later = desk.intake(subpoena(), "subpoena.pdf")
    other = desk.intake(subpoena("someone.else@example.org"), "other.pdf")
    [link] = desk.facts(later)["preservation_holds"]
    assert link["case_id"] == held and link["requester"] == "Federal Bureau of Investigation"
    assert link["identifiers"] == [HELD]
    assert Review(desk).assess(later).to_json()["preservation_holds"] == [link]
    assert desk.facts(other)["preservation_holds"] == []
    events = [e for e in desk.audit_trail(later) if e.action == "hold.linked"]
    assert [e.payload["hold_case_id"] for e in events] == [held]
    assert any(held_ref in w for w in desk.intake_warnings(later) for held_ref in [link["reference"]])


def test_a_demand_served_after_the_hold_expired_is_not_linked(desk, held):
    at(desk, SERVED + timedelta(days=95))
    later = desk.intake(subpoena(), "subpoena.pdf")
    assert desk.facts(later)["preservation_holds"] == []


def test_the_hold_ends_when_the_linked_demand_is_answered(desk, held):
    at(desk, SERVED + timedelta(days=5))
    later = desk.intake(subpoena(), "subpoena.pdf")
    review = Review(desk)
    answer_blocking_pass(review, later)
    review.decide(later, "no_data")
    hold = Holds(desk).hold(held)
    assert hold.state(SERVED + timedelta(days=6)) == "answered"
    assert hold.ended.case_id == later
    assert Schedule(desk).today(hold.until - timedelta(days=1)).holds_expiring == []
    with pytest.raises(DeskError, match="ended when"):
        Holds(desk).extend(held, hold.until + timedelta(days=30), "renewed request of 2027-02-20")


def test_the_hold_ends_when_the_linked_demand_is_withdrawn(desk, held):
    at(desk, SERVED + timedelta(days=5))
    later = desk.intake(subpoena(), "subpoena.pdf")
    Review(desk).decide(later, "withdrawn")
    assert Holds(desk).hold(held).state(SERVED + timedelta(days=5)) == "withdrawn"


def test_an_extension_is_recorded_with_its_letter_within_the_packs_limits(desk, held):
    holds = Holds(desk)
    until = SERVED + timedelta(days=90)
    with pytest.raises(DeskError, match="renewed request"):
        holds.extend(held, until + timedelta(days=90), " ")
    with pytest.raises(DeskError, match="at most 90 days"):
        holds.extend(held, until + timedelta(days=91), "renewed request FBI-PDX-7 of 2027-02-20")
    hold = holds.extend(held, until + timedelta(days=90), "renewed request FBI-PDX-7 of 2027-02-20")
    assert hold.until == until + timedelta(days=90)
    assert [e.reason for e in hold.extensions] == ["renewed request FBI-PDX-7 of 2027-02-20"]
    with pytest.raises(DeskError, match="extended once"):
        holds.extend(held, hold.until + timedelta(days=10), "a third request")
    assert [e.action for e in desk.audit_trail(held)].count("hold.extended") == 1


def test_a_hold_extended_after_it_expired_is_refused_with_the_day_it_ended(desk, held):
    until = SERVED + timedelta(days=90)
    at(desk, until + timedelta(days=2))
    before = desk.store.get_hold(held)
    with pytest.raises(DeskError, match=f"last day was {until}"):
        Holds(desk).extend(held, until + timedelta(days=60), "renewed request, late")
    assert desk.store.get_hold(held) == before


def test_a_released_hold_cannot_be_extended_or_released_again(desk, held):
    holds = Holds(desk)
    hold = holds.release(held, "FBI: no process will follow")
    assert hold.state(SERVED) == "released"
    with pytest.raises(DeskError, match=f"was released on {SERVED}"):
        holds.extend(held, hold.until + timedelta(days=1), "renewed")
    with pytest.raises(DeskError, match="released"):
        holds.release(held)


def test_intake_of_a_request_naming_a_malformed_account_makes_no_hold_and_says_why(desk):
    case = desk.intake(preservation("kestrel@@example"), "preserve.pdf")
    facts = desk.facts(case)
    if not facts["identifiers"]:  # the reader may drop what is no address at all
        from app.corrections import Corrections

        Corrections(desk).add_identifier(case, "email", "kestrel@@example", "as on the served letter")
    holds = Holds(desk)
    assert holds.hold(case) is None
    assert any("No preservation hold was made" in w for w in desk.intake_warnings(case))
    with pytest.raises(DeskError, match="not a well-formed email"):
        holds.record(case)
    assert holds.hold(case) is None
    assert "hold.recorded" not in [e.action for e in desk.audit_trail(case)]


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [
        ("email", HELD, True),
        ("email", "plover@@example.net", False),
        ("email", "plover@example", False),
        ("phone", "+15032244181", True),
        ("phone", "503-22", False),
        ("ip", "203.0.113.7", True),
        ("ip", "203.0.113.999", False),
        ("username", "plover_9", True),
        ("username", "two words", False),
        ("gamertag", "Plover Nine", True),
        ("account_id", None, False),
    ],
)
def test_well_formed_identifiers(kind, value, ok):
    assert (identifier_problem(kind, value) is None) is ok


def test_the_pack_gives_the_period_by_country_and_refuses_a_bad_entry():
    pack = policy.load()
    assert pack.rule("US").period_days == 90 and pack.rule("US").max_extensions == 1
    assert pack.rule("CA").period_days == 21 and pack.rule("CA").max_extensions == 0
    assert pack.rule("ZZ") is pack.rules["default"]
    with pytest.raises(policy.HoldPolicyError, match="period_days"):
        policy.parse({"expiring_within_days": 14, "default": {"statute": "x", "period_days": -1,
                      "extension_days": 90, "max_extensions": 1}})  # fmt: skip
    with pytest.raises(policy.HoldPolicyError, match="default"):
        policy.parse({"expiring_within_days": 14})


def test_the_hold_letter_states_the_period_and_the_release_letter_waits_for_the_end(desk, held):
    from app.letters.service import Letters
    from tests.conftest import use_our_letterhead

    letters = Letters(desk)
    use_our_letterhead(letters)
    Review(desk).decide(held, "not_a_data_demand")
    assert "hold" in letters.allowed_kinds(held) and "hold_release" not in letters.allowed_kinds(held)
    letter = letters.draft(held, "hold")
    assert HELD in letter.body and "until 3 March 2027" in letter.body and "2703(f)" in letter.body
    with pytest.raises(DeskError, match="release it first"):
        letters.draft(held, "hold_release")
    Holds(desk).release(held, "FBI: no process will follow")
    release = letters.draft(held, "hold_release")
    assert f"ended on {SERVED.day} December 2026" in release.body


def test_a_demand_without_a_hold_is_offered_no_hold_letter(desk):
    from app.letters.service import Letters

    case = desk.intake(subpoena(), "subpoena.pdf")
    Review(desk).decide(case, "withdrawn")
    assert not {"hold", "hold_release"} & set(Letters(desk).allowed_kinds(case))
    with pytest.raises(DeskError, match="has none"):
        Letters(desk).draft(case, "hold")


def test_a_hold_travels_with_its_case_in_a_bundles_rows(desk, held):
    from db import case_copy

    Holds(desk).extend(held, SERVED + timedelta(days=120), "renewed request of 2027-02-20")
    rows = case_copy.read_case(desk.store, held)
    assert [r["case_id"] for r in rows["holds"]] == [held]
    before = Holds(desk).hold(held)
    with desk.store.atomic():
        desk.store.update_hold(held, {"extensions": "[]"})  # as a colleague's older copy had it
        case_copy.replace_case(desk.store, held, rows)
    assert Holds(desk).hold(held) == before
