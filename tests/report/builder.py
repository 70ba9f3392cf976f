"""Cases for report tests, written straight through ``db.Store`` (no OCR, no PDFs): fast and exact.

``add_case`` stores what the report reads — the case row, the facts, the targeted
identifiers, a secrecy order, the decision and its approval, the review context — the
way the services store them (JSON values, the same tables).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from db import Store

_numbers = itertools.count(1)


def add_case(
    store: Store,
    *,
    received: str,
    country: str | None = "US",
    instrument: str | None = "subpoena",
    accounts: int = 1,
    secrecy: bool = False,
    authority: str | None = None,
    emergency: bool | None = None,
    outcome: str | None = None,
    approved: bool = False,
    enterprise: bool | None = None,
    seats: int | None = None,
    stored_in: str | None = None,
    reference: str | None = None,
) -> str:
    """Store one case received at ``received`` (a date or an ISO time, UTC); returns its id."""
    n = next(_numbers)
    case_id = f"{n:016x}"
    at = received if "T" in received else f"{received}T12:00:00+00:00"
    with store.atomic():
        store.insert_case(
            {
                "id": case_id,
                "reference": reference or f"RPT-{n:05d}",
                "title": f"case {n}",
                "received_at": at,
                "response_due": None,
                "country": country,
                "instrument": instrument,
                "status": "new",
                "created_by": "Ada",
                "updated_at": at,
                "version_id": f"v{n}",
                "parent_version_id": None,
            }
        )
        facts = {"country": country, "instrument": instrument, "issuing_authority": authority,
                 "emergency": emergency}  # fmt: skip
        for key, value in facts.items():
            if value is not None:
                store.upsert_fact(
                    {
                        "case_id": case_id,
                        "key": key,
                        "value": json.dumps(value),
                        "source": "auto",
                        "updated_at": at,
                    }  # fmt: skip
                )
        store.insert_identifiers(
            [
                {
                    "case_id": case_id,
                    "kind": "email",
                    "value": f"user{i}.{n}@example.com",
                    "normalized": f"user{i}.{n}@example.com",
                    "role": "target",
                }  # fmt: skip
                for i in range(accounts)
            ]
        )
        if secrecy:
            store.set_secrecy_order({"case_id": case_id, "present": 1, "duration_days": 90})
        for key, value in (("enterprise_customer", enterprise), ("enterprise_seats", seats),
                           ("data_stored_in", stored_in)):  # fmt: skip
            if value is not None:
                store.set_review_context(
                    {
                        "case_id": case_id,
                        "key": key,
                        "value": json.dumps(value),
                        "reviewer": "Ada",
                        "set_at": at,
                    }  # fmt: skip
                )
        if outcome is not None:
            decide(store, case_id, outcome, approved=approved, at=at)
    return case_id


def decide(store: Store, case_id: str, outcome: str, *, approved: bool = False, at: str = "") -> None:
    """A new decision revision for the case, approved by a second reviewer if asked."""
    revision = len(store.get_decisions(case_id)) + 1
    row: dict[str, Any] = {
        "case_id": case_id,
        "revision": revision,
        "outcome": outcome,
        "policy_version": "test",
        "decided_by": "Ada",
        "decided_at": at or "2026-01-01T00:00:00+00:00",
    }
    with store.atomic():
        decision_id = store.insert_decision(row)
        if approved:
            store.approve_decision(decision_id, "Grace", row["decided_at"])
