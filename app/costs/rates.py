"""The cost-recovery rate tables (resources/policy/costs.toml): per jurisdiction, versioned.

Checked as a whole when loaded: a negative rate, a table without a currency, or a task
without a label is refused with the file's name and what is wrong, so no amount is ever
priced from a table that cannot be right. Money is kept in cents (integers) and hours in
hundredths, so that no amount is rounded differently on two workstations.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.display_language import ENGLISH, chosen, overlay, words
from app.review.policy import POLICY_DIR, PolicyError

RATES_FILE = "costs.toml"
_CURRENCY = re.compile(r"[A-Z]{3}")
_TASK = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_RATE_CENTS = 100_000_00  # 100,000 an hour: anything above is a typing mistake


@dataclass(frozen=True)
class RateTable:
    jurisdiction: str  # ISO country code
    currency: str  # ISO 4217
    statute: str
    effective: str  # ISO date
    rates: dict[str, int]  # task -> cents per hour


@dataclass(frozen=True)
class Rates:
    version: str
    chargeable_outcomes: tuple[str, ...]
    unpaid_after_days: int
    tables: dict[str, RateTable]
    labels: dict[str, str]  # task -> what the invoice says

    def table(self, country: str | None) -> RateTable | None:
        return self.tables.get(country or "")

    def label(self, task: str) -> str:
        return self.labels.get(task, task.replace("_", " "))


def shown_task(task: str, english: str, language: str | None = None) -> str:
    """A task as the window names it (``english`` is what the rates and the invoice say): in
    ``language`` from the overlay beside the shipped file (``costs.de.toml``), unless the pack
    in use renamed the task, whose own words then stay."""
    shipped = POLICY_DIR / RATES_FILE
    if english != words(shipped, ENGLISH).get("labels", {}).get(task):
        return english
    return str(overlay(shipped, chosen(language)).get("labels", {}).get(task) or english)


def load_rates(root: Path | None = None) -> Rates:
    """The rate tables under ``root`` (default: the shipped resources/policy); ``PolicyError`` if wrong."""
    return _load(root or POLICY_DIR)


@functools.lru_cache(maxsize=4)
def _load(root: Path) -> Rates:
    path = root / RATES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: is not valid TOML: {exc}") from None

    def fail(problem: str) -> PolicyError:
        return PolicyError(f"{path}: {problem}; cost recovery is unavailable until it is corrected")

    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise fail("the rate tables need a version")
    outcomes = data.get("chargeable_outcomes")
    if not isinstance(outcomes, list) or not all(isinstance(o, str) for o in outcomes):
        raise fail("chargeable_outcomes must list decision outcomes")
    days = data.get("unpaid_after_days", 60)
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise fail("unpaid_after_days must be a whole number of days, 1 or more")
    labels = data.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise fail("[labels] must hold text")
    tables = {}
    for country, raw in (data.get("jurisdictions") or {}).items():
        tables[country] = _table(country, raw, labels, fail)
    return Rates(version.strip(), tuple(outcomes), days, tables, dict(labels))


def _table(country: str, raw: object, labels: dict[str, str], fail: Callable[[str], Exception]) -> RateTable:
    where = f"[jurisdictions.{country}]"
    if not isinstance(raw, dict):
        raise fail(f"{where} must be a table")
    currency = raw.get("currency")
    if not isinstance(currency, str) or not currency.strip():
        raise fail(f"{where} has no currency: say which (an ISO 4217 code such as USD)")
    if not _CURRENCY.fullmatch(currency):
        raise fail(f"{where} currency {currency!r} is not an ISO 4217 code such as USD")
    effective = raw.get("effective", "")
    try:
        date.fromisoformat(str(effective))
    except ValueError:
        raise fail(f"{where} effective must be a date written YYYY-MM-DD") from None
    rates = raw.get("rates")
    if not isinstance(rates, dict) or not rates:
        raise fail(f"{where} has no rates")
    cents: dict[str, int] = {}
    for task, value in rates.items():
        if not _TASK.fullmatch(task):
            raise fail(f"{where} task {task!r} must be lower-case letters, digits and _")
        amount = _cents(value)
        if amount is None:
            raise fail(f"{where} rate for {task} must be an amount with at most two decimals, not {value!r}")
        if amount < 0:
            raise fail(f"{where} rate for {task} is negative ({value})")
        if amount > MAX_RATE_CENTS:
            raise fail(f"{where} rate for {task} ({value}) is above {MAX_RATE_CENTS // 100} an hour")
        if task not in labels:
            raise fail(f"{where} task {task} has no label in [labels] (what the invoice calls it)")
        cents[task] = amount
    return RateTable(country, currency, str(raw.get("statute") or ""), str(effective), cents)


def _cents(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        amount = Decimal(str(value)) * 100
    except InvalidOperation:
        return None
    if amount != amount.to_integral_value():
        return None
    return int(amount)


def parse_hours(text: str | float) -> int:
    """Hours as typed ("1.5", "0.25") → hundredths; ``ValueError`` naming the problem."""
    try:
        hours = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValueError(f"Hours are a number such as 1.5, not {text!r}.") from None
    if not hours.is_finite():
        raise ValueError(f"Hours are a number such as 1.5, not {text!r}.")
    if hours <= 0:
        raise ValueError(f"Hours must be more than 0, not {text}.")
    centi = hours * 100
    if centi != centi.to_integral_value():
        raise ValueError(f"Hours are counted to the hundredth (1.25), not {text}.")
    if hours > 1000:
        raise ValueError(f"{text} hours on one task is more than a case can take; check the number.")
    return int(centi)


def amount_cents(centi_hours: int, rate_cents: int) -> int:
    """Hours × rate, rounded half up to the cent."""
    return int((Decimal(centi_hours) * rate_cents / 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def money(cents: int, currency: str) -> str:
    """``USD 1,234.50``: the currency always named, since amounts in two are never summed."""
    return f"{currency} {cents // 100:,}.{cents % 100:02d}" if cents >= 0 else "-" + money(-cents, currency)


def hours_text(centi_hours: int) -> str:
    whole, part = divmod(centi_hours, 100)
    return f"{whole}" if not part else f"{whole}.{part:02d}".rstrip("0")
