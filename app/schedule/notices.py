"""Who is owed notice of a demand, and when.

The provider tells the affected customer that their data was sought: the user of a
consumer service, or the enterprise customer of a commercial one. Notice is given before
disclosure unless a secrecy (non-disclosure) order forbids it; in that case it becomes
delayed notice, owed on the day the order expires or is lifted. An order with no end
("until further order") comes back for reconsideration on a cycle so that a challenge is
considered. Notice can be withheld only by a recorded exception (someone would be put in
danger, a child-exploitation investigation, or a compromised account where the notice
would reach the attacker), which says why and who decided. Once notice is recorded as
given it is no longer due.

``notice_held`` is the one rule that keeps a notice from leaving while an order forbids
it: the letters (draft as final, finalise, export, package), the Dates tab and the
command line all ask it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from app.display_language import ENGLISH
from app.review.said import Said, Word, joined, word

Recipient = Literal["user", "enterprise"]
Covers = Literal["user", "enterprise", "both"]
NoticeKind = Literal["prior", "delayed"]
ExceptionKind = Literal["danger", "child_exploitation", "compromised_account"]

DEFAULT_CYCLE_DAYS = 90

EXCEPTION_LABELS: dict[str, str] = {
    "danger": "notice could put someone in danger",
    "child_exploitation": "child-exploitation investigation",
    "compromised_account": "account compromised; notice would reach the attacker",
}


class OrderExtension(NamedTuple):
    new_expiry: date
    reason: str


@dataclass(frozen=True)
class SecrecyOrder:
    present: bool = True
    issued: date | None = None
    duration_days: int | None = None
    expires: date | None = None
    open_ended: bool = False
    covers: Covers = "both"
    extensions: tuple[OrderExtension, ...] = ()
    challenged_on: date | None = None
    challenge_outcome: str | None = None
    lifted_on: date | None = None
    statute: str = ""
    reconsidered_on: date | None = None


@dataclass(frozen=True)
class NoticeException:
    kind: ExceptionKind
    reason: str
    decided_by: str


@dataclass(frozen=True)
class NoticeGiven:
    how: str
    on: date


@dataclass(frozen=True)
class NoticeStatus:
    due: bool
    due_on: date | None
    kind: NoticeKind | None
    reason: str


def notice_recipient(service: Literal["consumer", "commercial"]) -> Recipient:
    """The user for consumer services; the enterprise customer for commercial ones."""
    return "enterprise" if service == "commercial" else "user"


def _covers(order: SecrecyOrder, recipient: Recipient) -> bool:
    return order.covers == "both" or order.covers == recipient


def effective_expiry(order: SecrecyOrder) -> date | None:
    """The latest extension's expiry, else the stated expiry, else issue date plus length."""
    if order.extensions:
        return order.extensions[-1].new_expiry
    if order.expires is not None:
        return order.expires
    if order.issued is not None and order.duration_days is not None and not order.open_ended:
        return order.issued + timedelta(days=order.duration_days)
    return None


def _binding(order: SecrecyOrder | None, today: date) -> bool:
    if order is None or not order.present:
        return False
    return order.lifted_on is None or order.lifted_on > today


def notice_status(
    order: SecrecyOrder | None,
    exceptions: Iterable[NoticeException],
    given: NoticeGiven | None,
    today: date,
    recipient: Recipient = "user",
    cycle_days: int = DEFAULT_CYCLE_DAYS,
) -> NoticeStatus:
    """Whether notice to ``recipient`` is due as of ``today``, from when, and why."""
    if given is not None:
        return NoticeStatus(False, None, None, Said("notice.given", on=given.on.isoformat(), how=given.how))
    excs = list(exceptions)
    if excs:
        parts = [
            Said("notice.exception", kind=exception_word(e.kind), reason=e.reason, by=e.decided_by)
            for e in excs
        ]
        return NoticeStatus(False, None, None, Said("notice.withheld", parts=joined(parts)))
    if order is None or not order.present or not _covers(order, recipient):
        return NoticeStatus(True, today, "prior", Said("notice.prior", recipient=_recipient_word(recipient)))
    if order.lifted_on is not None and order.lifted_on <= today:
        when = order.lifted_on
        return NoticeStatus(True, when, "delayed", Said("notice.lifted", day=when.isoformat()))
    expiry = effective_expiry(order)
    if expiry is None:
        nxt = reconsideration_due(order, today, cycle_days)
        if nxt:
            return NoticeStatus(
                False, None, "delayed", Said("notice.until_reconsidered", day=nxt.isoformat())
            )
        return NoticeStatus(False, None, "delayed", Said("notice.until_further_order"))
    if expiry <= today:
        return NoticeStatus(True, expiry, "delayed", Said("notice.expired", day=expiry.isoformat()))
    if order.extensions:
        said = Said("notice.in_force_extended", day=expiry.isoformat(), reason=order.extensions[-1].reason)
    else:
        said = Said("notice.in_force", day=expiry.isoformat())
    return NoticeStatus(False, expiry, "delayed", said)


