"""The queries of disclosures made without legal process (migration 0015)."""

from __future__ import annotations

from typing import Any

from db.store import Row, Store


def insert_disclosure(store: Store, row: Row) -> None:
    store.db.table("disclosures").insert(row)


def get_disclosure(store: Store, case_id: str) -> Row | None:
    rows = list(store.db.query("SELECT * FROM disclosures WHERE case_id = ?", [case_id]))
    return rows[0] if rows else None


def approve_disclosure(store: Store, case_id: str, approved_by: str, approved_at: str) -> None:
    """Set the approver once: a disclosure already approved keeps its first approver."""
    store.db.execute(
        "UPDATE disclosures SET approved_by = ?, approved_at = ? WHERE case_id = ? AND approved_by IS NULL",
        (approved_by, approved_at, case_id),
    )


_MADE_BEFORE_APPROVAL = """
SELECT c.reference, x.ground, x.disclosed_on, x.recorded_by, x.approved_by, x.approved_at
  FROM disclosures x JOIN cases c ON c.id = x.case_id
 WHERE x.made_before_approval AND c.received_at >= ? AND c.received_at < ?
 ORDER BY c.received_at
"""


def made_before_approval(store: Store, start: str, end: str) -> list[tuple[Any, ...]]:
    """(reference, ground, disclosed on, recorded by, approved by, approved at) of the period's
    disclosures that went out before a second reviewer approved them."""
    return [tuple(r) for r in store.db.execute(_MADE_BEFORE_APPROVAL, (start, end)).fetchall()]
