"""The evaluators of a demand's circumstances: an emergency request, a civil party, an
enterprise customer's data, and the human-rights review.

They are filed in ``CIRCUMSTANCES`` under the names checklist.toml calls them by;
``app.review.evaluators`` adds them to ``EVALUATORS`` beside the validity ones.
"""

from __future__ import annotations

from app.domain.enums import Verdict
from app.domain.facts import DataRequest, Facts
from app.review.findings import (
    Evaluator,
    Finding,
    code_word,
    country_word,
    fact_evidence,
    is_enterprise,
    item_evidence,
    registrar,
    secrecy_evidence,
    seen,
)
from app.review.model import ReviewContext
from app.review.policy import PolicyPack
from app.review.said import Said, word

CIRCUMSTANCES: dict[str, Evaluator] = {}
evaluator = registrar(CIRCUMSTANCES)


# ------------------------------------------------------------------------------ emergency


@evaluator("emergency_in_writing")
def emergency_in_writing(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    letterhead = facts.letterhead
    evidence = fact_evidence(facts, "letterhead", "issuing_authority")
    if letterhead is True:
        return Finding(Verdict.PASS, evidence, Said("emergency.letterhead"))
    if letterhead is False:
        return Finding(Verdict.FAIL, evidence, Said("emergency.no_letterhead"))
    return Finding(Verdict.UNKNOWN, evidence, Said("emergency.letterhead_unknown"))


@evaluator("emergency_signed_by_law_enforcement")
def emergency_signed_by_law_enforcement(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    authority = facts.issuing_authority
    evidence = fact_evidence(facts, "issuing_authority", "signed")
    if facts.signed is False and seen(facts, "signed"):
        return Finding(Verdict.FAIL, evidence, Said("emergency.unsigned"))
    if not authority:
        return Finding(Verdict.UNKNOWN, evidence, Said("emergency.authority_unread"))
    if pack.words.law_enforcement.search(str(authority)) is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("emergency.not_police", authority=authority))
    if facts.signed is not True:
        return Finding(Verdict.UNKNOWN, evidence, Said("emergency.signed_unread", authority=authority))
    return Finding(Verdict.PASS, evidence, Said("emergency.signed", authority=authority))


def _statement(facts: Facts, key: str, missing: Said) -> Finding:
    value = facts.scalar(key)
    evidence = fact_evidence(facts, key)
    if value is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("emergency.reviewer_reads"))
    if not str(value).strip():
        return Finding(Verdict.FAIL, evidence, missing)
    return Finding(Verdict.PASS, evidence, Said("emergency.as_read", text=str(value).strip()))


