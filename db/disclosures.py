"""The queries of disclosures made without legal process (migration 0014)."""

from __future__ import annotations

from db.store import Row, Store

# cases.instrument of a disclosure case: the queue shows it, the report sets such cases apart.
DISCLOSURE_KIND = "voluntary_disclosure"


def insert_disclosure(store: Store, row: Row) -> None:
    store.db.table("disclosures").insert(row)


def get_disclosure(store: Store, case_id: str) -> Row | None:
    rows = list(store.db.query("SELECT * FROM disclosures WHERE case_id = ?", [case_id]))
    return rows[0] if rows else None


def cases_with_disclosure(store: Store) -> set[str]:
    """Every case with a disclosure made without legal process (one query, for Today)."""
    return {r[0] for r in store.db.execute("SELECT case_id FROM disclosures")}


def approve_disclosure(store: Store, case_id: str, approved_by: str, approved_at: str) -> None:
    """Set the approver once: a disclosure already approved keeps its first approver."""
    store.db.execute(
        "UPDATE disclosures SET approved_by = ?, approved_at = ? WHERE case_id = ? AND approved_by IS NULL",
        (approved_by, approved_at, case_id),
    )
