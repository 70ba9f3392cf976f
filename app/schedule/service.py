"""What is due across the stored cases: notices to users and enterprise customers.

The rules are ``notices`` (pure); here each case's secrecy order, its decision and the
notices already recorded are read from the store. What counts as due:

- a *delayed* notice, once a secrecy order has expired or been lifted (on that day), for
  every case with an order, decided or not — the policy gives notice as soon as the
  order allows;
- a *prior* notice, for a case whose decision discloses data and that no secrecy order
  covers;
- nothing for a case whose notice is recorded as given.

Recording notices, exceptions and order extensions from the window and the command
line is issue 6's remaining work; until then they are read if present.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.model import CaseId
from app.review.model import DISCLOSING
from app.schedule.notices import NoticeGiven, SecrecyOrder, notice_status
from app.services import Desk


@dataclass(frozen=True)
class DueNotice:
    case_id: str
    reference: str
    recipient: str  # user | enterprise
    kind: str  # prior | delayed
    due_on: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Schedule:
    def __init__(self, desk: Desk) -> None:
        from app.review.service import Review

        self.desk = desk
        self.store = desk.store
        self.review = Review(desk)

    def notices_due(self, today: date | None = None) -> list[DueNotice]:
        """Notices due on or before ``today`` (default: the desk's clock), soonest first."""
        today = today or self.desk.clock().date()
        due: list[DueNotice] = []
        for case in self.desk.cases():
            found = self._notice(case.case_id, case.reference, today)
            if found is not None:
                due.append(found)
        return sorted(due, key=lambda n: (n.due_on, n.reference))

    def _notice(self, case_id: CaseId, reference: str, today: date) -> DueNotice | None:
        order = _order(self.store.get_secrecy_order(case_id))
        decision = self.review.decision(case_id)
        discloses = decision is not None and decision.outcome in DISCLOSING
        if order is None and not discloses:
            return None
        context = self.review.context(case_id)
        recipient = "enterprise" if context.enterprise_customer else "user"
        given = [n for n in self.store.get_notices(case_id) if n["status"] == "given" and n["sent_at"]]
        status = notice_status(
            order,
            (),
            NoticeGiven("recorded", date.fromisoformat(given[-1]["sent_at"][:10])) if given else None,
            today,
            recipient,  # type: ignore[arg-type]
        )
        if not status.due or status.due_on is None or status.due_on > today:
            return None
        if status.kind == "prior" and not discloses:
            return None
        return DueNotice(
            case_id, reference, recipient, status.kind or "", status.due_on.isoformat(), status.reason
        )


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _order(row: Any) -> SecrecyOrder | None:
    if row is None or not row["present"]:
        return None
    return SecrecyOrder(
        present=True,
        issued=_day(row["issued"]),
        duration_days=row["duration_days"],
        expires=_day(row["expires"]),
        open_ended=bool(row["open_ended"]),
        statute=row["statute"] or "",
    )
