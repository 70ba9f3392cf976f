"""A preservation hold and its clock, as pure values: what is held, until when, and how it ended.

A hold runs from the day the request was served to the last day of its period (an
extension moves that day). It ends early when a reviewer releases it, or when a demand
for a held identifier that arrived while it ran is answered or withdrawn: the data then
follows that demand. A hold nobody extends expires the day after its last day.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

MAX_VALUE = 320  # the longest e-mail address there can be
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"[^@\s]+@{_LABEL}(?:\.{_LABEL})+")
_PHONE = re.compile(r"\+?[0-9]{7,15}")
_URL = re.compile(r"(?:https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#]\S*)?")
_HANDLE = re.compile(r"[^\s\x00-\x1f\x7f]+")


def identifier_problem(kind: str, value: str | None) -> str | None:
    """Why ``value`` is not a well-formed identifier of ``kind``; None when it is.

    Data is kept for exactly the accounts named: a hold on a misread or truncated
    identifier would keep someone else's data, or nobody's.
    """
    if value is None or not value.strip():
        return f"a {kind} identifier is blacked out or unreadable"
    text = value.strip()
    if len(text) > MAX_VALUE:
        return f"{text[:40]}… is longer than any identifier"
    if kind == "email":
        ok = _EMAIL.fullmatch(text) is not None
    elif kind == "phone":
        ok = _PHONE.fullmatch(re.sub(r"[\s().-]", "", text)) is not None
    elif kind == "ip":
        try:
            ipaddress.ip_network(text, strict=False)
            ok = True
        except ValueError:
            ok = False
    elif kind == "url":
        ok = _URL.fullmatch(text) is not None
    elif kind == "gamertag":  # Xbox gamertags may hold spaces
        ok = re.fullmatch(r"[\w][\w ]{0,30}[\w#]?", text) is not None
    else:  # account ids, user names and the rest: one token, no spaces or control characters
        ok = _HANDLE.fullmatch(text) is not None and any(c.isalnum() for c in text)
    return None if ok else f"{text!r} is not a well-formed {kind.replace('_', ' ')}"


class HoldExtensionJson(TypedDict):
    until: str
    reason: str
    by: str
    on: str


class HoldEndJson(TypedDict):
    on: str
    how: str
    reason: str
    case_id: str | None
    reference: str | None


class LinkedDemandJson(TypedDict):
    case_id: str
    reference: str
    received: str
    identifiers: list[str]
    outcome: str | None
    answered_on: str | None


class HoldJson(TypedDict):
    """A hold in ``hold --json`` and in its own case's Facts JSON (``hold``)."""

    case_id: str
    reference: str
    identifiers: list[dict[str, str]]  # kind, value
    country: str | None
    statute: str
    since: str
    until: str
    first_until: str
    extensions: list[HoldExtensionJson]
    extensions_left: int
    requester: str | None
    requester_reference: str | None
    state: str
    ended_on: str | None
    ended: HoldEndJson | None
    linked_demands: list[LinkedDemandJson]


class HoldLinkJson(TypedDict):
    """A hold as a later demand's Facts JSON shows it (``preservation_holds``)."""

    case_id: str
    reference: str
    requester: str | None
    requester_reference: str | None
    statute: str
    identifiers: list[str]
    since: str
    until: str
    state: str


@dataclass(frozen=True)
class HoldExtension:
    until: date
    reason: str  # the renewed request: its letter, date, reference
    by: str
    on: date


@dataclass(frozen=True)
class LinkedDemand:
    """A later demand that names a held identifier, and what became of it."""

    case_id: str
    reference: str
    received: date
    identifiers: tuple[str, ...]  # the held ones it names
    outcome: str | None = None  # its decision, once answered (approved, if it discloses)
    answered_on: date | None = None


@dataclass(frozen=True)
class HoldEnd:
    on: date
    how: str  # released | answered | withdrawn
    reason: str
    case_id: str | None = None  # the demand that ended it
    reference: str | None = None


@dataclass(frozen=True)
class Hold:
    case_id: str
    reference: str  # our case's reference
    identifiers: tuple[tuple[str, str], ...]  # (kind, value)
    country: str | None
    statute: str
    starts: date
    first_until: date
    extensions: tuple[HoldExtension, ...]
    max_extensions: int
    extension_days: int
    requester: str | None
    requester_reference: str | None
    created_by: str
    linked: tuple[LinkedDemand, ...] = ()
    ended: HoldEnd | None = None

    @property
    def until(self) -> date:
        """The last day the data is held, as extended."""
        return self.extensions[-1].until if self.extensions else self.first_until

    @property
    def extensions_left(self) -> int:
        return max(0, self.max_extensions - len(self.extensions))

    def state(self, today: date) -> str:
        """active | expired | released | answered | withdrawn."""
        if self.ended is not None and self.ended.on <= today:
            return self.ended.how
        return "expired" if today > self.until else "active"

    def ended_on(self, today: date) -> date | None:
        """The day the hold ended (for an expired one, its last day); None while it runs."""
        state = self.state(today)
        if state == "active":
            return None
        if state == "expired" or self.ended is None:
            return self.until
        return self.ended.on

    def to_json(self, today: date) -> HoldJson:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "identifiers": [{"kind": k, "value": v} for k, v in self.identifiers],
            "country": self.country,
            "statute": self.statute,
            "since": self.starts.isoformat(),
            "until": self.until.isoformat(),
            "first_until": self.first_until.isoformat(),
            "extensions": [
                {"until": e.until.isoformat(), "reason": e.reason, "by": e.by, "on": e.on.isoformat()}
                for e in self.extensions
            ],
            "extensions_left": self.extensions_left,
            "requester": self.requester,
            "requester_reference": self.requester_reference,
            "state": self.state(today),
            "ended_on": _iso(self.ended_on(today)),
            "ended": None
            if self.ended is None
            else {
                "on": self.ended.on.isoformat(),
                "how": self.ended.how,
                "reason": self.ended.reason,
                "case_id": self.ended.case_id,
                "reference": self.ended.reference,
            },
            "linked_demands": [
                {
                    "case_id": d.case_id,
                    "reference": d.reference,
                    "received": d.received.isoformat(),
                    "identifiers": list(d.identifiers),
                    "outcome": d.outcome,
                    "answered_on": _iso(d.answered_on),
                }
                for d in self.linked
            ],
        }

    def link_json(self, demand_case_id: str, today: date) -> HoldLinkJson:
        """The hold as a later demand's facts and assessment show it."""
        named = next((d.identifiers for d in self.linked if d.case_id == demand_case_id), ())
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "requester": self.requester,
            "requester_reference": self.requester_reference,
            "statute": self.statute,
            "identifiers": list(named),
            "since": self.starts.isoformat(),
            "until": self.until.isoformat(),
            "state": self.state(today),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
