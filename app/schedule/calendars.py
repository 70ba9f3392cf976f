"""Business-day calendars per jurisdiction, loaded from resources/calendars/<ISO>.toml.

Each file lists national public holidays as rules (fixed month-day, offset from Easter
Sunday, n-th weekday of a month, weekday on or before a date) and how a holiday that falls
on a weekend is observed. A jurisdiction without a file uses default.toml (weekends only).

``calendar_version`` combines the file's declared version with a hash of its bytes, so a
stored deadline can be recomputed whenever the data changes, even if nobody bumped the
version string.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

CALENDARS_DIR = Path(__file__).resolve().parents[2] / "resources" / "calendars"

WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
OBSERVED = ("none", "monday", "nearest")


class CalendarError(ValueError):
    """A calendar file is missing or malformed; the message names the file and key."""


@dataclass(frozen=True)
class HolidayRule:
    name: str
    kind: str  # "fixed" | "easter" | "nth_weekday" | "on_or_before"
    month: int = 0
    day: int = 0
    offset: int = 0
    weekday: int = 0
    n: int = 0
    observed: str = "none"


@dataclass(frozen=True)
class Calendar:
    country: str
    name: str
    version: str
    digest: str
    path: Path
    rules: tuple[HolidayRule, ...]

    @property
    def full_version(self) -> str:
        return f"{self.country}:{self.version}:{self.digest}"


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _err(path: Path, key: str, message: str) -> CalendarError:
    return CalendarError(f"{path.name}: {key}: {message}")


def _int(path: Path, key: str, table: dict[str, object], field: str, lo: int, hi: int) -> int:
    value = table.get(field)
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise _err(path, f"{key}.{field}", f"expected an integer in {lo}..{hi}, got {value!r}")
    return value


def _weekday(path: Path, key: str, table: dict[str, object]) -> int:
    value = table.get("weekday")
    if value not in WEEKDAYS:
        raise _err(path, f"{key}.weekday", f"expected one of {', '.join(WEEKDAYS)}, got {value!r}")
    return WEEKDAYS[str(value)]


def _parse_rule(path: Path, index: int, raw: object, default_observed: str) -> HolidayRule:
    key = f"holiday[{index}]"
    if not isinstance(raw, dict):
        raise _err(path, key, "expected a table")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _err(path, f"{key}.name", "missing or empty")
    observed = raw.get("observed", default_observed)
    if observed not in OBSERVED:
        raise _err(path, f"{key}.observed", f"expected one of {', '.join(OBSERVED)}, got {observed!r}")
    kinds = [k for k in ("fixed", "easter", "nth_weekday", "on_or_before") if k in raw]
    if len(kinds) != 1:
        raise _err(path, key, f"expected exactly one of fixed, easter, nth_weekday, on_or_before ({name})")
    kind = kinds[0]
    value = raw[kind]
    if kind == "fixed":
        try:
            month_s, day_s = str(value).split("-")
            month, day = int(month_s), int(day_s)
            date(2000, month, day)  # leap year: accepts 02-29
        except ValueError:
            raise _err(path, f"{key}.fixed", f'expected "MM-DD", got {value!r}') from None
        return HolidayRule(name, kind, month=month, day=day, observed=str(observed))
    if kind == "easter":
        if not isinstance(value, int) or isinstance(value, bool) or not -100 <= value <= 100:
            raise _err(path, f"{key}.easter", f"expected a day offset in -100..100, got {value!r}")
        return HolidayRule(name, kind, offset=value, observed=str(observed))
    sub = f"{key}.{kind}"
    if not isinstance(value, dict):
        raise _err(path, sub, "expected an inline table")
    if kind == "nth_weekday":
        n = _int(path, sub, value, "n", -5, 5)
        if n == 0:
            raise _err(path, f"{sub}.n", "must not be 0")
        return HolidayRule(
            name,
            kind,
            month=_int(path, sub, value, "month", 1, 12),
            weekday=_weekday(path, sub, value),
            n=n,
            observed=str(observed),
        )
    return HolidayRule(
        name,
        kind,
        month=_int(path, sub, value, "month", 1, 12),
        day=_int(path, sub, value, "day", 1, 31),
        weekday=_weekday(path, sub, value),
        observed=str(observed),
    )


def load_calendar_file(path: Path) -> Calendar:
    """Parse one calendar file; a CalendarError names the file and the offending key."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CalendarError(f"{path.name}: cannot read: {exc.strerror}") from None
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CalendarError(f"{path.name}: not valid TOML: {exc}") from None
    for key in ("country", "name", "version"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            raise _err(path, key, "missing or not a non-empty string")
    observed = doc.get("observed", "none")
    if observed not in OBSERVED:
        raise _err(path, "observed", f"expected one of {', '.join(OBSERVED)}, got {observed!r}")
    raw_rules = doc.get("holiday", [])
    if not isinstance(raw_rules, list):
        raise _err(path, "holiday", "expected an array of tables")
    rules = tuple(_parse_rule(path, i, raw, str(observed)) for i, raw in enumerate(raw_rules))
    return Calendar(
        country=doc["country"],
        name=doc["name"],
        version=doc["version"],
        digest=hashlib.sha256(data).hexdigest()[:12],
        path=path,
        rules=rules,
    )


def _calendar_path(country: str, directory: Path) -> Path:
    code = country.strip().upper()
    candidate = directory / f"{code}.toml"
    if code.isalpha() and len(code) == 2 and candidate.is_file():
        return candidate
    return directory / "default.toml"


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int, size: int) -> Calendar:
    return load_calendar_file(path)


