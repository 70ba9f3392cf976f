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
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from app import roster, roster_log
from app.bundle import pack as bundle_pack
from app.bundle import share
from app.bundle.format import BundleError
from app.fsutil import UnreadableFile, read_regular_file
from app.reviewers import RosterError
from app.services import Desk
from app.steps import Io, Step
from app.team import TeamKey
from db import roster_log as roster_rows


@dataclass
class RosterReport:
    published: bool = False
    received: list[str] = field(default_factory=list)  # each change taken in, in words
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"published": self.published, "received": self.received}


def read_roster_file(path: Path, identities: Iterable[pyrage.x25519.Identity]) -> list[roster.RosterEvent]:
    """Read, decrypt and check one roster file; touches no store. Raises RosterError."""
    try:
        untrusted = read_regular_file(path, roster.MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise RosterError(str(exc.strerror)) from None
    except OSError as exc:
        raise RosterError(f"it cannot be read ({share.describe(exc)})") from None
    try:
        plain = bundle_pack.decrypt(untrusted, identities)
    except BundleError as exc:
        raise RosterError(str(exc)) from None
    return roster.decode(plain)


RosterSteps = Generator[Io | Step, Any, None]


def roster_steps(desk: Desk, team: TeamKey, shared: Path, report: RosterReport) -> RosterSteps:
    """Read the roster files not read yet, then publish this workstation's changes."""
    store = desk.store
    try:
        on_share = yield Io(functools.partial(share.scan_roster, shared), "Reading the team roster")
    except share.ShareError as exc:
        report.errors.append(str(exc))
        return
    already = roster_rows.files_read(store)
    identities = list(team.identities())
    for path in on_share:
        if path.name in already:
            continue
        try:
            events = yield Io(functools.partial(read_roster_file, path, identities), f"Reading {path.name}")
        except RosterError as exc:
            report.refused.append((share.shown(shared, path), str(exc)))
            continue
        with store.atomic():
            added, refused = roster_log.merge(store, events, here=desk.workstation)
            roster_rows.mark_file_read(store, path.name, desk.now())
            if added or refused:
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
        report.received += [_said(e) for e in added]
        report.refused += [
            (share.shown(shared, path), f"roster change “{_said(e)}”: {why}") for e, why in refused
        ]
    if roster_rows.has_unpublished(store):
        yield from _publish(desk, team, shared, report)


def _publish(desk: Desk, team: TeamKey, shared: Path, report: RosterReport) -> RosterSteps:
    store = desk.store
    events = roster_log.events(store)
    plain = roster.encode(events, workstation=desk.workstation, written=desk.now())
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
    return f"{event.name} removed on {event.workstation}{who}"
