"""What a decision may hold: a scope within the demand, an outcome within the law.

The provider "only provides the data specified in the legal order", and only content
under an instrument that can compel it (a warrant or court order, never a subpoena).
Every rule that decides whether ``Review.decide`` records a decision is here, pure
(facts, answers and the pack in; a scope or refusals out), so the window, the command
line and sync get the same answer.

Two kinds of refusal:

- ``ScopeRefused`` — the scope is malformed or wider than the demand or the outcome:
  nobody may override it (the fix is to correct the facts, or choose another outcome).
- ``Refusal`` with ``overridable`` — content the instrument cannot compel, an unread
  instrument, blocking checklist items still open: a senior reviewer may record the
  decision anyway with a written reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.enums import CATEGORIES, DISCLOSING, Effect, Verdict
from app.domain.facts import Facts
from app.review.findings import can_compel, instrument_kind, is_civil, is_emergency, parse_date
from app.review.model import Answer, Scope, ScopeJson
from app.review.policy import PolicyPack

# Rule ids: named in refusals, and audited and stored when a senior reviewer overrides one.
SCOPE_SHAPE = "scope.malformed"
SCOPE_DEMAND = "scope.beyond_demand"
SCOPE_OUTCOME = "scope.beyond_outcome"
SCOPE_EMPTY = "scope.empty"
INSTRUMENT_CONTENT = "instrument.content"
INSTRUMENT_NONE = "instrument.compels_nothing"
INSTRUMENT_UNREAD = "instrument.unread"
CIVIL_CONSENT = "civil.content_without_consent"
EMERGENCY_CONTENT = "emergency.content"
BLOCKING_OPEN = "checklist.blocking_open"

CONSENT_ITEM = "civil.owner_consent_for_content"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # fromisoformat alone also takes 20250101 and week dates
OPEN_ANSWERS = (Verdict.UNKNOWN, Verdict.FAIL)


class ScopeRefused(ValueError):
    """A scope no one may record: malformed, or wider than the demand or the outcome."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"{message} (rule {rule})")
        self.rule, self.message = rule, message


@dataclass(frozen=True)
class Refusal:
    rule: str
    message: str  # one sentence, naming what is wrong
    overridable: bool = True

    def line(self) -> str:
        return f"{self.message} (rule {self.rule})"


@dataclass(frozen=True)
class OpenItem:
    """A checklist item still unknown (or failed) that the decision would rest on."""

    id: str
    answer: Verdict
    question: str
    effect: Effect


# ------------------------------------------------------------------------------ scope


def demand_scope(facts: Facts) -> tuple[list[str], dict[str, bool], date | None, date | None]:
    """What the demand names: readable identifiers, categories (→ content?), its date bounds."""
    named = list(dict.fromkeys(str(i.value).strip() for i in facts.identifiers if i.value))
    categories: dict[str, bool] = {}
    for item in facts.data_requested:
        category = str(item.category)
        categories[category] = categories.get(category, False) or item.is_content
    span = facts.date_range
    return named, categories, parse_date(span.start), parse_date(span.end)


def usable_default(scope: Scope) -> Scope:
    """A recommended scope as a default to decide with: a bound the demand gave as no date is no bound."""
    return Scope(
        list(scope.identifiers),
        list(scope.categories),
        scope.date_from if parse_date(scope.date_from) else None,
        scope.date_to if parse_date(scope.date_to) else None,
    )


def check_scope(raw: object, facts: Facts) -> ScopeJson:
    """The scope as stored, or ``ScopeRefused``: it may only keep what the demand named.

    A missing bound of the date range takes the demand's (the disclosure never reaches
    beyond the demand's dates, so "no limit" means "as asked").
    """
    if not isinstance(raw, Mapping):
        raise ScopeRefused(SCOPE_SHAPE, "A scope is an object with identifiers, categories and date_range")
    ids = _strings(raw.get("identifiers", []), "identifiers")
    cats = _strings(raw.get("categories", []), "categories")
    named, asked, demand_from, demand_to = demand_scope(facts)
    extra = [i for i in ids if i not in named]
    if extra:
        raise ScopeRefused(
            SCOPE_DEMAND, f"The scope names identifiers the demand does not: {', '.join(extra)}"
        )
    unknown = [c for c in cats if c not in CATEGORIES]
    if unknown:
        raise ScopeRefused(SCOPE_SHAPE, f"No such data category: {', '.join(unknown)}")
    beyond = [c for c in cats if c not in asked]
    if beyond:
        raise ScopeRefused(
            SCOPE_DEMAND, f"The scope adds data the demand did not ask for: {', '.join(beyond)}"
        )
    dates = raw.get("date_range")
    if dates is None:
        dates = {}
    if not isinstance(dates, Mapping) or set(dates) - {"from", "to"}:
        raise ScopeRefused(SCOPE_SHAPE, 'The scope\'s date_range is {"from": date, "to": date}')
    start = _date(dates.get("from"), "from") or demand_from
    end = _date(dates.get("to"), "to") or demand_to
    if start and end and start > end:
        raise ScopeRefused(SCOPE_SHAPE, f"The scope's date range ends before it starts ({start} to {end})")
    if demand_from and start and start < demand_from:
        raise ScopeRefused(
            SCOPE_DEMAND, f"The scope starts on {start}, before the demand's range (from {demand_from})"
        )
    if demand_to and end and end > demand_to:
        raise ScopeRefused(
            SCOPE_DEMAND, f"The scope ends on {end}, after the demand's range (to {demand_to})"
        )
    return {
        "identifiers": list(dict.fromkeys(ids)),
        "categories": [c for c in CATEGORIES if c in cats],
        "date_range": {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
        },
    }


