"""The team roster kept in a store: its event log, and the reviewers table that folds it.

``Desk`` records each roster change it makes here (``record``) and sync merges what it
reads from the share (``merge``); both re-fold the reviewers they touch, so the
reviewers table always says what the log says. Callers hold the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.reviewers import Role
from app.roster import Action, RosterEvent, Standing, admit, fold
from db import Store, roster_log


def events(store: Store) -> list[RosterEvent]:
    return [
        RosterEvent(
            r["id"],
            r["seq"],
            r["at"],
            r["workstation"],
            r["actor"],
            Action(r["action"]),
            r["name"],
            Role(r["role"]) if r["role"] else None,
        )
        for r in roster_log.events(store)
    ]


def record(store: Store, event: RosterEvent, *, here: str) -> None:
    """A roster change made on this workstation (already checked by ``Desk``)."""
    roster_log.add_events(store, [{**event.to_json(), "published": 0}])
    _refold(store, [event.name], here)


def merge(
    store: Store, incoming: Iterable[RosterEvent], *, here: str
) -> tuple[list[RosterEvent], list[tuple[RosterEvent, str]]]:
    """Add what another workstation's roster file holds; returns (added, refused with reasons)."""
    accepted, refused = admit(events(store), incoming)
    if accepted:
        # Already on the share: nothing of it is ours to publish again.
        roster_log.add_events(store, [{**e.to_json(), "published": 1} for e in accepted])
        _refold(store, [e.name for e in accepted], here)
    return accepted, refused


def _refold(store: Store, names: Iterable[str], here: str) -> None:
    team = fold(events(store))
    for key in {n.casefold() for n in names}:
        standing = team.get(key)
        if standing is not None:
            roster_log.set_standing(store, _row(standing, here))


def _row(standing: Standing, here: str) -> dict[str, object]:
    return {
        "name": standing.name,
        "role": standing.role.value,
        "created_at": standing.enrolled_at,
        "enrolled_by": standing.enrolled_by,
        "removed_at": standing.removed_at,
        "removed_by": standing.removed_by,
        # Shown beside the name: this reviewer came with another workstation's roster.
        "origin": None if standing.workstation == here else standing.workstation,
    }
