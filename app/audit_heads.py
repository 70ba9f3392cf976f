"""Signed audit chain heads: the trail held to something outside the store.

The local anchor (app/audit.py ``check_anchor``) lives in the store, so whoever holds the
store key can rewrite it with the trail. A *head* is signed with the workstation's own
key (app/signing.py) and published on the share at every sync that changed the trail; it
says:

- where the workstation's chain stood (``seq``, ``hash``) and how many heads it has
  published (``number``), so a later head that stands behind an earlier one, or two
  different heads with one number, show a trail put back or rewritten;
- the newest version it holds of each case, with how many audit events that version
  holds and the SHA-256 of their identities, so a version that is missing from the share,
  or a later version that holds fewer events, shows something withheld;
- the newest head it holds of each other workstation (``holds``), so a workstation learns
  what its colleagues hold of its own trail, and its ``audit verify`` fails when its chain
  no longer has those events (a store put back to an older copy, a trail cut or rewritten
  together with its anchor).

A head is trusted only when the team's roster admits its workstation with the key that
signed it. What a head cannot do: someone holding a workstation's passphrase *and* its
signing key can publish heads as that workstation; only the heads the others already hold
then stand against a rewrite.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from app import signing
from app.audit import Problem
from app.bundle.format import CASE_ID, VERSION_ID, BundleError, load_json, whole_number
from db.store import Row

FORMAT = 1
_SIGNED = b"demand-desk audit head v1\n"
EXTENSION = ".ddh"
MAX_HEAD_BYTES = 64 << 20
MAX_CASES = 200_000
MAX_HOLDS = 1_000
MAX_NAME = 200
HASH = re.compile(r"[0-9a-f]{64}")


class HeadError(Exception):
    """A head that is refused; the message says why, in words a reviewer can act on."""


def events_digest(event_ids: Iterable[str]) -> str:
    """The SHA-256 of a version's audit event identities (order does not matter)."""
    return hashlib.sha256("\n".join(sorted(set(event_ids))).encode("ascii")).hexdigest()


class Listed(TypedDict):
    """A case as a head lists it: its version here and that version's audit events."""

    version: str
    events: int | None  # how many; None from before heads counted them
    digest: str | None  # events_digest of their identities; None likewise


class Held(TypedDict):
    """The newest head held of another workstation."""

    number: int
    seq: int
    hash: str


class HeadBody(TypedDict):
    """A head file's fields but its signature (what the workstation signs)."""

    format: int
    workstation: str
    key: str
    number: int
    written: str
    seq: int
    hash: str
    cases: dict[str, Listed]
    holds: dict[str, Held]


