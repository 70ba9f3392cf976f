"""The signed audit heads' tables (migration 0016): heads read or published, and what they
showed wrong. Queries only; app/audit_heads.py and app/bundle/head_sync.py decide."""

from __future__ import annotations

import json

from db.store import Row, Store, dumps


def _row(row: Row) -> Row:
    return {**row, "cases": json.loads(row["cases"]), "holds": json.loads(row["holds"])}


def heads(store: Store, workstation: str | None = None) -> list[Row]:
    """Every head held (one workstation's, when named), oldest number first."""
    if workstation is None:
        rows = store.db.query("SELECT * FROM audit_heads ORDER BY workstation, number, file")
    else:
        rows = store.db.query(
            "SELECT * FROM audit_heads WHERE workstation = ? ORDER BY number, file", [workstation]
        )
    return [_row(r) for r in rows]


def files_held(store: Store) -> set[str]:
    return {r[0] for r in store.db.conn.execute("SELECT file FROM audit_heads")}


def add_head(store: Store, row: Row) -> None:
    store.db.table("audit_heads").insert(
        {**row, "cases": dumps(row["cases"]), "holds": dumps(row["holds"])}, pk="file", ignore=True
    )


def newest(store: Store) -> dict[str, Row]:
    """Each workstation's head with the highest number held."""
    rows = store.db.query(
        "SELECT * FROM audit_heads h WHERE number = "
        "(SELECT max(number) FROM audit_heads WHERE workstation = h.workstation) ORDER BY workstation, file"
    )
    return {r["workstation"]: r for r in map(_row, rows)}


def findings(store: Store) -> list[Row]:
    return list(store.db.query("SELECT * FROM audit_head_findings ORDER BY found_at, what"))


def add_finding(store: Store, kind: str, workstation: str, case_id: str | None, what: str, at: str) -> bool:
    """Keep a finding; False when it was already kept."""
    cursor = store.db.conn.execute(
        "INSERT OR IGNORE INTO audit_head_findings (what, kind, workstation, case_id, found_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (what, kind, workstation, case_id, at),
    )
    return cursor.rowcount > 0


def clear_findings(store: Store, kind: str) -> None:
    store.db.conn.execute("DELETE FROM audit_head_findings WHERE kind = ?", (kind,))


def version_events(store: Store, version_id: str, events: int, digest: str) -> None:
    """What a version holds (set once: a version never changes)."""
    store.db.conn.execute(
        "UPDATE sync_versions SET events = ?, events_digest = ? WHERE version_id = ? AND events IS NULL",
        (events, digest, version_id),
    )


def listed_versions(store: Store) -> list[Row]:
    """Each case's base version with what it holds, when it is on the share (imported, or made
    here and published): what this workstation's head lists."""
    return list(
        store.db.query(
            "SELECT s.case_id, s.base_version AS version, v.events, v.events_digest AS digest "
            "FROM sync_cases s JOIN sync_versions v ON v.version_id = s.base_version "
            "WHERE v.origin = 'imported' OR v.published = 1 ORDER BY s.case_id"
        )
    )


def ancestry_known(store: Store) -> set[str]:
    """Every version id this store knows, with every ancestor the versions it knows name."""
    found: set[str] = set()
    for version_id, ancestors in store.db.conn.execute("SELECT version_id, ancestors FROM sync_versions"):
        found.add(version_id)
        found.update(json.loads(ancestors))
    return found
