"""What the review service returns: a recorded decision and an assessment, with their JSON.

``Decision.to_json`` and ``Assessment.to_json`` are what ``decide --json`` and ``assess
--json`` print (DESIGN.md's Assess JSON, with ``related_cases`` and ``preservation_holds``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.domain.enums import DISCLOSING
from app.jsontypes import JsonObject, JsonValue
from app.model import CaseId
from app.review.model import (
    Answer,
    Override,
    Recommendation,
    ScopeJson,
    answer_to_json,
    recommendation_to_json,
    stored_scope_to_json,
)
from db.store import Row


@dataclass(frozen=True)
class Decision:
    revision: int
    outcome: str
    reasons: list[str]
    scope: ScopeJson
    policy_version: str
    decided_by: str
    decided_at: str
    approved_by: str | None
    approved_at: str | None
    override: Override | None = None  # a senior reviewer overrode a refusal

    @property
    def needs_approval(self) -> bool:
        return self.outcome in DISCLOSING and self.approved_by is None

    def to_json(self) -> JsonObject:
        override: JsonValue = (
            {"reason": self.override["reason"], "rules": list(self.override["rules"])}
            if self.override
            else None
        )
        return {
            "revision": self.revision,
            "outcome": self.outcome,
            "reasons": list(self.reasons),
            "scope": stored_scope_to_json(self.scope),
            "policy_version": self.policy_version,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
            "approved_by": self.approved_by,
            "approved_at": self.approved_at,
            "awaiting_approval": self.needs_approval,
            "override": override,
        }


@dataclass(frozen=True)
class Assessment:
    case_id: CaseId
    policy_version: str
    answers: list[Answer]
    recommendation: Recommendation
    related: dict[str, list[str]]  # identifier → references of other cases that name it
    # Preservation holds the demand is linked to (app/holds): their case, requester, reference.
    holds: tuple[JsonObject, ...] = ()

    def to_json(self) -> JsonObject:
        return {
            "case_id": self.case_id,
            "policy_version": self.policy_version,
            "items": [answer_to_json(a) for a in self.answers],
            "recommendation": recommendation_to_json(self.recommendation),
            "related_cases": {k: list(v) for k, v in self.related.items()},
            "preservation_holds": list(self.holds),
        }


def decision_from_row(row: Row) -> Decision:
    """A decision as the store keeps it."""
    return Decision(
        revision=row["revision"],
        outcome=row["outcome"],
        reasons=json.loads(row["reasons"]),
        scope=json.loads(row["scope"]),
        policy_version=row["policy_version"],
        decided_by=row["decided_by"],
        decided_at=row["decided_at"],
        approved_by=row["approved_by"],
        approved_at=row["approved_at"],
        override=(
            {"reason": row["override_reason"], "rules": json.loads(row["override_rules"] or "[]")}
            if row.get("override_reason")
            else None
        ),
    )
