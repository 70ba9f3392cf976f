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
    fact_evidence,
    is_enterprise,
    item_evidence,
    registrar,
    secrecy_evidence,
    seen,
)
from app.review.model import ReviewContext
from app.review.policy import PolicyPack

CIRCUMSTANCES: dict[str, Evaluator] = {}
evaluator = registrar(CIRCUMSTANCES)


# ------------------------------------------------------------------------------ emergency


@evaluator("emergency_in_writing")
def emergency_in_writing(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    letterhead = facts.letterhead
    evidence = fact_evidence(facts, "letterhead", "issuing_authority")
    if letterhead is True:
        return Finding(Verdict.PASS, evidence, "in writing on the authority's letterhead")
    if letterhead is False:
        return Finding(Verdict.FAIL, evidence, "in writing, but not on official letterhead")
    return Finding(Verdict.UNKNOWN, evidence, "in writing; the reviewer checks the letterhead")


@evaluator("emergency_signed_by_law_enforcement")
def emergency_signed_by_law_enforcement(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    authority = facts.issuing_authority
    evidence = fact_evidence(facts, "issuing_authority", "signed")
    if facts.signed is False and seen(facts, "signed"):
        return Finding(Verdict.FAIL, evidence, "the request is not signed")
    if not authority:
        return Finding(Verdict.UNKNOWN, evidence, "the requesting authority was not read")
    if pack.words.law_enforcement.search(str(authority)) is None:
        return Finding(
            Verdict.UNKNOWN, evidence, f"{authority} is not recognisably a law-enforcement authority"
        )
    if facts.signed is not True:
        return Finding(Verdict.UNKNOWN, evidence, f"from {authority}; whether it is signed could not be read")
    return Finding(Verdict.PASS, evidence, f"signed for {authority}")


def _statement(facts: Facts, key: str, missing: str) -> Finding:
    value = facts.scalar(key)
    evidence = fact_evidence(facts, key)
    if value is None:
        return Finding(Verdict.UNKNOWN, evidence, "the reviewer reads the request for it")
    if not str(value).strip():
        return Finding(Verdict.FAIL, evidence, missing)
    return Finding(Verdict.PASS, evidence, str(value).strip())


@evaluator("emergency_summary")
def emergency_summary(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    return _statement(facts, "emergency_summary", "the request does not describe an emergency")


@evaluator("emergency_how_data_helps")
def emergency_how_data_helps(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    return _statement(facts, "emergency_how_data_helps", "the request does not say how the data would help")


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
            "beyond what addresses an emergency: " + ", ".join(sorted({str(d.category) for d in beyond})),
        )
    return Finding(
        Verdict.PASS, tuple(item_evidence(d) for d in items), "limited to what addresses the emergency"
    )


# ------------------------------------------------------------------------------ civil


@evaluator("civil_owner_consent")
def civil_owner_consent(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    content = [d for d in facts.data_requested if d.is_content]
    evidence = tuple(item_evidence(d) for d in content)
    if not content:
        return Finding(Verdict.NOT_APPLICABLE, (), "no content is asked for")
    if ctx.owner_consent is True:
        return Finding(Verdict.PASS, evidence, "the account owner consented")
    if ctx.owner_consent is False:
        return Finding(Verdict.FAIL, evidence, "no consent of the account owner: the content part is struck")
    return Finding(Verdict.UNKNOWN, evidence, "whether the account owner consented is not known")


@evaluator("civil_notice")
def civil_notice(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    secrecy = facts.secrecy_order
    evidence = secrecy_evidence(facts)
    if secrecy.present is True:
        until = secrecy.expires
        return Finding(
            Verdict.FAIL,
            evidence,
            "a secrecy order forbids notice" + (f" until {until}" if until else "") + "; notice is delayed",
        )
    if secrecy.present is False:
        return Finding(Verdict.PASS, evidence, "no secrecy order: the account owner is notified")
    return Finding(Verdict.UNKNOWN, evidence, "whether a secrecy order forbids notice could not be read")


# ------------------------------------------------------------------------------ enterprise


@evaluator("enterprise_redirect")
def enterprise_redirect(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    enterprise = is_enterprise(ctx)
    seats = f" ({ctx.enterprise_seats} seats)" if ctx.enterprise_seats else ""
    if enterprise is None:
        return Finding(
            Verdict.UNKNOWN, (), "whether the account belongs to an enterprise customer is not known"
        )
    if enterprise is False:
        return Finding(Verdict.NOT_APPLICABLE, (), "a consumer account")
    if ctx.enterprise_exception is True:
        return Finding(Verdict.PASS, (), f"enterprise customer{seats}; one of the narrow exceptions applies")
    # Exceptions are the rare case, so redirecting is the default until one is recorded.
    unless = "" if ctx.enterprise_exception is False else " unless the reviewer records an exception"
    return Finding(
        Verdict.FAIL, (), f"enterprise customer{seats}: the authority is sent to the customer first{unless}"
    )


@evaluator("data_location")
def data_location(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    country = str(facts.country or "").upper()
    stored = (ctx.data_stored_in or "").upper()
    evidence = fact_evidence(facts, "country")
    if not stored:
        return Finding(Verdict.UNKNOWN, evidence, "where the data is stored is not recorded")
    if not country:
        return Finding(Verdict.UNKNOWN, evidence, f"stored in {stored}; the requesting country is not known")
    if stored == country:
        return Finding(Verdict.PASS, evidence, f"stored in {stored}, the requesting country")
    return Finding(
        Verdict.FAIL,
        evidence,
        f"stored in {stored}, outside the requesting country {country}: recorded as a CLOUD Act case",
    )


# ------------------------------------------------------------------------------ human rights


@evaluator("country_baseline")
def country_baseline(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    jurisdiction = pack.jurisdiction(facts.country)
    evidence = fact_evidence(facts, "country")
    if jurisdiction is None:
        return Finding(Verdict.UNKNOWN, evidence, "the issuing country could not be read")
    baseline = jurisdiction.human_rights
    note = f"{jurisdiction.name}: {baseline.level}. {baseline.notes}"
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
            f"the reviewer found that {offence or 'the offence'} criminalises a protected activity",
        )
    if said is False:
        return Finding(
            Verdict.PASS, evidence, f"{offence or 'the offence'} criminalises no protected activity"
        )
    if not offence:
        return Finding(Verdict.UNKNOWN, evidence, "the offence is not known")
    for activity, phrases in pack.words.protected_activity.items():
        m = phrases.search(str(offence))
        if m:
            return Finding(
                Verdict.FAIL,
                evidence,
                f"{offence!r} reads as an offence of {activity.replace('_', ' ')} ({m.group(0)!r})",
            )
    return Finding(
        Verdict.UNKNOWN,
        evidence,
        f"the reviewer confirms that {offence!r} criminalises no protected activity",
    )


@evaluator("target_journalist_or_activist")
def target_journalist_or_activist(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    said = ctx.target_is_journalist_or_activist
    if said is True:
        return Finding(
            Verdict.FAIL, (), "the target appears to be a journalist, activist or human-rights defender"
        )
    if said is False:
        return Finding(Verdict.PASS, (), "nothing suggests a journalist, activist or human-rights defender")
    return Finding(Verdict.UNKNOWN, (), "who the target is has not been established")
