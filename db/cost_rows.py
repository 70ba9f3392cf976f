"""Cost recovery's tables (migration 0015): one record per case, the hours behind it.
Queries only; app/costs.py decides what they mean."""

from __future__ import annotations

from db.store import ReadOnlyStore, Row, Store


def get_record(store: Store, case_id: str) -> Row | None:
    rows = list(store.db.query("SELECT * FROM cost_records WHERE case_id = ?", [case_id]))
    return rows[0] if rows else None


def insert_record(store: Store, row: Row) -> None:
    store.db.table("cost_records").insert(row)


def update_record(store: Store, case_id: str, fields: Row) -> None:
    store.db.table("cost_records").update(case_id, fields)


def get_hours(store: Store, case_id: str) -> list[Row]:
    return list(store.db.query("SELECT * FROM cost_hours WHERE case_id = ? ORDER BY id", [case_id]))


def insert_hours(store: Store, row: Row) -> None:
    store.db.table("cost_hours").insert(row)


def unpaid_invoices(store: Store) -> list[Row]:
    """Costs sought and not yet settled, with the case's reference and the day the first
    final reimbursement letter was finalised (NULL when none was)."""
    return list(
        store.db.query(
            """
            SELECT r.*, c.reference,
                   (SELECT min(l.finalised_at) FROM letters l
                     WHERE l.case_id = r.case_id AND l.kind = 'reimbursement' AND l.status = 'final')
                   AS invoiced_at
              FROM cost_records r JOIN cases c ON c.id = r.case_id
             WHERE r.decision = 'sought' AND r.invoice = 'unpaid'
             ORDER BY r.decided_on, c.reference
            """
        )
    )


def decided_between(store: Store | ReadOnlyStore, start: str, end: str) -> list[Row]:
    """Records sought or waived, or settled, on a day in [start, end) (ISO dates), with references."""
    return list(
        store.db.query(
            """
            SELECT r.*, c.reference FROM cost_records r JOIN cases c ON c.id = r.case_id
             WHERE r.decision IN ('sought', 'waived')
               AND ((r.decided_on >= :start AND r.decided_on < :end)
                    OR (r.settled_on >= :start AND r.settled_on < :end))
             ORDER BY c.received_at, c.id
            """,
            {"start": start, "end": end},
        )
    )
