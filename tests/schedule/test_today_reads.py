"""Today reads every case at once (``Schedule.reads``); what it lists is what each case's
own schedule says, read case by case."""

from __future__ import annotations

from datetime import UTC, date

from app.display_language import ENGLISH
from app.schedule.service import UNDECIDED, Schedule
from app.schedule.today import _notice_line
from bench.report import fill

DAY = date(2026, 7, 1)


def test_today_lists_each_cases_own_notice_and_emergency(desk):
    fill(desk.store, 300)
    schedule = Schedule(desk)
    today = schedule.today(DAY, ENGLISH)

    by_case = schedule.notices_due(DAY)
    assert [(i.case_id, i.on, i.label) for i in today.notices_due] == [
        (n.case_id, n.due_on, _notice_line(n.kind, n.recipient, ENGLISH)) for n in by_case
    ]
    assert {n.recipient for n in by_case} == {"user", "enterprise"}  # both kinds compared

    emergencies = {
        c.case_id: due
        for c in desk.cases()
        if c.status in UNDECIDED and (due := schedule.emergency_due_at(c.case_id)) is not None
    }
    assert emergencies
    assert {i.case_id: i.at for i in today.emergencies} == {
        cid: due.astimezone(UTC).isoformat(timespec="minutes") for cid, due in emergencies.items()
    }
