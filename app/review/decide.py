"""The recommended outcome for a demand, from its facts and checklist answers.

The rules, applied in this order (the first that holds decides):

0. **escalate** — the scan was read too poorly to judge (validity.readable fails: no
   instrument recognised and most of it read with low confidence). Nothing read from it
   can be relied on, least of all the absence of a request: never "not a data demand".
1. **not_a_data_demand** — the document asks for no customer data (a takedown
   request, an order about a secrecy order), or its instrument is not a data demand
   (a bare preservation request). It is recorded and routed, never answered with data.
2. **reject** — any item whose effect is "blocks" fails (unsigned, wrong dates, a
   country not accepted, no judge where one is needed, an emergency request that does
   not explain the emergency, ...). The reasons are those items.
3. **reject** — nothing is left in scope once the parts the policy rules out are
   struck (see 6): identifiers that are all bulk, wildcards or malformed, or only data
   the instrument cannot compel (a subpoena asking only for content). The reasons are
   the items that struck them. Targets that are blacked out or were not read leave
   validity.specific_identifiers unknown: the recommendation goes on with an empty
   list of identifiers, and the item stays pending until the reviewer adds them.
4. **escalate** — a human-rights item (effect "escalate") fails: senior review. Also
   when the instrument could not be read: nothing can be decided until it is.
5. **redirect** — an enterprise customer's data and no narrow exception recorded
   (effect "redirects"): the authority is sent to the customer first. Exceptions are
   rare, so redirecting is the default until the reviewer records one.
6. The scope (worked out before 3) is what the demand names less what failing
   narrowable items rule out:

   - identifiers: the normalised values of the readable identifiers (the Facts JSON
     ``value``, without a kind prefix), without wildcards, bulk ranges or descriptions
     when validity.specific_identifiers fails, and without malformed ones when
     validity.identifiers_well_formed fails;
   - categories: those asked for, without a request that describes its targets
     (validity.specific_identifiers), without what the instrument cannot compel
     (validity.instrument_sufficient: content asked by a subpoena), without content
     for a civil party lacking the owner's consent (civil.owner_consent_for_content),
     and for an emergency only what addresses it (emergency.scope_limited; content
     only if the pack allows it);
   - date range: as asked, clipped to ``ctx.max_range_days`` ending at the requested
     end (or the day it was served when it has none) when validity.not_overly_broad fails.

7. **narrow** — a narrowable item fails that asks the authority to narrow its demand:
   identifiers that are not specific or not well formed, a range or categories
   broader than the purpose. The scope is what would be acceptable.
8. **disclose_noncontent** / **disclose_content** — for an emergency, non-content
   unless the pack lets content through; otherwise content if content is still in
   scope (the instrument can compel it), else non-content. Struck parts (the content
   asked by a subpoena or by a civil party without consent, what goes beyond an
   emergency) are simply not provided, without asking the authority to narrow; the
   items that struck them are the reasons.

An "unknown" answer counts as not failing: the recommendation is computed on what is
known. ``pending`` lists the unknown items that would change the outcome or the scope if
they failed: what the reviewer still has to answer before the recommendation can be
relied on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from app.display_language import ENGLISH
from app.domain.enums import CATEGORIES, Effect, Outcome, Verdict
from app.domain.facts import DataRequest, Facts
from app.review.circumstances import emergency_allows
from app.review.findings import can_compel, instrument_kind, is_civil, is_emergency, parse_date, served
from app.review.model import Answer, Recommendation, ReviewContext, Scope
from app.review.policy import InstrumentKind, PolicyPack, load_pack
from app.review.said import Said, Word, category_word, word
from app.review.targets import bulk_items, identifier_problem

SPECIFIC = "validity.specific_identifiers"
WELL_FORMED = "validity.identifiers_well_formed"
SUFFICIENT = "validity.instrument_sufficient"
NOT_BROAD = "validity.not_overly_broad"
CONSENT = "civil.owner_consent_for_content"
EMERGENCY_SCOPE = "emergency.scope_limited"
OFFICIAL = "validity.official_document"
READABLE = "validity.readable"
# Narrowable items whose failure is met by not providing the part they rule out,
# rather than by asking the authority to narrow its demand.
STRIKES = (SUFFICIENT, CONSENT, EMERGENCY_SCOPE)


@dataclass
class _Scoped:
    scope: Scope
    struck: list[str]  # failing items that removed something
    notes: list[str]
    content: bool  # content is still in scope


def recommend(
    facts: Facts,
    answers: Sequence[Answer],
    ctx: ReviewContext,
    pack: PolicyPack | None = None,
) -> Recommendation:
    """The outcome, its reasons (item ids), the scope left, and what is still pending."""
    pack = pack or load_pack()
    found = _recommend(facts, answers, ctx, pack)
    pending = []
    for answer in answers:
        if answer.answer != Verdict.UNKNOWN:
            continue
        trial = [replace(a, answer=Verdict.FAIL) if a.id == answer.id else a for a in answers]
        other = _recommend(facts, trial, ctx, pack)
        if (other.outcome, other.scope) != (found.outcome, found.scope):
            pending.append(answer.id)
    return replace(found, pending=pending)


def _out(outcome: Outcome, reasons: list[str], scope: Scope, *explanation: str) -> Recommendation:
    return Recommendation(outcome, reasons, scope, [], [e for e in explanation if e])


def _failed(failing: Sequence[Answer], effect: Effect) -> list[str]:
    return [a.id for a in failing if a.effect == effect]


def _named(pack: PolicyPack, item_ids: list[str]) -> Word:
    """The items by their labels in the pack ("Signed, Dates in order"), never by id."""
    return word(lambda lang: ", ".join(pack.item_label(i, lang) for i in item_ids))


def _kind(kind: InstrumentKind, pack: PolicyPack) -> Word:
    """A kind of instrument inside a sentence: lower case in English, as German writes it."""
    return word(
        lambda lang: kind.label.lower() if lang == ENGLISH else pack.instrument_label(kind.kind, lang)
    )


def _recommend(
    facts: Facts, answers: Sequence[Answer], ctx: ReviewContext, pack: PolicyPack
) -> Recommendation:
    """Rules 0 to 2: what cannot be judged, is no data demand, or is not valid; then the scope's."""
    failing = [a for a in answers if a.answer == Verdict.FAIL]
    kind = instrument_kind(facts, pack)
    if READABLE in _failed(failing, Effect.ESCALATE):
        poor = next(a for a in failing if a.id == READABLE)
        return _out(
            Outcome.ESCALATE,
            [READABLE],
            Scope(),
            Said("decide.unreadable", note=poor.note),
        )
    if not facts.data_requested:
        return _out(Outcome.NOT_A_DATA_DEMAND, [], Scope(), Said("decide.no_data"))
    if kind is not None and not kind.data_demand:
        return _out(
            Outcome.NOT_A_DATA_DEMAND,
            [],
            Scope(),
            Said("decide.no_disclosure", kind=_kind(kind, pack)),
        )
    blocking = _failed(failing, Effect.BLOCKS)
    if blocking:
        return _out(Outcome.REJECT, blocking, Scope(), Said("decide.not_valid", items=_named(pack, blocking)))
    return _within_scope(facts, failing, _scope(facts, answers, ctx, pack), kind is None, pack)


