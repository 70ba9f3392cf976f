"""What needs the reviewer today: response deadlines, notices, secrecy orders, approvals.

The rules are pure (``calendars``, ``deadlines``, ``notices``, ``ics``); here each case's
secrecy order, decision, recorded notices and deadline changes are read from the store,
and every change is written in one transaction with its audit event.

What counts as a notice due:

- a *delayed* notice, once a secrecy order has expired or been lifted (due that day), for
  every case with an order, decided or not: the policy gives notice as soon as the order
  allows;
- a *prior* notice, for a case whose decision discloses data and that no order covers;
- nothing once notice is recorded as given, or withheld by a recorded exception (danger
  to someone, a child-exploitation investigation, a compromised account) — the exception
  says why and who decided.

An emergency request is due hours after its receipt (the pack's ``[emergency]
response_hours``), not days: until it is decided it is the first section of Today, with the
hours left or overdue, and the queue puts it on top (``emergencies``).

Open-ended orders come back for reconsideration every ``reconsider_days`` (the setting
``secrecy_reconsider_days``, default 90) so that a challenge is considered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.model import CaseId, CaseStatus, FactValue
from app.review.evaluators import is_emergency
from app.review.model import DISCLOSING
from app.schedule import ics, reconsider
from app.schedule.deadlines import (
    Deadline,
    DeadlineRule,
    DeadlineStatus,
    Extension,
    Pause,
    compute_deadline,
    deadline_status,
    emergency_due_at,
    emergency_label,
    emergency_short,
    emergency_start,
)
from app.schedule.notices import (
    EXCEPTION_LABELS,
    NoticeException,
    NoticeGiven,
    NoticeStatus,
    OrderExtension,
    SecrecyOrder,
    effective_expiry,
    expiring_within,
    notice_held,
    notice_status,
    reconsideration_due,
)
from app.services import Desk, DeskError
from db.disclosures import get_disclosure

if TYPE_CHECKING:
    from app.review.service import Review

EXCEPTION_KINDS = ("danger", "child_exploitation", "compromised_account")
COVERS = ("user", "enterprise", "both")
MIN_CYCLE_DAYS, MAX_CYCLE_DAYS = 7, 365
RESPONSES_AHEAD_DAYS = 7
ORDERS_AHEAD_DAYS = 30
# Not yet decided: an emergency stays on top until it is (awaiting approval counts, as
# nothing has left yet).
UNDECIDED = (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.AWAITING_APPROVAL)
# A week's warning: with a short cycle, a longer look-ahead would bring an order back the
# day it was reconsidered.
RECONSIDER_AHEAD_DAYS = 7


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

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


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

    def sections(self) -> list[tuple[str, list[TodayItem]]]:
        return [
            ("Emergency requests", self.emergencies),
            ("Responses overdue", self.responses_overdue),
            (f"Responses due in the next {RESPONSES_AHEAD_DAYS} days", self.responses_due),
            ("Notices due", self.notices_due),
            (f"Secrecy orders expiring in the next {ORDERS_AHEAD_DAYS} days", self.orders_expiring),
            ("Open-ended secrecy orders to reconsider", self.reconsider_orders),
            ("Decisions awaiting approval", self.awaiting_approval),
            ("Preservation holds ending soon", self.holds_expiring),
            ("Reimbursement requests unpaid", self.invoices_unpaid),
        ]

    def to_json(self) -> dict[str, Any]:
        keys = (
            "emergencies",
            "responses_overdue",
            "responses_due",
            "notices_due",
            "orders_expiring",
            "reconsider_orders",
            "awaiting_approval",
            "holds_expiring",
            "invoices_unpaid",
        )
        return {"today": self.today} | {k: [i.to_json() for i in getattr(self, k)] for k in keys}


class Schedule:
    def __init__(self, desk: Desk, review: Review | None = None) -> None:
        """``review``: the one the other services share (``app.services.Services``)."""
        from app.review.service import Review

        self.desk = desk
        self.store = desk.store
        self.review = review if review is not None else Review(desk)

    def _today(self, today: date | None) -> date:
        return today or self.desk.clock().date()

    @property
    def reconsider_days(self) -> int:
        return reconsider.reconsider_days(self.store)

    def set_reconsider_days(self, days: int) -> None:
        """How often an open-ended order comes back so that a challenge is considered (team policy)."""
        actor = self.desk.actor()
        if not self.desk.is_senior():
            raise DeskError("Only a senior reviewer can change how often secrecy orders are reconsidered.")
        if not MIN_CYCLE_DAYS <= days <= MAX_CYCLE_DAYS:
            raise DeskError(
                f"Reconsider open-ended orders every {MIN_CYCLE_DAYS} to {MAX_CYCLE_DAYS} days, not {days}."
            )
        with self.store.atomic():
            reconsider.set_reconsider_days(self.store, days)
            self.desk.record("settings.changed", None, {"secrecy_reconsider_days": days}, actor=actor)

    # -- secrecy orders -----------------------------------------------------------------

    def secrecy_order(self, case_id: CaseId) -> SecrecyOrder | None:
        return read_order(self.desk, case_id)

    def _order_row(self, case_id: CaseId) -> Any:
        row = self.store.get_secrecy_order(case_id)
        if row is None or not row["present"]:
            raise DeskError("The case has no secrecy order.")
        return row

    def _change_order(
        self, case_id: CaseId, fields: dict[str, Any], action: str, payload: dict[str, Any]
    ) -> None:
        actor = self.desk.actor()
        self._order_row(case_id)
        with self.store.atomic():
            self.store.update_secrecy_order(case_id, fields)
            self.desk.record(action, case_id, payload, actor=actor)

    def record_order(
        self,
        case_id: CaseId,
        *,
        issued: date,
        expires: date | None,
        statute: str,
        reason: str,
        covers: str = "both",
    ) -> None:
        """A secrecy order intake did not read (a separate order, a page it misread): recorded by hand.

        ``expires`` None means until further order. An order already recorded is changed
        with the other methods (extended, lifted…), never replaced.
        """
        if not reason.strip():
            raise DeskError("Say where the order is (its page, or the separate order and its date).")
        if covers not in COVERS:
            raise DeskError(f"A secrecy order covers one of {', '.join(COVERS)}, not {covers!r}.")
        if expires is not None and expires <= issued:
            raise DeskError("The order must end after the day it was issued.")
        actor = self.desk.actor()
        existing = self.store.get_secrecy_order(case_id)
        if existing is not None and existing["present"]:
            raise DeskError("The case already has a secrecy order: record its extension or lifting instead.")
        row = {
            "case_id": case_id,
            "present": 1,
            "statute": statute.strip() or None,
            "duration_days": (expires - issued).days if expires is not None else None,
            "issued": issued.isoformat(),
            "expires": expires.isoformat() if expires is not None else None,
            "open_ended": int(expires is None),
            "text": None,
            "page": None,
            "box": None,
            "covers": covers,
            "extensions": "[]",
            "challenged_on": None,
            "challenge_outcome": None,
            "lifted_on": None,
            "reconsidered_on": None,
        }
        with self.store.atomic():
            self.store.set_secrecy_order(row)
            self.desk.record(
                "secrecy.recorded",
                case_id,
                {
                    "issued": row["issued"],
                    "expires": row["expires"],
                    "statute": row["statute"],
                    "covers": covers,
                    "reason": reason.strip(),
                },
                actor=actor,
            )

    def set_covers(self, case_id: CaseId, covers: str) -> None:
        if covers not in COVERS:
            raise DeskError(f"A secrecy order covers one of {', '.join(COVERS)}, not {covers!r}.")
        self._change_order(case_id, {"covers": covers}, "secrecy.covers", {"covers": covers})

    def extend_order(self, case_id: CaseId, new_expiry: date, reason: str) -> None:
        if not reason.strip():
            raise DeskError("Say why the order was extended (the court's order, its date).")
        row = self._order_row(case_id)
        extensions = json.loads(row["extensions"] or "[]")
        extensions.append([new_expiry.isoformat(), reason.strip()])
        self._change_order(
            case_id,
            {"extensions": json.dumps(extensions)},
            "secrecy.extended",
            {"new_expiry": new_expiry.isoformat(), "reason": reason.strip()},
        )

    def lift_order(self, case_id: CaseId, on: date) -> None:
        self._change_order(case_id, {"lifted_on": on.isoformat()}, "secrecy.lifted", {"on": on.isoformat()})

    def record_challenge(
        self, case_id: CaseId, on: date, outcome: str = "", *, succeeded: bool = False
    ) -> None:
        """A challenge to the order; ``succeeded``: the court set the order aside on ``on``.

        A successful challenge ends the order that day, so it is also recorded as the
        order's lifting: notice may then go (``notices.notice_held``).
        """
        if succeeded and not outcome.strip():
            raise DeskError("Say how the challenge ended (the court's order and its date).")
        fields: dict[str, Any] = {
            "challenged_on": on.isoformat(),
            "challenge_outcome": outcome.strip() or None,
        }
        if succeeded:
            fields["lifted_on"] = on.isoformat()
        self._change_order(
            case_id,
            fields,
            "secrecy.challenged",
            {"on": on.isoformat(), "outcome": outcome.strip(), "succeeded": succeeded},
        )

    def record_reconsidered(self, case_id: CaseId, on: date, note: str = "") -> None:
        self._change_order(
            case_id,
            {"reconsidered_on": on.isoformat()},
            "secrecy.reconsidered",
            {"on": on.isoformat(), "note": note.strip()},
        )

    # -- notices ------------------------------------------------------------------------

    def record_notice_given(self, case_id: CaseId, how: str, on: date, recipient: str = "user") -> None:
        if not how.strip():
            raise DeskError("Say how the notice was given (e-mail, letter, in the admin console).")
        self._insert_notice(
            case_id,
            {
                "kind": "given",
                "recipient": recipient,
                "status": "given",
                "sent_at": on.isoformat(),
                "how": how,
            },
            "notice.given",
        )

    def record_notice_exception(
        self, case_id: CaseId, kind: str, reason: str, recipient: str = "user"
    ) -> None:
        if kind not in EXCEPTION_KINDS:
            raise DeskError(f"A notice exception is one of {', '.join(EXCEPTION_KINDS)}, not {kind!r}.")
        if not reason.strip():
            raise DeskError("Say why notice is withheld; the reason is kept with the case.")
        self._insert_notice(
            case_id,
            {
                "kind": "exception",
                "recipient": recipient,
                "status": "withheld",
                "exception_kind": kind,
                "reason": reason,
            },
            "notice.withheld",
        )

    def _insert_notice(self, case_id: CaseId, row: dict[str, Any], action: str) -> None:
        actor = self.desk.actor()
        if self.store.get_case(case_id) is None:
            raise DeskError(f"No case {case_id}.")
        now = self.desk.now()
        with self.store.atomic():
            self.store.insert_notice({"case_id": case_id, "decided_by": actor, "recorded_at": now, **row})
            self.desk.record(action, case_id, {k: v for k, v in row.items() if k != "status"}, actor=actor)

    def notice(self, case_id: CaseId, today: date | None = None) -> DueNotice | None:
        """The notice this case owes as of ``today``, if one is due (see the module's docstring)."""
        today = self._today(today)
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        recipient, status, discloses = self._notice_status(case_id, self.secrecy_order(case_id), today)
        if status is None or not status.due or status.due_on is None or status.due_on > today:
            return None
        if status.kind == "prior" and not discloses:
            return None
        return DueNotice(
            case_id, case["reference"], recipient, status.kind or "", status.due_on.isoformat(), status.reason
        )

    def _notice_status(
        self, case_id: CaseId, order: SecrecyOrder | None, today: date
    ) -> tuple[str, NoticeStatus | None, bool]:
        """(recipient, status or None when nothing is owed yet, whether the decision discloses)."""
        decision = self.review.decision(case_id)
        # A disclosure made without legal process (app.disclosure) owes notice like any other.
        discloses = (decision is not None and decision.outcome in DISCLOSING) or (
            get_disclosure(self.store, case_id) is not None
        )
        recipient = "enterprise" if self.review.context(case_id).enterprise_customer else "user"
        if order is None and not discloses:
            return recipient, None, discloses
        rows = self.store.get_notices(case_id)
        given = [r for r in rows if r["status"] == "given" and r["sent_at"]]
        exceptions = [
            NoticeException(r["exception_kind"], r["reason"] or "", r["decided_by"] or "")
            for r in rows
            if r["status"] == "withheld" and r["exception_kind"]
        ]
        status = notice_status(
            order,
            exceptions,
            NoticeGiven(given[-1]["how"] or "recorded", date.fromisoformat(given[-1]["sent_at"][:10]))
            if given
            else None,
            today,
            recipient,  # type: ignore[arg-type]
            self.reconsider_days,
        )
        return recipient, status, discloses

    def case_schedule(self, case_id: CaseId, today: date | None = None) -> CaseSchedule:
        """Everything dated about one case: its deadline, secrecy order and notice."""
        today = self._today(today)
        if self.store.get_case(case_id) is None:
            raise DeskError(f"No case {case_id}.")
        values = self.desk.fact_map(case_id)
        deadline = self._response_deadline(case_id, today, values)
        order = self.secrecy_order(case_id)
        recipient, status, _ = self._notice_status(case_id, order, today)
        period = values["response_period"].value
        changes = [
            DeadlineChange(r["kind"], r["starts"], r["ends"], r["reason"] or "")
            for r in self.store.get_deadline_changes(case_id)
        ]
        notices = [
            RecordedNotice(
                status=r["status"],
                recipient=r["recipient"] or "user",
                on=r["sent_at"],
                how=(r["how"] or "")
                if r["status"] == "given"
                else EXCEPTION_LABELS.get(r["exception_kind"], ""),
                reason=r["reason"] or "",
                decided_by=r["decided_by"] or "",
                recorded_at=r["recorded_at"] or "",
            )
            for r in self.store.get_notices(case_id)
            if r["status"] in ("given", "withheld")
        ]
        open_ended = order is not None and order.open_ended and order.lifted_on is None
        return CaseSchedule(
            case_id=case_id,
            today=today,
            due=deadline,
            due_status=deadline_status(deadline, today) if deadline else None,
            period=period if isinstance(period, str) else None,
            changes=changes,
            order=order,
            order_expiry=effective_expiry(order) if order else None,
            reconsider_by=reconsideration_due(order, today, self.reconsider_days) if open_ended else None,
            recipient=recipient,
            notice=status,
            notices=notices,
            notice_held=notice_held(order, recipient, today),  # type: ignore[arg-type]
        )

    def notices_due(self, today: date | None = None) -> list[DueNotice]:
        """Notices due on or before ``today`` (default: the desk's clock), soonest first."""
        today = self._today(today)
        due = [n for c in self.desk.cases() if (n := self.notice(c.case_id, today)) is not None]
        return sorted(due, key=lambda n: (n.due_on, n.reference))

    # -- the response deadline -----------------------------------------------------------

    def response_due(self, case_id: CaseId, today: date | None = None) -> date | None:
        """The demand's response date, moved by extensions and by time paused."""
        deadline = self._response_deadline(case_id, self._today(today))
        return deadline.due if deadline else None

    def _response_deadline(
        self, case_id: CaseId, today: date, values: dict[str, FactValue] | None = None
    ) -> Deadline | None:
        values = values if values is not None else self.desk.fact_map(case_id)
        # Counted by its period, a pause in business days skips that country's holidays too.
        rule = self.desk.period_rule(case_id, values)
        if rule is None:
            stated = _day(values["response_due"].value)
            if stated is None:
                return None
            rule = DeadlineRule(explicit=stated, country=values["country"].value or "default")
        extensions, pauses = self._deadline_changes(case_id)
        return compute_deadline(rule, today, extensions, pauses)

    def moved_deadlines(self, today: date | None = None) -> dict[CaseId, tuple[date, bool]]:
        """(due date, paused now) of every case whose deadline was extended or paused.

        The queue sorts and colours by the demand's own date; these are the cases where
        that is no longer the date that counts.
        """
        day = self._today(today)
        out: dict[CaseId, tuple[date, bool]] = {}
        for raw in self.store.cases_with_deadline_changes():
            case_id = CaseId(raw)
            deadline = self._response_deadline(case_id, day)
            if deadline is not None:
                out[case_id] = (deadline.due, deadline.paused_now)
        return out

    def _deadline_changes(self, case_id: CaseId) -> tuple[list[Extension], list[Pause]]:
        extensions, pauses = [], []
        for r in self.store.get_deadline_changes(case_id):
            if r["kind"] == "extension":
                extensions.append(Extension(date.fromisoformat(r["starts"]), r["reason"]))
            else:
                pauses.append(Pause(date.fromisoformat(r["starts"]), _day(r["ends"]), r["reason"]))
        return extensions, pauses

    def extend_deadline(self, case_id: CaseId, new_due: date, reason: str) -> None:
        if not reason.strip():
            raise DeskError("Say why the deadline was extended (who agreed, when).")
        self._deadline_change(case_id, "extension", new_due, reason)

    def pause_deadline(self, case_id: CaseId, reason: str, on: date | None = None) -> None:
        """Stop the clock (waiting for the requester, e.g. after a narrowing letter)."""
        if any(r["kind"] == "pause" and r["ends"] is None for r in self.store.get_deadline_changes(case_id)):
            raise DeskError("The deadline is already paused.")
        self._deadline_change(case_id, "pause", self._today(on), reason or "waiting for the requester")

    def resume_deadline(self, case_id: CaseId, on: date | None = None) -> None:
        actor = self.desk.actor()
        open_ = [
            r for r in self.store.get_deadline_changes(case_id) if r["kind"] == "pause" and r["ends"] is None
        ]
        if not open_:
            raise DeskError("The deadline is not paused.")
        ends = self._today(on).isoformat()
        with self.store.atomic():
            self.store.end_pause(open_[-1]["id"], ends)
            self.desk.record("deadline.resumed", case_id, {"on": ends}, actor=actor)

    def _deadline_change(self, case_id: CaseId, kind: str, starts: date, reason: str) -> None:
        actor = self.desk.actor()
        if self.store.get_case(case_id) is None:
            raise DeskError(f"No case {case_id}.")
        with self.store.atomic():
            self.store.insert_deadline_change(
                {
                    "case_id": case_id,
                    "kind": kind,
                    "starts": starts.isoformat(),
                    "reason": reason.strip(),
                    "reviewer": actor,
                    "at": self.desk.now(),
                }
            )
            self.desk.record(
                f"deadline.{'extended' if kind == 'extension' else 'paused'}",
                case_id,
                {"on": starts.isoformat(), "reason": reason.strip()},
                actor=actor,
            )

    # -- emergency requests ---------------------------------------------------------------

    @property
    def emergency_hours(self) -> int:
        """Hours an emergency request has from its receipt (the policy pack's)."""
        return self.review.pack.emergency_response_hours

    def emergency_due_at(
        self, case_id: CaseId, values: dict[str, FactValue] | None = None
    ) -> datetime | None:
        """The moment an emergency request is due; None for any other demand.

        Counted from the stored time of receipt, so a reviewer who corrects the facts to
        say the demand is an emergency request sees its hours at once.
        """
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        values = values if values is not None else self.desk.fact_map(case_id)
        if not is_emergency({key: fact.value for key, fact in values.items()}):
            return None
        taken_in = datetime.fromisoformat(case["received_at"])
        taken_in = taken_in if taken_in.tzinfo else taken_in.replace(tzinfo=UTC)
        served = values["received"].value if "received" in values else None
        start = emergency_start(taken_in, date.fromisoformat(served) if isinstance(served, str) else None)
        return emergency_due_at(start, self.emergency_hours)

    def emergencies(self, now: datetime | None = None) -> dict[CaseId, EmergencyDue]:
        """Every emergency request not yet decided, by case, with the time it is due."""
        now = now or self.desk.clock()
        out: dict[CaseId, EmergencyDue] = {}
        for case in self.desk.cases():
            if case.status not in UNDECIDED:
                continue
            due_at = self.emergency_due_at(case.case_id)
            if due_at is None:
                continue
            out[case.case_id] = EmergencyDue(
                case_id=case.case_id,
                reference=case.reference,
                due_at=due_at,
                label=emergency_label(due_at, now),
                short=emergency_short(due_at, now),
                overdue=now >= due_at,
                awaiting_approval=case.status is CaseStatus.AWAITING_APPROVAL,
            )
        return out

    # -- today ---------------------------------------------------------------------------

    def today(self, today: date | None = None) -> Today:
        """What needs the reviewer: the same data as ``demand-desk today --json``.

        Emergency requests come first, counted in hours from now (on another ``today``,
        from this time of day on that day).
        """
        day = self._today(today)
        now = self.desk.clock()
        if now.date() != day:
            now = datetime.combine(day, now.timetz())
        out = Today(day.isoformat())
        urgent = self.emergencies(now)
        for emergency in sorted(urgent.values(), key=lambda e: (e.due_at, e.reference)):
            out.emergencies.append(
                TodayItem(
                    emergency.case_id,
                    emergency.reference,
                    "emergency",
                    emergency.due_at.astimezone().date().isoformat(),
                    emergency.label + (" · awaiting approval" if emergency.awaiting_approval else ""),
                    "overdue" if emergency.overdue else "today",
                    at=emergency.due_at.astimezone(UTC).isoformat(timespec="minutes"),
                )
            )
        for case in self.desk.cases():
            cid, ref = case.case_id, case.reference
            if cid in urgent:
                pass  # listed above, in hours
            elif case.status in (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.AWAITING_APPROVAL):
                deadline = self._response_deadline(cid, day)
                if deadline is not None:
                    due = deadline.due
                    status = deadline_status(deadline, day)
                    if status.kind == "paused":
                        pass  # the clock waits for the requester
                    elif status.kind == "overdue":
                        out.responses_overdue.append(
                            TodayItem(cid, ref, "response", due.isoformat(), status.label, "overdue")
                        )
                    elif (left := (due - day).days) <= RESPONSES_AHEAD_DAYS:
                        urgency = "today" if due == day else "soon"
                        label = "Due today" if left == 0 else f"Due in {left} day{'s' if left != 1 else ''}"
                        out.responses_due.append(
                            TodayItem(cid, ref, "response", due.isoformat(), label, urgency)
                        )
            if case.status is CaseStatus.AWAITING_APPROVAL:
                out.awaiting_approval.append(
                    TodayItem(
                        cid,
                        ref,
                        "approval",
                        day.isoformat(),
                        "Awaiting a second reviewer's approval",
                        "today",
                    )
                )
            notice = self.notice(cid, day)
            if notice is not None:
                urgency = "today" if notice.due_on == day.isoformat() else "overdue"
                label = f"{notice.kind.capitalize()} notice to the {notice.recipient}"
                out.notices_due.append(TodayItem(cid, ref, "notice", notice.due_on, label, urgency))
            order = self.secrecy_order(cid)
            if order is not None and expiring_within(order, day, ORDERS_AHEAD_DAYS):
                expiry = effective_expiry(order)
                assert expiry is not None  # noqa: S101 - expiring_within needs one
                out.orders_expiring.append(
                    TodayItem(
                        cid,
                        ref,
                        "order_expiring",
                        expiry.isoformat(),
                        "Secrecy order expires",
                        _urgency(expiry, day),
                    )
                )
            if order is not None and order.open_ended and order.lifted_on is None:
                again = reconsideration_due(order, day, self.reconsider_days)
                if again is not None and again <= day + timedelta(days=RECONSIDER_AHEAD_DAYS):
                    out.reconsider_orders.append(
                        TodayItem(
                            cid,
                            ref,
                            "reconsider_order",
                            again.isoformat(),
                            "Reconsider the open-ended order",
                            _urgency(again, day),
                        )
                    )
        out.holds_expiring.extend(_holds_expiring(self.desk, day))
        for items in (
            out.responses_overdue,
            out.responses_due,
            out.notices_due,
            out.orders_expiring,
            out.reconsider_orders,
        ):
            items.sort(key=lambda i: (i.on, i.reference))
        out.invoices_unpaid.extend(self._unpaid_invoices(day))
        return out

    def _unpaid_invoices(self, day: date) -> list[TodayItem]:
        """Reimbursement requests unpaid after the rate tables' days (60), oldest first."""
        from app.costs.service import Costs  # the rate tables load only here

        try:
            unpaid = Costs(self.desk).unpaid_invoices(day)
        except DeskError:
            return []  # a rate table that does not load is reported where costs are used, not here
        return [
            TodayItem(x.case_id, x.reference, "invoice_unpaid", x.sent_on,
                      f"{x.amount} unpaid {x.days} days after it was requested", "overdue")
            for x in unpaid
        ]  # fmt: skip

    def calendar(self, today: date | None = None) -> bytes:
        """``deadlines.ics``: due dates and expiries, each naming only the case's reference."""
        day = self._today(today)
        items: list[ics.CalendarItem] = []
        for case in self.desk.cases():
            due = self.response_due(case.case_id, day)
            if due is not None and case.status is not CaseStatus.CLOSED:
                items.append(ics.CalendarItem(case.reference, "response_due", due))
            order = self.secrecy_order(case.case_id)
            expiry = effective_expiry(order) if order is not None else None
            if expiry is not None:
                items.append(ics.CalendarItem(case.reference, "order_expires", expiry))
            notice = self.notice(case.case_id, day)
            if notice is not None:
                items.append(
                    ics.CalendarItem(case.reference, "notice_due", date.fromisoformat(notice.due_on))
                )
            if order is not None and order.open_ended and order.lifted_on is None:
                again = reconsideration_due(order, day, self.reconsider_days)
                if again is not None:
                    items.append(ics.CalendarItem(case.reference, "reconsider_order", again))
        stamp = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
        return ics.deadlines_ics(items, stamp=stamp)


def _holds_expiring(desk: Desk, day: date) -> list[TodayItem]:
    """Running preservation holds whose last day is near: extend (on a renewed request) or let go."""
    from app.holds.service import Holds

    items = []
    for hold in Holds(desk).expiring(day):
        left = (hold.until - day).days
        when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
        label = f"Hold ends {when}" + ("" if hold.extensions_left else " (no extension left)")
        items.append(TodayItem(hold.case_id, hold.reference, "hold_expiring", hold.until.isoformat(), label,
                               _urgency(hold.until, day)))  # fmt: skip
    return items


def _urgency(on: date, today: date) -> str:
    if on < today:
        return "overdue"
    if on == today:
        return "today"
    return "soon" if (on - today).days <= 7 else "later"


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_order(desk: Desk, case_id: CaseId) -> SecrecyOrder | None:
    """The case's secrecy order as recorded (with its extensions, challenge and lifting)."""
    return _order(desk.store.get_secrecy_order(case_id))


def _order(row: Any) -> SecrecyOrder | None:
    if row is None or not row["present"]:
        return None
    extensions = tuple(
        OrderExtension(date.fromisoformat(d), why) for d, why in json.loads(row["extensions"] or "[]")
    )
    return SecrecyOrder(
        present=True,
        issued=_day(row["issued"]),
        duration_days=row["duration_days"],
        expires=_day(row["expires"]),
        open_ended=bool(row["open_ended"]),
        statute=row["statute"] or "",
        covers=row["covers"] or "both",
        extensions=extensions,
        challenged_on=_day(row["challenged_on"]),
        challenge_outcome=row["challenge_outcome"],
        lifted_on=_day(row["lifted_on"]),
        reconsidered_on=_day(row["reconsidered_on"]),
    )