def load_calendar(country: str, directory: Path | None = None) -> Calendar:
    """The calendar for an ISO 3166 alpha-2 code, or the default one."""
    path = _calendar_path(country, directory or CALENDARS_DIR)
    try:
        st = path.stat()
    except OSError as exc:
        raise CalendarError(f"{path.name}: cannot read: {exc.strerror}") from None
    return _load_cached(path, st.st_mtime_ns, st.st_size)


def calendar_version(country: str, directory: Path | None = None) -> str:
    """``ISO:version:digest``; store it with a deadline and recompute when it differs."""
    return load_calendar(country, directory).full_version


def fingerprint(directory: Path | None = None) -> str:
    """One digest over every calendar file: it changes whenever any holiday data does."""
    folder = directory or CALENDARS_DIR
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _rule_date(rule: HolidayRule, year: int) -> date | None:
    if rule.kind == "fixed":
        try:
            return date(year, rule.month, rule.day)
        except ValueError:  # 29 February in a common year
            return None
    if rule.kind == "easter":
        return easter_sunday(year) + timedelta(days=rule.offset)
    if rule.kind == "nth_weekday":
        if rule.n > 0:
            first = date(year, rule.month, 1)
            d = first + timedelta(days=(rule.weekday - first.weekday()) % 7 + 7 * (rule.n - 1))
        else:
            nxt = date(year + (rule.month == 12), rule.month % 12 + 1, 1)
            last = nxt - timedelta(days=1)
            d = last - timedelta(days=(last.weekday() - rule.weekday) % 7 + 7 * (-rule.n - 1))
        return d if d.month == rule.month else None
    anchor = date(year, rule.month, rule.day)
    return anchor - timedelta(days=(anchor.weekday() - rule.weekday) % 7)


def _observe(d: date, how: str, taken: set[date]) -> date:
    if d.weekday() < 5 or how == "none":
        return d
    if how == "nearest":
        return d - timedelta(days=1) if d.weekday() == 5 else d + timedelta(days=1)
    moved = d + timedelta(days=7 - d.weekday())
    while moved in taken or moved.weekday() >= 5:
        moved += timedelta(days=1)
    return moved


def calendar_holidays(calendar: Calendar, year: int) -> set[date]:
    """Holidays of one year; a weekend holiday that is observed appears on its weekday."""
    actual: list[tuple[date, HolidayRule]] = []
    for rule in calendar.rules:
        d = _rule_date(rule, year)
        if d is not None:
            actual.append((d, rule))
    result: set[date] = {d for d, rule in actual if d.weekday() < 5 or rule.observed == "none"}
    for d, rule in sorted(actual, key=lambda item: item[0]):
        if d.weekday() >= 5 and rule.observed != "none":
            result.add(_observe(d, rule.observed, result))
    return result


def holidays(country: str, year: int) -> set[date]:
    """The national public holidays of ``country`` in ``year`` (observed dates)."""
    return calendar_holidays(load_calendar(country), year)


def is_business_day(d: date, country: str) -> bool:
    return d.weekday() < 5 and d not in holidays(country, d.year)


def add_days(start: date, n: int) -> date:
    return start + timedelta(days=n)


def next_business_day(d: date, country: str) -> date:
    """``d`` itself when it is a business day, else the next one."""
    while not is_business_day(d, country):
        d += timedelta(days=1)
    return d


def add_business_days(start: date, n: int, country: str) -> date:
    """Count ``n`` business days after ``start`` (negative counts backwards; 0 is ``start``)."""
    step = 1 if n >= 0 else -1
    d = start
    remaining = abs(n)
    while remaining:
        d += timedelta(days=step)
        if is_business_day(d, country):
            remaining -= 1
    return d


def business_days_between(start: date, end: date, country: str) -> int:
    """Business days in the half-open interval (start, end]; 0 when end <= start."""
    count = 0
    d = start
    while d < end:
        d += timedelta(days=1)
        if is_business_day(d, country):
            count += 1
    return count