@dataclass(frozen=True)
class Head:
    workstation: str
    key: str  # the signing key's public half, as the roster writes it
    number: int
    written: str
    seq: int
    hash: str
    # case id -> {"version": id, "events": count or None, "digest": hex or None}
    cases: dict[str, Listed] = field(default_factory=dict)
    # workstation -> {"number": n, "seq": s, "hash": h}: the newest head held of each other one
    holds: dict[str, Held] = field(default_factory=dict)
    signature: str = ""

    def body(self) -> HeadBody:
        return {
            "format": FORMAT,
            "workstation": self.workstation,
            "key": self.key,
            "number": self.number,
            "written": self.written,
            "seq": self.seq,
            "hash": self.hash,
            "cases": self.cases,
            "holds": self.holds,
        }

    def signed_bytes(self) -> bytes:
        """What the workstation signs: every field but the signature, in one spelling."""
        text = json.dumps(self.body(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return _SIGNED + text.encode("utf-8")

    def encode(self) -> bytes:
        return json.dumps({**self.body(), "signature": self.signature}, sort_keys=True).encode("utf-8")

    def said(self) -> str:
        return f"{self.workstation}'s audit head {self.number} (written {self.written})"


def decode(untrusted: bytes) -> Head:
    """A head read from the share, every field checked and bounded; its signature is not."""
    if len(untrusted) > MAX_HEAD_BYTES:
        raise HeadError(f"it is larger than {MAX_HEAD_BYTES >> 20} MiB")
    try:
        doc = load_json(untrusted, "it")
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise HeadError("it is not an audit head this Demand Desk reads (format)")
        cases = doc["cases"]
        holds = doc["holds"]
        if not isinstance(cases, dict) or len(cases) > MAX_CASES:
            raise HeadError("its list of cases is not one, or too long")
        if not isinstance(holds, dict) or len(holds) > MAX_HOLDS:
            raise HeadError("its list of heads held is not one, or too long")
        return Head(
            workstation=_text(doc["workstation"], "workstation"),
            key=_text(doc["key"], "key"),
            number=whole_number(doc["number"], "its number", low=1),
            written=_text(doc["written"], "time written"),
            seq=whole_number(doc["seq"], "its event number"),
            hash=_hash(doc["hash"]),
            cases={_case_id(k): _listed(v) for k, v in cases.items()},
            holds={_text(k, "workstation held"): _held(v) for k, v in holds.items()},
            signature=_text(doc["signature"], "signature"),
        )
    except BundleError as exc:
        raise HeadError(str(exc)) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise HeadError(f"it is incomplete or malformed ({exc})") from None


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_NAME:
        raise ValueError(f"bad {what}")
    return value


def _hash(value: object) -> str:
    if not isinstance(value, str) or not HASH.fullmatch(value):
        raise ValueError("bad hash")
    return value


def _case_id(value: object) -> str:
    if not isinstance(value, str) or not CASE_ID.fullmatch(value):
        raise ValueError("bad case id")
    return value


def _listed(value: object) -> Listed:
    if not isinstance(value, dict) or not isinstance(value.get("version"), str):
        raise ValueError("bad case entry")
    if not VERSION_ID.fullmatch(value["version"]):
        raise ValueError("bad version id")
    events, digest = value.get("events"), value.get("digest")
    return {
        "version": value["version"],
        "events": None if events is None else whole_number(events, "an event count"),
        "digest": None if digest is None else _hash(digest),
    }


def _held(value: object) -> Held:
    if not isinstance(value, dict):
        raise ValueError("bad head held")
    return {
        "number": whole_number(value.get("number"), "a head's number", low=1),
        "seq": whole_number(value.get("seq"), "a head's event number"),
        "hash": _hash(value.get("hash")),
    }


def check_signer(head: Head, *, here: str, own_key: str, admitted: Mapping[str, str]) -> None:
    """Raise HeadError unless the roster (or, for this workstation's own head, its own key)
    vouches for the key that signed ``head``."""
    if head.workstation == here:
        expected = own_key
        if head.key != own_key:
            raise HeadError(
                f"it claims to be this workstation's ({here}) but names another signing key: "
                "someone wrote it in this workstation's name"
            )
    else:
        admitted_key = admitted.get(head.workstation)
        if admitted_key is None:
            raise HeadError(
                f"{head.workstation} is not admitted to the team roster, so its audit head is not "
                "trusted (an administrator admits it with `team admit`)"
            )
        expected = admitted_key
        if head.key != expected:
            raise HeadError(
                f"it names a signing key for {head.workstation} ({signing.fingerprint(head.key)}) that "
                f"the team roster does not admit ({signing.fingerprint(expected)})"
            )
    if not signing.verify(expected, head.signed_bytes(), head.signature):
        raise HeadError(f"its signature is not {head.workstation}'s: it was forged or altered")


# -- what heads show ---------------------------------------------------------------------------


def _said(row: Row) -> str:
    return f"{row['workstation']}'s audit head {row['number']} (written {row['written']})"


def regressions(earlier: Row, later: Row) -> list[tuple[str | None, str]]:
    """How ``later`` (a head with a higher number) goes back on ``earlier``, both of one
    workstation: (case id or None, what), empty when it does not."""
    found: list[tuple[str | None, str]] = []
    if later["seq"] < earlier["seq"]:
        found.append(
            (
                None,
                f"{_said(later)} is at event {later['seq']}, behind its head {earlier['number']} at event "
                f"{earlier['seq']}: its audit trail went backwards (cut, or put back to an older copy)",
            )
        )
    elif later["seq"] == earlier["seq"] and later["hash"] != earlier["hash"]:
        found.append(
            (
                None,
                f"{_said(later)} and its head {earlier['number']} are both at event {later['seq']} with "
                "different hashes: its audit trail was rewritten",
            )
        )
    for case_id, was in sorted(earlier["cases"].items()):
        now = later["cases"].get(case_id)
        if now is None:
            found.append(
                (
                    case_id,
                    f"{_said(later)} no longer lists this case, which its head {earlier['number']} listed "
                    f"(version {was['version']}): the case was withheld or rolled back",
                )
            )
        elif was["events"] is not None and now["events"] is not None and now["events"] < was["events"]:
            found.append(
                (
                    case_id,
                    f"{_said(later)} lists {now['events']} audit event(s) for this case, fewer than the "
                    f"{was['events']} its head {earlier['number']} listed: events were withheld or "
                    "rolled back",
                )
            )
        elif now["version"] == was["version"] and None not in (now["digest"], was["digest"]):
            if now["digest"] != was["digest"]:
                found.append(
                    (
                        case_id,
                        f"{_said(later)} lists version {now['version']} with other audit events than its "
                        f"head {earlier['number']} did: the version was rewritten",
                    )
                )
    return found


def twin_problem(one: Row, other: Row) -> str | None:
    """Two heads of one workstation with one number must be the same head."""
    same = (one["seq"], one["hash"], one["cases"]) == (other["seq"], other["hash"], other["cases"])
    if same:
        return None
    return (
        f"{one['workstation']} published two different audit heads numbered {one['number']} "
        f"(at events {other['seq']} and {one['seq']}): its trail was put back and published again"
    )


def chain_claims(here: str, heads: Iterable[Row]) -> list[tuple[int, str, str]]:
    """Every place (seq, hash, who says so) this workstation's chain must still pass through:
    its own published heads, and what each colleague's newest head holds of it."""
    claims: dict[tuple[int, str], str] = {}
    newest: dict[str, Row] = {}
    for row in heads:
        if row["workstation"] == here:
            claims.setdefault(
                (row["seq"], row["hash"]),
                f"this workstation's audit head {row['number']}, published {row['written']},",
            )
        else:
            newest[row["workstation"]] = row  # rows come oldest number first
    for name, row in sorted(newest.items()):
        held = row["holds"].get(here)
        if held:
            claims.setdefault(
                (held["seq"], held["hash"]),
                f"{name} holds this workstation's audit head {held['number']}, which",
            )
    return [(seq, digest, who) for (seq, digest), who in sorted(claims.items())]


def chain_problems(hashes: Mapping[int, str], claims: Iterable[tuple[int, str, str]]) -> list[Problem]:
    """Where the chain (seq -> hash) no longer passes through what was published of it."""
    last = max(hashes, default=0)
    found = []
    for seq, digest, who in claims:
        if seq == 0:
            continue
        if seq not in hashes:
            found.append(
                Problem(
                    None,
                    None,
                    f"{who} is at event {seq}, but the trail ends at event {last}: events were cut off or "
                    "wiped, or the store was put back to an older copy",
                    seq,
                )
            )
        elif hashes[seq] != digest:
            found.append(
                Problem(
                    None,
                    None,
                    f"{who} is at event {seq}, but the trail's event {seq} is another one: the trail was "
                    "rewritten, or the store was put back to an older copy",
                    seq,
                )
            )
    return found
