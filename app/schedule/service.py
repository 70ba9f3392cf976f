"""What needs the reviewer today: response deadlines, notices, secrecy orders, approvals.

The rules are pure (``calendars``, ``deadlines``, ``notices``, ``ics``); here each case's
secrecy order, decision, recorded notices and deadline changes are read from the store,
and every change is written in one transaction with its audit event. What it answers is
in ``model``; Today's lists are sorted out in ``today``.

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
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from app.jsontypes import JsonObject
from app.model import CaseId, CaseStatus, FactValue
from app.review.evaluators import is_emergency
from app.review.model import DISCLOSING
from app.schedule import ics, reconsider
from app.schedule.deadlines import (
    Deadline,
    DeadlineRule,
    Extension,
    Pause,
    compute_deadline,
    deadline_status,
    emergency_due_at,
    emergency_label,
    emergency_short,
    emergency_start,
)
from app.schedule.model import CaseSchedule as CaseSchedule
from app.schedule.model import DeadlineChange, DueNotice, RecordedNotice
from app.schedule.model import EmergencyDue as EmergencyDue
from app.schedule.model import Today as Today
from app.schedule.model import TodayItem as TodayItem
from app.schedule.notices import (
    EXCEPTION_LABELS,
    NoticeException,
    NoticeGiven,
    NoticeStatus,
    Recipient,
    SecrecyOrder,
    effective_expiry,
    exception_word,
    notice_held,
    notice_status,
    reconsideration_due,
)
from app.schedule.reads import Reads, day_or_none, read_all
from app.schedule.reads import read_order as read_order
from app.schedule.today import due_today
from app.services import Desk, DeskError
from db.disclosures import get_disclosure
from db.store import Row

if TYPE_CHECKING:
    from app.review.service import Review

EXCEPTION_KINDS = ("danger", "child_exploitation", "compromised_account")
COVERS = ("user", "enterprise", "both")
MIN_CYCLE_DAYS, MAX_CYCLE_DAYS = 7, 365
# Not yet decided: an emergency stays on top until it is (awaiting approval counts, as
# nothing has left yet).
UNDECIDED = (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.AWAITING_APPROVAL)


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

    def _order_row(self, case_id: CaseId) -> Row:
        row = self.store.get_secrecy_order(case_id)
        if row is None or not row["present"]:
            raise DeskError("The case has no secrecy order.")
        return row

    def _change_order(self, case_id: CaseId, fields: JsonObject, action: str, payload: JsonObject) -> None:
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
        fields: JsonObject = {
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

    def _insert_notice(self, case_id: CaseId, row: JsonObject, action: str) -> None:
        actor = self.desk.actor()
        if self.store.get_case(case_id) is None:
            raise DeskError(f"No case {case_id}.")
        now = self.desk.now()
        with self.store.atomic():
            self.store.insert_notice({"case_id": case_id, "decided_by": actor, "recorded_at": now, **row})
            self.desk.record(action, case_id, {k: v for k, v in row.items() if k != "status"}, actor=actor)

    def notice(
        self, case_id: CaseId, today: date | None = None, reads: Reads | None = None
    ) -> DueNotice | None:
        """The notice this case owes as of ``today``, if one is due (see the module's docstring).
        ``reads``: what Today read of every case, instead of reading this one's."""
        today = self._today(today)
        if reads is not None:
            reference = reads.references[case_id]
            order = reads.orders.get(case_id)
        else:
            case = self.store.get_case(case_id)
            if case is None:
                raise DeskError(f"No case {case_id}.")
            reference, order = case["reference"], self.secrecy_order(case_id)
        recipient, status, discloses = self._notice_status(case_id, order, today, reads)
        if status is None or not status.due or status.due_on is None or status.due_on > today:
            return None
        if status.kind == "prior" and not discloses:
            return None
        return DueNotice(
            case_id, reference, recipient, status.kind or "", status.due_on.isoformat(), status.reason
        )

    def _notice_status(
        self, case_id: CaseId, order: SecrecyOrder | None, today: date, reads: Reads | None = None
    ) -> tuple[Recipient, NoticeStatus | None, bool]:
        """(recipient, status or None when nothing is owed yet, whether the decision discloses)."""
        if reads is not None:
            outcome = reads.outcomes.get(case_id)
            disclosed = case_id in reads.disclosed
            enterprise = case_id in reads.enterprise
        else:
            decision = self.review.decision(case_id)
            outcome = decision.outcome if decision is not None else None
            disclosed = get_disclosure(self.store, case_id) is not None
            enterprise = self.review.context(case_id).enterprise_customer is True
        # A disclosure made without legal process (app.disclosure) owes notice like any other.
        discloses = outcome in DISCLOSING or disclosed
        recipient: Recipient = "enterprise" if enterprise else "user"
        if order is None and not discloses:
            return recipient, None, discloses
        rows = reads.notices.get(case_id, []) if reads is not None else self.store.get_notices(case_id)
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
            recipient,
            reads.reconsider_days if reads is not None else self.reconsider_days,
        )
        return recipient, status, discloses

    def case_schedule(
        self, case_id: CaseId, today: date | None = None, language: str | None = None
    ) -> CaseSchedule:
        """Everything dated about one case: its deadline, secrecy order and notice."""
        today = self._today(today)
        if self.store.get_case(case_id) is None:
            raise DeskError(f"No case {case_id}.")
        values = self.desk.fact_map(case_id)
        deadline = self.response_deadline(case_id, today, values)
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
                else (exception_word(r["exception_kind"]) if r["exception_kind"] in EXCEPTION_LABELS else ""),
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
            due_status=deadline_status(deadline, today, language=language) if deadline else None,
            period=period if isinstance(period, str) else None,
            changes=changes,
            order=order,
            order_expiry=effective_expiry(order) if order else None,
            reconsider_by=reconsideration_due(order, today, self.reconsider_days) if open_ended else None,
            recipient=recipient,
            notice=status,
            notices=notices,
            notice_held=notice_held(order, recipient, today),
        )

    def notices_due(self, today: date | None = None) -> list[DueNotice]:
        """Notices due on or before ``today`` (default: the desk's clock), soonest first."""
        today = self._today(today)
        due = [n for c in self.desk.cases() if (n := self.notice(c.case_id, today)) is not None]
        return sorted(due, key=lambda n: (n.due_on, n.reference))

    # -- the response deadline -----------------------------------------------------------

    def response_due(self, case_id: CaseId, today: date | None = None) -> date | None:
        """The demand's response date, moved by extensions and by time paused."""
        deadline = self.response_deadline(case_id, self._today(today))
        return deadline.due if deadline else None

    def response_deadline(
        self,
        case_id: CaseId,
        today: date,
        values: dict[str, FactValue] | None = None,
        reads: Reads | None = None,
    ) -> Deadline | None:
        """The demand's response deadline as extended and paused, or None when it states none.
        ``reads``: what Today read of every case, instead of reading this one's."""
        if reads is not None:
            values = reads.facts[case_id]
        values = values if values is not None else self.desk.fact_map(case_id)
        # Counted by its period, a pause in business days skips that country's holidays too.
        received_at = reads.received_at[case_id] if reads is not None else None
        rule = self.desk.period_rule(case_id, values, received_at)
        if rule is None:
            stated = day_or_none(values["response_due"].value)
            if stated is None:
                return None
            rule = DeadlineRule(explicit=stated, country=values["country"].value or "default")
        extensions, pauses = self._deadline_changes(
            case_id, reads.changes.get(case_id, []) if reads is not None else None
        )
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
            deadline = self.response_deadline(case_id, day)
            if deadline is not None:
                out[case_id] = (deadline.due, deadline.paused_now)
        return out

    def _deadline_changes(
        self, case_id: CaseId, rows: list[Row] | None = None
    ) -> tuple[list[Extension], list[Pause]]:
        extensions, pauses = [], []
        for r in rows if rows is not None else self.store.get_deadline_changes(case_id):
            if r["kind"] == "extension":
                extensions.append(Extension(date.fromisoformat(r["starts"]), r["reason"]))
            else:
                pauses.append(Pause(date.fromisoformat(r["starts"]), day_or_none(r["ends"]), r["reason"]))
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
        self, case_id: CaseId, values: dict[str, FactValue] | None = None, reads: Reads | None = None
    ) -> datetime | None:
        """The moment an emergency request is due; None for any other demand.

        Counted from the stored time of receipt, so a reviewer who corrects the facts to
        say the demand is an emergency request sees its hours at once. ``reads``: what
        Today read of every case, instead of reading this one's.
        """
        if reads is not None:
            received_at, values = reads.received_at[case_id], reads.facts[case_id]
        else:
            case = self.store.get_case(case_id)
            if case is None:
                raise DeskError(f"No case {case_id}.")
            received_at = case["received_at"]
        values = values if values is not None else self.desk.fact_map(case_id)
        if not is_emergency({key: fact.value for key, fact in values.items()}):
            return None
        taken_in = datetime.fromisoformat(received_at)
        taken_in = taken_in if taken_in.tzinfo else taken_in.replace(tzinfo=UTC)
        served = values["received"].value if "received" in values else None
        start = emergency_start(taken_in, date.fromisoformat(served) if isinstance(served, str) else None)
        return emergency_due_at(start, self.emergency_hours)

    def emergencies(
        self, now: datetime | None = None, language: str | None = None, reads: Reads | None = None
    ) -> dict[CaseId, EmergencyDue]:
        """Every emergency request not yet decided, by case, with the time it is due (its
        words in ``language``; None: the display language). ``reads``: Today's of every case;
        None: read now, in a few queries (the queue asks this at every refresh)."""
        now = now or self.desk.clock()
        reads = reads if reads is not None else self.reads()
        out: dict[CaseId, EmergencyDue] = {}
        for case in reads.cases:
            if case.status not in UNDECIDED:
                continue
            due_at = self.emergency_due_at(case.case_id, reads=reads)
            if due_at is None:
                continue
            out[case.case_id] = EmergencyDue(
                case_id=case.case_id,
                reference=case.reference,
                due_at=due_at,
                label=emergency_label(due_at, now, language=language),
                short=emergency_short(due_at, now, language),
                overdue=now >= due_at,
                awaiting_approval=case.status is CaseStatus.AWAITING_APPROVAL,
            )
        return out

    # -- today ---------------------------------------------------------------------------

    def reads(self) -> Reads:
        """What Today needs of every case, read in a few queries (``app.schedule.reads``)."""
        return read_all(self)

    def today(self, today: date | None = None, language: str | None = None) -> Today:
        """What needs the reviewer: the same data as ``demand-desk today --json`` (``app.schedule.today``)."""
        return due_today(self, self._today(today), language)

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
