"""Notices due across the stored cases (issue 6's first piece: `notices due`)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from app.review.service import Review
from app.schedule.service import Schedule
from app.services import DeskError
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.review_support import answer_blocking_pass

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
    answer_blocking_pass(Review(desk), case_id)
    Review(desk).decide(case_id, "disclose_noncontent")
    [due] = schedule.notices_due()
    assert (due.case_id, due.kind) == (case_id, "prior")


@pytest.fixture
def ndo_case(desk):
    if not NDO.exists():
        pytest.skip("the shared contract-check data is not beside the repository")
    return desk.intake(NDO.read_bytes(), "ndo.pdf")


def test_an_extension_moves_the_delayed_notice_and_an_exception_suppresses_it(desk, ndo_case):
    schedule = Schedule(desk)
    with pytest.raises(DeskError, match="Say why"):
        schedule.extend_order(ndo_case, date(2025, 7, 9), "")
    schedule.extend_order(ndo_case, date(2025, 7, 9), "extended by the court on 2025-04-01")
    assert schedule.notices_due(date(2025, 5, 1)) == []
    [due] = schedule.notices_due(date(2025, 7, 9))
    assert due.due_on == "2025-07-09"
    schedule.record_notice_exception(ndo_case, "danger", "the user threatened the victim again")
    assert schedule.notices_due(date(2025, 8, 1)) == []
    actions = [e.action for e in desk.audit_trail(ndo_case)]
    assert {"secrecy.extended", "notice.withheld"} <= set(actions)


def test_notice_given_is_no_longer_due(desk, ndo_case):
    schedule = Schedule(desk)
    schedule.record_notice_given(ndo_case, "e-mail to the account holder", date(2025, 4, 11))
    assert schedule.notices_due(date(2025, 5, 1)) == []


def test_today_lists_what_needs_the_reviewer(desk, ndo_case):
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    answer_blocking_pass(Review(desk), case_id)
    Review(desk).decide(case_id, "disclose_noncontent")
    today = Schedule(desk).today(date(2025, 4, 10))
    assert [i.case_id for i in today.notices_due] == [ndo_case, case_id][: len(today.notices_due)]
    assert ndo_case in {i.case_id for i in today.notices_due}
    assert [i.case_id for i in today.awaiting_approval] == [case_id]
    data = today.to_json()
    assert set(data) >= {"today", "notices_due", "orders_expiring", "reconsider_orders", "awaiting_approval"}


def test_an_expiring_order_is_listed_in_the_thirty_days_before(desk, ndo_case):
    schedule = Schedule(desk)
    assert [i.case_id for i in schedule.today(date(2025, 3, 20)).orders_expiring] == [ndo_case]
    assert schedule.today(date(2025, 2, 1)).orders_expiring == []


def test_pausing_stops_the_response_clock(desk):
    case_id = desk.intake(demand_pdf(*SUBPOENA, "Respond by March 20, 2026."), "s.pdf")
    schedule = Schedule(desk)
    due = schedule.response_due(case_id, date(2026, 3, 10))
    if due is None:
        pytest.skip("the demand's response date was not read")
    schedule.pause_deadline(case_id, "narrowing letter sent", on=date(2026, 3, 10))
    later = schedule.response_due(case_id, date(2026, 3, 15))
    assert later is not None and later > due
    schedule.resume_deadline(case_id, on=date(2026, 3, 15))
    with pytest.raises(DeskError, match="not paused"):
        schedule.resume_deadline(case_id)
    schedule.extend_deadline(case_id, date(2026, 4, 30), "agreed with the AUSA by phone")
    assert schedule.response_due(case_id, date(2026, 3, 16)) >= date(2026, 4, 30)


def test_the_calendar_parses_and_names_no_identifier(desk, ndo_case):
    from tests.schedule.test_ics import parse_ics

    data = Schedule(desk).calendar(date(2025, 3, 1))
    events = parse_ics(data)
    assert events, "an expiring order is in the calendar"
    values = [i["value"] for i in desk.facts(ndo_case)["identifiers"] if i["value"]]
    assert values
    for value in values:
        assert value.encode() not in data and value.split("@")[0].encode() not in data


# -- deadlines counted by a period -------------------------------------------------------

WITHIN_10_BUSINESS_DAYS = (
    *SUBPOENA[:4],
    "Date: December 18, 2026",
    "Provide the subscriber information for the account alice.example@example.com",
    "within 10 business days of the date of this subpoena.",
    "/s/ Jane Roe, Deputy Clerk",
)


def _on(desk, day: date) -> None:
    desk.clock = lambda: datetime.combine(day, time(12), tzinfo=UTC)


def test_a_period_from_receipt_is_counted_from_the_day_the_demand_is_taken_in(desk):
    _on(desk, date(2026, 12, 18))
    lines = list(WITHIN_10_BUSINESS_DAYS)
    lines[-2] = "within 10 business days of receipt of this subpoena."
    case_id = desk.intake(demand_pdf(*lines), "subpoena.pdf")
    due = {f.key: f for f in desk.fact_values(case_id)}["response_due"]
    assert due.value == "2027-01-05"  # Christmas Day and New Year's Day are not business days
    assert "taken in (2026-12-18)" in due.flag
    assert desk.cases()[0].response_due == "2027-01-05"  # the queue sorts by it


def test_pausing_a_business_day_deadline_skips_the_holidays_too(desk):
    _on(desk, date(2026, 12, 18))
    case_id = desk.intake(demand_pdf(*WITHIN_10_BUSINESS_DAYS), "subpoena.pdf")
    schedule = Schedule(desk)
    assert schedule.response_due(case_id) == date(2027, 1, 5)
    schedule.pause_deadline(case_id, "narrowing letter sent", on=date(2026, 12, 21))
    schedule.resume_deadline(case_id, on=date(2026, 12, 28))
    # paused Mon 21 – Sun 27 December: four business days (the 25th is a holiday)
    assert schedule.response_due(case_id, date(2027, 1, 2)) == date(2027, 1, 11)


@pytest.fixture
def calendars_copy(tmp_path, monkeypatch):
    from app.schedule import calendars

    folder = tmp_path / "calendars"
    shutil.copytree(calendars.CALENDARS_DIR, folder)
    monkeypatch.setattr(calendars, "CALENDARS_DIR", folder)
    return folder


def test_due_dates_are_counted_again_when_the_holiday_calendar_changes(desk, calendars_copy):
    _on(desk, date(2026, 12, 18))
    case_id = desk.intake(demand_pdf(*WITHIN_10_BUSINESS_DAYS), "subpoena.pdf")
    desk.refresh_due_dates()  # the first count under these calendars
    assert desk.refresh_due_dates() == []  # nothing changed since
    us = calendars_copy / "US.toml"
    us.write_text(us.read_text() + '\n[[holiday]]\nname = "Christmas Eve"\nfixed = "12-24"\n')
    assert desk.refresh_due_dates() == [case_id]
    assert desk.facts(case_id)["response_due"] == "2027-01-06"
    assert desk.cases()[0].response_due == "2027-01-06"
    [event] = [e for e in desk.audit_trail(case_id) if e.action == "deadline.recounted"]
    assert (event.payload["from"], event.payload["to"]) == ("2027-01-05", "2027-01-06")
    assert event.payload["calendar"].startswith("US:")
    assert desk.refresh_due_dates() == []


def test_a_reviewers_own_due_date_stands_when_the_calendar_changes(desk, calendars_copy):
    _on(desk, date(2026, 12, 18))
    case_id = desk.intake(demand_pdf(*WITHIN_10_BUSINESS_DAYS), "subpoena.pdf")
    desk.correct_fact(case_id, "response_due", "2027-01-15", "agreed by phone with the AUSA")
    us = calendars_copy / "US.toml"
    us.write_text(us.read_text() + '\n[[holiday]]\nname = "Christmas Eve"\nfixed = "12-24"\n')
    assert desk.refresh_due_dates() == []
    assert Schedule(desk).response_due(case_id) == date(2027, 1, 15)


def test_correcting_the_issue_date_counts_the_period_again(desk):
    _on(desk, date(2026, 12, 18))
    case_id = desk.intake(demand_pdf(*WITHIN_10_BUSINESS_DAYS), "subpoena.pdf")
    desk.correct_fact(case_id, "date_issued", "2026-12-11", "the scan misread the date")
    assert desk.facts(case_id)["response_due"] == "2026-12-28"  # 25 December skipped
    assert desk.cases()[0].response_due == "2026-12-28"


OPEN_ENDED = (
    *SUBPOENA[:4],
    "Date: March 2, 2026",
    "Produce the subscriber information for the account alice.example@example.com.",
    "IT IS FURTHER ORDERED that the Provider shall not disclose the existence of this",
    "subpoena to any person until further order of the Court.",
    "/s/ Jane Roe, Deputy Clerk",
)


def test_an_open_ended_order_comes_back_on_the_configured_cycle(desk):
    case_id = desk.intake(demand_pdf(*OPEN_ENDED), "subpoena.pdf")
    schedule = Schedule(desk)
    order = schedule.secrecy_order(case_id)
    assert order is not None and order.open_ended
    assert schedule.reconsider_days == 90
    assert schedule.today(date(2026, 5, 23)).reconsider_orders == []
    [item] = schedule.today(date(2026, 5, 24)).reconsider_orders  # a week ahead of the day
    assert (item.case_id, item.on) == (case_id, "2026-05-31")  # 90 days after 2 March
    schedule.set_reconsider_days(30)
    assert [i.on for i in schedule.today(date(2026, 4, 1)).reconsider_orders] == ["2026-04-01"]
    schedule.record_reconsidered(case_id, date(2026, 4, 1), "no grounds to challenge yet")
    assert schedule.today(date(2026, 4, 23)).reconsider_orders == []
    assert [i.on for i in schedule.today(date(2026, 4, 24)).reconsider_orders] == ["2026-05-01"]
    with pytest.raises(DeskError, match="7 to 365"):
        schedule.set_reconsider_days(3)
    assert schedule.reconsider_days == 30
    assert any(e.payload == {"secrecy_reconsider_days": 30} for e in desk.audit_trail())


def test_only_a_senior_reviewer_sets_the_reconsideration_cycle(desk):
    desk.add_reviewer("Bob", "135792", admin_pin="246813")
    desk.sign_in("Bob", "135792")
    with pytest.raises(DeskError, match="senior"):
        Schedule(desk).set_reconsider_days(60)


def test_an_order_intake_missed_is_recorded_by_hand_and_makes_notice_wait(desk):
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    schedule = Schedule(desk)
    answer_blocking_pass(Review(desk), case_id)
    Review(desk).decide(case_id, "disclose_noncontent")
    assert schedule.secrecy_order(case_id) is None
    assert [d.kind for d in schedule.notices_due()] == ["prior"]

    with pytest.raises(DeskError, match="Say where the order is"):
        schedule.record_order(
            case_id, issued=date(2026, 3, 2), expires=date(2026, 9, 1), statute="", reason=" "
        )
    with pytest.raises(DeskError, match="must end after"):
        schedule.record_order(
            case_id, issued=date(2026, 3, 2), expires=date(2026, 3, 1), statute="", reason="x"
        )
    assert schedule.secrecy_order(case_id) is None

    schedule.record_order(
        case_id,
        issued=date(2026, 3, 2),
        expires=date(2026, 8, 29),
        statute="18 U.S.C. § 2705(b)",
        reason="separate order of 2 March 2026, received by fax",
    )
    order = schedule.secrecy_order(case_id)
    assert order is not None and (order.expires, order.duration_days) == (date(2026, 8, 29), 180)
    assert schedule.notices_due(date(2026, 8, 28)) == []  # the order binds: no prior notice now
    [due] = schedule.notices_due(date(2026, 8, 29))
    assert (due.kind, due.due_on) == ("delayed", "2026-08-29")
    [event] = [e for e in desk.audit_trail(case_id) if e.action == "secrecy.recorded"]
    assert event.payload["reason"] == "separate order of 2 March 2026, received by fax"
    with pytest.raises(DeskError, match="already has a secrecy order"):
        schedule.record_order(case_id, issued=date(2026, 3, 2), expires=None, statute="", reason="again")
