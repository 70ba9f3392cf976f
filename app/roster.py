"""The team's roster as it travels between workstations: a log of roster changes.

A team has one roster. Each enrolment, role change and removal, on whichever
workstation it was made, is a ``RosterEvent`` with an id of its own; every workstation
keeps every event it knows and publishes them to the share, and the reviewers it lists
are those events folded in order (``fold``): by a Lamport sequence, each event one more
than any its workstation knew when it was made, so a change always follows what it
changed even when clocks disagree or tie; concurrent changes by their time. Merging is a union, so two
workstations that have read the same events list the same reviewers, whatever the
order they read them in. What is personal to a workstation stays there: PINs (each
reviewer sets their own on each workstation) and the wrong-PIN lockout.

Events read from the share are checked (``admit``) before they join the log: signed by
the workstation that made it, which the roster admits with that public key (an
``admitted`` event, made by an administrator on an admitted workstation; the team's
first workstation admits itself when the team key is made, and the team key file carries
the roster to every workstation that joins); a well-formed name, a known action, an actor
who is one of the team's administrators, no name that looks like another reviewer's.
Each event is signed on its own, not the file that carries it: a file holds every event
its writer knows, most of them made elsewhere, and each must still say who made it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypedDict

from app import signing
from app.jsontypes import JsonValue
from app.reviewers import MAX_NAME, Role, RosterError, confusable_with, normalise_name

FORMAT = 1
KIND = "demand-desk-roster"
# A roster file is small (a team of hundreds changes its roster a few times a week);
# these bounds keep a hostile file from exhausting memory before it is refused.
MAX_FILE_BYTES = 4 << 20
MAX_EVENTS = 20_000
MAX_SEQ = 2**53
_ID = re.compile(r"[0-9a-f]{32}")


class Action(StrEnum):
    ENROLLED = "enrolled"
    ROLE_CHANGED = "role_changed"
    REMOVED = "removed"
    ADMITTED = "admitted"  # a workstation (``name``) joins the roster with its public key (``key``)


def not_admitted(workstation: str) -> str:
    """Why anything signed by a workstation the roster does not admit is refused."""
    return (
        f"workstation {workstation} is not admitted to the team roster; "
        f"an administrator runs `team admit {workstation}`"
    )


class RosterEventJson(TypedDict):
    """One change as a roster file holds it."""

    id: str
    seq: int
    at: str
    workstation: str
    actor: str | None
    action: str
    name: str
    role: str | None
    key: str | None
    sig: str | None


@dataclass(frozen=True)
class RosterEvent:
    id: str
    seq: int  # one more than every event the making workstation knew: causal order
    at: str  # ISO 8601 with offset, the clock of the workstation that made the change
    workstation: str
    actor: str | None  # the administrator who made the change; None when a workstation is set up
    action: Action
    name: str
    role: Role | None  # for enrolled and role_changed
    key: str | None = None  # for admitted: the workstation's Ed25519 public key (base64)
    sig: str | None = None  # the making workstation's signature of ``signed_bytes``

    @classmethod
    def new(
        cls,
        *,
        after: Iterable[RosterEvent],
        at: str,
        workstation: str,
        actor: str | None,
        action: Action,
        name: str,
        role: Role | None,
        key: str | None = None,
    ) -> RosterEvent:
        """A change made now, ordered after every event in ``after`` (the log as known here)."""
        seq = max((e.seq for e in after), default=0) + 1
        return cls(uuid.uuid4().hex, seq, at, workstation, actor, action, name, role, key)

    def signed_bytes(self) -> bytes:
        """What the making workstation signs: every field but the signature, in one spelling."""
        doc = {k: v for k, v in self.to_json().items() if k != "sig"}
        text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return b"demand-desk roster event v1\n" + text.encode("utf-8")

    def signed_with(self, sig: str) -> RosterEvent:
        return RosterEvent(**{**self.__dict__, "sig": sig})

    def to_json(self) -> RosterEventJson:
        return {
            "id": self.id,
            "seq": self.seq,
            "at": self.at,
            "workstation": self.workstation,
            "actor": self.actor,
            "action": self.action.value,
            "name": self.name,
            "role": self.role.value if self.role else None,
            "key": self.key,
            "sig": self.sig,
        }

    @classmethod
    def from_json(cls, doc: JsonValue) -> RosterEvent:
        """An event as a roster file holds it, checked field by field (RosterError says what is wrong)."""
        if not isinstance(doc, dict):
            raise RosterError("a roster event is not a JSON object")
        try:
            event_id, seq, at = doc["id"], doc["seq"], doc["at"]
            workstation, actor = doc["workstation"], doc["actor"]
            action, name, role = doc["action"], doc["name"], doc["role"]
        except KeyError as exc:
            raise RosterError(f"a roster event has no {exc.args[0]}") from None
        if not (isinstance(event_id, str) and _ID.fullmatch(event_id)):
            raise RosterError("a roster event has no valid id")
        if type(seq) is not int or not 0 <= seq <= MAX_SEQ:
            raise RosterError(f"roster event {event_id} has no valid sequence number")
        if not isinstance(at, str) or not _moment(at):
            raise RosterError(f"roster event {event_id} has no valid time")
        workstation = _named(workstation, "workstation", event_id)
        name = _named(name, "name", event_id)
        if actor is not None and (not isinstance(actor, str) or len(actor) > MAX_NAME):
            raise RosterError(f"roster event {event_id} has no valid actor")
        try:
            if not isinstance(action, str) or not (role is None or isinstance(role, str)):
                raise ValueError(action, role)
            act = Action(action)
            rank = None if role is None else Role(role)
        except ValueError:
            raise RosterError(f"roster event {event_id} has an unknown action or role") from None
        if (rank is None) != (act in (Action.REMOVED, Action.ADMITTED)):
            raise RosterError(f"roster event {event_id} has a role where it needs none, or lacks one")
        key, sig = doc.get("key"), doc.get("sig")
        if (act is Action.ADMITTED) != (key is not None) or (
            key is not None and (not isinstance(key, str) or signing.public_raw(key) is None)
        ):
            raise RosterError(f"roster event {event_id} has a public key where it needs none, or lacks one")
        if sig is not None and (not isinstance(sig, str) or len(sig) > 128):
            raise RosterError(f"roster event {event_id} has no valid signature")
        return cls(event_id, seq, at, workstation, actor, act, name, rank, key, sig)

    @property
    def order(self) -> tuple[int, datetime, str]:
        return (self.seq, _moment(self.at) or datetime.min.replace(tzinfo=UTC), self.id)


@dataclass(frozen=True)
class Standing:
    """One reviewer as the team's roster has them."""

    name: str
    role: Role
    enrolled_at: str
    enrolled_by: str | None
    workstation: str  # where they were first enrolled
    removed_at: str | None = None
    removed_by: str | None = None