def exception_word(kind: str) -> Word:
    """Why notice is withheld, as a sentence names it: ``EXCEPTION_LABELS`` in English (as the
    notes always read), the exception's label (``[codes.exception_kind]``) in another language."""
    from app.labels import labels

    return word(
        lambda language: (
            EXCEPTION_LABELS.get(kind, kind)
            if language == ENGLISH
            else labels(language).codes["exception_kind"].get(kind) or EXCEPTION_LABELS.get(kind, kind)
        )
    )


def _recipient_word(recipient: str) -> Word:
    from app.labels import labels

    return word(lambda language: labels(language).codes["recipient"].get(recipient, recipient))


def reconsideration_due(
    order: SecrecyOrder | None, today: date, cycle_days: int = DEFAULT_CYCLE_DAYS
) -> date | None:
    """When an open-ended order next comes back for reconsideration (may be in the past).

    Counted from the issue date or the last reconsideration, whichever is later. None for
    no order, an order with an end date, or one lifted by ``today``.
    """
    if cycle_days <= 0:
        raise ValueError("cycle_days must be positive")
    if not _binding(order, today):
        return None
    assert order is not None
    if effective_expiry(order) is not None or not order.open_ended:
        return None
    anchors = [d for d in (order.issued, order.reconsidered_on) if d is not None]
    if not anchors:
        return today
    return max(anchors) + timedelta(days=cycle_days)


def expiring_within(order: SecrecyOrder | None, today: date, days: int = 30) -> bool:
    """True when an order in force expires between today and ``days`` from now (inclusive)."""
    if not _binding(order, today):
        return False
    assert order is not None
    expiry = effective_expiry(order)
    return expiry is not None and today <= expiry <= today + timedelta(days=days)


def order_ended(order: SecrecyOrder, today: date) -> date | None:
    """The day the order stopped binding (lifted — a successful challenge is recorded as a
    lifting — or expired), if that day is ``today`` or earlier; else None."""
    if order.lifted_on is not None and order.lifted_on <= today:
        return order.lifted_on
    expiry = effective_expiry(order)
    if expiry is not None and expiry <= today:
        return expiry
    return None


def describe_order(order: SecrecyOrder) -> str:
    """ "the secrecy order under 18 U.S.C. § 2705(b) (issued 2026-03-02)", for refusals."""
    statute = f" under {order.statute}" if order.statute else ""
    notes = [] if order.statute else ["statute not recorded"]
    if order.issued:
        notes.append(f"issued {order.issued.isoformat()}")
    return f"the secrecy order{statute}" + (f" ({', '.join(notes)})" if notes else "")


def notice_held(order: SecrecyOrder | None, recipient: Recipient, today: date) -> str | None:
    """Why notice to ``recipient`` may not be given on ``today``, or None when it may.

    An order holds notice back from the recipients it covers until the day it ends
    (calendar days: on its expiry day notice may go), or until it is recorded as lifted
    or successfully challenged. An open-ended order holds it until further order. The
    reason is one line naming the order, its statute and its end.
    """
    if order is None or not order.present or not _covers(order, recipient):
        return None
    if order_ended(order, today) is not None:
        return None
    expiry = effective_expiry(order)
    if expiry is not None:
        until = f"in force until {expiry.isoformat()}: notice may go from that day, or once"
    else:
        until = "in force until further order: notice may go once"
    return (
        f"Notice to the {recipient} waits for {describe_order(order)}, {until} the order is "
        "recorded as lifted or successfully challenged."
    )
