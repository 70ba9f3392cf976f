"""The team roster kept in a store: its event log, and the reviewers table that folds it.

``Desk`` records each roster change it makes here (``record``) and sync merges what it
reads from the share (``merge``); both re-fold the reviewers they touch, so the
reviewers table always says what the log says. Callers hold the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.reviewers import Role
from app.roster import Action, RosterEvent, Standing, admit, fold, workstations
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
            r["key"],
            r["sig"],
        )
        for r in roster_log.events(store)
    ]


def admitted(store: Store) -> dict[str, str]:
    """The workstations the roster admits, with their public keys."""
    return workstations(events(store))


def sign_own(store: Store, here: str, sign: Callable[[bytes], str]) -> int:
    """Sign this workstation's events not signed yet (made here, or before signing existed);
    the caller's transaction. Returns how many were signed."""
    count = 0
    for event in events(store):
        if event.workstation == here and not event.sig:
            roster_log.set_signature(store, event.id, sign(event.signed_bytes()))
            count += 1
    return count


def record(store: Store, event: RosterEvent, *, here: str) -> None:
    """A roster change made on this workstation (already checked by ``Desk``)."""
    roster_log.add_events(store, [{**event.to_json(), "published": 0}])
    _refold(store, [event.name], here)


def merge(
    store: Store, incoming: Iterable[RosterEvent], *, here: str, own_key: str | None = None
) -> tuple[list[RosterEvent], list[tuple[RosterEvent, str]]]:
    """Add what another workstation's roster file holds; returns (added, refused with reasons).
    ``own_key``: this workstation's public key, trusted for events claiming to be made here."""
    accepted, refused = admit(events(store), incoming, own=(here, own_key) if own_key else None)
    _keep(store, accepted, here)
    return accepted, refused


def merge_trusted(store: Store, incoming: Iterable[RosterEvent], *, here: str) -> list[RosterEvent]:
    """Add events the caller has already checked (the team key file's roster)."""
    known = {e.id for e in events(store)}
    fresh = [e for e in incoming if e.id not in known]
    _keep(store, fresh, here)
    return fresh


def _keep(store: Store, accepted: list[RosterEvent], here: str) -> None:
    if accepted:
        # Already on the share: nothing of it is ours to publish again.
        roster_log.add_events(store, [{**e.to_json(), "published": 1} for e in accepted])
        _refold(store, [e.name for e in accepted if e.action is not Action.ADMITTED], here)


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
