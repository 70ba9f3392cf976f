"""What the schedule answers, as values: a case's dates, the notices due, and Today's lists.

``Schedule`` (``app.schedule.service``) works them out; the window shows them and the
command line prints their JSON (``today --json``, ``notices due --json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypedDict

from app.model import CaseId
from app.schedule.deadlines import Deadline, DeadlineStatus
from app.schedule.notices import NoticeStatus, SecrecyOrder
from app.schedule.words import count, say

RESPONSES_AHEAD_DAYS = 7
ORDERS_AHEAD_DAYS = 30


class DueNoticeJson(TypedDict):
    case_id: str
    reference: str
    recipient: str
    kind: str
    due_on: str
    reason: str


class TodayItemJson(TypedDict):
    case_id: str
    reference: str
    kind: str
    on: str
    label: str
    urgency: str
    at: str | None


class TodayJson(TypedDict):
    """``demand-desk today --json``: the day, and each of Today's lists."""

    today: str
    emergencies: list[TodayItemJson]
    responses_overdue: list[TodayItemJson]
    responses_due: list[TodayItemJson]
    notices_due: list[TodayItemJson]
    orders_expiring: list[TodayItemJson]
    reconsider_orders: list[TodayItemJson]
    awaiting_approval: list[TodayItemJson]
    holds_expiring: list[TodayItemJson]
    invoices_unpaid: list[TodayItemJson]


@dataclass(frozen=True)
class DueNotice:
    case_id: str
    reference: str
    recipient: str  # user | enterprise
    kind: str  # prior | delayed
    due_on: str
    reason: str

    def to_json(self) -> DueNoticeJson:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "recipient": self.recipient,
            "kind": self.kind,
            "due_on": self.due_on,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class RecordedNotice:
    """A notice recorded as given, or withheld by an exception."""

    status: str  # given | withheld
    recipient: str
    on: str | None  # ISO date given
    how: str  # how it was given, or the exception's label
    reason: str
    decided_by: str
    recorded_at: str


@dataclass(frozen=True)
class DeadlineChange:
    kind: str  # extension | pause
    starts: str
    ends: str | None
    reason: str


@dataclass(frozen=True)
class CaseSchedule:
    """One case's dates and notice, as its Dates tab shows them."""

    case_id: str
    today: date
    due: Deadline | None
    due_status: DeadlineStatus | None
    period: str | None  # "10 business days from issue", when the demand gave a period
    changes: list[DeadlineChange]
    order: SecrecyOrder | None
    order_expiry: date | None
    reconsider_by: date | None
    recipient: str  # user | enterprise
    notice: NoticeStatus | None  # None: nothing is owed yet (no order, nothing disclosed)
    notices: list[RecordedNotice]
    # Why no notice may go to the recipient today (notices.notice_held), or None.
    notice_held: str | None = None

    @property
    def paused(self) -> bool:
        return any(c.kind == "pause" and c.ends is None for c in self.changes)


@dataclass(frozen=True)
class EmergencyDue:
    """An undecided emergency request and the moment it is due."""

    case_id: CaseId
    reference: str
    due_at: datetime  # aware; received + the pack's response hours
    label: str  # "Due 14:32 today (in 5 h)" / "Overdue by 3 h (due 09:10 today)"
    short: str  # "in 5 h" / "3 h overdue", for the queue's narrow column
    overdue: bool
    awaiting_approval: bool = False  # decided to disclose, not yet approved: nothing has left


@dataclass(frozen=True)
class TodayItem:
    case_id: str
    reference: str
    # emergency | response | notice | order_expiring | reconsider_order | approval | hold_expiring
    # | invoice_unpaid
    kind: str
    on: str  # ISO date
    label: str
    urgency: str  # overdue | today | soon | later
    at: str | None = None  # ISO moment (UTC) for what is due at an hour: an emergency request

    def to_json(self) -> TodayItemJson:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "kind": self.kind,
            "on": self.on,
            "label": self.label,
            "urgency": self.urgency,
            "at": self.at,
        }


@dataclass(frozen=True)
class Today:
    today: str
    emergencies: list[TodayItem] = field(default_factory=list)
    responses_overdue: list[TodayItem] = field(default_factory=list)
    responses_due: list[TodayItem] = field(default_factory=list)
    notices_due: list[TodayItem] = field(default_factory=list)
    orders_expiring: list[TodayItem] = field(default_factory=list)
    reconsider_orders: list[TodayItem] = field(default_factory=list)
    awaiting_approval: list[TodayItem] = field(default_factory=list)
    holds_expiring: list[TodayItem] = field(default_factory=list)  # preservation holds (app/holds)
    invoices_unpaid: list[TodayItem] = field(default_factory=list)  # reimbursement requests (app/costs)

    def sections(self, language: str | None = None) -> list[tuple[str, list[TodayItem]]]:
        """Each list under its title, in ``language`` (None: the display language)."""
        return [
            (say("sections", "emergencies", language), self.emergencies),
            (say("sections", "responses_overdue", language), self.responses_overdue),
            (_ahead("responses_due", RESPONSES_AHEAD_DAYS, language), self.responses_due),
            (say("sections", "notices_due", language), self.notices_due),
            (_ahead("orders_expiring", ORDERS_AHEAD_DAYS, language), self.orders_expiring),
            (say("sections", "reconsider_orders", language), self.reconsider_orders),
            (say("sections", "awaiting_approval", language), self.awaiting_approval),
            (say("sections", "holds_expiring", language), self.holds_expiring),
            (say("sections", "invoices_unpaid", language), self.invoices_unpaid),
        ]

    def to_json(self) -> TodayJson:
        def items(listed: list[TodayItem]) -> list[TodayItemJson]:
            return [i.to_json() for i in listed]

        return {
            "today": self.today,
            "emergencies": items(self.emergencies),
            "responses_overdue": items(self.responses_overdue),
            "responses_due": items(self.responses_due),
            "notices_due": items(self.notices_due),
            "orders_expiring": items(self.orders_expiring),
            "reconsider_orders": items(self.reconsider_orders),
            "awaiting_approval": items(self.awaiting_approval),
            "holds_expiring": items(self.holds_expiring),
            "invoices_unpaid": items(self.invoices_unpaid),
        }


def _ahead(key: str, days: int, language: str | None) -> str:
    return count("sections", key, days, language, days=days)