@evaluator("emergency_summary")
def emergency_summary(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    return _statement(facts, "emergency_summary", Said("emergency.no_summary"))


@evaluator("emergency_how_data_helps")
def emergency_how_data_helps(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    return _statement(facts, "emergency_how_data_helps", Said("emergency.no_help"))


def emergency_allows(item: DataRequest, pack: PolicyPack) -> bool:
    if item.is_content:
        return pack.emergency_content
    return item.category in pack.emergency_categories


@evaluator("emergency_scope_limited")
def emergency_scope_limited(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    items = facts.data_requested
    beyond = [d for d in items if not emergency_allows(d, pack)]
    if beyond:
        return Finding(
            Verdict.FAIL,
            tuple(item_evidence(d) for d in beyond),
            Said("emergency.beyond", categories=", ".join(sorted({str(d.category) for d in beyond}))),
        )
    return Finding(Verdict.PASS, tuple(item_evidence(d) for d in items), Said("emergency.limited"))


# ------------------------------------------------------------------------------ civil


@evaluator("civil_owner_consent")
def civil_owner_consent(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    content = [d for d in facts.data_requested if d.is_content]
    evidence = tuple(item_evidence(d) for d in content)
    if not content:
        return Finding(Verdict.NOT_APPLICABLE, (), Said("civil.no_content"))
    if ctx.owner_consent is True:
        return Finding(Verdict.PASS, evidence, Said("civil.consented"))
    if ctx.owner_consent is False:
        return Finding(Verdict.FAIL, evidence, Said("civil.no_consent"))
    return Finding(Verdict.UNKNOWN, evidence, Said("civil.consent_unknown"))


@evaluator("civil_notice")
def civil_notice(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    secrecy = facts.secrecy_order
    evidence = secrecy_evidence(facts)
    if secrecy.present is True:
        until = secrecy.expires
        return Finding(
            Verdict.FAIL,
            evidence,
            Said("civil.secrecy_until", until=until) if until else Said("civil.secrecy"),
        )
    if secrecy.present is False:
        return Finding(Verdict.PASS, evidence, Said("civil.no_secrecy"))
    return Finding(Verdict.UNKNOWN, evidence, Said("civil.secrecy_unread"))


# ------------------------------------------------------------------------------ enterprise


@evaluator("enterprise_redirect")
def enterprise_redirect(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    enterprise = is_enterprise(ctx)
    seats = Said("enterprise.seats", seats=ctx.enterprise_seats) if ctx.enterprise_seats else ""
    if enterprise is None:
        return Finding(Verdict.UNKNOWN, (), Said("enterprise.unknown"))
    if enterprise is False:
        return Finding(Verdict.NOT_APPLICABLE, (), Said("enterprise.consumer"))
    if ctx.enterprise_exception is True:
        return Finding(Verdict.PASS, (), Said("enterprise.exception", seats=seats))
    # Exceptions are the rare case, so redirecting is the default until one is recorded.
    unless = "" if ctx.enterprise_exception is False else Said("enterprise.unless")
    return Finding(Verdict.FAIL, (), Said("enterprise.redirect", seats=seats, unless=unless))


@evaluator("data_location")
def data_location(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    country = str(facts.country or "").upper()
    stored = (ctx.data_stored_in or "").upper()
    evidence = fact_evidence(facts, "country")
    if not stored:
        return Finding(Verdict.UNKNOWN, evidence, Said("location.unrecorded"))
    if not country:
        return Finding(Verdict.UNKNOWN, evidence, Said("location.country_unknown", stored=code_word(stored)))
    if stored == country:
        return Finding(Verdict.PASS, evidence, Said("location.same", stored=code_word(stored)))
    return Finding(
        Verdict.FAIL,
        evidence,
        Said("location.abroad", stored=code_word(stored), country=code_word(country)),
    )


# ------------------------------------------------------------------------------ human rights


@evaluator("country_baseline")
def country_baseline(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    jurisdiction = pack.jurisdiction(facts.country)
    evidence = fact_evidence(facts, "country")
    if jurisdiction is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("country.unread"))
    baseline = jurisdiction.human_rights
    # A level notes.toml names is said in the language; another stays as its country file writes it.
    level = (
        Said(f"rights.levels.{baseline.level}")
        if baseline.level in ("standard", "elevated", "high")
        else baseline.level
    )
    notes = word(lambda lang: pack.jurisdiction_text(jurisdiction, "human_rights.notes", lang))
    note = Said("rights.baseline", country=country_word(jurisdiction), level=level, notes=notes)
    return Finding(Verdict.FAIL if baseline.level == "high" else Verdict.PASS, evidence, note)


@evaluator("offence_protected_activity")
def offence_protected_activity(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    offence = ctx.offence or facts.offence
    evidence = fact_evidence(facts, "offence") if facts.offence else ()
    said = ctx.offence_criminalises_protected_activity
    if said is True:
        return Finding(
            Verdict.FAIL,
            evidence,
            Said("rights.offence_protected", offence=offence or Said("rights.the_offence")),
        )
    if said is False:
        return Finding(
            Verdict.PASS, evidence, Said("rights.offence_fine", offence=offence or Said("rights.the_offence"))
        )
    if not offence:
        return Finding(Verdict.UNKNOWN, evidence, Said("rights.offence_unknown"))
    for activity, phrases in pack.words.protected_activity.items():
        m = phrases.search(str(offence))
        if m:
            return Finding(
                Verdict.FAIL,
                evidence,
                Said(
                    "rights.offence_reads_as",
                    offence=str(offence),
                    activity=activity.replace("_", " "),
                    phrase=m.group(0),
                ),
            )
    return Finding(
        Verdict.UNKNOWN,
        evidence,
        Said("rights.offence_confirm", offence=str(offence)),
    )


@evaluator("target_journalist_or_activist")
def target_journalist_or_activist(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    said = ctx.target_is_journalist_or_activist
    if said is True:
        return Finding(Verdict.FAIL, (), Said("rights.target_at_risk"))
    if said is False:
        return Finding(Verdict.PASS, (), Said("rights.target_fine"))
    return Finding(Verdict.UNKNOWN, (), Said("rights.target_unknown"))
