"""Records of a review: answers with their evidence, the recommendation and its scope.

Everything here is immutable and compared by value, so that replaying the same
facts, context and answers against the same policy pack can be shown to give an
identical result. The ``*_to_json`` helpers produce the shapes of DESIGN.md's
Assess JSON; the few extra keys (``note``, ``effect``, ``pending``, ``explanation``)
are additions the shape allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

ANSWERS = ("pass", "fail", "unknown", "not_applicable")
SOURCES = ("auto", "reviewer")
GROUPS = ("validity", "human_rights", "emergency", "civil", "enterprise")
EFFECTS = ("blocks", "narrowable", "escalate", "redirects", "records")
OUTCOMES = (
    "reject",
    "narrow",
    "redirect",
    "disclose_noncontent",
    "disclose_content",
    "escalate",
    "not_a_data_demand",
)
# What a reviewer may decide: the recommendation's outcomes, and what only a reviewer
# records. The service, the letters and the command line all take them from here.
DECISION_OUTCOMES = (*OUTCOMES, "no_data", "withdrawn", "challenge")
DISCLOSING = ("disclose_noncontent", "disclose_content")
# Facts JSON categories, in the order scopes list them.
CATEGORIES = ("subscriber_info", "ip_history", "billing", "traffic", "content", "other")


@dataclass(frozen=True)
class Evidence:
    """Where on the demand an answer was read: 1-based page, box in PDF points, the text."""

    page: int | None
    box: tuple[float, float, float, float] | None
    text: str


@dataclass(frozen=True)
class Answer:
    id: str
    group: str
    answer: str  # one of ANSWERS
    source: str  # "auto" | "reviewer"
    evidence: tuple[Evidence, ...]
    rule: str
    note: str
    effect: str  # one of EFFECTS

    @property
    def failed(self) -> bool:
        return self.answer == "fail"


@dataclass(frozen=True)
class Scope:
    """What stays in scope: identifiers are the demand's normalised values (no kind prefix)."""

    identifiers: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    date_from: str | None = None  # ISO dates
    date_to: str | None = None


@dataclass(frozen=True)
class Recommendation:
    outcome: str  # one of OUTCOMES
    reasons: list[str]  # item ids that led there
    scope: Scope
    pending: list[str]  # unknown items whose answer could change the outcome
    explanation: list[str] = field(default_factory=list)  # one sentence per step, for the reviewer


@dataclass(frozen=True)
class ReviewContext:
    """What a reviewer establishes about a case that no scan can tell; None is "not known yet"."""

    today: date
    # The day the demand was served: staleness, future dates and periods count from it.
    received: date | None = None
    provider_entities: tuple[str, ...] = ()
    enterprise_customer: bool | None = None
    enterprise_exception: bool | None = None
    enterprise_seats: int | None = None
    data_stored_in: str | None = None  # ISO 3166 code
    target_is_journalist_or_activist: bool | None = None
    offence: str | None = None
    offence_criminalises_protected_activity: bool | None = None
    owner_consent: bool | None = None
    # The requester's own contact details; when empty, those read from the demand are used.
    requester_emails: tuple[str, ...] = ()
    requester_phones: tuple[str, ...] = ()
    # The workstation's own additions to the directory of requesting authorities (a CSV).
    directory_extra: str | None = None
    max_range_days: int = 365


# ------------------------------------------------------------------------------ JSON


def evidence_to_json(e: Evidence) -> dict[str, Any]:
    return {"page": e.page, "box": list(e.box) if e.box else None, "text": e.text}


def answer_to_json(a: Answer) -> dict[str, Any]:
    return {
        "id": a.id,
        "group": a.group,
        "answer": a.answer,
        "source": a.source,
        "evidence": [evidence_to_json(e) for e in a.evidence],
        "rule": a.rule,
        "note": a.note,
        "effect": a.effect,
    }


def scope_to_json(s: Scope) -> dict[str, Any]:
    return {
        "identifiers": list(s.identifiers),
        "categories": list(s.categories),
        "date_range": {"from": s.date_from, "to": s.date_to},
    }


def recommendation_to_json(r: Recommendation) -> dict[str, Any]:
    return {
        "outcome": r.outcome,
        "reasons": list(r.reasons),
        "scope": scope_to_json(r.scope),
        "pending": list(r.pending),
        "explanation": list(r.explanation),
    }


def assess_to_json(
    case_id: str, policy_version: str, answers: Iterable[Answer], recommendation: Recommendation
) -> dict[str, Any]:
    """DESIGN.md's Assess JSON for one case."""
    return {
        "case_id": case_id,
        "policy_version": policy_version,
        "items": [answer_to_json(a) for a in answers],
        "recommendation": recommendation_to_json(recommendation),
    }


def scope_from_json(data: Mapping[str, Any]) -> Scope:
    dates = data.get("date_range") or {}
    return Scope(
        identifiers=[str(i) for i in data.get("identifiers", [])],
        categories=[str(c) for c in data.get("categories", [])],
        date_from=dates.get("from"),
        date_to=dates.get("to"),
    )


def _box(value: Any) -> tuple[float, float, float, float] | None:
    if isinstance(value, list | tuple) and len(value) == 4:
        x0, y0, x1, y1 = (float(v) for v in value)
        return (x0, y0, x1, y1)
    return None


def evidence_from_json(data: Mapping[str, Any]) -> Evidence:
    page = data.get("page")
    return Evidence(
        page if isinstance(page, int) else None, _box(data.get("box")), str(data.get("text") or "")
    )


def answer_from_json(data: Mapping[str, Any]) -> Answer:
    return Answer(
        id=str(data["id"]),
        group=str(data["group"]),
        answer=str(data["answer"]),
        source=str(data["source"]),
        evidence=tuple(evidence_from_json(e) for e in data.get("evidence", [])),
        rule=str(data.get("rule", "")),
        note=str(data.get("note", "")),
        effect=str(data.get("effect", "")),
    )


def context_to_json(ctx: ReviewContext) -> dict[str, Any]:
    """Every field of the context, tuples as lists and the date as ISO text."""
    out: dict[str, Any] = {}
    for f in fields(ReviewContext):
        value = getattr(ctx, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    out["today"] = ctx.today.isoformat()
    out["received"] = ctx.received.isoformat() if ctx.received else None
    return out


def context_from_json(data: Mapping[str, Any]) -> ReviewContext:
    """The context ``context_to_json`` wrote; keys it does not know (an older basis) are left out."""
    known = {f.name for f in fields(ReviewContext)}
    values: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known
    }
    values["today"] = date.fromisoformat(str(values["today"]))
    if values.get("received"):
        values["received"] = date.fromisoformat(str(values["received"]))
    return ReviewContext(**values)
