"""Reviewing a stored case: the checklist, the reviewer's answers, the decision and its approval.

``Review(desk)`` is what the window and the command line call. The engine it drives
(``checklist``, ``decide``) is pure; here the case's facts, the reviewer's answers and
what the reviewer established about the case are read from the store, and every
change is written in one transaction with its audit event.

Four eyes: a decision that discloses data waits in "awaiting approval" until a second
reviewer, signing with their own PIN, approves it. An approved decision is never
changed; deciding again makes a new revision. Each decision keeps the facts, answers
and context it was made from (``basis``) and the pack version, so ``replay`` can show
that the same pack gives the same recommendation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from app.domain.enums import ANSWERS, DISCLOSING, Outcome
from app.domain.enums import DECISION_OUTCOMES as OUTCOMES
from app.domain.facts import Facts, Provenance, Reading
from app.intake.facts import file_number_key
from app.jsontypes import JsonObject, JsonValue
from app.model import CaseId, CaseStatus
from app.review import approval, checklist, decide, limits
from app.review.decisions import Assessment, Decision, decision_from_row
from app.review.model import (
    Answer,
    Recommendation,
    ReviewContext,
    ScopeJson,
    context_from_json,
    context_to_json,
    context_with,
    empty_scope,
    recommendation_to_json,
    scope_to_json,
    stored_scope_to_json,
)
from app.review.policy import PolicyPack, load_pack
from app.review.summary import ApprovalSummary, Leaving, leaving
from app.services import Desk, DeskError, WrongPinError
from db.disclosures import DISCLOSURE_KIND

# What a reviewer may establish about a case (ReviewContext's fields a scan cannot tell).
CONTEXT_KEYS = {
    "enterprise_customer": bool,
    "enterprise_exception": bool,
    "enterprise_seats": int,
    "data_stored_in": str,
    "target_is_journalist_or_activist": bool,
    "offence": str,
    "offence_criminalises_protected_activity": bool,
    "owner_consent": bool,
}


class DecisionRefused(DeskError):
    """``decide`` refused: each broken rule, named, in one line; nothing was stored."""

    def __init__(self, refused: Sequence[limits.Refusal], note: str = "") -> None:
        self.refusals = list(refused)
        self.overridable = all(r.overridable for r in self.refusals)
        if not note and self.overridable:
            note = "A senior reviewer may override this with a written reason."
        lines = "; ".join(r.line() for r in self.refusals)
        super().__init__(f"Refused: {lines}." + (f" {note}" if note else ""))


class Review:
    def __init__(self, desk: Desk, pack: PolicyPack | None = None) -> None:
        self.desk = desk
        self.store = desk.store
        self.pack = pack or load_pack()

    # -- reading -------------------------------------------------------------------------

    def facts(self, case_id: CaseId) -> Facts:
        """The case's facts, with where each scalar fact was read (for the checklist's evidence)."""
        values = self.desk.fact_values(case_id)
        return replace(
            Facts.from_json(self.desk.facts(case_id)),
            provenance={
                f.key: Provenance(
                    f.page,
                    f.box if f.box else None,
                    str(f.value),
                    f.confidence if f.source == "auto" else None,
                )
                for f in values
                if f.value is not None and f.page is not None
            },
            # What the reviewer set is evidence in itself, wherever (and whether) it was read.
            corrected=tuple(f.key for f in values if f.source == "reviewer"),
            reading=self.reading(case_id),
        )

    def review_facts(self, case_id: CaseId) -> JsonObject:
        """``facts`` as the Facts JSON with ``_provenance``, ``_corrected`` and ``_reading``."""
        return self.facts(case_id).to_json()

    def reading(self, case_id: CaseId) -> Reading:
        """How well the scan was read: pages, words, and words read below the pack's confidence."""
        pages = self.desk.pages(case_id)
        cut = self.pack.poor_word_confidence
        # Specks OCR reads on a blank page ("|", "~") are not words.
        words = [w for p in pages for w in p.words if any(c.isalnum() for c in w.text)]
        return Reading(
            pages=len(pages),
            ocr_words=len(words),
            low_confidence_words=sum(1 for w in words if w.confidence < cut),
        )

    def context(self, case_id: CaseId) -> ReviewContext:
        values: dict[str, JsonValue] = {
            r["key"]: json.loads(r["value"]) for r in self.store.get_review_context(case_id)
        }
        entities = self.desk.provider_entities()
        if entities:
            values["provider_entities"] = list(entities)
        if self.desk.data_dir.requesters_path.exists():
            values["directory_extra"] = str(self.desk.data_dir.requesters_path)
        return context_with(self.desk.clock().date(), self.desk.received(case_id), values)

    def overrides(self, case_id: CaseId) -> dict[str, tuple[str, str]]:
        return {
            r["item_id"]: (r["answer"], r["reason"] or "")
            for r in self.store.get_answers(case_id)
            if r["source"] == "reviewer"
        }

    def assess(self, case_id: CaseId) -> Assessment:
        facts = self.facts(case_id)
        ctx = self.context(case_id)
        answers = checklist.evaluate(facts, ctx, self.pack, overrides=self.overrides(case_id))
        recommendation = decide.recommend(facts, answers, ctx, self.pack)
        return Assessment(
            case_id,
            self.pack.version,
            answers,
            recommendation,
            self.related_cases(case_id),
            facts.preservation_holds,  # Desk.facts carries them (app/holds)
        )

    def related_cases(self, case_id: CaseId) -> dict[str, list[str]]:
        own = [r["normalized"] for r in self.store.get_identifiers(case_id) if r["normalized"]]
        related: dict[str, list[str]] = {}
        for row in self.store.cases_with_identifiers(own):
            if row["case_id"] == case_id:
                continue
            other = self.store.get_case(row["case_id"])
            if other is not None:
                related.setdefault(row["normalized"], []).append(other["reference"])
        # A letter or order about a demand names it by its file or docket number.
        for label, reference in self._same_file_number(case_id):
            related.setdefault(label, []).append(reference)
        return {k: sorted(v) for k, v in sorted(related.items())}

    def _same_file_number(self, case_id: CaseId) -> list[tuple[str, str]]:
        """("file number N", reference) of every other case whose file or docket number is this one's."""
        numbers = {r["case_id"]: json.loads(r["value"]) for r in self.store.fact_values("file_number")}
        own = numbers.get(case_id)
        key = file_number_key(own) if isinstance(own, str) else None
        if key is None:
            return []
        found = []
        for other_id, value in numbers.items():
            if other_id != case_id and isinstance(value, str) and file_number_key(value) == key:
                other = self.store.get_case(other_id)
                if other is not None:
                    found.append((f"file number {own}", other["reference"]))
        return found

    def decisions(self, case_id: CaseId) -> list[Decision]:
        return [decision_from_row(r) for r in self.store.get_decisions(case_id)]

    def decision(self, case_id: CaseId) -> Decision | None:
        found = self.decisions(case_id)
        return found[-1] if found else None

    # -- the reviewer's answers ----------------------------------------------------------

    def answer(self, case_id: CaseId, item_id: str, answer: str, reason: str = "") -> Answer:
        """Confirm or override an item. An override (an answer the checklist did not give) needs a reason."""
        actor = self.desk.actor()
        if answer not in ANSWERS:
            raise DeskError(f"An answer is one of {', '.join(ANSWERS)}, not {answer!r}.")
        current = {a.id: a for a in self.assess(case_id).answers}
        if item_id not in current:
            raise DeskError(f"There is no checklist item {item_id!r}.")
        automatic = {
            a.id: a for a in checklist.evaluate(self.facts(case_id), self.context(case_id), self.pack)
        }[item_id]
        if answer != automatic.answer and not reason.strip():
            raise DeskError(f"Say why {item_id} is {answer} when the checklist found {automatic.answer}.")
        now = self.desk.now()
        with self.store.atomic():
            self.store.upsert_answer(
                {
                    "case_id": case_id,
                    "item_id": item_id,
                    "answer": answer,
                    "source": "reviewer",
                    "evidence": json.dumps([]),
                    "reason": reason.strip() or None,
                    "reviewer": actor,
                    "answered_at": now,
                }
            )
            self.desk.touch_case(case_id, now)
            self.desk.record(
                "checklist.answered",
                case_id,
                {
                    "item": item_id,
                    "answer": answer,
                    "automatic": automatic.answer,
                    "previous": current[item_id].answer,
                    "reason": reason.strip(),
                },
                actor=actor,
            )
        return {a.id: a for a in self.assess(case_id).answers}[item_id]

    def clear_answer(self, case_id: CaseId, item_id: str) -> None:
        """Give an item back to the checklist's own answer."""
        actor = self.desk.actor()
        with self.store.atomic():
            self.store.delete_answer(case_id, item_id)
            self.desk.record("checklist.cleared", case_id, {"item": item_id}, actor=actor)

    def set_context(
        self, case_id: CaseId, key: str, value: bool | int | str | None, reason: str = ""
    ) -> None:
        """Record a fact about the case that the scan cannot tell (None forgets it)."""
        actor = self.desk.actor()
        if key not in CONTEXT_KEYS:
            raise DeskError(f"Unknown case fact {key!r}; known: {', '.join(sorted(CONTEXT_KEYS))}.")
        kind = CONTEXT_KEYS[key]
        if value is not None and not isinstance(value, kind):
            raise DeskError(f"{key} takes a {kind.__name__}, not {value!r}.")
        if kind is str and isinstance(value, str):
            value = value.strip() or None
            if key == "data_stored_in" and value is not None:
                value = value.upper()
        now = self.desk.now()
        with self.store.atomic():
            if value is None:
                self.store.delete_review_context(case_id, key)
            else:
                self.store.set_review_context(
                    {
                        "case_id": case_id,
                        "key": key,
                        "value": json.dumps(value),
                        "reason": reason.strip() or None,
                        "reviewer": actor,
                        "set_at": now,
                    }
                )
            self.desk.touch_case(case_id, now)
            self.desk.record(
                "case_fact.set", case_id, {"key": key, "value": value, "reason": reason.strip()}, actor=actor
            )

    # -- deciding ------------------------------------------------------------------------

    def decide(
        self,
        case_id: CaseId,
        outcome: str,
        reasons: Sequence[str] = (),
        scope: Mapping[str, object] | None = None,
        *,
        override_reason: str = "",
    ) -> Decision:
        """Record the reviewer's decision; without a scope, the recommended one is taken.

        Refused (``DecisionRefused``, nothing stored) when the outcome or scope breaks a
        rule of ``app.review.limits``; a senior reviewer may override the overridable ones
        with ``override_reason``, which is stored with the decision and audited.
        """
        actor = self.desk.actor()
        case = self.store.get_case(case_id)
        if case is not None and case["instrument"] == DISCLOSURE_KIND:
            raise DeskError(
                "This case is a disclosure made without legal process: there is no demand to decide. "
                "A second reviewer approves it (disclosure approve)."
            )
        if outcome not in OUTCOMES:
            raise DeskError(f"An outcome is one of {', '.join(OUTCOMES)}, not {outcome!r}.")
        assessment = self.assess(case_id)
        ids = {a.id for a in assessment.answers}
        unknown = [r for r in reasons if r not in ids]
        if unknown:
            raise DeskError(f"No checklist item {', '.join(unknown)}.")
        recommended = assessment.recommendation
        if (
            recommended.outcome == Outcome.ESCALATE
            and outcome != Outcome.ESCALATE
            and not self.desk.is_senior()
        ):
            raise DeskError(
                "The checklist escalates this case ("
                + ", ".join(recommended.reasons or ["a concern"])
                + "): "
                "a senior reviewer decides it. Record 'escalate' to pass it on."
            )
        facts = self.facts(case_id)
        chosen = self._chosen_scope(case_id, outcome, scope, facts, assessment)
        refused = limits.refusals(outcome, chosen, facts, assessment.answers, self.pack)
        override = self._override(refused, override_reason)
        chosen_reasons = list(reasons) or list(recommended.reasons)
        self._record_decision(case_id, actor, outcome, chosen_reasons, chosen, facts, recommended, override)
        decision = self.decision(case_id)
        assert decision is not None  # noqa: S101 - just written
        return decision

    def _record_decision(
        self,
        case_id: CaseId,
        actor: str,
        outcome: str,
        reasons: list[str],
        chosen: ScopeJson,
        facts: Facts,
        recommended: Recommendation,
        override: JsonObject | None,
    ) -> None:
        """Store a decision that passed every check, with the basis it was made on, and audit it."""
        previous = self.decision(case_id)
        now = self.desk.now()
        basis: JsonObject = {
            "facts": facts.to_json(),
            "context": context_to_json(self.context(case_id)),
            "overrides": {k: list(v) for k, v in self.overrides(case_id).items()},
        }
        revision = (previous.revision + 1) if previous else 1
        rules = override["rules"] if override else []
        row: dict[str, str | int | None] = {
            "case_id": case_id,
            "revision": revision,
            "outcome": outcome,
            "reasons": json.dumps(reasons),
            "scope": json.dumps(chosen),
            "policy_version": self.pack.version,
            "decided_by": actor,
            "decided_at": now,
            "basis": json.dumps(basis, default=str),
            "recommended": json.dumps(recommendation_to_json(recommended)),
            "override_reason": str(override["reason"]) if override else None,
            "override_rules": json.dumps(rules),
        }
        status = (
            CaseStatus.AWAITING_APPROVAL
            if outcome in DISCLOSING
            else CaseStatus.IN_REVIEW  # escalated: a senior reviewer decides it
            if outcome == Outcome.ESCALATE
            else CaseStatus.DECIDED
        )
        payload: JsonObject = {
            "revision": revision,
            "outcome": outcome,
            "recommended": recommended.outcome,
            "reasons": list(reasons),
            "scope": stored_scope_to_json(chosen),
            "policy_version": self.pack.version,
        }
        if override:
            payload["override"] = override
        with self.store.atomic():
            self.store.insert_decision(row)
            self.store.update_case(case_id, {"status": status.value, "updated_at": now})
            self.desk.record(
                "decision.revised" if previous else "decision.made", case_id, payload, actor=actor
            )

    def check_decision(
        self, case_id: CaseId, outcome: str, scope: Mapping[str, object] | None = None
    ) -> tuple[ScopeJson, list[limits.Refusal]]:
        """The scope ``decide`` would store and why it would refuse, without storing anything.

        Raises ``DecisionRefused`` for a scope nobody may record. The window asks this
        before its confirmation, so the reviewer confirms exactly what would be stored.
        """
        if outcome not in OUTCOMES:
            raise DeskError(f"An outcome is one of {', '.join(OUTCOMES)}, not {outcome!r}.")
        assessment = self.assess(case_id)
        facts = self.facts(case_id)
        chosen = self._chosen_scope(case_id, outcome, scope, facts, assessment)
        return chosen, limits.refusals(outcome, chosen, facts, assessment.answers, self.pack)

    def leaving(self, case_id: CaseId, scope: ScopeJson) -> Leaving:
        """A scope in words (identifiers, categories, dates): what a disclosure lets leave."""
        return leaving(scope, Facts.from_json(self.desk.facts(case_id)))

    def _chosen_scope(
        self,
        case_id: CaseId,
        outcome: str,
        scope: Mapping[str, object] | None,
        facts: Facts,
        assessment: Assessment,
    ) -> ScopeJson:
        if outcome not in (*DISCLOSING, Outcome.NARROW):
            if scope is not None:  # discarded, but a scope wider than the demand is still refused
                self._checked(scope, facts)
            return empty_scope()
        if scope is not None:
            return self._checked(scope, facts)
        default = assessment.recommendation.scope
        if not default.identifiers:
            # The recommendation keeps nothing (a rejection); narrowing starts from what would be acceptable.
            default = decide.acceptable_scope(facts, assessment.answers, self.context(case_id), self.pack)
        chosen = self._checked(scope_to_json(limits.usable_default(default)), facts)
        if outcome == Outcome.DISCLOSE_NONCONTENT:  # the recommended scope less its content
            content = set(limits.content_in(chosen, facts))
            chosen["categories"] = [c for c in chosen["categories"] if c not in content]
        return chosen

    @staticmethod
    def _checked(scope: Mapping[str, object], facts: Facts) -> ScopeJson:
        try:
            return limits.check_scope(scope, facts)
        except limits.ScopeRefused as exc:
            raise DecisionRefused([limits.Refusal(exc.rule, exc.message, False)]) from None

    def _override(self, refused: list[limits.Refusal], reason: str) -> JsonObject | None:
        """The override to store, or the refusal: only a senior reviewer, only with a reason."""
        reason = " ".join(reason.split())
        if not refused:
            if reason:
                raise DeskError("Nothing here is refused, so there is nothing to override.")
            return None
        if not reason or any(not r.overridable for r in refused):
            raise DecisionRefused(refused)
        if not self.desk.is_senior():
            raise DecisionRefused(
                refused, f"Only a senior reviewer may override this; {self.desk.actor()} is not one."
            )
        return {"by": self.desk.actor(), "reason": reason, "rules": [r.rule for r in refused]}

    def approval_summary(self, case_id: CaseId) -> ApprovalSummary:
        """What the latest decision lets leave, the recommendation beside it, and what is still open."""
        decision = self.decision(case_id)
        if decision is None:
            raise DeskError("The case has no decision to approve.")
        row = self.store.get_decisions(case_id)[-1]
        then = json.loads(row["recommended"]) if row["recommended"] else {}
        assessment = self.assess(case_id)
        words = self.leaving(case_id, decision.scope)
        return ApprovalSummary(
            case_id=case_id,
            revision=decision.revision,
            outcome=decision.outcome,
            decided_by=decision.decided_by,
            recommendation=str(then.get("outcome") or assessment.recommendation.outcome),
            recommendation_reasons=list(then.get("reasons") or []),
            identifiers=words.identifiers,
            categories=words.categories,
            date_range=words.date_range,
            open_items=limits.open_items(assessment.answers, self.pack),
            override=decision.override,
            warnings=approval.candidate_warnings(
                self.desk, decision, [r.name for r in self.desk.reviewers()]
            ),
        )

    def approve(self, case_id: CaseId, reviewer: str, pin: str) -> Decision:
        """A second reviewer approves a decision that discloses data (four eyes)."""
        try:
            approver = self.desk.check_pin(reviewer, pin)
        except WrongPinError as exc:
            raise DeskError(str(exc)) from None
        return self._approve(case_id, approver.name)

    def approve_signed_in(self, case_id: CaseId) -> Decision:
        """Approve as the reviewer signed in (with their PIN) on this desk."""
        return self._approve(case_id, self.desk.actor())

    def approval_notes(self, case_id: CaseId) -> list[str]:
        """For the case: an approval by someone who left, came by sync, or was enrolled by the decider."""
        decision = self.decision(case_id)
        return approval.approval_notes(self.desk, decision) if decision else []

    def _awaiting(self, case_id: CaseId) -> Decision:
        decision = self.decision(case_id)
        if decision is None:
            raise DeskError("The case has no decision to approve.")
        if decision.outcome not in DISCLOSING:
            raise DeskError(f"A decision to {decision.outcome} discloses nothing and needs no approval.")
        if decision.approved_by is not None:
            raise DeskError(f"Revision {decision.revision} is already approved by {decision.approved_by}.")
        return decision

    def _approve(self, case_id: CaseId, approver: str) -> Decision:
        decision = self._awaiting(case_id)
        try:  # who may approve: not the decider, nor anyone enrolled after the decision
            flags = approval.check_approver(self.desk, decision, approver)
        except approval.ApprovalRefused as exc:
            raise DeskError(str(exc)) from None
        now = self.desk.now()
        row = self.store.get_decisions(case_id)[-1]
        with self.store.atomic():
            self.store.approve_decision(row["id"], approver, now)
            self.store.update_case(case_id, {"status": CaseStatus.DECIDED.value, "updated_at": now})
            self.desk.record(
                "decision.approved",
                case_id,
                {"revision": decision.revision, "outcome": decision.outcome, "flags": flags},
                actor=approver,
            )
        approved = self.decision(case_id)
        assert approved is not None  # noqa: S101 - just written
        return approved

    def replay(self, case_id: CaseId, revision: int | None = None) -> JsonObject:
        """The recommendation a decision's basis gives under the current pack, beside the one it got."""
        rows = self.store.get_decisions(case_id)
        if revision is not None:
            rows = [r for r in rows if r["revision"] == revision]
        if not rows:
            raise DeskError("No such decision.")
        row = rows[-1]
        basis = json.loads(row["basis"])
        ctx = context_from_json(basis.get("context", {}))
        overrides = {k: (v[0], v[1]) for k, v in basis.get("overrides", {}).items()}
        facts = Facts.from_json(basis["facts"])
        answers = checklist.evaluate(facts, ctx, self.pack, overrides=overrides)
        again = recommendation_to_json(decide.recommend(facts, answers, ctx, self.pack))
        then = json.loads(row["recommended"]) if row["recommended"] else None
        return {
            "revision": row["revision"],
            "policy_version": row["policy_version"],
            "replayed_with": self.pack.version,
            "recommended_then": then,
            "recommended_now": again,
            "same": then == again,
        }


def import_directory(desk: Desk, source: Path) -> int:
    """Add the authorities of a CSV to this workstation's directory; how many are new (audited)."""
    from app.review.requesters import DirectoryError, import_csv

    actor = desk.actor()
    try:
        added = import_csv(source, desk.data_dir.requesters_path)
    except DirectoryError as exc:
        raise DeskError(str(exc)) from None
    desk.record("directory.imported", None, {"file": source.name, "added": added}, actor=actor)
    return added
