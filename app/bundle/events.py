"""A case's audit events in a bundle, and how they join another store's chain.

Each store keeps one hash chain of all its events (app/audit.py). A case's events are
scattered along it, between other cases' events, so a bundle cannot carry "the case's
chain"; it carries each event with its *identity*: the hash it got in the chain where
it was first recorded, plus that chain's sequence number and previous hash. Anyone can
recompute that hash from the event, so an edited event is caught, and the identity
never changes however many workstations the event passes through.

On import the events a store does not yet hold (by identity) are appended to its own
chain in (time, identity) order: each gets the next sequence number and is chained to
the store's newest event, and keeps its identity in ``origin_*`` columns that the new
hash covers too. ``audit verify`` therefore holds on every workstation, and merging is a
plain union by identity: the same event arriving twice is added once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict

from app import audit
from app.bundle.format import MAX_EVENTS, BundleError, json_object, load_json, whole_number
from app.context import set_audit_head
from app.jsontypes import JsonObject
from db import Store, sync_state
from db.store import dumps


class EventJson(TypedDict):
    """One line of a bundle's audit.jsonl."""

    id: str
    seq: int
    prev_hash: str
    at: str
    reviewer: str
    workstation: str
    case_id: str
    action: str
    payload: JsonObject


@dataclass(frozen=True)
class Event:
    id: str  # the hash in the event's first chain
    seq: int  # its sequence number there
    prev_hash: str  # and the hash before it there
    at: str
    reviewer: str
    workstation: str
    case_id: str
    action: str
    payload: JsonObject

    def to_json(self) -> EventJson:
        return {
            "id": self.id,
            "seq": self.seq,
            "prev_hash": self.prev_hash,
            "at": self.at,
            "reviewer": self.reviewer,
            "workstation": self.workstation,
            "case_id": self.case_id,
            "action": self.action,
            "payload": self.payload,
        }

    def recomputed(self) -> str:
        return audit.event_hash(
            seq=self.seq,
            at=self.at,
            reviewer=self.reviewer,
            workstation=self.workstation,
            case_id=self.case_id,
            action=self.action,
            payload=self.payload,
            prev_hash=self.prev_hash,
        )


def _sort_key(event: Event) -> tuple[str, str]:
    return (event.at, event.id)


def case_events(store: Store, case_id: str) -> list[Event]:
    """The case's events as this store holds them, each under its first identity."""
    events = []
    for row in store.audit_events(case_id):
        origin = audit.origin_of(row)
        events.append(
            Event(
                id=origin["id"] if origin else row["hash"],
                seq=int(origin["seq"] if origin else row["seq"]),
                prev_hash=origin["prev_hash"] if origin else row["prev_hash"],
                at=row["at"],
                reviewer=row["reviewer"],
                workstation=row["workstation"],
                case_id=row["case_id"],
                action=row["action"],
                payload=json.loads(row["payload"]),
            )
        )
    return sorted(events, key=_sort_key)


def to_jsonl(events: Iterable[Event]) -> bytes:
    return b"".join(dumps(e.to_json()).encode("utf-8") + b"\n" for e in events)


def read_jsonl(untrusted: bytes, case_id: str) -> list[Event]:
    """Parse and check every event: each hash recomputes, each belongs to this case, none twice."""
    try:
        lines = untrusted.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise BundleError("its audit events are not UTF-8 text") from None
    if len(lines) > MAX_EVENTS:
        raise BundleError(f"it holds more than {MAX_EVENTS} audit events")
    events: list[Event] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        try:
            doc = json_object(load_json(line, f"audit event {number}"))
            event = Event(
                id=str(doc["id"]),
                seq=whole_number(doc["seq"], f"audit event {number}'s sequence number", low=1),
                prev_hash=str(doc["prev_hash"]),
                at=str(doc["at"]),
                reviewer=str(doc["reviewer"]),
                workstation=str(doc["workstation"]),
                case_id=str(doc["case_id"]),
                action=str(doc["action"]),
                payload=json_object(doc["payload"]),
            )
        except (ValueError, KeyError, TypeError):
            raise BundleError(f"audit event {number} cannot be read") from None
        if event.case_id != case_id:
            raise BundleError(f"audit event {number} belongs to another case")
        if event.recomputed() != event.id:
            raise BundleError(f"audit event {number} ({event.action}, {event.at}) was altered")
        if event.id in seen:
            raise BundleError(f"audit event {number} appears twice")
        seen.add(event.id)
        events.append(event)
    return events


def append_new(store: Store, events: Iterable[Event]) -> int:
    """Add to this store's chain the events it does not hold yet; the caller's transaction."""
    events = list(events)
    with store.atomic():
        held = set().union(*(sync_state.case_event_ids(store, c) for c in {e.case_id for e in events}))
        added = 0
        for event in sorted((e for e in events if e.id not in held), key=_sort_key):
            _append(store, event)
            held.add(event.id)
            added += 1
    return added


def _append(store: Store, event: Event) -> None:
    last = store.audit_last()
    seq = (last["seq"] if last else 0) + 1
    prev_hash = last["hash"] if last else audit.GENESIS
    origin: audit.Origin = {"id": event.id, "seq": event.seq, "prev_hash": event.prev_hash}
    digest = audit.event_hash(
        seq=seq,
        at=event.at,
        reviewer=event.reviewer,
        workstation=event.workstation,
        case_id=event.case_id,
        action=event.action,
        payload=event.payload,
        prev_hash=prev_hash,
        origin=origin,
    )
    store.insert_audit(
        {
            "seq": seq,
            "at": event.at,
            "reviewer": event.reviewer,
            "workstation": event.workstation,
            "case_id": event.case_id,
            "action": event.action,
            "payload": dumps(event.payload),
            "prev_hash": prev_hash,
            "hash": digest,
            "origin_id": event.id,
            "origin_seq": event.seq,
            "origin_prev": event.prev_hash,
        }
    )
    set_audit_head(store, seq, digest)
