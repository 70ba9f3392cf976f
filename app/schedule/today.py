"""Today: what needs the reviewer, section by section, most urgent first.

Emergency requests first, in hours; then responses overdue and due soon, notices due,
secrecy orders expiring or to reconsider, decisions awaiting approval, preservation holds
ending and reimbursement requests unpaid. What each case owes is ``Schedule``'s to say
(``app.schedule.service``); here it is sorted into Today's lists.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from app.model import CaseStatus
from app.schedule.deadlines import deadline_status
from app.schedule.model import ORDERS_AHEAD_DAYS, RESPONSES_AHEAD_DAYS, Today, TodayItem
from app.schedule.notices import effective_expiry, expiring_within, reconsideration_due
from app.schedule.words import count, say
from app.services import Desk, DeskError

if TYPE_CHECKING:
    from app.model import CaseSummary
    from app.schedule.reads import Reads
    from app.schedule.service import Schedule

# A week's warning: with a short cycle, a longer look-ahead would bring an order back the
# day it was reconsidered.
RECONSIDER_AHEAD_DAYS = 7


def due_today(schedule: Schedule, day: date, language: str | None = None) -> Today:
    """What needs the reviewer on ``day``: the same data as ``demand-desk today --json``, its
    lines in ``language`` (None: the display language; the command line asks for English).

    Emergency requests come first, counted in hours from now (on another ``today``,
    from this time of day on that day).
    """
    now = schedule.desk.clock()
    if now.date() != day:
        now = datetime.combine(day, now.timetz())
    out = Today(day.isoformat())
    reads = schedule.reads()
    urgent = schedule.emergencies(now, language, reads)
    for emergency in sorted(urgent.values(), key=lambda e: (e.due_at, e.reference)):
        out.emergencies.append(
            TodayItem(
                emergency.case_id,
                emergency.reference,
                "emergency",
                emergency.due_at.astimezone().date().isoformat(),
                _emergency_line(emergency.label, emergency.awaiting_approval, language),
                "overdue" if emergency.overdue else "today",
                at=emergency.due_at.astimezone(UTC).isoformat(timespec="minutes"),
            )
        )
    for case in reads.cases:
        cid, ref = case.case_id, case.reference
        if cid in urgent:
            pass  # listed above, in hours
        elif case.status in (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.AWAITING_APPROVAL):
            _response(schedule, reads, case, day, out, language)
        if case.status is CaseStatus.AWAITING_APPROVAL:
            out.awaiting_approval.append(
                TodayItem(
                    cid,
                    ref,
                    "approval",
                    day.isoformat(),
                    say("lines", "approval", language),
                    "today",
                )
            )
        notice = schedule.notice(cid, day, reads)
        if notice is not None:
            urgency = "today" if notice.due_on == day.isoformat() else "overdue"
            label = _notice_line(notice.kind, notice.recipient, language)
            out.notices_due.append(TodayItem(cid, ref, "notice", notice.due_on, label, urgency))
        _secrecy_order(reads, case, day, out, language)
    out.holds_expiring.extend(_holds_expiring(schedule.desk, day, language))
    for items in (
        out.responses_overdue,
        out.responses_due,
        out.notices_due,
        out.orders_expiring,
        out.reconsider_orders,
    ):
        items.sort(key=lambda i: (i.on, i.reference))
    out.invoices_unpaid.extend(_unpaid_invoices(schedule.desk, day, language))
    return out


def _response(
    schedule: Schedule, reads: Reads, case: CaseSummary, day: date, out: Today, language: str | None
) -> None:
    """An undecided case's response: overdue, or due within the week (not while paused)."""
    cid, ref = case.case_id, case.reference
    deadline = schedule.response_deadline(cid, day, reads=reads)
    if deadline is not None:
        due = deadline.due
        status = deadline_status(deadline, day, language=language)
        if status.kind == "paused":
            pass  # the clock waits for the requester
        elif status.kind == "overdue":
            out.responses_overdue.append(
                TodayItem(cid, ref, "response", due.isoformat(), status.label, "overdue")
            )
        elif (left := (due - day).days) <= RESPONSES_AHEAD_DAYS:
            urgency = "today" if due == day else "soon"
            label = (
                say("deadline", "due_today", language)
                if left == 0
                else count("deadline", "due_in", left, language, days=left)
            )
            out.responses_due.append(TodayItem(cid, ref, "response", due.isoformat(), label, urgency))


def _secrecy_order(reads: Reads, case: CaseSummary, day: date, out: Today, language: str | None) -> None:
    """The case's secrecy order: expiring within the month, or open-ended and due to be reconsidered."""
    cid, ref = case.case_id, case.reference
    order = reads.orders.get(cid)
    if order is not None and expiring_within(order, day, ORDERS_AHEAD_DAYS):
        expiry = effective_expiry(order)
        assert expiry is not None  # noqa: S101 - expiring_within needs one
        out.orders_expiring.append(
            TodayItem(
                cid,
                ref,
                "order_expiring",
                expiry.isoformat(),
                say("lines", "order_expires", language),
                _urgency(expiry, day),
            )
        )
    if order is not None and order.open_ended and order.lifted_on is None:
        again = reconsideration_due(order, day, reads.reconsider_days)
        if again is not None and again <= day + timedelta(days=RECONSIDER_AHEAD_DAYS):
            out.reconsider_orders.append(
                TodayItem(
                    cid,
                    ref,
                    "reconsider_order",
                    again.isoformat(),
                    say("lines", "reconsider_order", language),
                    _urgency(again, day),
                )
            )


def _unpaid_invoices(desk: Desk, day: date, language: str | None) -> list[TodayItem]:
    """Reimbursement requests unpaid after the rate tables' days (60), oldest first."""
    from app.costs.service import Costs  # the rate tables load only here

    try:
        unpaid = Costs(desk).unpaid_invoices(day)
    except DeskError:
        return []  # a rate table that does not load is reported where costs are used, not here
    return [
        TodayItem(x.case_id, x.reference, "invoice_unpaid", x.sent_on,
                  count("lines", "invoice_unpaid", x.days, language, amount=x.amount, days=x.days), "overdue")
        for x in unpaid
    ]  # fmt: skip


def _holds_expiring(desk: Desk, day: date, language: str | None) -> list[TodayItem]:
    """Running preservation holds whose last day is near: extend (on a renewed request) or let go."""
    from app.holds.service import Holds

    items = []
    for hold in Holds(desk).expiring(day):
        left = (hold.until - day).days
        label = (
            say("lines", "hold_ends_today", language)
            if left == 0
            else count("lines", "hold_ends_in", left, language, days=left)
        )
        if not hold.extensions_left:
            label = say("lines", "no_extension_left", language, label=label)
        items.append(TodayItem(hold.case_id, hold.reference, "hold_expiring", hold.until.isoformat(), label,
                               _urgency(hold.until, day)))  # fmt: skip
    return items


def _urgency(on: date, today: date) -> str:
    if on < today:
        return "overdue"
    if on == today:
        return "today"
    return "soon" if (on - today).days <= 7 else "later"


def _emergency_line(label: str, awaiting_approval: bool, language: str | None) -> str:
    return say("lines", "emergency_awaiting", language, label=label) if awaiting_approval else label


def _notice_line(kind: str, recipient: str, language: str | None) -> str:
    """ "Prior notice to the user"; a kind or recipient the words do not name, as before."""
    try:
        return say("lines", f"notice_{kind}_{recipient}", language)
    except KeyError:
        return f"{kind.capitalize()} notice to the {recipient}"