def _named(value: JsonValue, what: str, event_id: str) -> str:
    """A roster event's workstation or name: a short, non-empty text."""
    if not isinstance(value, str) or not value or len(value) > MAX_NAME:
        raise RosterError(f"roster event {event_id} has no valid {what}")
    return value


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _key(name: str) -> str:
    return name.casefold()


def fold(events: Iterable[RosterEvent]) -> dict[str, Standing]:
    """Every reviewer the events name, keyed by case-folded name: the later change (in
    ``order``) wins, a removal is final, and the first enrolment says when, where and by whom."""
    team: dict[str, Standing] = {}
    for event in sorted(events, key=lambda e: e.order):
        if event.action is Action.ADMITTED:
            continue  # a workstation, not a reviewer
        key = _key(event.name)
        known = team.get(key)
        if event.action is Action.ENROLLED and known is None:
            assert event.role is not None
            team[key] = Standing(event.name, event.role, event.at, event.actor, event.workstation)
        elif known is None or known.removed_at is not None:
            continue  # a change to someone not (or no longer) on the roster changes nothing
        elif event.action is Action.REMOVED:
            team[key] = replace(known, removed_at=event.at, removed_by=event.actor)
        else:
            assert event.role is not None
            team[key] = replace(known, role=event.role)
    return team


def workstations(events: Iterable[RosterEvent]) -> dict[str, str]:
    """Every workstation the roster admits, with its public key: the first admission of a name
    holds (a later one with another key is refused before it joins the log)."""
    found: dict[str, str] = {}
    for event in sorted(events, key=lambda e: e.order):
        if event.action is Action.ADMITTED and event.key and event.name not in found:
            found[event.name] = event.key
    return found


def admit(
    known: Iterable[RosterEvent],
    incoming: Iterable[RosterEvent],
    *,
    own: tuple[str, str] | None = None,
) -> tuple[list[RosterEvent], list[tuple[RosterEvent, str]]]:
    """Which of ``incoming`` join the log, and the others with the reason they are refused.

    Refused: an event not signed by the workstation it names with the key the roster
    admits it with (``own``: this workstation's name and key, which it trusts whether or
    not it is admitted yet), a name that is not a reviewer name as this workstation would
    store it, one that looks like a different reviewer's name, and a change made by
    someone who was never one of the team's administrators (a workstation's set-up, with
    no actor, enrols its own first administrator).

    An admission can come after, in order, the changes made on the workstation it admits
    (they were made before anyone admitted it): the refused are tried again after each
    pass that admitted a workstation.
    """
    log = {e.id: e for e in known}
    accepted: list[RosterEvent] = []
    unique = {e.id: e for e in incoming if e.id not in log}
    waiting = sorted(unique.values(), key=lambda e: e.order)
    while True:
        refused: list[tuple[RosterEvent, str]] = []
        admitted_one = False
        for event in waiting:
            reason = _refusal(event, list(log.values()), own)
            if reason:
                refused.append((event, reason))
                continue
            log[event.id] = event
            accepted.append(event)
            admitted_one = admitted_one or event.action is Action.ADMITTED
        if not (admitted_one and refused):
            return accepted, refused
        waiting = [e for e, _ in refused]


