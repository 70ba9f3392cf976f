"""Signed audit heads on the shared folder: read the colleagues', publish this workstation's
(app/audit_heads.py says what a head is and what it shows).

Sync reads the heads not read yet before it reads any case. A workstation publishes its
cases first and its head last, so a version a head lists was on the share before the head
was, and is still there when this workstation looks, unless someone took it away. It
publishes its own head last, and only when the sync met no error and its own trail
verifies and still passes through everything published of it. What the heads show wrong
is reported in the sync's result and kept for ``audit verify``; nothing else changes.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypedDict

import pyrage

from app import audit_heads, roster_log
from app.audit import Problem
from app.audit_heads import Head, HeadError, Held, Listed
from app.bundle import pack as bundle_pack
from app.bundle import share
from app.bundle.format import BundleError
from app.bundle.pack import Bundle
from app.services import Desk
from app.steps import Io, Steps
from app.team import TeamKey
from db import Store
from db import audit_heads as head_rows


class HeadReportJson(TypedDict):
    published: int | None
    received: list[str]
    problems: list[str]


@dataclass
class HeadReport:
    published: int | None = None  # the number of the head this sync published
    received: list[str] = field(default_factory=list)  # each colleague's head taken in, in words
    problems: list[str] = field(default_factory=list)  # what the heads showed wrong, in words
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> HeadReportJson:
        return {"published": self.published, "received": self.received, "problems": self.problems}


def read_head_file(path: Path, identities: Iterable[pyrage.x25519.Identity]) -> Head:
    """Read, decrypt and parse one head file; touches no store. Raises HeadError."""
    try:
        plain = bundle_pack.read_sealed(path, audit_heads.MAX_HEAD_BYTES, identities)
    except BundleError as exc:
        raise HeadError(str(exc)) from None
    return audit_heads.decode(plain)


def _words(store: Store, case_id: str | None, what: str) -> str:
    case = store.get_case(case_id) if case_id else None
    return Problem(case_id, case["reference"] if case else None, what).words()


def _keep(desk: Desk, kind: str, workstation: str, found: Iterable[tuple[str | None, str]]) -> list[str]:
    """Keep findings (the caller's transaction); the ones new here, in words."""
    now = desk.now()
    return [
        _words(desk.store, case_id, what)
        for case_id, what in found
        if head_rows.add_finding(desk.store, kind, workstation, case_id, what, now)
    ]


def read_steps(desk: Desk, team: TeamKey, shared: Path, report: HeadReport) -> Steps:
    """Take in every head file not read yet whose signature the roster vouches for.

    A refused head is not kept, so it is read (and refused) again at every sync, as a refused
    bundle is, until its workstation is admitted or the file is removed.
    """
    store = desk.store
    try:
        on_share = yield Io(functools.partial(share.scan_heads, shared), "Reading the audit heads")
    except share.ShareError as exc:
        report.errors.append(str(exc))
        return
    held = head_rows.files_held(store)
    waiting = [p for p in on_share if p.name not in held]
    if not waiting:
        return
    identities = list(team.identities())
    own_key = team.signing().public()
    admitted = roster_log.admitted(store)
    for path in waiting:
        try:
            head = yield Io(functools.partial(read_head_file, path, identities), f"Reading {path.name}")
            audit_heads.check_signer(head, here=desk.workstation, own_key=own_key, admitted=admitted)
        except HeadError as exc:
            report.refused.append((share.shown(shared, path), f"audit head: {exc}"))
            continue
        _take(desk, path.name, head, report)


def _take(desk: Desk, file: str, head: Head, report: HeadReport) -> None:
    store = desk.store
    row = {
        "file": file,
        "workstation": head.workstation,
        "number": head.number,
        "seq": head.seq,
        "hash": head.hash,
        "written": head.written,
        "cases": head.cases,
        "holds": head.holds,
        "read_at": desk.now(),
    }
    earlier = head_rows.heads(store, head.workstation)
    found: list[tuple[str | None, str]] = []
    for twin in (r for r in earlier if r["number"] == head.number):
        problem = audit_heads.twin_problem(row, twin)
        if problem:
            found.append((None, problem))
    before = [r for r in earlier if r["number"] < head.number]
    after = [r for r in earlier if r["number"] > head.number]
    if before:
        found += audit_heads.regressions(before[-1], row)
    if after:
        found += audit_heads.regressions(row, after[0])
    with store.atomic():
        head_rows.add_head(store, row)
        report.problems += _keep(desk, "rollback", head.workstation, found)
    if head.workstation != desk.workstation:
        report.received.append(f"{head.workstation}'s audit head {head.number} (event {head.seq})")


def check_withheld(desk: Desk, on_share: Iterable[str], report: HeadReport) -> None:
    """Every version a colleague's newest head lists must be on the share or known here.

    These findings are the last sync's only: a version put back is no longer one.
    """
    store = desk.store
    known = head_rows.ancestry_known(store) | set(on_share)
    with store.atomic():
        head_rows.clear_findings(store, "withheld")
        for name, row in sorted(head_rows.newest(store).items()):
            if name == desk.workstation:
                continue
            found: list[tuple[str | None, str]] = [
                (
                    case_id,
                    f"{name}'s audit head {row['number']} (written {row['written']}) lists version "
                    f"{listed['version']} of this case, which is not on the shared folder: it was withheld "
                    "or removed",
                )
                for case_id, listed in sorted(row["cases"].items())
                if listed["version"] not in known
            ]
            report.problems += _keep(desk, "withheld", name, found)


def bundle_problem(store: Store, bundle: Bundle) -> tuple[str, str] | None:
    """(whose head, why) when a bundle holds fewer audit events than a head already listed for
    its version or one of its ancestors (a later version holds every event of the earlier)."""
    m = bundle.manifest
    ids = {e.id for e in bundle.snapshot.events}
    for name, row in sorted(head_rows.newest(store).items()):
        listed = row["cases"].get(m.case_id)
        if not listed or listed["events"] is None:
            continue
        said = f"{name}'s signed audit head {row['number']} (written {row['written']})"
        if listed["version"] == m.version_id:
            digest = audit_heads.events_digest(ids)
            if len(ids) != listed["events"] or (listed["digest"] and digest != listed["digest"]):
                return name, (
                    f"it is not the version {said} lists: it holds {len(ids)} audit event(s) where the "
                    f"head lists {listed['events']}, or other ones"
                )
        elif listed["version"] in m.ancestors and len(ids) < listed["events"]:
            return name, (
                f"it leaves out audit events: {said} lists version {listed['version']} of this case with "
                f"{listed['events']} audit event(s), and this later version holds only {len(ids)}"
            )
    return None


def keep_bundle_problem(desk: Desk, workstation: str, case_id: str, what: str) -> None:
    """A bundle refused by ``bundle_problem``: kept for ``audit verify`` (once)."""
    with desk.store.atomic():
        _keep(desk, "omits", workstation, [(case_id, what)])


def publish_steps(desk: Desk, team: TeamKey, shared: Path, report: HeadReport) -> Steps:
    """Publish this workstation's head when its trail moved since its last one.

    Not when the trail does not verify, or no longer passes through a head published of it:
    a head behind an earlier one would only spread the damage. That is reported instead.
    """
    store = desk.store
    here = desk.workstation
    if not desk.anchor_audit():
        report.problems.append(
            "This workstation's audit trail does not verify, so its audit head was not published: "
            "run `audit verify` to see why."
        )
        return
    hashes = {int(r["seq"]): str(r["hash"]) for r in store.audit_events()}
    broken = audit_heads.chain_problems(hashes, audit_heads.chain_claims(here, head_rows.heads(store)))
    if broken:
        report.problems += [p.words() for p in broken]
        report.problems.append("This workstation's audit head was not published: run `audit verify`.")
        return
    last = store.audit_last()
    if last is None:
        return
    cases: dict[str, Listed] = {
        r["case_id"]: {"version": r["version"], "events": r["events"], "digest": r["digest"]}
        for r in head_rows.listed_versions(store)
    }
    own = head_rows.heads(store, here)
    if own and (own[-1]["seq"], own[-1]["hash"], own[-1]["cases"]) == (last["seq"], last["hash"], cases):
        return  # nothing moved: the head on the share still says it (what it holds of others waits)
    holds: dict[str, Held] = {
        name: {"number": row["number"], "seq": row["seq"], "hash": row["hash"]}
        for name, row in head_rows.newest(store).items()
        if name != here
    }
    signer = team.signing()
    head = Head(
        workstation=here,
        key=signer.public(),
        number=max((r["number"] for r in own), default=0) + 1,
        written=desk.now(),
        seq=int(last["seq"]),
        hash=str(last["hash"]),
        cases=cases,
        holds=holds,
    )
    head = replace(head, signature=signer.sign(head.signed_bytes()))
    seal = functools.partial(bundle_pack.seal, head.encode(), team.current_recipient())
    sealed = yield Io(seal, "Sealing the audit head")
    try:
        publish = functools.partial(share.publish_head, shared, uuid.uuid4().hex, sealed)
        path = yield Io(publish, "Publishing the audit head")
    except (OSError, share.ShareError) as exc:
        report.errors.append(
            f"Could not publish this workstation's audit head: {share.reason(exc)}. "
            "Nothing was half-published."
        )
        return
    with store.atomic():
        head_rows.add_head(
            store,
            {
                "file": path.name,
                "workstation": here,
                "number": head.number,
                "seq": head.seq,
                "hash": head.hash,
                "written": head.written,
                "cases": cases,
                "holds": holds,
                "read_at": head.written,
            },
        )
    report.published = head.number
