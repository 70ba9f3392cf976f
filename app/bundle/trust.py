"""Who may have written what a bundle brings: history can be carried, authorship cannot be claimed.

The bundle's signature says which workstation made it (app/bundle/pack.py). Every audit
event in it that the importer does not hold yet must have been made on that workstation,
by a reviewer the team's roster lists, with the role the event needs; events the
importer already holds may come from anywhere (they were checked when they first came).
Every decision and approval in the case data must have its event in the bundle, so that
a decision cannot be changed or approved by editing rows without anyone answering for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.bundle.events import Event
from app.bundle.pack import Bundle
from app.reviewers import Role
from app.roster import Standing
from db.store import Row

# Events the app records with no reviewer signed in, under this name (Desk.refresh_due_dates).
SYSTEM_ACTOR = "demand-desk"
SYSTEM_ACTIONS = frozenset({"deadline.recounted"})
DECIDED = ("decision.made", "decision.revised")


def _said(event: Event) -> str:
    return f"audit event “{event.action}” of {event.at} by {event.reviewer} on {event.workstation}"


def _after(moment: str, then: str) -> bool:
    try:
        return datetime.fromisoformat(moment) > datetime.fromisoformat(then)
    except ValueError:
        return True  # a time that does not parse cannot be shown to come before the removal


def event_problem(event: Event, signer: str, team: dict[str, Standing]) -> str | None:
    """Why a new event cannot have been made by ``signer``'s workstation as it says; None if it can."""
    if event.workstation != signer:
        return (
            f"{_said(event)} is new here, but the bundle is signed by {signer}: a workstation "
            "cannot bring new events made elsewhere (authorship cannot be claimed)"
        )
    if event.reviewer == SYSTEM_ACTOR and event.action in SYSTEM_ACTIONS:
        return None
    standing = team.get(event.reviewer.casefold())
    if standing is None or standing.name != event.reviewer:
        return f"{_said(event)}: {event.reviewer} is not on the team's roster"
    if standing.removed_at is not None and _after(event.at, standing.removed_at):
        return f"{_said(event)}: {event.reviewer} was removed from the team's roster before it"
    if event.action in DECIDED and event.payload.get("override") and standing.role is Role.REVIEWER:
        return (
            f"{_said(event)}: it overrides a refusal, which only a senior reviewer may, "
            f"and {event.reviewer} is a reviewer"
        )
    return None


def authorship_problem(bundle: Bundle, held: set[str], team: dict[str, Standing]) -> str | None:
    """The first reason the bundle claims what its signer cannot have made; None when it is sound.
    ``held``: the ids of the case's events this workstation already holds."""
    m = bundle.manifest
    events = bundle.snapshot.events
    fresh = [e for e in events if e.id not in held]
    if fresh and m.signer != m.workstation:
        # A version handed on unchanged by another workstation than its maker: history only.
        return (
            f"it is {m.workstation}'s version handed on by {m.signer}, and brings {len(fresh)} audit "
            f"event(s) this workstation has not received from {m.workstation}; sync with the shared "
            f"folder, or export the case on {m.workstation}"
        )
    for event in fresh:
        problem = event_problem(event, m.signer, team)
        if problem:
            return problem
    return _rows_problem(bundle.snapshot.tables.get("decisions", []), events)


def _rows_problem(decisions: Iterable[Row], events: list[Event]) -> str | None:
    def has(actions: tuple[str, ...], reviewer: object, revision: object, outcome: object = None) -> bool:
        return any(
            e.action in actions
            and e.reviewer == reviewer
            and e.payload.get("revision") == revision
            and (outcome is None or e.payload.get("outcome") == outcome)
            for e in events
        )

    for row in decisions:
        revision = row.get("revision")
        if not has(DECIDED, row.get("decided_by"), revision, row.get("outcome")):
            return (
                f"its decision revision {revision} ({row.get('outcome')} by {row.get('decided_by')}) "
                "has no audit event that records it"
            )
        if row.get("approved_by") is not None and not has(
            ("decision.approved",), row["approved_by"], revision
        ):
            return (
                f"its decision revision {revision} is marked approved by {row['approved_by']} "
                "with no audit event of that approval"
            )
    return None
