"""Cost recovery in the report: amounts sought, recovered and waived in a period, per currency.

Each amount counts in the period of its own event: sought and waived on the day the
reviewer decided, recovered on the day it was paid. Amounts in different currencies are
kept in rows of their own and never added up. These figures are for the provider's own
records (our JSON and PDF); the public CSV layouts do not carry them. They are counted
from today's record even for a frozen period: freezing fixes the published demand
figures, and the money is not among them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.costs.rates import money
from app.jsontypes import JsonObject


@dataclass
class CurrencyCosts:
    currency: str
    sought_cents: int = 0
    recovered_cents: int = 0
    waived_cents: int = 0
    # The cases behind each amount (drill-down), in the order they were received.
    sought: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    waived: list[str] = field(default_factory=list)

    def to_json(self) -> JsonObject:
        def amount(cents: int) -> str:
            return f"{cents // 100}.{cents % 100:02d}"

        return {
            "currency": self.currency,
            "sought": amount(self.sought_cents),
            "recovered": amount(self.recovered_cents),
            "waived": amount(self.waived_cents),
            "cases": {
                "sought": len(self.sought),
                "recovered": len(self.recovered),
                "waived": len(self.waived),
            },
        }

    def row(self) -> list[str]:
        """For a table: currency, then each amount with its number of cases."""
        return [
            self.currency,
            *(
                f"{money(cents, self.currency)} ({len(ids)})"
                for cents, ids in (
                    (self.sought_cents, self.sought),
                    (self.recovered_cents, self.recovered),
                    (self.waived_cents, self.waived),
                )
            ),
        ]


def _text(row: Mapping[str, object], key: str) -> str | None:
    value = row[key]
    return value if isinstance(value, str) else None


def count(rows: Iterable[Mapping[str, object]], start: str, end: str) -> tuple[CurrencyCosts, ...]:
    """Rows of ``db.cost_rows.decided_between`` counted for the period [start, end) (ISO dates)."""
    by_currency: dict[str, CurrencyCosts] = {}

    def inside(day: str | None) -> bool:
        return day is not None and start <= day < end

    for row in rows:
        currency = _text(row, "currency") or "none"  # a waiver on a case no rate table prices
        figures = by_currency.setdefault(currency, CurrencyCosts(currency))
        amount = row["amount_cents"]
        cents = amount if isinstance(amount, int) else 0
        case_id = str(row["case_id"])
        if row["decision"] == "sought" and inside(_text(row, "decided_on")):
            figures.sought_cents += cents
            figures.sought.append(case_id)
        if row["decision"] == "waived" and inside(_text(row, "decided_on")):
            figures.waived_cents += cents
            figures.waived.append(case_id)
        if row["invoice"] == "paid" and inside(_text(row, "settled_on")):
            figures.recovered_cents += cents
            figures.recovered.append(case_id)
    return tuple(by_currency[c] for c in sorted(by_currency))
