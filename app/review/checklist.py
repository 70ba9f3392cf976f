"""Answering the checklist of a policy pack for one demand.

Every item of the pack gets an answer, in the pack's order:

- "not_applicable" when its ``applies_to`` excludes the case (an emergency item for a
  subpoena, a civil item for a warrant);
- otherwise the answer of its evaluator, with the evidence it rests on; an item only
  the reviewer can answer (``evaluate = ""``) is "unknown" until they do;
- a reviewer's override replaces the automatic answer: the source becomes "reviewer",
  the reason becomes the note, and the evidence found automatically is kept so the
  reviewer's answer can still be checked against the page.

Whether a case is an enterprise case is often not known at first. An enterprise item
is then evaluated anyway and cannot answer better than "unknown", so it stays visible
as a question rather than disappearing as not applicable.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.enums import ANSWERS, Source, Verdict
from app.domain.facts import Facts
from app.review.evaluators import EVALUATORS
from app.review.findings import Finding, is_civil, is_emergency, is_enterprise
from app.review.model import Answer, ReviewContext
from app.review.policy import ChecklistItem, PolicyPack, load_pack
from app.review.said import Said


def applies(item: ChecklistItem, facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> bool | None:
    """Whether the item applies to this case: True, False, or None when that is not known yet."""
    if not item.applies_to:
        return True
    undecided = False
    for target in item.applies_to:
        if target == "emergency":
            hit: bool | None = is_emergency(facts)
        elif target == "civil":
            hit = is_civil(facts, pack)
        elif target == "enterprise":
            hit = is_enterprise(ctx)
        else:
            hit = facts.instrument == target
        if hit:
            return True
        undecided = undecided or hit is None
    return None if undecided else False


def _automatic(item: ChecklistItem, facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    applicable = applies(item, facts, ctx, pack)
    if applicable is False:
        return Finding(Verdict.NOT_APPLICABLE, (), Said("checklist.not_applicable"))
    if not item.evaluate:
        return Finding(Verdict.UNKNOWN, (), Said("checklist.reviewer_only"))
    found = EVALUATORS[item.evaluate](facts, ctx, pack)
    if applicable is None and found.answer in (Verdict.PASS, Verdict.FAIL):
        return Finding(Verdict.UNKNOWN, found.evidence, Said("checklist.applies_unknown", note=found.note))
    return found


def evaluate(
    facts: Facts,
    ctx: ReviewContext,
    pack: PolicyPack | None = None,
    overrides: Mapping[str, tuple[str, str]] | None = None,
) -> list[Answer]:
    """Every checklist item of the pack, answered automatically where possible.

    ``overrides`` maps an item id to the reviewer's (answer, reason). An override that
    changes the automatic answer needs a reason; one that only confirms it does not.
    """
    pack = pack or load_pack()
    overrides = dict(overrides or {})
    known = {item.id for item in pack.items}
    for item_id, (answer, _reason) in overrides.items():
        if item_id not in known:
            raise ValueError(f"No checklist item {item_id!r} in policy pack {pack.version}.")
        if answer not in ANSWERS:
            raise ValueError(f"{item_id}: an answer is one of {', '.join(ANSWERS)}, not {answer!r}.")
    out = []
    for item in pack.items:
        found = _automatic(item, facts, ctx, pack)
        answer, source, note = found.answer, Source.AUTO, found.note
        if item.id in overrides:
            given, reason = overrides[item.id]
            if given != found.answer and not reason.strip():
                raise ValueError(f"{item.id}: say why it is {given} when the checklist found {found.answer}.")
            answer, source, note = (
                Verdict(given),
                Source.REVIEWER,
                reason.strip() or Said("checklist.confirmed", note=found.note),
            )
        out.append(
            Answer(
                id=item.id,
                group=item.group,
                answer=answer,
                source=source,
                evidence=found.evidence,
                rule=item.rule,
                note=note,
                effect=item.effect,
            )
        )
    return out
