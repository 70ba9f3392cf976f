"""Records of a review: answers with their evidence, the recommendation and its scope.

Everything here is immutable and compared by value, so that replaying the same
facts, context and answers against the same policy pack can be shown to give an
identical result. The ``*_to_json`` helpers produce the shapes of DESIGN.md's
Assess JSON; the few extra keys (``note``, ``effect``, ``pending``, ``explanation``)
are additions the shape allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypedDict

from app.domain.enums import (
    ANSWERS,
    CATEGORIES,
    DECISION_OUTCOMES,
    DISCLOSING,
    EFFECTS,
    GROUPS,
    OUTCOMES,
    SOURCES,
    Effect,
    Group,
    Outcome,
    Source,
    Verdict,
)
from app.domain.facts import Box
from app.jsontypes import JsonObject, JsonValue

# The codes are StrEnums in app/domain; these names stay for the many callers that list them.
__all__ = [
    "ANSWERS",
    "CATEGORIES",
    "DECISION_OUTCOMES",
    "DISCLOSING",
    "EFFECTS",
    "GROUPS",
    "OUTCOMES",
    "SOURCES",
    "Answer",
    "DateRangeJson",
    "Evidence",
    "Override",
    "Recommendation",
    "ReviewContext",
    "Scope",
    "ScopeJson",
    "answer_to_json",
    "assess_to_json",
    "context_from_json",
    "context_to_json",
    "context_with",
    "empty_scope",
    "evidence_to_json",
    "recommendation_to_json",
    "scope_to_json",
    "stored_scope_to_json",
]


@dataclass(frozen=True)
class Evidence:
    """Where on the demand an answer was read: 1-based page, box in PDF points, the text."""

    page: int | None
    box: Box | None
    text: str


@dataclass(frozen=True)
class Answer:
    id: str
    group: Group
    answer: Verdict
    source: Source
    evidence: tuple[Evidence, ...]
    rule: str
    note: str
    effect: Effect

    @property
    def failed(self) -> bool:
        return self.answer == Verdict.FAIL


@dataclass(frozen=True)
class Scope:
    """What stays in scope: identifiers are the demand's normalised values (no kind prefix)."""

    identifiers: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    date_from: str | None = None  # ISO dates
    date_to: str | None = None


# A scope as a decision stores it and the window and the letters read it (the JSON is the contract).
DateRangeJson = TypedDict("DateRangeJson", {"from": str | None, "to": str | None})


class ScopeJson(TypedDict):
    identifiers: list[str]
    categories: list[str]
    date_range: DateRangeJson


def empty_scope() -> ScopeJson:
    """The scope of a decision that keeps nothing (and of a case not decided yet)."""
    return {"identifiers": [], "categories": [], "date_range": {"from": None, "to": None}}


class Override(TypedDict):
    """Why a senior reviewer recorded a decision over the refusals it named (their rule ids)."""

    reason: str
    rules: list[str]


@dataclass(frozen=True)
class Recommendation:
    outcome: Outcome  # one of OUTCOMES
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


def evidence_to_json(e: Evidence) -> JsonObject:
    return {"page": e.page, "box": list(e.box) if e.box else None, "text": e.text}


def answer_to_json(a: Answer) -> JsonObject:
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


def scope_to_json(s: Scope) -> JsonObject:
    return {
        "identifiers": list(s.identifiers),
        "categories": list(s.categories),
        "date_range": {"from": s.date_from, "to": s.date_to},
    }


def stored_scope_to_json(s: ScopeJson) -> JsonObject:
    """A stored scope as free JSON (an audit payload, ``--json``): the same keys in the same order."""
    dates = s["date_range"]
    return {
        "identifiers": list(s["identifiers"]),
        "categories": list(s["categories"]),
        "date_range": {"from": dates["from"], "to": dates["to"]},
    }


def recommendation_to_json(r: Recommendation) -> JsonObject:
    return {
        "outcome": r.outcome,
        "reasons": list(r.reasons),
        "scope": scope_to_json(r.scope),
        "pending": list(r.pending),
        "explanation": list(r.explanation),
    }


def assess_to_json(
    case_id: str, policy_version: str, answers: Iterable[Answer], recommendation: Recommendation
) -> JsonObject:
    """DESIGN.md's Assess JSON for one case."""
    return {
        "case_id": case_id,
        "policy_version": policy_version,
        "items": [answer_to_json(a) for a in answers],
        "recommendation": recommendation_to_json(recommendation),
    }


def context_to_json(ctx: ReviewContext) -> JsonObject:
    """Every field of the context in its order, tuples as lists and the dates as ISO text."""
    return {
        "today": ctx.today.isoformat(),
        "received": ctx.received.isoformat() if ctx.received else None,
        "provider_entities": list(ctx.provider_entities),
        "enterprise_customer": ctx.enterprise_customer,
        "enterprise_exception": ctx.enterprise_exception,
        "enterprise_seats": ctx.enterprise_seats,
        "data_stored_in": ctx.data_stored_in,
        "target_is_journalist_or_activist": ctx.target_is_journalist_or_activist,
        "offence": ctx.offence,
        "offence_criminalises_protected_activity": ctx.offence_criminalises_protected_activity,
        "owner_consent": ctx.owner_consent,
        "requester_emails": list(ctx.requester_emails),
        "requester_phones": list(ctx.requester_phones),
        "directory_extra": ctx.directory_extra,
        "max_range_days": ctx.max_range_days,
    }


def _flag(value: JsonValue) -> bool | None:
    return value if isinstance(value, bool) else None


def _text(value: JsonValue) -> str | None:
    return value if isinstance(value, str) else None


def _count(value: JsonValue) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _texts(value: JsonValue) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def context_with(today: date, received: date | None, data: Mapping[str, JsonValue]) -> ReviewContext:
    """A context from what was stored of it: a key not given (or of the wrong type) is not known."""
    days = _count(data.get("max_range_days"))
    return ReviewContext(
        today=today,
        received=received,
        provider_entities=_texts(data.get("provider_entities")),
        enterprise_customer=_flag(data.get("enterprise_customer")),
        enterprise_exception=_flag(data.get("enterprise_exception")),
        enterprise_seats=_count(data.get("enterprise_seats")),
        data_stored_in=_text(data.get("data_stored_in")),
        target_is_journalist_or_activist=_flag(data.get("target_is_journalist_or_activist")),
        offence=_text(data.get("offence")),
        offence_criminalises_protected_activity=_flag(data.get("offence_criminalises_protected_activity")),
        owner_consent=_flag(data.get("owner_consent")),
        requester_emails=_texts(data.get("requester_emails")),
        requester_phones=_texts(data.get("requester_phones")),
        directory_extra=_text(data.get("directory_extra")),
        max_range_days=365 if days is None else days,
    )


def context_from_json(data: Mapping[str, JsonValue]) -> ReviewContext:
    """The context ``context_to_json`` wrote; keys it does not know (an older basis) are left out."""
    received = data.get("received")
    return context_with(
        date.fromisoformat(str(data["today"])),
        date.fromisoformat(received) if isinstance(received, str) and received else None,
        data,
    )
