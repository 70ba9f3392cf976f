"""The team's roster on the shared folder: publish this workstation's roster changes,
merge every other workstation's.

A roster file holds every roster event its writer knew (app/roster.py), sealed for the
team like a bundle, and is written once and never changed. A workstation publishes a new
file when it has changes of its own not yet on the share, and reads each file once.
Sync runs these steps before it reads cases, so an approval in a case arrives after
the roster that knows its approver.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

import pyrage

from app import roster, roster_log
from app.bundle import pack as bundle_pack
from app.bundle import share
from app.bundle.format import BundleError
from app.reviewers import RosterError
from app.services import Desk
from app.steps import Io, Steps
from app.team import TeamKey
from db import roster_log as roster_rows


class RosterReportJson(TypedDict):
    published: bool
    received: list[str]


@dataclass
class RosterReport:
    published: bool = False
    received: list[str] = field(default_factory=list)  # each change taken in, in words
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> RosterReportJson:
        return {"published": self.published, "received": self.received}


def read_roster_file(path: Path, identities: Iterable[pyrage.x25519.Identity]) -> roster.RosterFile:
    """Read, decrypt and check one roster file; touches no store. Raises RosterError."""
    try:
        plain = bundle_pack.read_sealed(path, roster.MAX_FILE_BYTES, identities)
    except BundleError as exc:
        raise RosterError(str(exc)) from None
    return roster.decode_file(plain)


def roster_steps(desk: Desk, team: TeamKey, shared: Path, report: RosterReport) -> Steps:
    """Read the roster files not read yet, then publish this workstation's changes.

    A file whose changes wait for their workstation to be admitted is not marked read: it is
    read again at every sync (its refusal reported each time, as a refused bundle's is) until
    an administrator admits that workstation, and then taken in. One that an admission read in
    the same sync unblocks is read again at once.
    """
    store = desk.store
    try:
        on_share = yield Io(functools.partial(share.scan_roster, shared), "Reading the team roster")
    except share.ShareError as exc:
        report.errors.append(str(exc))
        return
    signer = team.signing()
    own_key = signer.public()
    already = roster_rows.files_read(store)
    identities = list(team.identities())
    waiting = [p for p in on_share if p.name not in already]
    for attempt in (1, 2):
        refusals: list[tuple[str, str]] = []
        deferred: list[Path] = []
        admitted_any = False
        for path in waiting:
            try:
                carried = yield Io(
                    functools.partial(read_roster_file, path, identities), f"Reading {path.name}"
                )
            except RosterError as exc:
                refusals.append((share.shown(shared, path), str(exc)))
                continue
            added, refused, wait = _take(desk, path, carried, own_key)
            admitted_any = admitted_any or any(e.action is roster.Action.ADMITTED for e in added)
            if wait:
                deferred.append(path)
            report.received += [_said(e) for e in added]
            refusals += [
                (share.shown(shared, path), f"roster change “{_said(e)}”: {why}") for e, why in refused
            ]
        if attempt == 2 or not (admitted_any and deferred):
            break
        # Refusals of the files tried again are said by the second attempt.
        again = {share.shown(shared, p) for p in deferred}
        report.refused += [r for r in refusals if r[0] not in again]
        waiting = deferred
    report.refused += refusals
    if roster_rows.has_unpublished(store):
        yield from _publish(desk, team, shared, report)


def _take(
    desk: Desk, path: Path, carried: roster.RosterFile, own_key: str
) -> tuple[list[roster.RosterEvent], list[tuple[roster.RosterEvent, str]], bool]:
    """Merge one file's events; (added, refused, wait: some wait for an admission)."""
    store = desk.store
    with store.atomic():
        added, refused = roster_log.merge(store, carried.events, here=desk.workstation, own_key=own_key)
        admitted = roster_log.admitted(store)
        wait = any(e.workstation not in admitted and e.workstation != desk.workstation for e, _ in refused)
        writer = carried.workstation
        if (
            writer
            and writer != desk.workstation
            and admitted.get(writer) != carried.key
            and carried.writer_proven()
        ):
            # A request to join: listed for an administrator (`team admit`), never trusted by itself.
            assert carried.key is not None
            roster_rows.add_request(store, writer, carried.key, desk.now(), path.name)
        if not wait:
            roster_rows.mark_file_read(store, path.name, desk.now())
        if added or (refused and not wait):
            desk.record(
                "roster.received",
                None,
                {
                    "file": path.name,
                    "changes": [_said(e) for e in added],
                    "refused": [f"{_said(e)}: {why}" for e, why in refused],
                },
            )
    desk.recheck_reviewer()
    return added, refused, wait


def _publish(desk: Desk, team: TeamKey, shared: Path, report: RosterReport) -> Steps:
    store = desk.store
    signer = team.signing()
    with store.atomic():
        # Signed when they leave: a change made here before signing existed is signed too.
        roster_log.sign_own(store, desk.workstation, signer.sign)
    events = roster_log.events(store)
    plain = roster.encode(events, workstation=desk.workstation, written=desk.now(), key=signer.public())
    file_id = uuid.uuid4().hex
    seal = functools.partial(bundle_pack.seal, plain, team.current_recipient())
    sealed = yield Io(seal, "Sealing the team roster")
    try:
        path = yield Io(
            functools.partial(share.publish_roster, shared, file_id, sealed), "Publishing the team roster"
        )
    except (OSError, share.ShareError) as exc:
        reason = share.reason(exc)
        report.errors.append(f"Could not publish the team roster: {reason}. Nothing was half-published.")
        return
    with store.atomic():
        roster_rows.mark_published(store, [e.id for e in events])
        roster_rows.mark_file_read(store, path.name, desk.now())
        desk.record("roster.published", None, {"file": path.name, "events": len(events)})
    report.published = True


def _said(event: roster.RosterEvent) -> str:
    who = f" by {event.actor}" if event.actor else ""
    if event.action is roster.Action.ENROLLED:
        assert event.role is not None
        return f"{event.name} enrolled as {event.role.label.lower()} on {event.workstation}{who}"
    if event.action is roster.Action.ROLE_CHANGED:
        assert event.role is not None
        return f"{event.name} made {event.role.label.lower()} on {event.workstation}{who}"
    if event.action is roster.Action.ADMITTED:
        return f"workstation {event.name} admitted on {event.workstation}{who}"
    return f"{event.name} removed on {event.workstation}{who}"
