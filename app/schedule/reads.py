"""What Today reads of every case at once: its facts, deadline changes, secrecy order,
notices, last decision, disclosure and enterprise customer, each in one query for all cases.

Today is counted on the window's thread at every refresh of the queue; read case by case
it cost several queries a case (1.2 s over 1,000 cases, minutes over 100,000:
``bench/today.py``). ``Schedule`` computes each case from these maps exactly as it does
from one case's own reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.model import CaseId, CaseSummary, FactValue
from app.review.model import context_with
from app.schedule.notices import OrderExtension, SecrecyOrder
from db.disclosures import cases_with_disclosure
from db.store import Row

if TYPE_CHECKING:
    from app.schedule.service import Schedule
    from app.services import Desk

# The facts Today reads of every case: the response deadline's and whether it is an emergency.
TODAY_FACTS = (
    "response_due",
    "response_period",
    "date_issued",
    "country",
    "received",
    "instrument",
    "emergency",
)


@dataclass(frozen=True)
class Reads:
    """What Today reads of every case (``Schedule.reads``), by case."""

    cases: list[CaseSummary]
    references: dict[CaseId, str]
    received_at: dict[CaseId, str]
    facts: dict[CaseId, dict[str, FactValue]]  # only TODAY_FACTS
    orders: dict[CaseId, SecrecyOrder]
    changes: dict[CaseId, list[Row]]
    notices: dict[CaseId, list[Row]]
    outcomes: dict[CaseId, str]  # of each decided case's last decision, as Review.decision
    disclosed: set[CaseId]
    enterprise: set[CaseId]
    reconsider_days: int


def _by_case(rows: list[Row]) -> dict[CaseId, list[Row]]:
    out: dict[CaseId, list[Row]] = {}
    for row in rows:
        out.setdefault(CaseId(row["case_id"]), []).append(row)
    return out


def day_or_none(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_order(desk: Desk, case_id: CaseId) -> SecrecyOrder | None:
    """The case's secrecy order as recorded (with its extensions, challenge and lifting)."""
    return order_from_row(desk.store.get_secrecy_order(case_id))


def order_from_row(row: Row | None) -> SecrecyOrder | None:
    if row is None or not row["present"]:
        return None
    extensions = tuple(
        OrderExtension(date.fromisoformat(d), why) for d, why in json.loads(row["extensions"] or "[]")
    )
    return SecrecyOrder(
        present=True,
        issued=day_or_none(row["issued"]),
        duration_days=row["duration_days"],
        expires=day_or_none(row["expires"]),
        open_ended=bool(row["open_ended"]),
        statute=row["statute"] or "",
        covers=row["covers"] or "both",
        extensions=extensions,
        challenged_on=day_or_none(row["challenged_on"]),
        challenge_outcome=row["challenge_outcome"],
        lifted_on=day_or_none(row["lifted_on"]),
        reconsidered_on=day_or_none(row["reconsidered_on"]),
    )


def read_all(schedule: Schedule) -> Reads:
    """What Today needs of every case, read in a few queries rather than several per case."""
    cases = schedule.desk.cases()
    orders: dict[CaseId, SecrecyOrder] = {}
    for row in schedule.store.all_secrecy_orders():
        order = order_from_row(row)
        if order is not None:
            orders.setdefault(CaseId(row["case_id"]), order)
    day = schedule.desk.clock().date()
    enterprise = {  # as Review.context reads it
        CaseId(r["case_id"])
        for r in schedule.store.review_context_values("enterprise_customer")
        if context_with(day, None, {"enterprise_customer": json.loads(r["value"])}).enterprise_customer
    }
    return Reads(
        cases=cases,
        references={c.case_id: c.reference for c in cases},
        received_at={c.case_id: c.received_at for c in cases},
        facts=schedule.desk.fact_maps(cases, TODAY_FACTS),
        orders=orders,
        changes=_by_case(schedule.store.all_deadline_changes()),
        notices=_by_case(schedule.store.all_notices()),
        outcomes={CaseId(c): o for c, o in schedule.store.last_decision_outcomes().items()},
        disclosed={CaseId(c) for c in cases_with_disclosure(schedule.store)},
        enterprise=enterprise,
        reconsider_days=schedule.reconsider_days,
    )