def _within_scope(
    facts: Facts, failing: Sequence[Answer], scoped: _Scoped, unread: bool, pack: PolicyPack
) -> Recommendation:
    """Rules 3 to 8, for a valid data demand: what is left in scope, and what to do with it."""
    # Nothing left that could be disclosed: no concern or redirect changes that.
    narrowable = _failed(failing, Effect.NARROWABLE)
    # Identifiers are gone on positive evidence only (bulk, wildcards, malformed); targets that
    # could not be read leave the list empty without rejecting (see 3).
    ids_gone = not scoped.scope.identifiers and (SPECIFIC in narrowable or WELL_FORMED in scoped.struck)
    if ids_gone or not scoped.scope.categories:
        missing = "identifier" if ids_gone else "category"
        reasons = scoped.struck or ([SPECIFIC] if ids_gone else [SUFFICIENT])
        return _out(
            Outcome.REJECT,
            reasons,
            Scope(),
            *scoped.notes,
            Said(f"decide.nothing_left_{missing}"),
        )
    if not scoped.scope.identifiers:
        scoped.notes.append(Said("decide.no_target"))
    concerns = _failed(failing, Effect.ESCALATE)
    if concerns:
        return _out(
            Outcome.ESCALATE,
            concerns,
            scoped.scope,
            Said("decide.concern", items=_named(pack, concerns)),
            Said("decide.if_cleared"),
        )
    if unread:
        return _out(
            Outcome.ESCALATE,
            [OFFICIAL],
            scoped.scope,
            Said("decide.instrument_unread"),
        )
    redirects = _failed(failing, Effect.REDIRECTS)
    if redirects:
        return _out(
            Outcome.REDIRECT,
            redirects,
            Scope(),
            Said("decide.redirect"),
        )

    asks = [i for i in narrowable if i not in STRIKES]
    if asks:
        return _out(
            Outcome.NARROW,
            narrowable,
            scoped.scope,
            *scoped.notes,
            Said("decide.narrow", items=_named(pack, asks)),
        )
    content = scoped.content
    if is_emergency(facts):
        outcome = (
            Outcome.DISCLOSE_CONTENT if content and pack.emergency_content else Outcome.DISCLOSE_NONCONTENT
        )
        return _out(outcome, scoped.struck, scoped.scope, *scoped.notes, Said("decide.emergency"))
    outcome = Outcome.DISCLOSE_CONTENT if content else Outcome.DISCLOSE_NONCONTENT
    valid = Said("decide.disclose_content" if content else "decide.disclose_noncontent")
    return _out(outcome, scoped.struck, scoped.scope, *scoped.notes, valid)


