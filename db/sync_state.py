"""Sync's own tables (migration 0008): versions known, the version each case stands on,
open conflicts. Queries only; app/bundle decides what they mean."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from db.store import Row, Store, dumps


def known_version_ids(store: Store) -> set[str]:
    return {r[0] for r in store.db.conn.execute("SELECT version_id FROM sync_versions")}


def get_version(store: Store, version_id: str) -> Row | None:
    rows = list(store.db.query("SELECT * FROM sync_versions WHERE version_id = ?", [version_id]))
    if not rows:
        return None
    row = rows[0]
    row["ancestors"] = json.loads(row["ancestors"])
    return row


def add_version(store: Store, row: Row) -> None:
    """Remember a version; a version already known keeps what was recorded first."""
    store.db.table("sync_versions").insert(
        {**row, "ancestors": dumps(sorted(row["ancestors"]))}, pk="version_id", ignore=True
    )


def mark_published(store: Store, version_id: str) -> None:
    store.db.table("sync_versions").update(version_id, {"published": 1})


def case_state(store: Store, case_id: str) -> Row | None:
    rows = list(store.db.query("SELECT * FROM sync_cases WHERE case_id = ?", [case_id]))
    if not rows:
        return None
    row = rows[0]
    row["pending_merge"] = json.loads(row["pending_merge"])
    return row


def set_case_state(
    store: Store, case_id: str, *, base_version: str, synced_seq: int, pending_merge: Iterable[str] = ()
) -> None:
    store.db.table("sync_cases").upsert(
        {
            "case_id": case_id,
            "base_version": base_version,
            "synced_seq": synced_seq,
            "pending_merge": dumps(sorted(set(pending_merge))),
        },
        pk="case_id",
    )


# A case needs publishing when it was never published, when it has case events after
# the version it stands on, or when that version was made here and is not on the
# share yet (the write failed, or it was exported by hand).
_TO_PUBLISH = """
WITH last AS (
    SELECT case_id, max(seq) AS last_seq FROM audit_events
     WHERE case_id IS NOT NULL GROUP BY case_id
)
SELECT c.id AS case_id, coalesce(last.last_seq, 0) AS last_seq,
       s.base_version, s.synced_seq, s.pending_merge,
       v.origin AS base_origin, v.published AS base_published
  FROM cases c
  LEFT JOIN last ON last.case_id = c.id
  LEFT JOIN sync_cases s ON s.case_id = c.id
  LEFT JOIN sync_versions v ON v.version_id = s.base_version
 WHERE c.id NOT IN (SELECT case_id FROM sync_conflicts)
   AND (s.case_id IS NULL
        OR coalesce(last.last_seq, 0) > s.synced_seq
        OR (v.origin = 'local' AND v.published = 0))
 ORDER BY c.received_at, c.id
"""


def cases_to_publish(store: Store) -> list[Row]:
    rows = list(store.db.query(_TO_PUBLISH))
    for row in rows:
        row["pending_merge"] = json.loads(row["pending_merge"] or "[]")
    return rows


def case_last_seq(store: Store, case_id: str) -> int:
    row = store.db.conn.execute("SELECT max(seq) FROM audit_events WHERE case_id = ?", (case_id,)).fetchone()
    return int(row[0] or 0)


def case_event_ids(store: Store, case_id: str) -> set[str]:
    """Every event of the case by its identity: its first chain's hash."""
    cursor = store.db.conn.execute(
        "SELECT coalesce(origin_id, hash) FROM audit_events WHERE case_id = ?", (case_id,)
    )
    return {r[0] for r in cursor}


# -- conflicts ------------------------------------------------------------------------


def set_conflict(store: Store, case_id: str, their_version: str, bundle: bytes, found_at: str) -> None:
    store.db.table("sync_conflicts").upsert(
        {"case_id": case_id, "their_version": their_version, "bundle": bundle, "found_at": found_at},
        pk="case_id",
    )


def get_conflict(store: Store, case_id: str) -> Row | None:
    rows = list(store.db.query("SELECT * FROM sync_conflicts WHERE case_id = ?", [case_id]))
    return rows[0] if rows else None


def delete_conflict(store: Store, case_id: str) -> None:
    with store.atomic():
        store.db.conn.execute("DELETE FROM sync_conflicts WHERE case_id = ?", (case_id,))


def list_conflicts(store: Store) -> list[dict[str, Any]]:
    return list(
        store.db.query(
            "SELECT k.case_id, c.reference, k.their_version, s.base_version AS my_version, k.found_at "
            "FROM sync_conflicts k JOIN cases c ON c.id = k.case_id "
            "LEFT JOIN sync_cases s ON s.case_id = k.case_id ORDER BY k.found_at, k.case_id"
        )
    )