def content_in(scope: ScopeJson, facts: Facts) -> list[str]:
    """The scope's categories that are content (the category itself, or asked for as content)."""
    _, asked, _, _ = demand_scope(facts)
    return [c for c in scope.get("categories", []) if c == "content" or asked.get(c)]


def _strings(value: object, name: str) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ScopeRefused(SCOPE_SHAPE, f"The scope's {name} are a list of text")
    return [v.strip() for v in value if v.strip()]


def _date(value: object, side: str) -> date | None:
    if value is None or value == "":
        return None
    found = parse_date(value) if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()) else None
    if found is None:
        raise ScopeRefused(
            SCOPE_SHAPE, f"The scope's date range '{side}' is not a date (YYYY-MM-DD): {value!r}"
        )
    return found


# ------------------------------------------------------------------------------ outcome


def open_blocking(answers: Sequence[Answer], pack: PolicyPack) -> list[OpenItem]:
    """Blocking items still unknown or failed: no disclosure rests on them."""
    return [_open(a, pack) for a in answers if a.effect == Effect.BLOCKS and a.answer in OPEN_ANSWERS]


def open_items(answers: Sequence[Answer], pack: PolicyPack) -> list[OpenItem]:
    """Every item still unknown, blocking ones first (what an approver should see)."""
    found = [_open(a, pack) for a in answers if a.answer == Verdict.UNKNOWN]
    return sorted(found, key=lambda i: i.effect != Effect.BLOCKS)


def _open(answer: Answer, pack: PolicyPack) -> OpenItem:
    try:
        question = pack.item(answer.id).question
    except KeyError:
        question = ""
    return OpenItem(answer.id, answer.answer, question, answer.effect)


def refusals(
    outcome: str,
    scope: ScopeJson,
    facts: Facts,
    answers: Sequence[Answer],
    pack: PolicyPack,
) -> list[Refusal]:
    """Why the law or the policy does not let this outcome disclose this scope (empty: it may)."""
    if outcome not in DISCLOSING:
        return []
    found: list[Refusal] = []
    content = content_in(scope, facts)
    if not scope.get("identifiers") or not scope.get("categories"):
        missing = "identifier" if not scope.get("identifiers") else "category of data"
        found.append(
            Refusal(SCOPE_EMPTY, f"A disclosure with no {missing} in scope discloses nothing", False)
        )
    if outcome == "disclose_noncontent" and content:
        found.append(
            Refusal(
                SCOPE_OUTCOME,
                f"Disclose non-content only cannot keep content in scope ({', '.join(content)})",
                False,
            )
        )
    if outcome == "disclose_content" and scope.get("categories") and not content:
        found.append(
            Refusal(
                SCOPE_OUTCOME, "Disclose content with no content in scope: record disclose_noncontent", False
            )
        )
    found += _instrument_refusals(outcome == "disclose_content" or bool(content), facts, answers, pack)
    blocking = open_blocking(answers, pack)
    if blocking:
        listed = "; ".join(
            f"{i.id} is {i.answer}" + (f" ({i.question})" if i.question else "") for i in blocking
        )
        found.append(Refusal(BLOCKING_OPEN, f"Blocking checklist items are not answered pass: {listed}"))
    return found


def _instrument_refusals(
    content: bool, facts: Facts, answers: Sequence[Answer], pack: PolicyPack
) -> list[Refusal]:
    kind = instrument_kind(facts, pack)
    if kind is None:
        return [
            Refusal(
                INSTRUMENT_UNREAD,
                "The instrument is not known, so nothing shows it can compel a disclosure; "
                "set it (facts --set instrument=…) first",
            )
        ]
    if is_emergency(facts):
        # Voluntary: an emergency compels nothing, and the pack says whether content may go.
        if content and not pack.emergency_content:
            return [
                Refusal(EMERGENCY_CONTENT, "This policy pack discloses no content on an emergency request")
            ]
        return []
    compels_content, compels_noncontent = can_compel(facts, pack)
    if not compels_content and not compels_noncontent:
        return [Refusal(INSTRUMENT_NONE, f"A {kind.label.lower()} compels no disclosure at all")]
    if content and not compels_content:
        return [
            Refusal(
                INSTRUMENT_CONTENT,
                f"A {kind.label.lower()} cannot compel content: content needs a warrant or court order",
            )
        ]
    if content and is_civil(facts, pack):
        consent = {a.id: a.answer for a in answers}.get(CONSENT_ITEM)
        if consent != "pass":
            return [
                Refusal(
                    CIVIL_CONSENT,
                    f"Content for a civil party needs the owner's consent ({CONSENT_ITEM} is {consent})",
                )
            ]
    return []
