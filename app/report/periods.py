"""Report periods: a half-year (``2026H1``, ``2026H2``) or any range of days (``2026-01-01..2026-03-31``).

A case counts in the period in which it was received. ``received_at`` is stored in
UTC, so a period's days are UTC days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Not strftime's %B: the window's Qt sets the process locale, and the report is in English.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
_HALF = re.compile(r"(\d{4})[Hh]([12])")
_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})")


class PeriodError(ValueError):
    """The text does not name a period; the message says how to write one."""


@dataclass(frozen=True, order=True)
class Period:
    start: date  # first day counted
    end: date  # last day counted (inclusive)
    label: str

    @property
    def is_half_year(self) -> bool:
        return _HALF.fullmatch(self.label) is not None

    def bounds(self) -> tuple[str, str]:
        """[start, end) as the ISO text ``received_at`` is compared with."""
        return self.start.isoformat(), (self.end + timedelta(days=1)).isoformat()

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def title(self, between: str = " – ") -> str:
        """How a reader names the period: "1 January – 30 June 2026" (or "… and …" in a sentence)."""
        start = f"{self.start.day} {MONTHS[self.start.month - 1]}"
        if self.start.year != self.end.year:
            start += f" {self.start.year}"
        return f"{start}{between}{self.end.day} {MONTHS[self.end.month - 1]} {self.end.year}"


def half_year(year: int, half: int) -> Period:
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"{year}H1")
    return Period(date(year, 7, 1), date(year, 12, 31), f"{year}H2")


def half_year_of(day: date) -> Period:
    return half_year(day.year, 1 if day.month <= 6 else 2)


def parse_period(text: str) -> Period:
    """``2026H1``, ``2026H2`` or ``FROM..TO`` (ISO dates, both days counted)."""
    text = text.strip()
    found = _HALF.fullmatch(text)
    if found:
        year = int(found.group(1))
        if not 1 <= year <= 9998:  # the half-years before and after must exist too
            raise PeriodError(f"{text!r} names a year no report can cover.")
        return half_year(year, int(found.group(2)))
    found = _RANGE.fullmatch(text)
    if found:
        try:
            start, end = date.fromisoformat(found.group(1)), date.fromisoformat(found.group(2))
        except ValueError as exc:
            raise PeriodError(f"{text!r} holds a date that does not exist: {exc}.") from None
        if end < start:
            raise PeriodError(f"The period {text!r} ends before it starts.")
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
    raise PeriodError(
        f"A period is a half-year like 2026H1 or a range like 2026-01-01..2026-03-31, not {text!r}."
    )


def half_years_before(period: Period, count: int) -> list[Period]:
    """The ``count`` half-years ending with the one that holds the period's last day, oldest first."""
    current = half_year_of(period.end)
    found = [current]
    while len(found) < count:
        first = found[0]
        found.insert(0, half_year_of(first.start - timedelta(days=1)))
    return found
