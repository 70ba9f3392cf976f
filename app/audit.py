"""The hash-chained audit trail: how an event is hashed, and how a chain is verified.

Each event's hash covers its own fields and the previous event's hash, so editing,
removing or reordering any event breaks every hash after it. The newest event's
sequence number and hash are also kept as the chain's head, so cutting events off the
end is caught too.

An event imported from another workstation (app/bundle/events.py) is appended to this
chain like any other, and also keeps its *origin*: the hash, sequence number and
previous hash it had in the chain where it was first recorded. Its hash here covers
the origin as well, so the origin cannot be edited unnoticed either; events without
one hash exactly as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypedDict

from db.store import Row

GENESIS = "0" * 64


class Origin(TypedDict):
    """Where an imported event was first recorded: its hash, sequence number and previous hash there."""

    id: str
    seq: int
    prev_hash: str


def event_hash(
    *,
    seq: int,
    at: str,
    reviewer: str,
    workstation: str,
    case_id: str | None,
    action: str,
    payload: Mapping[str, object],
    prev_hash: str,
    origin: Origin | None = None,
) -> str:
    fields: list[object] = [seq, at, reviewer, workstation, case_id, action, payload, prev_hash]
    if origin is not None:
        fields.append(origin)
    body = json.dumps(
        fields,
        separators=(",", ":"),
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def text_digest(text: str) -> str:
    """The SHA-256 of a text an event vouches for without holding it (a letter's body)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    """One thing ``audit verify`` found wrong, naming the case (when it is about one) and what."""

    case_id: str | None
    reference: str | None
    what: str
    seq: int | None = None  # the event it is about, when there is one

    def words(self) -> str:
        where = f"Case {self.reference or self.case_id}: " if self.case_id else ""
        named = self.seq is None or f"event {self.seq}" in self.what
        return f"{where}{self.what}" + ("" if named else f" (event {self.seq})")


@dataclass(frozen=True)
class ChainReport:
    """The chain's verdict (``problem``, ``first_bad_seq``: the first event that does not fit)
    and everything else found wrong: the anchor, the replay against the case tables."""

    ok: bool
    events: int
    first_bad_seq: int | None = None
    problem: str | None = None
    # Everything found, the chain's break first: what ``audit verify --json`` lists.
    problems: tuple[Problem, ...] = ()

    def lines(self) -> list[str]:
        """Every problem in words."""
        return [p.words() for p in self.problems]


def origin_of(row: Row) -> Origin | None:
    """The origin an imported event carries in its hash, or None for an event made here."""
    if row.get("origin_id") is None:
        return None
    return {"id": row["origin_id"], "seq": row["origin_seq"], "prev_hash": row["origin_prev"]}


def verify_chain(rows: Iterable[Row], head: tuple[int, str] | None) -> ChainReport:
    """Walk the events in sequence order; name the first one that does not fit.

    ``rows`` are stored events (payload as stored JSON text); ``head`` is the recorded
    (seq, hash) of the newest event, or None for a store that has never recorded one.
    """
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    for row in rows:
        seq = int(row["seq"])
        if seq != expected_seq:
            missing = "removed" if seq > expected_seq else "out of order"
            return ChainReport(False, count, expected_seq, f"event {expected_seq} is {missing}")
        if row["prev_hash"] != prev_hash:
            return ChainReport(False, count, seq, f"event {seq} does not follow event {seq - 1}")
        try:
            payload = json.loads(row["payload"])
        except (TypeError, ValueError):
            return ChainReport(False, count, seq, f"event {seq} has an unreadable payload")
        recomputed = event_hash(
            seq=seq,
            at=row["at"],
            reviewer=row["reviewer"],
            workstation=row["workstation"],
            case_id=row["case_id"],
            action=row["action"],
            payload=payload,
            prev_hash=row["prev_hash"],
            origin=origin_of(row),
        )
        if recomputed != row["hash"]:
            return ChainReport(False, count, seq, f"event {seq} was edited")
        prev_hash = row["hash"]
        expected_seq += 1
        count += 1
    if head is not None:
        head_seq, head_hash = head
        if head_seq != count or head_hash != prev_hash:
            if head_seq > count:
                return ChainReport(False, count, count + 1, f"events {count + 1}..{head_seq} were removed")
            return ChainReport(False, count, head_seq, "the chain's recorded head does not match")
    elif count:
        return ChainReport(False, count, 1, "the chain's head record is missing")
    return ChainReport(True, count)


def check_anchor(rows: Iterable[Row], anchor: tuple[int, str]) -> Problem | None:
    """Does the chain still extend the head this workstation saw whole (its last verify or sync)?

    Catches a tail cut off together with the recorded head, a re-chaining from some event
    up to the anchor, and a wiped trail, which the chain alone cannot tell from a short
    one. It does not catch someone who rewrites the anchor too: it lives in the same store
    (settings ``audit_anchor``), so it holds against a careless or partial edit, not
    against a key holder who rewrites everything; heads signed and published to the share
    are what will hold against that.
    """
    seq, digest = anchor
    last = 0
    for row in rows:
        last = int(row["seq"])
        if last == seq:
            if row["hash"] != digest:
                return Problem(
                    None,
                    None,
                    f"event {seq} is not the one this workstation last verified: the trail was rewritten",
                    seq,
                )
            return None
        if last > seq:
            return Problem(None, None, f"event {seq}, which this workstation last verified, is missing", seq)
    return Problem(
        None,
        None,
        f"the trail ends at event {last} but this workstation last verified it up to event {seq}: "
        "events were cut off or wiped",
        seq,
    )
