"""What a letter may say about its case: the ``LetterContext`` the templates fill in.

Gathered from the case's facts, its decision and assessment (the failed items' rules), its
secrecy order, its preservation hold, the letterhead settings and, for a reimbursement
request, the itemised costs. ``Letters.context`` is the way in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.holds.service import Holds
from app.jsontypes import JsonObject
from app.letters import templates
from app.model import CaseId
from app.review.model import empty_scope
from app.schedule.notices import effective_expiry, order_ended
from app.schedule.service import read_order

if TYPE_CHECKING:
    from app.letters.service import Letters
    from app.review.decisions import Assessment, Decision
    from app.review.service import Review

# The invoice for the costs of complying (app/costs): drafted only once the cost is sought.
REIMBURSEMENT = "reimbursement"


def letter_context(letters: Letters, case_id: CaseId, kind: str | None = None) -> templates.LetterContext:
    """What the templates fill in: the case, its decision, the failed items' rules, the letterhead
    (and for a reimbursement request, the itemised costs)."""
    desk, review = letters.desk, letters.review
    facts = desk.facts(case_id)
    decision = review.decision(case_id)
    assessment = review.assess(case_id)
    reasons = _reasons(review, decision, assessment)
    scope = decision.scope if decision else empty_scope()
    dates = scope.get("date_range") or {}
    asked_content = any(d["content"] for d in facts["data_requested"])
    kept_content = "content" in (scope.get("categories") or [])
    settings = letters.letterhead_settings()
    secrecy = facts.get("secrecy_order") or {}
    order = read_order(desk, case_id)
    today = desk.clock().date()
    ended = order_ended(order, today) if order is not None else None
    expiry = effective_expiry(order) if order is not None else None

    def setting(key: str) -> str:
        value = settings.get(key)
        return value if isinstance(value, str) else ""

    ctx = templates.LetterContext(
        reference=letters.our_reference(facts["reference"], kind=""),
        date=today.isoformat(),
        requester_name=facts.get("issuing_authority") or "",
        requester_address=[],
        addressee_name="",  # no person is named: "Dear Sir or Madam"
        outcome=decision.outcome if decision else assessment.recommendation.outcome,
        emergency=bool(facts.get("emergency")),
        instrument=facts.get("instrument") or "",
        # As the law where it was issued names it; the template names the kind otherwise.
        instrument_label=review.pack.local_name(
            _text(facts, "instrument"), _text(facts, "country"), _text(facts, "issuing_authority")
        )
        or "",
        country=facts.get("country") or "",
        date_issued=facts.get("date_issued") or "",
        reasons=reasons,
        identifiers=list(scope.get("identifiers") or []),
        categories=list(scope.get("categories") or []),
        date_from=dates.get("from"),
        date_to=dates.get("to"),
        # The template words it in its own language.
        instrument_needed="search_warrant" if asked_content and not kept_content else None,
        enterprise_customer=None,
        secrecy_statute=(order.statute if order is not None else None) or secrecy.get("statute") or "",
        secrecy_expires=expiry.isoformat() if expiry else secrecy.get("expires"),
        secrecy_ended=ended.isoformat() if ended else None,
        secrecy_in_force=order is not None and ended is None,
        emergency_summary=facts.get("emergency_summary") or "",
        demand_reference=facts.get("file_number") or "",
        # The letterhead's: the organisation the letter comes from and who signs it.
        organisation=setting("organisation"),
        legal_entity=setting("legal_entity"),
        contact=setting("contact"),
        signature_name=setting("signature_name"),
        signature_title=setting("signature_title"),
    )
    hold = Holds(desk).letter_values(case_id)
    if hold is not None:
        ctx = replace(ctx, **hold)
    if kind == REIMBURSEMENT:
        payment = settings.get("payment_lines") or []
        ctx = replace(ctx, **letters.costs().letter_values(case_id, list(payment)))
    return ctx


def _reasons(review: Review, decision: Decision | None, assessment: Assessment) -> list[templates.Reason]:
    """The failed items the decision rests on (or the assessment's), with their rules."""
    items = {i.id: i for i in review.pack.items} if hasattr(review.pack, "items") else {}
    answers = {a.id: a for a in assessment.answers}
    reason_ids = decision.reasons if decision else list(assessment.recommendation.reasons)
    if not reason_ids:
        reason_ids = [a.id for a in assessment.answers if a.answer == "fail"]
    reasons = []
    for rid in reason_ids:
        item = items.get(rid)
        answer = answers.get(rid)
        reasons.append(
            templates.Reason(
                id=rid,
                question=getattr(item, "question", rid),
                rule=getattr(item, "rule", answer.rule if answer else ""),
                # The reviewer's own remark only: a checker's note is the program's words,
                # not the provider's, and never goes to the requester.
                note=answer.note if answer and answer.source == "reviewer" else "",
            )
        )
    return reasons


def _text(facts: JsonObject, key: str) -> str | None:
    value = facts.get(key)
    return value if isinstance(value, str) else None
