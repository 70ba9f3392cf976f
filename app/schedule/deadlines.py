"""Response deadlines: the due date from the demand, extensions, pauses and status.

A demand gives either an explicit date or a period ("within N days" / "within N business
days") counted from the date it was issued or received. Extensions replace the due date
(the latest one wins) and carry a reason. While the team waits for the requester (e.g.
after a narrowing letter) the clock stops: the due date moves by the paused calendar days,
or the paused business days when the period is in business days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from app.schedule.calendars import add_business_days, business_days_between, calendar_version
from app.schedule.words import count, month, say

Unit = Literal["days", "business_days"]
CountFrom = Literal["issued", "received"]

DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class Extension:
    new_due: date
    reason: str
    granted_on: date | None = None


@dataclass(frozen=True)
class Pause:
    """The clock stopped from ``start`` (inclusive) until ``end`` (exclusive); open while end is None."""

    start: date
    end: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class DeadlineRule:
    """What the demand says: an explicit date, or N (business) days from issue or receipt."""

    explicit: date | None = None
    days: int | None = None
    unit: Unit = "days"
    count_from: CountFrom = "received"
    issued: date | None = None
    received: date | None = None
    country: str = "default"

    def __post_init__(self) -> None:
        if (self.explicit is None) == (self.days is None):
            raise ValueError("a deadline needs exactly one of an explicit date or a number of days")
        if self.days is not None and self.days < 0:
            raise ValueError("days must not be negative")
        if self.days is not None and self.start is None:
            raise ValueError(f"a period counted from {self.count_from} needs that date")

    @property
    def start(self) -> date | None:
        return self.issued if self.count_from == "issued" else self.received


@dataclass(frozen=True)
class Deadline:
    base_due: date
    due: date
    extension_reason: str | None
    paused_days: int
    paused_now: bool
    calendar_version: str


@dataclass(frozen=True)
class DeadlineStatus:
    kind: Literal["overdue", "due_today", "due_soon", "ok", "paused"]
    days: int  # days until due (positive) or overdue by (positive for "overdue")
    label: str


def base_due_date(rule: DeadlineRule) -> date:
    if rule.explicit is not None:
        return rule.explicit
    assert rule.start is not None and rule.days is not None
    if rule.unit == "business_days":
        return add_business_days(rule.start, rule.days, rule.country)
    return rule.start + timedelta(days=rule.days)


def _paused_amount(pause: Pause, rule: DeadlineRule, today: date) -> int:
    end = pause.end if pause.end is not None else today
    if end <= pause.start:
        return 0
    if rule.unit == "business_days":
        # business days in [start, end): shift the half-open helper by one day
        return business_days_between(pause.start - timedelta(days=1), end - timedelta(days=1), rule.country)
    return (end - pause.start).days


def compute_deadline(
    rule: DeadlineRule,
    today: date,
    extensions: tuple[Extension, ...] | list[Extension] = (),
    pauses: tuple[Pause, ...] | list[Pause] = (),
) -> Deadline:
    """The due date as of ``today``: base or latest extension, moved by time paused so far.

    An open pause counts up to ``today``, so the due date keeps moving while it lasts.
    """
    base = base_due_date(rule)
    due = base
    reason: str | None = None
    if extensions:
        latest = extensions[-1]
        due, reason = latest.new_due, latest.reason
    paused = sum(_paused_amount(p, rule, today) for p in pauses)
    if paused:
        if rule.unit == "business_days":
            due = add_business_days(due, paused, rule.country)
        else:
            due = due + timedelta(days=paused)
    paused_now = any(p.start <= today and (p.end is None or today < p.end) for p in pauses)
    return Deadline(
        base_due=base,
        due=due,
        extension_reason=reason,
        paused_days=paused,
        paused_now=paused_now,
        calendar_version=calendar_version(rule.country),
    )


_PERIOD = re.compile(r"(\d{1,4}) (business days|days) from (issue|receipt)")
_UNIT_WORDS = {"days": "days", "business_days": "business days"}
_FROM_WORDS = {"issued": "issue", "received": "receipt"}


def format_period(days: int, unit: Unit, count_from: CountFrom) -> str:
    """The stored form of a period, which reads as it is meant: ``10 business days from issue``."""
    return f"{days} {_UNIT_WORDS[unit]} from {_FROM_WORDS[count_from]}"


def period_words(text: str, language: str | None = None) -> str:
    """A stored period as the window says it ("7 Tage ab Ausstellung"); one the app did not
    write stays as written."""
    from app.review.said import Said  # the notes' templates hold the words of every language

    parsed = parse_period(text)
    if parsed is None:
        return text
    days, unit, count_from = parsed
    return Said(f"period.{unit}_{count_from}", days=days).text(language)


def parse_period(text: str | None) -> tuple[int, Unit, CountFrom] | None:
    """The inverse of ``format_period``; None for anything else (a period the app did not write)."""
    m = _PERIOD.fullmatch((text or "").strip())
    if m is None:
        return None
    unit: Unit = "business_days" if m.group(2) == "business days" else "days"
    count_from: CountFrom = "issued" if m.group(3) == "issue" else "received"
    return int(m.group(1)), unit, count_from


def rule_for(
    period: str | None, *, issued: date | None, received: date | None, country: str | None
) -> DeadlineRule | None:
    """The rule a stored period stands for, or None when it cannot be counted (no start date)."""
    parsed = parse_period(period)
    if parsed is None:
        return None
    days, unit, count_from = parsed
    if (issued if count_from == "issued" else received) is None:
        return None
    return DeadlineRule(
        days=days,
        unit=unit,
        count_from=count_from,
        issued=issued,
        received=received,
        country=country or "default",
    )


def needs_recompute(stored_version: str, rule: DeadlineRule) -> bool:
    """True when the jurisdiction's calendar data changed since the deadline was stored."""
    return stored_version != calendar_version(rule.country)


