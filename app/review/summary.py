"""What a disclosing decision lets leave, in words: for the one who records it and the one who approves.

Both the confirmation before recording and the approval dialog show the same lines,
made here, so the approver sees exactly what the decider confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.facts import Facts
from app.review.limits import OpenItem, content_in
from app.review.model import Override, ScopeJson

CATEGORY_WORDS = {
    "subscriber_info": "Subscriber information",
    "ip_history": "IP address history",
    "billing": "Billing information",
    "traffic": "Traffic records",
    "content": "Content",
    "other": "Other data",
}


@dataclass(frozen=True)
class Leaving:
    """A scope in words: each identifier, each category, the date range."""

    identifiers: list[str]
    categories: list[str]
    date_range: str

    def lines(self) -> list[str]:
        return (
            [f"Identifier: {i}" for i in self.identifiers]
            + [f"Data: {c}" for c in self.categories]
            + [f"Dates: {self.date_range}"]
        )


@dataclass(frozen=True)
class ApprovalSummary:
    """What an approver is asked to approve, beside what the checklist recommended."""

    case_id: str
    revision: int
    outcome: str
    decided_by: str
    recommendation: str  # the recommended outcome when the decision was made
    recommendation_reasons: list[str]
    identifiers: list[str]
    categories: list[str]  # in words
    date_range: str  # in words
    open_items: list[OpenItem]  # still unknown now, blocking ones first
    override: Override | None = None  # when a senior reviewer overrode a refusal
    warnings: list[str] = field(default_factory=list)

    @property
    def leaving(self) -> Leaving:
        return Leaving(self.identifiers, self.categories, self.date_range)


def leaving(scope: ScopeJson, facts: Facts) -> Leaving:
    content = set(content_in(scope, facts))
    categories = []
    for c in scope.get("categories", []):
        words = CATEGORY_WORDS.get(c, c)
        categories.append(words + (" (content)" if c in content and c != "content" else ""))
    return Leaving(list(scope.get("identifiers", [])), categories, date_words(scope))


def date_words(scope: ScopeJson) -> str:
    dates = scope.get("date_range") or {}
    start, end = dates.get("from"), dates.get("to")
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"from {start}, no end date"
    if end:
        return f"up to {end}, no start date"
    return "no date limit (the demand gives none)"
