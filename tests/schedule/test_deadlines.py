from datetime import date

import pytest

from app.schedule.calendars import calendar_version
from app.schedule.deadlines import (
    DeadlineRule,
    Extension,
    Pause,
    compute_deadline,
    deadline_status,
    needs_recompute,
)

TODAY = date(2026, 11, 2)


def test_explicit_date() -> None:
    d = compute_deadline(DeadlineRule(explicit=date(2026, 11, 20)), TODAY)
    assert d.due == date(2026, 11, 20)


def test_calendar_days_from_issue_or_receipt() -> None:
    issued, received = date(2026, 11, 1), date(2026, 11, 3)
    rule = DeadlineRule(days=10, count_from="issued", issued=issued, received=received)
    assert compute_deadline(rule, TODAY).due == date(2026, 11, 11)
    rule = DeadlineRule(days=10, count_from="received", issued=issued, received=received)
    assert compute_deadline(rule, TODAY).due == date(2026, 11, 13)


def test_us_thanksgiving_moves_a_business_day_deadline() -> None:
    rule = DeadlineRule(days=3, unit="business_days", received=date(2026, 11, 23), country="US")
    # Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27
    assert compute_deadline(rule, TODAY).due == date(2026, 11, 27)
    plain = DeadlineRule(days=3, unit="business_days", received=date(2026, 11, 23), country="ZZ")
    assert compute_deadline(plain, TODAY).due == date(2026, 11, 26)


def test_german_easter_monday_moves_a_business_day_deadline() -> None:
    rule = DeadlineRule(days=1, unit="business_days", received=date(2026, 4, 2), country="DE")
    assert compute_deadline(rule, TODAY).due == date(2026, 4, 7)


def test_extension_replaces_due_date_with_reason() -> None:
    rule = DeadlineRule(explicit=date(2026, 11, 10))
    d = compute_deadline(rule, TODAY, extensions=[Extension(date(2026, 11, 24), "requester agreed")])
    assert d.due == date(2026, 11, 24)
    assert d.base_due == date(2026, 11, 10)
    assert d.extension_reason == "requester agreed"


def test_pause_stops_the_calendar_clock() -> None:
    rule = DeadlineRule(days=10, received=date(2026, 11, 1))
    closed = Pause(date(2026, 11, 3), date(2026, 11, 8), "narrowing letter")
    d = compute_deadline(rule, date(2026, 11, 20), pauses=[closed])
    assert d.paused_days == 5
    assert d.due == date(2026, 11, 16)
    # an open pause keeps moving the due date until it ends
    open_pause = Pause(date(2026, 11, 9))
    d1 = compute_deadline(rule, date(2026, 11, 10), pauses=[open_pause])
    d2 = compute_deadline(rule, date(2026, 11, 15), pauses=[open_pause])
    assert (d1.due, d2.due) == (date(2026, 11, 12), date(2026, 11, 17))
    assert d2.paused_now
    assert deadline_status(d2, date(2026, 11, 15)).kind == "paused"


def test_pause_counts_business_days_for_business_day_periods() -> None:
    rule = DeadlineRule(days=5, unit="business_days", received=date(2026, 11, 16), country="US")
    assert compute_deadline(rule, TODAY).due == date(2026, 11, 23)
    # paused Fri 20 .. Tue 24 (exclusive): Fri 20 and Mon 23 are business days
    d = compute_deadline(rule, TODAY, pauses=[Pause(date(2026, 11, 20), date(2026, 11, 24))])
    assert d.paused_days == 2
    assert d.due == date(2026, 11, 25)


def test_status() -> None:
    d = compute_deadline(DeadlineRule(explicit=date(2026, 11, 10)), TODAY)
    assert deadline_status(d, date(2026, 11, 10)).label == "Due today"
    assert deadline_status(d, date(2026, 11, 7)).kind == "due_soon"
    assert deadline_status(d, date(2026, 11, 7)).days == 3
    assert deadline_status(d, date(2026, 11, 6)).kind == "ok"
    late = deadline_status(d, date(2026, 11, 13))
    assert (late.kind, late.days, late.label) == ("overdue", 3, "Overdue by 3 days")


def test_rule_validation_and_recompute_flag() -> None:
    with pytest.raises(ValueError):
        DeadlineRule()
    with pytest.raises(ValueError):
        DeadlineRule(days=3, count_from="issued")
    rule = DeadlineRule(days=3, unit="business_days", received=TODAY, country="US")
    d = compute_deadline(rule, TODAY)
    assert d.calendar_version == calendar_version("US")
    assert not needs_recompute(d.calendar_version, rule)
    assert needs_recompute("US:2025.1:000000000000", rule)
