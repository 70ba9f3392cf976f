"""The evaluators of a demand's validity: is it an instrument the law and the policy accept,
issued, signed and addressed as it must be, naming its targets, within its dates?

``EVALUATORS`` maps the names checklist.toml calls evaluators by to the functions here and
in ``app.review.circumstances``; ``app.review.findings`` says what an evaluator takes and
returns, and holds what they read of the facts.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from app.display_language import ENGLISH
from app.domain.enums import Verdict
from app.domain.facts import Facts
from app.review.circumstances import CIRCUMSTANCES
from app.review.findings import (
    Evaluator,
    Finding,
    called,
    can_compel,
    country_word,
    doubtful,
    fact_evidence,
    identifier_evidence,
    in_sentence,
    instrument_kind,
    is_civil,
    is_emergency,
    is_enterprise,
    item_evidence,
    join,
    kind_label,
    local_for,
    names,
    needs_judge,
    parse_date,
    registrar,
    relevant_local,
    seen,
    served,
    statute_word,
)
from app.review.model import Evidence, ReviewContext
from app.review.policy import PolicyPack
from app.review.said import Said, category_word, joined, word
from app.review.targets import bulk_items, identifier_problem
from app.textfold import fold

# The letters, the schedule and intake ask these of a case's facts by this module's name.
__all__ = ["EVALUATORS", "doubtful", "is_civil", "is_emergency", "is_enterprise"]

VALIDITY: dict[str, Evaluator] = {}
evaluator = registrar(VALIDITY)


def poor_reading(facts: Facts, pack: PolicyPack) -> Said | None:
    """Why the scan was read too poorly to judge, or None when it reads well (or nobody counted)."""
    reading = facts.reading
    if reading is None or not reading.ocr_words and not reading.pages:
        return None
    pages = max(1, reading.pages or 1)
    words = reading.ocr_words
    low = reading.low_confidence_words
    if words == 0:
        return Said("reading.nothing")
    if words < pack.poor_words_per_page * pages:
        return Said("reading.next_to_nothing", words=words, pages=pages)
    if low * 100 > words * pack.poor_share_percent:
        return Said("reading.low_confidence", share=low * 100 // words, below=pack.poor_word_confidence)
    return None


@evaluator("readable")
def readable(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    name = called(facts, pack, kind) if kind is not None else ""
    evidence = fact_evidence(facts, "instrument")
    if kind is not None and facts.data_requested:
        return Finding(Verdict.PASS, evidence, Said("readable.asks_data", called=name))
    if facts.reading is None:
        if kind is None:
            return Finding(Verdict.UNKNOWN, evidence, Said("readable.not_known"))
        return Finding(Verdict.PASS, evidence, Said("readable.read_as", called=name))
    poor = poor_reading(facts, pack)
    if poor:
        # On a poor scan, a request not read is not a request absent: "not a data demand" would guess.
        missing = Said("readable.no_instrument") if kind is None else Said("readable.no_request", called=name)
        return Finding(Verdict.FAIL, evidence, Said("readable.poor", poor=poor, missing=missing))
    return Finding(Verdict.PASS, evidence, Said("readable.reads_well"))


@evaluator("official_document")
def official_document(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "instrument", "issuing_authority")
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("instrument.unread"))
    if kind.kind == "other":
        if not facts.data_requested:
            return Finding(Verdict.NOT_APPLICABLE, evidence, Said("instrument.asks_no_data"))
        return Finding(Verdict.FAIL, evidence, Said("instrument.not_recognised"))
    name = called(facts, pack, kind)
    if not facts.issuing_authority:
        return Finding(Verdict.UNKNOWN, evidence, Said("official.no_authority", called=name))
    named = word(lambda lang: pack.instrument_name(kind.kind, facts.country, facts.issuing_authority, lang))
    return Finding(
        Verdict.PASS, evidence, Said("official.issued_by", called=named, authority=facts.issuing_authority)
    )


@evaluator("issued_under_local_law")
def issued_under_local_law(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    jurisdiction = pack.jurisdiction(facts.country)
    evidence = fact_evidence(facts, "country", "instrument")
    if jurisdiction is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("country.unread"))
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("instrument.unread"))
    where = (
        country_word(jurisdiction)
        if jurisdiction.code != "default"
        else Said("country.no_file", country=facts.country)
    )
    if kind.kind == "other" and not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, evidence, Said("instrument.asks_no_data"))
    if kind.kind == "emergency_request":
        if jurisdiction.emergency_requests:
            return Finding(Verdict.PASS, evidence, Said("local_law.emergency_considered", where=where))
        return Finding(Verdict.FAIL, evidence, Said("local_law.emergency_refused", where=where))
    if not jurisdiction.accepted:
        return Finding(
            Verdict.FAIL,
            evidence,
            Said(
                "local_law.refused",
                where=where,
                reason=word(lambda lang: pack.jurisdiction_text(jurisdiction, "reason", lang)),
            ),
        )
    local = jurisdiction.local(kind.kind)
    if not local:
        known = sorted({i.kind for i in jurisdiction.instruments})
        return Finding(
            Verdict.FAIL,
            evidence,
            Said(
                "local_law.no_such",
                where=where,
                kind=kind_label(kind, pack),
                known=word(
                    lambda lang: ", ".join(
                        k if lang == ENGLISH else pack.instrument_label(k, lang) for k in known
                    )
                ),
            ),
        )
    return Finding(
        Verdict.PASS, evidence, Said("local_law.has", where=where, names=names(local, jurisdiction, pack))
    )


@evaluator("authority_has_jurisdiction")
def authority_has_jurisdiction(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    authority = facts.issuing_authority
    evidence = fact_evidence(facts, "issuing_authority")
    if not authority:
        return Finding(Verdict.UNKNOWN, evidence, Said("authority.unread"))
    _, local = local_for(facts, pack)
    for instrument in local:
        if instrument.issued_by(str(authority)):
            return Finding(
                Verdict.PASS,
                evidence,
                Said("authority.may_issue", authority=authority, local=instrument.local_name),
            )
    if not local or any(not i.issuers for i in local):
        return Finding(Verdict.UNKNOWN, evidence, Said("authority.reviewer_checks", authority=authority))
    # Every local form of this instrument names who may issue it, and this authority is none of them.
    issuers = sorted({w for i in local for w in i.issuers})
    return Finding(
        Verdict.FAIL,
        evidence,
        Said(
            "authority.only_from",
            local=local[0].local_name,
            issuers=joined(issuers, "or"),
            authority=authority,
        ),
    )


@evaluator("signed")
def signed(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    value = facts.signed
    evidence = fact_evidence(facts, "signed")
    if value is True:
        return Finding(Verdict.PASS, evidence, Said("signed.yes"))
    if value is False and seen(facts, "signed"):
        return Finding(Verdict.FAIL, evidence, Said("signed.no"))
    if value is False:
        # An ink signature is an image: finding no signature block in the text proves nothing.
        return Finding(Verdict.UNKNOWN, evidence, Said("signed.not_found"))
    return Finding(Verdict.UNKNOWN, evidence, Said("signed.unread"))


@evaluator("properly_authorised")
def properly_authorised(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "issuing_authority", "signed")
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("instrument.unread"))
    if is_emergency(facts):
        return Finding(Verdict.NOT_APPLICABLE, evidence, Said("judge.emergency"))
    need = needs_judge(facts, pack)
    name = called(facts, pack, kind)
    authority = str(facts.issuing_authority or "")
    judicial = pack.words.judicial.search(authority) is not None
    if need is False:
        return Finding(Verdict.PASS, evidence, Said("judge.not_needed", called=name))
    if facts.signed is False and need and seen(facts, "signed"):
        return Finding(Verdict.FAIL, evidence, Said("judge.unsigned", called=name))
    if judicial and facts.signed is not False:
        return Finding(Verdict.PASS, evidence, Said("judge.court", authority=authority))
    if need is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("judge.depends"))
    if authority and pack.words.law_enforcement.search(authority):
        return Finding(Verdict.UNKNOWN, evidence, Said("judge.not_a_court", authority=authority, called=name))
    return Finding(Verdict.UNKNOWN, evidence, Said("judge.check", called=name))


# Legal-form words and fillers: "Contoso Ltd" and "Contoso Limited" are the same addressee.
_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc lp plc gmbh ag sa sarl sas bv nv sl"
    " ltda pty the of".split()
)


def _name_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold(text).replace(".", ""))
    return {w for w in words if w not in _SUFFIXES}


@evaluator("addressed_to_provider")
def addressed_to_provider(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    addressee = facts.addressee
    evidence = fact_evidence(facts, "addressee")
    if not ctx.provider_entities:
        return Finding(Verdict.UNKNOWN, evidence, Said("addressee.no_entities"))
    if not addressee:
        return Finding(Verdict.UNKNOWN, evidence, Said("addressee.unread"))
    words = _name_words(str(addressee))
    for entity in ctx.provider_entities:
        core = _name_words(entity)
        if core and core <= words:
            return Finding(Verdict.PASS, evidence, Said("addressee.ours", entity=entity))
    if words <= pack.words.addressee_roles:
        return Finding(Verdict.UNKNOWN, evidence, Said("addressee.role", addressee=str(addressee)))
    return Finding(
        Verdict.FAIL,
        evidence,
        Said("addressee.not_ours", addressee=str(addressee), entities="; ".join(ctx.provider_entities)),
    )


@evaluator("dates")
def dates(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    issued_text = facts.date_issued
    span = facts.date_range
    issued = parse_date(issued_text)
    start, end = parse_date(span.start), parse_date(span.end)
    evidence = fact_evidence(facts, "date_issued", "date_range_from", "date_range_to")
    problems: list[str] = []
    unknowns: list[str] = []
    notes: list[str] = []
    day = served(ctx)
    if issued is None:
        unknowns.append(
            Said("dates.issue_unread") if not issued_text else Said("dates.issue_no_date", text=issued_text)
        )
    elif issued > day and (doubt := doubtful(facts, "date_issued", pack)):
        unknowns.append(Said("dates.issued_later_doubtful", issued=issued, day=day, doubt=doubt))
    elif issued > day:
        problems.append(Said("dates.issued_later", issued=issued, day=day))
    elif (day - issued).days > pack.stale_after_days:
        # Stale is a question, not a defect on the face of the demand: it may still stand.
        unknowns.append(
            Said(
                "dates.stale",
                issued=issued,
                days=(day - issued).days,
                day=day,
                limit=pack.stale_after_days,
            )
        )
    # A range read too poorly to rely on is checked, but cannot reject the demand on its own.
    doubts = {
        what: doubtful(facts, key, pack)
        for what, key in (("start", "date_range_from"), ("end", "date_range_to"))
    }
    unsure = join([Said(f"dates.its_{what}", doubt=doubt) for what, doubt in doubts.items() if doubt])
    range_problems = problems if not unsure else unknowns
    if start and end and start > end:
        range_problems.append(Said("dates.range_reversed", start=start, end=end))
    future = [
        Said(f"dates.range_{label}", when=when)
        for label, when in (("starts", start), ("ends", end))
        if when and when > day
    ]
    if future:
        # Interception and pen-register orders collect from now on; stored records cannot be in the future.
        prospective = {i.prospective for i in relevant_local(facts, pack)}
        ahead = Said("dates.ahead", future=joined(future, "and"), day=day)
        if prospective == {True}:
            notes.append(Said("dates.prospective", ahead=ahead))
        elif True in prospective:
            unknowns.append(Said("dates.maybe_prospective", ahead=ahead))
        else:
            range_problems.append(
                ahead if not unsure else Said("dates.ahead_unsure", ahead=ahead, unsure=unsure)
            )
    if problems:
        return Finding(Verdict.FAIL, evidence, join(problems))
    if unknowns:
        return Finding(Verdict.UNKNOWN, evidence, join(unknowns))
    # An open-ended range names only the end it has, never "to None".
    if start and end:
        issued_note = Said("dates.issued_range", issued=issued, start=start, end=end)
    elif start:
        issued_note = Said("dates.issued_range_from", issued=issued, start=start)
    elif end:
        issued_note = Said("dates.issued_range_until", issued=issued, end=end)
    else:
        issued_note = Said("dates.issued", issued=issued)
    return Finding(Verdict.PASS, evidence, join([issued_note, *notes]))


@evaluator("specific_identifiers")
def specific_identifiers(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    found = facts.identifiers
    if not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, (), Said("data.none_asked"))
    problems: list[str] = []
    evidence = []
    usable = 0
    for ident in found:
        problem, why = identifier_problem(ident, pack)
        if problem == "bulk":
            problems.append(why)
            evidence.append(identifier_evidence(ident))
        elif problem != "redacted":
            usable += 1
    for item, phrase in bulk_items(facts, pack):
        problems.append(Said("targets.request_covers", category=category_word(item.category), phrase=phrase))
        evidence.append(item_evidence(item))
    unreadable = sum(1 for i in found if identifier_problem(i, pack)[0] == "redacted")
    if problems:
        if not usable:
            problems.insert(0, Said("targets.none_specific"))
        return Finding(Verdict.FAIL, tuple(evidence), join(problems))
    if not usable:
        # A blacked-out or unread target is not a missing one: only the served original tells.
        return Finding(
            Verdict.UNKNOWN,
            tuple(identifier_evidence(i) for i in found),
            Said("targets.none_readable", unreadable=unreadable) if unreadable else Said("targets.none_read"),
        )
    return Finding(
        Verdict.PASS,
        tuple(identifier_evidence(i) for i in found if identifier_problem(i, pack)[0] == "ok"),
        Said("targets.specific_one" if usable == 1 else "targets.specific_many", count=usable),
    )


@evaluator("identifiers_well_formed")
def identifiers_well_formed(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    if not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, (), Said("data.none_asked"))
    checked = [(i, *identifier_problem(i, pack)) for i in facts.identifiers]
    bad = [(i, why) for i, problem, why in checked if problem == "malformed"]
    good = [i for i, problem, _ in checked if problem == "ok"]
    redacted = sum(1 for _, problem, _ in checked if problem == "redacted")
    tail = Said("targets.blacked_out", count=redacted) if redacted else ""
    if bad:
        return Finding(
            Verdict.FAIL, tuple(identifier_evidence(i) for i, _ in bad), join([w for _, w in bad] + [tail])
        )
    if not good:
        return Finding(Verdict.NOT_APPLICABLE, (), join([Said("targets.none_to_check"), tail]))
    return Finding(
        Verdict.PASS,
        tuple(identifier_evidence(i) for i in good),
        join([Said("targets.well_formed", count=len(good)), tail]),
    )


@evaluator("instrument_sufficient")
def instrument_sufficient(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    items = facts.data_requested
    evidence = fact_evidence(facts, "instrument")
    if is_emergency(facts):
        return Finding(Verdict.NOT_APPLICABLE, evidence, Said("sufficient.emergency"))
    if not items:
        return Finding(Verdict.NOT_APPLICABLE, evidence, Said("data.none_asked"))
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, Said("instrument.unread"))
    content_ok, noncontent_ok = can_compel(facts, pack)
    short = [
        d for d in items if (d.is_content and not content_ok) or (not d.is_content and not noncontent_ok)
    ]
    jurisdiction, local = local_for(facts, pack)
    # What it can compel is what any local instrument of its kind can: when there are
    # several, the kind is named with each of them, so the reviewer can tell which it is.
    if jurisdiction is None or not local:
        name: str = kind_label(kind, pack)
    elif len(local) == 1:
        only = local[0].local_name
        sentence = word(lambda lang: in_sentence(only) if lang == ENGLISH else only)
        name = Said("sufficient.local", local=sentence, statute=statute_word(local[0], jurisdiction, pack))
    else:
        name = Said(
            "sufficient.kind_local", kind=kind_label(kind, pack), names=names(local, jurisdiction, pack)
        )
    if short:
        parts = sorted({"content" if d.is_content else "non-content" for d in short})
        cannot = Said(f"sufficient.cannot_{'_or_'.join(p.replace('-', '') for p in parts)}", called=name)
        return Finding(Verdict.FAIL, evidence + tuple(item_evidence(d) for d in short), cannot)
    return Finding(Verdict.PASS, evidence, Said("sufficient.can", called=name))


# Categories that describe use over time: without a date range they reach back indefinitely.
_TIME_SERIES = ("ip_history", "traffic", "content", "other")


@evaluator("not_overly_broad")
def not_overly_broad(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    span = facts.date_range
    start, end = parse_date(span.start), parse_date(span.end)
    evidence = fact_evidence(facts, "date_range_from", "date_range_to")
    purpose = Said("broad.purpose")
    if not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, evidence, Said("data.none_asked"))
    if start is None:
        if any(d.category in _TIME_SERIES or d.is_content for d in facts.data_requested):
            return Finding(Verdict.UNKNOWN, evidence, join([Said("broad.no_start"), purpose]))
        return Finding(Verdict.PASS, evidence, join([Said("broad.current_only"), purpose]))
    last = end or served(ctx)
    days = (last - start).days
    if days > ctx.max_range_days:
        return Finding(Verdict.FAIL, evidence, Said("broad.too_long", days=days, limit=ctx.max_range_days))
    return Finding(Verdict.PASS, evidence, join([Said("broad.covers", days=days), purpose]))


@evaluator("requester_verified")
def requester_verified(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    contacts = facts.requester_contacts
    emails = list(ctx.requester_emails) or [str(c.value) for c in contacts if c.kind == "email" and c.value]
    phones = list(ctx.requester_phones) or [str(c.value) for c in contacts if c.kind == "phone" and c.value]
    evidence = fact_evidence(facts, "issuing_authority") + tuple(
        Evidence(c.page, c.box, str(c.value)) for c in contacts
    )
    if not emails and not phones:
        return Finding(Verdict.UNKNOWN, evidence, Said("requester.no_contacts"))
    try:
        # Imported here: the directory is its own module and may be absent from older builds.
        requesters = importlib.import_module("app.review.requesters")
    except ImportError:
        return Finding(Verdict.UNKNOWN, evidence, Said("requester.no_directory"))
    try:
        extra = Path(ctx.directory_extra) if ctx.directory_extra else None
        directory = requesters.load_directory(extra=extra) if extra else None
    except requesters.DirectoryError as exc:
        return Finding(Verdict.UNKNOWN, evidence, Said("requester.additions_unread", error=str(exc)))
    verification = requesters.verify(facts.issuing_authority, facts.country, emails, phones, directory)
    verdict = Verdict(verification.verdict) if verification.verdict in ("pass", "fail") else Verdict.UNKNOWN
    return Finding(verdict, evidence, verification.reason)


EVALUATORS: dict[str, Evaluator] = {**VALIDITY, **CIRCUMSTANCES}