def _refusal(event: RosterEvent, log: list[RosterEvent], own: tuple[str, str] | None) -> str | None:
    known = workstations(log)
    if own is not None:
        known[own[0]] = own[1]
    public = known.get(event.workstation)
    if public is None:
        return not_admitted(event.workstation)
    if not event.sig:
        return f"it is not signed by {event.workstation}, where it says it was made"
    if not signing.verify(public, event.signed_bytes(), event.sig):
        return f"its signature is not {event.workstation}'s (forged, or altered after it was signed)"
    if event.action is Action.ADMITTED:
        return _admission_refusal(event, log, known)
    try:
        if normalise_name(event.name) != event.name:
            return f"the name {event.name!r} is not written as a reviewer name is stored"
    except RosterError as exc:
        return str(exc)
    team = fold(log)
    if event.action is Action.ENROLLED:
        look_alike = confusable_with(event.name, [s.name for s in team.values()])
        if look_alike:
            return f"{event.name!r} looks like the reviewer {look_alike!r}, who is on the roster already"
        if event.actor is None:
            return None
    elif _key(event.name) not in team:
        return f"it changes {event.name!r}, who is not on the roster"
    return _not_an_administrator(event, log)


def _not_an_administrator(event: RosterEvent, log: list[RosterEvent]) -> str | None:
    administrators = {_key(e.name) for e in log if e.role is Role.ADMINISTRATOR}
    if event.actor is None or _key(event.actor) not in administrators:
        return f"it was made by {event.actor or 'nobody'}, who is not one of the team's administrators"
    return None


def _admission_refusal(event: RosterEvent, log: list[RosterEvent], known: dict[str, str]) -> str | None:
    if not event.name or len(event.name) > MAX_NAME:
        return "it admits a workstation with no valid name"
    admitted = workstations(log)
    if event.name in admitted and admitted[event.name] != event.key:
        return (
            f"it admits {event.name} with another key than the roster has for it "
            f"({signing.fingerprint(event.key or '')}, not {signing.fingerprint(admitted[event.name])})"
        )
    if not admitted:
        # The team's first workstation admits itself when the team key is made; everyone else
        # learns of it from the team key file, not from the share.
        return "it founds a roster this workstation already has from the team key file"
    return _not_an_administrator(event, log)


# -- the file on the share ---------------------------------------------------------------


@dataclass(frozen=True)
class RosterFile:
    """A decrypted roster file: its writer's claim (name and public key) and its events."""

    workstation: str | None
    key: str | None
    events: list[RosterEvent]

    def writer_proven(self) -> bool:
        """The file names a key, and holds an event of its writer signed with it: a request to
        join that at least proves it holds the key it asks to be admitted with."""
        if not self.workstation or not self.key:
            return False
        return any(
            e.workstation == self.workstation and e.sig and signing.verify(self.key, e.signed_bytes(), e.sig)
            for e in self.events
        )


def encode(events: Iterable[RosterEvent], *, workstation: str, written: str, key: str | None = None) -> bytes:
    """A roster file's plaintext: every event the workstation knows (sealed by the caller), and
    the writer's public key, so that an administrator can admit a workstation that is new."""
    doc = {
        "format": FORMAT,
        "kind": KIND,
        "workstation": workstation,
        "key": key,
        "written": written,
        "events": [e.to_json() for e in sorted(events, key=lambda e: e.order)],
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode(plain: bytes) -> list[RosterEvent]:
    """The events of a decrypted roster file; RosterError when it is not one we can trust."""
    return decode_file(plain).events


def decode_file(plain: bytes) -> RosterFile:
    """A decrypted roster file; RosterError when it is not one we can read."""
    if len(plain) > MAX_FILE_BYTES:
        raise RosterError(f"it is larger than {MAX_FILE_BYTES >> 20} MiB")
    try:
        doc = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RosterError("it is not a roster file (not JSON)") from None
    if not isinstance(doc, dict) or doc.get("kind") != KIND:
        raise RosterError("it is not a roster file")
    fmt = doc.get("format")
    if type(fmt) is not int or fmt < 1:
        raise RosterError("it has no format version")
    if fmt > FORMAT:
        raise RosterError(f"it was written by a newer Demand Desk (roster format {fmt}); update this one")
    events = doc.get("events")
    if not isinstance(events, list) or len(events) > MAX_EVENTS:
        raise RosterError(f"it does not hold a list of at most {MAX_EVENTS} events")
    writer, key = doc.get("workstation"), doc.get("key")
    writer = writer if isinstance(writer, str) and 0 < len(writer) <= MAX_NAME else None
    key = key if signing.public_raw(key) is not None else None
    return RosterFile(writer, key, [RosterEvent.from_json(e) for e in events])