def acceptable_scope(facts: Facts, answers: Sequence[Answer], ctx: ReviewContext, pack: PolicyPack) -> Scope:
    """What the demand names less what failing narrowable items rule out (rule 6), whatever the
    outcome: the scope a reviewer who narrows or discloses against a rejection starts from."""
    return _scope(facts, answers, ctx, pack).scope


def _scope(facts: Facts, answers: Sequence[Answer], ctx: ReviewContext, pack: PolicyPack) -> _Scoped:
    given = {a.id: a.answer for a in answers}

    def failed(item_id: str) -> bool:
        return given.get(item_id) == Verdict.FAIL

    struck: list[str] = []
    notes: list[str] = []

    def strike(item_id: str, note: str) -> None:
        if item_id not in struck:
            struck.append(item_id)
        if note not in notes:
            notes.append(note)

    kept_ids: list[str] = []
    for ident in facts.identifiers:
        problem, why = identifier_problem(ident, pack)
        if problem == "redacted":
            continue
        if problem == "bulk" and failed(SPECIFIC):
            strike(SPECIFIC, Said("decide.struck", why=why))
            continue
        if problem == "malformed" and failed(WELL_FORMED):
            strike(WELL_FORMED, Said("decide.struck", why=why))
            continue
        value = str(ident.value).strip()
        if value not in kept_ids:
            kept_ids.append(value)

    emergency = is_emergency(facts)
    civil = is_civil(facts, pack)
    content_ok, noncontent_ok = can_compel(facts, pack)
    bulk = {
        n for n, item in enumerate(facts.data_requested) if any(item is b for b, _ in bulk_items(facts, pack))
    }
    kept: list[DataRequest] = []
    for n, item in enumerate(facts.data_requested):
        category = category_word(item.category)
        if n in bulk and failed(SPECIFIC):
            strike(SPECIFIC, Said("decide.struck_unnamed", category=category))
            continue
        if emergency:
            if (failed(EMERGENCY_SCOPE) and not emergency_allows(item, pack)) or (
                item.is_content and not pack.emergency_content
            ):
                strike(EMERGENCY_SCOPE, Said("decide.struck_beyond_emergency", category=category))
                continue
        elif failed(SUFFICIENT) and (
            (item.is_content and not content_ok) or (not item.is_content and not noncontent_ok)
        ):
            part = "content" if item.is_content else "noncontent"
            strike(SUFFICIENT, Said(f"decide.struck_cannot_compel_{part}", category=category))
            continue
        if civil and item.is_content and failed(CONSENT):
            strike(CONSENT, Said("decide.struck_no_consent", category=category))
            continue
        kept.append(item)
    asked = {str(item.category) for item in kept}
    categories: list[str] = [c for c in CATEGORIES if c in asked]

    span = facts.date_range
    start, end = parse_date(span.start), parse_date(span.end)
    date_from = start.isoformat() if start else span.start
    date_to = end.isoformat() if end else span.end
    if failed(NOT_BROAD) and start is not None:
        last = end or served(ctx)
        if (last - start).days > ctx.max_range_days:
            date_from = (last - timedelta(days=ctx.max_range_days)).isoformat()
            date_to = last.isoformat()
            notes.append(Said("decide.clipped", days=ctx.max_range_days, end=date_to))
    content = any(item.is_content for item in kept)
    return _Scoped(Scope(kept_ids, categories, date_from, date_to), struck, notes, content)
