"""The team roster's tables (migrations 0011, 0012): its events, the roster files already
read, workstations that asked to join, and the reviewers table as those events fold.
Queries only; app/roster.py decides."""

from __future__ import annotations

from collections.abc import Iterable

from db.store import Row, Store


def events(store: Store) -> list[Row]:
    return list(store.db.query("SELECT * FROM roster_events ORDER BY seq, at, id"))


def add_events(store: Store, rows: Iterable[Row]) -> None:
    """Add events to the log; one already there (by id) is left as it was."""
    store.db.table("roster_events").insert_all(list(rows), pk="id", ignore=True)


def set_signature(store: Store, event_id: str, sig: str) -> None:
    store.db.conn.execute("UPDATE roster_events SET sig = ? WHERE id = ? AND sig IS NULL", (sig, event_id))


def add_request(store: Store, workstation: str, key: str, seen: str, file: str) -> None:
    store.db.table("roster_requests").insert(
        {"workstation": workstation, "key": key, "first_seen": seen, "file": file},
        pk=("workstation", "key"),
        ignore=True,
    )


def requests(store: Store) -> list[Row]:
    return list(store.db.query("SELECT * FROM roster_requests ORDER BY first_seen, workstation, key"))


def drop_requests(store: Store, workstation: str) -> None:
    store.db.conn.execute("DELETE FROM roster_requests WHERE workstation = ?", (workstation,))


def has_unpublished(store: Store) -> bool:
    found = store.db.conn.execute("SELECT 1 FROM roster_events WHERE published = 0 LIMIT 1").fetchone()
    return found is not None


def mark_published(store: Store, ids: Iterable[str]) -> None:
    store.db.conn.executemany("UPDATE roster_events SET published = 1 WHERE id = ?", [(i,) for i in ids])


def files_read(store: Store) -> set[str]:
    return {r[0] for r in store.db.conn.execute("SELECT name FROM roster_files")}


def mark_file_read(store: Store, name: str, at: str) -> None:
    store.db.table("roster_files").insert({"name": name, "read_at": at}, pk="name", ignore=True)


def set_standing(store: Store, standing: Row) -> None:
    """Make the reviewers row of ``standing['name']`` say what the roster says; a reviewer new
    here gets no PIN (an empty hash never verifies) until they set one here."""
    role = standing["role"]
    columns = {
        "role": role,
        "senior": int(role != "reviewer"),
        "active": int(standing["removed_at"] is None),
        "created_at": standing["created_at"],
        "enrolled_by": standing["enrolled_by"],
        "removed_at": standing["removed_at"],
        "removed_by": standing["removed_by"],
        "origin": standing["origin"],
    }
    conn = store.db.conn
    found = conn.execute("SELECT id FROM reviewers WHERE name = ?", (standing["name"],)).fetchone()
    if found is None:
        store.db.table("reviewers").insert({"name": standing["name"], "pin_hash": "", **columns})
    else:
        store.db.table("reviewers").update(found[0], columns)
