"""Dates, numbers and periods as demands write them, in the languages of ``resources/intake``.

Dates are found in folded text (see ``extract_text.fold``): "November 12, 2026",
"12 November 2026", "the 10th day of November 2026", "4. Dezember 2026",
"1er septembre 2026", "5 de diciembre de 2026", "12.11.2026", "11/12/2026",
"2026-11-12", "2026年11月12日", "NOV-28-2026", Hijri dates ("1448/06/15هـ", on the Umm al-Qura
calendar), and dates written out in words ("l'an deux mille
vingt-six, le vingt-cinq novembre"). A numeric date whose day and month could be
swapped is read in the order of the demand's country; when that is not known and both
readings are possible, the date is reported as ambiguous and given no value.

Periods: days count on the calendar; business days skip weekends and the public holidays
of the demand's country (``app.schedule.calendars``; weekends only where the country is
not known or has no calendar); weeks are 7 days; months count on the
calendar (the same day N months later, or the month's last day); years are 365 days
each, so "one year" is 365 days; hours round up to whole days.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Hijri

from app.intake.vocab import Vocabulary
from app.schedule.calendars import add_business_days
from app.schedule.deadlines import Unit

MIN_YEAR = 1950
MAX_YEAR = 2100


@dataclass(frozen=True)
class DateMention:
    start: int  # folded offsets
    end: int
    value: date | None
    ambiguous: bool = False  # day and month could be swapped and the order is unknown


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class DateReader:
    """Compiled patterns for one vocabulary."""

    vocab: Vocabulary
    named: tuple[re.Pattern[str], ...]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    words: re.Pattern[str]
    number: str  # regex fragment: a number in digits or words
    hijri: tuple[re.Pattern[str], ...]

    @classmethod
    def build(cls, vocab: Vocabulary) -> DateReader:
        months = _alternation(list(vocab.months))
        ordinal_words = _alternation(list(vocab.ordinals))
        number_words = _alternation([w for w in vocab.numbers if len(w) > 1])
        numword = f"(?:{number_words})"
        joiner = r"(?:[\s-]+(?:y|und|et|and)?[\s-]*|und|y)?"
        number = rf"(?:\d{{1,4}}|{numword}(?:{joiner}{numword})*)(?:\s*\(\s*\d{{1,4}}\s*\))?"
        # "October O01, 2012": OCR doubles a leading zero now and then (repair_digits made O a 0).
        day = r"0?(?P<day>[0-3]?\d)"
        suffix = r"(?:st|nd|rd|th|er|e|eme|\.|º|°|o)?"
        year = r"(?P<year>(?:19|20)\d\d)"
        named = (
            # November 12, 2026 / Nov. 12 2026 / NOV-28-2026
            re.compile(rf"(?<![a-z])(?P<month>{months})\.?[\s-]+{day}{suffix}(?:[,;.]|\s|-)+{year}(?!\d)"),
            # 12 November 2026 / 4. Dezember 2026 / 1er septembre 2026 / 5 de diciembre de 2026 / 28-NOV-2026
            re.compile(
                rf"(?<!\d){day}{suffix}[\s-]*(?:de\s+)?(?P<month>{months})\.?(?:,|\s|-)*(?:de\s+|del\s+)?{year}(?!\d)"
            ),
            # the 10th day of November 2026 / tenth day of November, 2026
            re.compile(
                rf"(?:(?<!\d){day}{suffix}|(?P<dayword>{ordinal_words}))\s+day\s+of\s+(?P<month>{months}),?\s+(?:in\s+the\s+year\s+)?{year}(?!\d)"
            ),
        )
        numeric = re.compile(
            r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d])"
        )
        # 2026-11-12, and the ways Chinese, Japanese and Korean write it: 2026年11月12日,
        # 2026년 11월 12일, 2026. 3. 12.; and a Japanese era year: 令和8年3月12日 (Reiwa 8 = 2026).
        iso = re.compile(
            r"(?<![\d./-])(?:(?P<y>(?:19|20)\d\d)|(?P<era>令和|平成)\s?(?P<ey>\d{1,2}|元)\s?年\s?)"
            r"(?(era)|(?:-|\.\s?|\s?[年년]\s?))(?P<m>[01]?\d)(?:-|\.\s?|\s?[月월]\s?)(?P<d>[0-3]?\d)"
            r"(?:\s?[日일]|\.)?(?![\d])"
        )
        # Written out: "l'an deux mille vingt-six, le vingt-cinq novembre"; "veinticinco de noviembre de ..."
        words = re.compile(
            rf"(?<![a-z0-9])(?P<daywords>{number}|premier|1er|ler|ier)\s+(?:de\s+)?(?P<month>{months})"
            rf"(?:\s+(?:de\s+|del\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<yearwords2>{number})))?"
        )
        # The Islamic calendar, as Saudi and other Gulf demands date themselves: 1448/06/15هـ,
        # 15/6/1448 هـ, 15 جمادى الآخرة 1448هـ. A year from 1369 to 1500 (1950-2077) can only be
        # Hijri here; the marker هـ ("of the Hijra") is read when present, not required.
        marker = r"(?:\s*(?:هـ|ه(?![\w])|هجري(?:ة)?))?"
        hijri_year = r"(?P<year>1[345]\d\d)"
        hijri: tuple[re.Pattern[str], ...] = (
            re.compile(
                rf"(?<![\d./-]){hijri_year}(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d]){marker}"
            ),
            re.compile(
                rf"(?<![\d./-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep){hijri_year}(?![\d]){marker}"
            ),
        )
        if vocab.hijri_months:
            hijri_names = _alternation(list(vocab.hijri_months))
            hijri += (
                re.compile(
                    rf"(?<!\d)(?P<day>[0-3]?\d)\s*(?:من\s+)?(?P<name>{hijri_names})\s*(?:لعام|عام|سنة)?\s*{hijri_year}(?!\d){marker}"
                ),
            )
        return cls(vocab, named, numeric, iso, words, number, hijri)

    # -- finding dates ---------------------------------------------------------------

    def find(self, text: str, order: str | None) -> list[DateMention]:
        """Every date in folded ``text``, in order; overlapping readings keep the longest."""
        text = repair_digits(text)
        found: list[DateMention] = []
        for pattern in self.named:
            for m in pattern.finditer(text):
                month = self.vocab.months.get(m.group("month"))
                if m.groupdict().get("dayword"):
                    day_no = self.vocab.ordinals.get(m.group("dayword"))
                else:
                    day_no = int(m.group("day"))
                value = _make(int(m.group("year")), month, day_no)
                if value is not None:
                    found.append(DateMention(m.start(), m.end(), value))
        for m in self.iso.finditer(text):
            if m.group("era"):
                year = _ERA_BEFORE[m.group("era")] + (1 if m.group("ey") == "元" else int(m.group("ey")))
            else:
                year = int(m.group("y"))
            value = _make(year, int(m.group("m")), int(m.group("d")))
            if value is not None:
                found.append(DateMention(m.start(), m.end(), value))
        for m in self.numeric.finditer(text):
            mention = self._numeric(m, order)
            if mention is not None:
                found.append(mention)
        for m in self.words.finditer(text):
            mention = self._words(m, text)
            if mention is not None:
                found.append(mention)
        for pattern in self.hijri:
            for m in pattern.finditer(text):
                month = self.vocab.hijri_months.get(m.group("name")) if m.groupdict().get("name") else None
                value = _from_hijri(int(m.group("year")), month or int(m.group("month")), int(m.group("day")))
                if value is not None:
                    found.append(DateMention(m.start(), m.end(), value))
        return _longest(found)

    def _numeric(self, m: re.Match[str], order: str | None) -> DateMention | None:
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 70 else 1900 + int(y)
        if m.group("sep") == ".":
            order = "DMY"  # dotted dates are day first wherever they are written
        dmy = _make(year, b, a)
        mdy = _make(year, a, b)
        if dmy is None and mdy is None:
            return None
        if dmy is None or mdy is None or dmy == mdy:
            return DateMention(m.start(), m.end(), dmy or mdy)
        if order == "MDY":
            return DateMention(m.start(), m.end(), mdy)
        if order in ("DMY", "YMD"):
            return DateMention(m.start(), m.end(), dmy)
        return DateMention(m.start(), m.end(), None, ambiguous=True)

    def _words(self, m: re.Match[str], text: str) -> DateMention | None:
        day_text = m.group("daywords")
        if not re.search(r"[a-z]", day_text):
            return None  # digits: the named patterns read these
        day_no = 1 if day_text in ("premier", "1er", "ler", "ier") else parse_number(day_text, self.vocab)
        month = self.vocab.months.get(m.group("month"))
        year: int | None = None
        if m.group("year"):
            year = int(m.group("year"))
        elif m.group("yearwords2"):
            year = parse_number(m.group("yearwords2"), self.vocab)
        else:
            # "L'an deux mille vingt-six, le vingt-cinq novembre": the year came just before.
            before = text[max(0, m.start() - 80) : m.start()]
            found = re.search(rf"l'?an\s+({self.number})\s*,?\s*(?:le\s+)?$", before)
            if found:
                year = parse_number(found.group(1), self.vocab)
        if year is None or day_no is None or month is None:
            return None
        value = _make(year, month, day_no)
        return DateMention(m.start(), m.end(), value) if value else None


# The year before each Japanese era's first: 令和元年 (Reiwa 1) is 2019, 平成元年 is 1989.
_ERA_BEFORE = {"令和": 2018, "平成": 1988}


def _make(year: int, month: int | None, day: int | None) -> date | None:
    if month is None or day is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_hijri(year: int, month: int, day: int) -> date | None:
    """A Hijri date on the Umm al-Qura calendar (Saudi Arabia's civil calendar) as a Gregorian date."""
    try:
        value = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _make(value.year, value.month, value.day)


def _longest(found: list[DateMention]) -> list[DateMention]:
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            if mention.end - mention.start > out[-1].end - out[-1].start:
                out[-1] = mention
            continue
        out.append(mention)
    return out


_DIGITISH = re.compile(r"(?<![a-z])[0-9oli|]*\d[0-9oli|]*(?![a-z])")


def repair_digits(text: str) -> str:
    """O/o read for 0 and l/I/| for 1 inside runs of digits; same length, so offsets hold."""

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        digits = sum(c.isdigit() for c in token)
        if digits < 2 or digits < len(token) - 1:
            return token
        return token.replace("o", "0").replace("l", "1").replace("i", "1").replace("|", "1")

    return _DIGITISH.sub(fix, text)


# ------------------------------------------------------------------------------ numbers


def parse_number(text: str, vocab: Vocabulary) -> int | None:
    """A number written in digits or words: "14", "fourteen (14)", "vingt-cinq", "einhundertachtzig"."""
    text = text.strip()
    paren = re.search(r"\(\s*(\d{1,4})\s*\)", text)
    if paren:
        return int(paren.group(1))
    if text.isdigit():
        return int(text)
    words = sorted((w for w in vocab.numbers if len(w) > 1 or w == "a"), key=len, reverse=True)
    values: list[int] = []
    for token in re.split(r"[\s-]+", text):
        if not token or token in ("y", "und", "et", "and"):
            continue
        if token.isdigit():
            values.append(int(token))
            continue
        rest = token
        while rest:
            if rest.startswith("und") and values:
                rest = rest[3:]
                continue
            word = next((w for w in words if rest.startswith(w)), None)
            if word is None:
                return None
            values.append(vocab.numbers[word])
            rest = rest[len(word) :]
    if not values:
        return None
    total, current, previous = 0, 0, 0
    for value in values:
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and 2 <= previous <= 9 and current % 100 == previous:
            current += previous * 19  # "quatre-vingt": four twenties
        else:
            current += value  # "einundzwanzig" (1 + 20) adds up like "twenty-one"
        previous = value
    return total + current


# ------------------------------------------------------------------------------ periods


@dataclass(frozen=True)
class Period:
    count: int
    unit: str  # day | business_day | week | month | year | hour


def add_period(start: date, period: Period, country: str | None = None) -> date:
    """The day a period that starts on ``start`` ends (see the module docstring for the rules)."""
    n = period.count
    if period.unit == "day":
        return start + timedelta(days=n)
    if period.unit == "business_day":
        return add_business_days(start, n, country or "default")
    if period.unit == "week":
        return start + timedelta(days=7 * n)
    if period.unit == "month":
        return add_months(start, n)
    if period.unit == "year":
        return start + timedelta(days=365 * n)
    if period.unit == "hour":
        return start + timedelta(days=-(-n // 24))
    raise ValueError(f"unknown unit {period.unit!r}")


def period_in_days(period: Period) -> tuple[int, Unit] | None:
    """The period as whole days or business days (the deadline rule's units); None for months and years."""
    if period.unit == "business_day":
        return period.count, "business_days"
    if period.unit == "day":
        return period.count, "days"
    if period.unit == "week":
        return 7 * period.count, "days"
    if period.unit == "hour":
        return -(-period.count // 24), "days"
    return None


def period_days(start: date, period: Period) -> int:
    return (add_period(start, period) - start).days


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
