"""The case-table rows ``audit verify`` replays the audit trail against (app/audit_replay.py).

Queries only, each returning plain rows; what they must agree with is decided above.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from db.store import Row, Store


def cases(store: Store) -> list[Row]:
    return list(store.db.query("SELECT id, reference FROM cases ORDER BY received_at, id"))


def decisions(store: Store) -> list[Row]:
    return list(
        store.db.query(
            "SELECT case_id, revision, outcome, reasons, scope, policy_version, decided_by, "
            "approved_by, override_reason, override_rules FROM decisions ORDER BY case_id, revision"
        )
    )


def final_letters(store: Store) -> Iterator[Row]:
    """Every final letter with the SHA-256 of the PDF as stored (not the PDF: they add up)."""
    cursor = store.db.conn.execute(
        "SELECT case_id, kind, revision, sha256, pdf FROM letters WHERE status = 'final' ORDER BY case_id, id"
    )
    for case_id, kind, revision, sha256, pdf in cursor:
        yield {
            "case_id": case_id,
            "kind": kind,
            "revision": revision,
            "sha256": sha256,
            "pdf_sha256": hashlib.sha256(pdf).hexdigest() if pdf is not None else None,
        }


def facts(store: Store) -> list[Row]:
    """Every single fact with who set it last (``source``: auto or reviewer)."""
    return list(store.db.query("SELECT case_id, key, value, source FROM facts ORDER BY case_id, key"))


def targets(store: Store) -> list[Row]:
    return list(
        store.db.query(
            "SELECT case_id, kind, value, normalized, source FROM identifiers "
            "WHERE role = 'target' ORDER BY case_id, id"
        )
    )


def categories(store: Store) -> list[Row]:
    return list(store.db.query("SELECT case_id, category, text FROM data_requested ORDER BY case_id, id"))


def letters(store: Store) -> Iterator[Row]:
    """Every letter, draft or final, with the SHA-256 of its text (not the text)."""
    cursor = store.db.conn.execute(
        "SELECT case_id, id, kind, revision, status, body FROM letters ORDER BY case_id, kind, revision, id"
    )
    for case_id, letter_id, kind, revision, status, body in cursor:
        yield {
            "case_id": case_id,
            "id": letter_id,
            "kind": kind,
            "revision": revision,
            "status": status,
            "body_sha256": hashlib.sha256(str(body).encode("utf-8")).hexdigest(),
        }


def answers(store: Store) -> list[Row]:
    return list(
        store.db.query(
            "SELECT case_id, item_id, answer, source, reason, reviewer FROM checklist_answers "
            "ORDER BY case_id, item_id"
        )
    )


def notices(store: Store) -> list[Row]:
    return list(
        store.db.query(
            "SELECT case_id, kind, recipient, status, sent_at, how, exception_kind, reason, decided_by, "
            "recorded_at FROM notices ORDER BY case_id, id"
        )
    )


def deadline_changes(store: Store) -> list[Row]:
    return list(
        store.db.query(
            "SELECT case_id, kind, starts, ends, reason, reviewer, at FROM deadline_changes "
            "ORDER BY case_id, id"
        )
    )