def deadline_status(
    deadline: Deadline, today: date, soon_days: int = DUE_SOON_DAYS, language: str | None = None
) -> DeadlineStatus:
    """How the deadline stands on ``today``, its label in ``language`` (None: the display language)."""
    if deadline.paused_now:
        return DeadlineStatus("paused", (deadline.due - today).days, say("deadline", "paused", language))
    delta = (deadline.due - today).days
    if delta < 0:
        n = -delta
        return DeadlineStatus("overdue", n, count("deadline", "overdue", n, language, days=n))
    if delta == 0:
        return DeadlineStatus("due_today", 0, say("deadline", "due_today", language))
    if delta <= soon_days:
        return DeadlineStatus("due_soon", delta, count("deadline", "due_in", delta, language, days=delta))
    return DeadlineStatus("ok", delta, say("deadline", "due_on", language, date=deadline.due.isoformat()))


# -- emergency requests: hours, not days ---------------------------------------------


def emergency_start(taken_in: datetime, served: date | None) -> datetime:
    """When an emergency request's hours start running.

    The moment it was taken in, unless the reviewer says it was served on an earlier day.
    The hour of service is then not known, so the hours run from the start of that day
    (local time): the deadline shown is never later than the true one.
    """
    if served is None or served >= taken_in.astimezone().date():
        return taken_in
    return datetime.combine(served, datetime.min.time()).astimezone()


def emergency_due_at(received_at: datetime, hours: int) -> datetime:
    """The moment an emergency request is due: its receipt plus the pack's hours."""
    if received_at.tzinfo is None:
        raise ValueError("the time of receipt needs its time zone")
    return received_at + timedelta(hours=hours)


def _span(delta: timedelta, language: str | None, after_in: bool = False) -> str:
    """A length of time as a reviewer reads it at a glance: minutes, hours, then days."""
    table = "span_in" if after_in else "span"
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return count(table, "minutes", minutes, language)
    hours = minutes // 60
    if hours < 48:
        return count(table, "hours", hours, language)
    return count(table, "days", hours // 24, language)


def _clock_time(due_at: datetime, now: datetime, tz: tzinfo | None, language: str | None) -> str:
    """``14:32 today``, ``09:10 tomorrow`` or ``5 Mar 09:10``, in the reviewer's time zone."""
    local, here = due_at.astimezone(tz), now.astimezone(tz)
    days = (local.date() - here.date()).days
    hhmm = local.strftime("%H:%M")
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days)
    if named is not None:
        return say("emergency", named, language, time=hhmm)
    return say(
        "emergency", "other_day", language, day=local.day, month=month(local.month, language), time=hhmm
    )


def emergency_label(
    due_at: datetime, now: datetime, tz: tzinfo | None = None, language: str | None = None
) -> str:
    """``Due 14:32 today (in 5 h)`` or ``Overdue by 3 h (since 09:10)``; ``tz`` None: local.

    Short enough for the Today view's narrow column: an overdue one says since when by the
    hour alone while that is within a day.
    """
    if now >= due_at:
        if now - due_at < timedelta(hours=24):
            since = say("emergency", "at_time", language, time=due_at.astimezone(tz).strftime("%H:%M"))
        else:
            since = _clock_time(due_at, now, tz, language)
        return say("emergency", "overdue", language, span=_span(now - due_at, language), since=since)
    when = _clock_time(due_at, now, tz, language)
    return say("emergency", "due", language, when=when, span=_span(due_at - now, language, after_in=True))


def emergency_short(due_at: datetime, now: datetime, language: str | None = None) -> str:
    """The queue's narrow form: ``in 5 h`` or ``5 h overdue``."""
    if now >= due_at:
        return say("emergency", "short_overdue", language, span=_span(now - due_at, language))
    return say("emergency", "short_due", language, span=_span(due_at - now, language, after_in=True))


__all__ = [
    "Deadline",
    "DeadlineRule",
    "DeadlineStatus",
    "Extension",
    "Pause",
    "base_due_date",
    "compute_deadline",
    "deadline_status",
    "emergency_due_at",
    "emergency_label",
    "emergency_short",
    "format_period",
    "needs_recompute",
    "parse_period",
    "rule_for",
]
