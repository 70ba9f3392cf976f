"""Emergency requests are due within hours of their receipt, and stay first in Today until decided."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.review.policy import PolicyError, load_pack
from app.review.service import Review
from app.schedule.deadlines import emergency_label, emergency_short
from app.schedule.service import Schedule
from tests.app.test_review_service import SUBPOENA, demand_pdf

ROOT = Path(__file__).resolve().parents[2]
EMERGENCY_PDF = ROOT / "resources" / "samples" / "us-emergency-request.pdf"
TAKEN_IN = datetime(2026, 3, 4, 8, 15, tzinfo=UTC)


def at(moment: datetime):
    return lambda: moment


@pytest.fixture
def emergency(desk) -> str:
    desk.clock = at(TAKEN_IN)
    return desk.intake(EMERGENCY_PDF.read_bytes(), "emergency.pdf")


def test_the_pack_says_how_many_hours_an_emergency_request_has():
    assert load_pack().emergency_response_hours == 24


def test_an_emergency_request_is_due_the_packs_hours_after_it_was_taken_in(desk, emergency):
    schedule = Schedule(desk)
    assert schedule.emergency_due_at(emergency) == TAKEN_IN + timedelta(hours=24)
    # The Facts JSON keeps a date: the local day of that moment, flagged with the hour.
    due = desk.fact_map(emergency)["response_due"]
    local = (TAKEN_IN + timedelta(hours=24)).astimezone()
    assert due.value == local.date().isoformat()
    assert due.flag and f"{local:%H:%M}" in due.flag and "24 hours" in due.flag


def test_a_pack_with_fewer_hours_brings_the_due_moment_forward(desk, emergency):
    schedule = Schedule(desk)
    schedule.review.pack = replace(schedule.review.pack, emergency_response_hours=6)
    assert schedule.emergency_due_at(emergency) == TAKEN_IN + timedelta(hours=6)


def test_a_pack_with_no_hours_or_a_week_and_more_is_refused(tmp_path):
    pack = tmp_path / "policy"
    shutil.copytree(ROOT / "resources" / "policy", pack)
    text = (pack / "pack.toml").read_text()
    for wrong in ("0", "169", '"a day"'):
        (pack / "pack.toml").write_text(text.replace("response_hours = 24", f"response_hours = {wrong}"))
        with pytest.raises(PolicyError, match="response_hours"):
            load_pack(pack)


def test_an_emergency_request_is_the_first_line_of_today_with_the_hours_left(desk, emergency):
    desk.clock = at(TAKEN_IN)
    subpoena = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    desk.clock = at(TAKEN_IN + timedelta(hours=19))
    today = Schedule(desk).today()
    title, items = today.sections()[0]
    assert title == "Emergency requests"
    [item] = items
    assert (item.case_id, item.kind, item.urgency) == (emergency, "emergency", "today")
    assert item.label.startswith("Due ") and item.label.endswith("(in 5 h)")
    assert item.at == "2026-03-05T08:15+00:00"
    # Listed once, in hours, not again among the responses counted in days.
    listed = {i.case_id for _t, section in today.sections()[1:3] for i in section}
    assert emergency not in listed
    assert subpoena not in {i.case_id for i in items}
    assert today.to_json()["emergencies"][0]["case_id"] == emergency


def test_an_emergency_request_past_its_hours_is_overdue(desk, emergency):
    desk.clock = at(TAKEN_IN + timedelta(hours=27))
    [item] = Schedule(desk).today().emergencies
    assert item.urgency == "overdue"
    assert item.label.startswith("Overdue by 3 h")


def test_a_decided_emergency_request_leaves_the_top_of_today(desk, emergency):
    desk.clock = at(TAKEN_IN + timedelta(hours=1))
    Review(desk).decide(emergency, "reject")
    schedule = Schedule(desk)
    assert schedule.today().emergencies == []
    assert schedule.emergencies() == {}


def test_a_demand_corrected_to_an_emergency_request_counts_in_hours_from_its_receipt(desk):
    desk.clock = at(TAKEN_IN)
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    schedule = Schedule(desk)
    assert schedule.emergency_due_at(case_id) is None
    desk.correct_fact(case_id, "emergency", "yes", reason="the cover e-mail says a child is missing")
    assert schedule.emergency_due_at(case_id) == TAKEN_IN + timedelta(hours=24)
    assert case_id in schedule.emergencies(TAKEN_IN + timedelta(hours=2))


def test_an_emergency_request_served_days_before_intake_counts_from_the_start_of_that_day(desk):
    desk.clock = at(TAKEN_IN)
    served = date(2026, 3, 2)  # faxed on Monday, found and scanned on Wednesday
    case_id = desk.intake(EMERGENCY_PDF.read_bytes(), "emergency.pdf", received=served)
    start = datetime(2026, 3, 2).astimezone()  # the hour of service is not known: local midnight
    assert Schedule(desk).emergency_due_at(case_id) == start + timedelta(hours=24)
    due = desk.fact_map(case_id)["response_due"]
    assert due.value == (start + timedelta(hours=24)).date().isoformat()
    assert due.flag and "served (from the start of 2026-03-02" in due.flag
    [item] = Schedule(desk).today(date(2026, 3, 4)).emergencies
    assert item.urgency == "overdue"


def test_correcting_the_day_of_service_moves_an_emergency_requests_hours(desk, emergency):
    schedule = Schedule(desk)
    assert schedule.emergency_due_at(emergency) == TAKEN_IN + timedelta(hours=24)
    desk.correct_fact(emergency, "received", "2026-03-03", reason="fax header")
    assert schedule.emergency_due_at(emergency) == datetime(2026, 3, 3).astimezone() + timedelta(hours=24)


def test_today_on_another_day_counts_from_that_days_time(desk, emergency):
    desk.clock = at(TAKEN_IN + timedelta(hours=2))
    [item] = Schedule(desk).today(date(2026, 3, 6)).emergencies
    assert item.urgency == "overdue"


def test_labels_say_the_hour_and_the_hours_left():
    due = datetime(2026, 3, 4, 14, 32, tzinfo=UTC)
    assert emergency_label(due, due - timedelta(hours=5, minutes=10), UTC) == "Due 14:32 today (in 5 h)"
    assert emergency_label(due, due - timedelta(hours=14), UTC) == "Due 14:32 today (in 14 h)"
    assert emergency_label(due, due - timedelta(minutes=40), UTC) == "Due 14:32 today (in 40 min)"
    assert emergency_label(due, datetime(2026, 3, 3, 20, 0, tzinfo=UTC), UTC) == (
        "Due 14:32 tomorrow (in 18 h)"
    )
    assert emergency_label(due, due + timedelta(hours=3), UTC) == "Overdue by 3 h (since 14:32)"
    assert emergency_label(due, due + timedelta(hours=12), UTC) == "Overdue by 12 h (since 14:32)"
    assert emergency_label(due, due + timedelta(days=3), UTC) == "Overdue by 3 days (since 4 Mar 14:32)"
    assert emergency_short(due, due - timedelta(hours=5)) == "in 5 h"
    assert emergency_short(due, due + timedelta(hours=2)) == "2 h overdue"
