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

from app.domain.enums import Verdict
from app.domain.facts import Facts
from app.review.circumstances import CIRCUMSTANCES
from app.review.findings import (
    Evaluator,
    Finding,
    can_compel,
    doubtful,
    fact_evidence,
    identifier_evidence,
    in_sentence,
    instrument_kind,
    instrument_name,
    is_civil,
    is_emergency,
    is_enterprise,
    item_evidence,
    join,
    local_for,
    names,
    needs_judge,
    parse_date,
    registrar,
    relevant_local,
    seen,
    served,
)
from app.review.model import Evidence, ReviewContext
from app.review.policy import PolicyPack, fold
from app.review.targets import bulk_items, identifier_problem

# The letters, the schedule and intake ask these of a case's facts by this module's name.
__all__ = ["EVALUATORS", "doubtful", "is_civil", "is_emergency", "is_enterprise"]

VALIDITY: dict[str, Evaluator] = {}
evaluator = registrar(VALIDITY)


def poor_reading(facts: Facts, pack: PolicyPack) -> str | None:
    """Why the scan was read too poorly to judge, or None when it reads well (or nobody counted)."""
    reading = facts.reading
    if reading is None or not reading.ocr_words and not reading.pages:
        return None
    pages = max(1, reading.pages or 1)
    words = reading.ocr_words
    low = reading.low_confidence_words
    if words == 0:
        return "nothing could be read from the document"
    if words < pack.poor_words_per_page * pages:
        return f"next to nothing was read: {words} word(s) on {pages} page(s)"
    if low * 100 > words * pack.poor_share_percent:
        return (
            f"{low * 100 // words}% of the words were read with low confidence "
            f"(below {pack.poor_word_confidence})"
        )
    return None


@evaluator("readable")
def readable(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    called = in_sentence(instrument_name(facts, pack, kind)) if kind is not None else ""
    evidence = fact_evidence(facts, "instrument")
    if kind is not None and facts.data_requested:
        return Finding(Verdict.PASS, evidence, f"read as a {called} that asks for data")
    if facts.reading is None:
        if kind is None:
            return Finding(Verdict.UNKNOWN, evidence, "how well the scan was read is not known")
        return Finding(Verdict.PASS, evidence, f"read as a {called}")
    poor = poor_reading(facts, pack)
    if poor:
        # On a poor scan, a request not read is not a request absent: "not a data demand" would guess.
        missing = (
            "no instrument was recognised"
            if kind is None
            else f"no request for data was read in this {called}"
        )
        return Finding(
            Verdict.FAIL,
            evidence,
            f"{poor}, and {missing}: read the served original (or a better scan) "
            "and enter its facts before judging",
        )
    return Finding(Verdict.PASS, evidence, "the text reads well")


@evaluator("official_document")
def official_document(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "instrument", "issuing_authority")
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, "the instrument could not be read")
    if kind.kind == "other":
        if not facts.data_requested:
            return Finding(
                Verdict.NOT_APPLICABLE, evidence, "a document that asks for no data (a takedown, a letter)"
            )
        return Finding(Verdict.FAIL, evidence, "the document names no legal instrument the policy recognises")
    called = instrument_name(facts, pack, kind)
    if not facts.issuing_authority:
        return Finding(
            Verdict.UNKNOWN, evidence, f"a {in_sentence(called)}, but the issuing authority was not read"
        )
    return Finding(Verdict.PASS, evidence, f"{called} issued by {facts.issuing_authority}")


@evaluator("issued_under_local_law")
def issued_under_local_law(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    jurisdiction = pack.jurisdiction(facts.country)
    evidence = fact_evidence(facts, "country", "instrument")
    if jurisdiction is None:
        return Finding(Verdict.UNKNOWN, evidence, "the issuing country could not be read")
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, "the instrument could not be read")
    where = jurisdiction.name if jurisdiction.code != "default" else f"{facts.country} (no country file)"
    if kind.kind == "other" and not facts.data_requested:
        return Finding(
            Verdict.NOT_APPLICABLE, evidence, "a document that asks for no data (a takedown, a letter)"
        )
    if kind.kind == "emergency_request":
        if jurisdiction.emergency_requests:
            return Finding(Verdict.PASS, evidence, f"emergency requests from {where} are considered")
        return Finding(Verdict.FAIL, evidence, f"emergency requests from {where} are not accepted")
    if not jurisdiction.accepted:
        return Finding(
            Verdict.FAIL, evidence, f"demands from {where} are not accepted: {jurisdiction.reason}"
        )
    local = jurisdiction.local(kind.kind)
    if not local:
        known = sorted({i.kind for i in jurisdiction.instruments})
        return Finding(
            Verdict.FAIL,
            evidence,
            f"the law of {where} as packed has no {in_sentence(kind.label)}; it has {', '.join(known)}",
        )
    return Finding(Verdict.PASS, evidence, f"{where}: {names(local)}")


@evaluator("authority_has_jurisdiction")
def authority_has_jurisdiction(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    authority = facts.issuing_authority
    evidence = fact_evidence(facts, "issuing_authority")
    if not authority:
        return Finding(Verdict.UNKNOWN, evidence, "the issuing authority was not read")
    _, local = local_for(facts, pack)
    for instrument in local:
        if instrument.issued_by(str(authority)):
            return Finding(Verdict.PASS, evidence, f"{authority} may issue a {instrument.local_name}")
    if not local or any(not i.issuers for i in local):
        return Finding(
            Verdict.UNKNOWN, evidence, f"the reviewer checks that {authority} may issue this instrument"
        )
    # Every local form of this instrument names who may issue it, and this authority is none of them.
    issuers = sorted({w for i in local for w in i.issuers})
    return Finding(
        Verdict.FAIL,
        evidence,
        f"a {local[0].local_name} comes only from {' or '.join(issuers)}, not {authority}",
    )


@evaluator("signed")
def signed(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    value = facts.signed
    evidence = fact_evidence(facts, "signed")
    if value is True:
        return Finding(Verdict.PASS, evidence, "signed")
    if value is False and seen(facts, "signed"):
        return Finding(Verdict.FAIL, evidence, "no signature on the document")
    if value is False:
        # An ink signature is an image: finding no signature block in the text proves nothing.
        return Finding(
            Verdict.UNKNOWN, evidence, "no signature was found in the text read: check the served original"
        )
    return Finding(Verdict.UNKNOWN, evidence, "whether it is signed could not be read")


@evaluator("properly_authorised")
def properly_authorised(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "issuing_authority", "signed")
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, "the instrument could not be read")
    if is_emergency(facts):
        return Finding(
            Verdict.NOT_APPLICABLE, evidence, "an emergency request is judged by the emergency items"
        )
    need = needs_judge(facts, pack)
    called = in_sentence(instrument_name(facts, pack, kind))
    authority = str(facts.issuing_authority or "")
    judicial = pack.words.judicial.search(authority) is not None
    if need is False:
        return Finding(Verdict.PASS, evidence, f"a {called} needs no judge here")
    if facts.signed is False and need and seen(facts, "signed"):
        return Finding(Verdict.FAIL, evidence, f"a {called} needs a judge's signature and none is shown")
    if judicial and facts.signed is not False:
        return Finding(Verdict.PASS, evidence, f"issued by {authority}, a court")
    if need is None:
        return Finding(
            Verdict.UNKNOWN, evidence, "whether a judge is needed depends on which local instrument this is"
        )
    if authority and pack.words.law_enforcement.search(authority):
        return Finding(
            Verdict.UNKNOWN,
            evidence,
            f"{authority} is not a court: check that a judge signed this {called}",
        )
    return Finding(Verdict.UNKNOWN, evidence, f"check that a judge signed this {called}")


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
        return Finding(
            Verdict.UNKNOWN, evidence, "no provider entities are set up to compare the addressee with"
        )
    if not addressee:
        return Finding(Verdict.UNKNOWN, evidence, "the addressee was not read")
    words = _name_words(str(addressee))
    for entity in ctx.provider_entities:
        core = _name_words(entity)
        if core and core <= words:
            return Finding(Verdict.PASS, evidence, f"addressed to {entity}")
    if words <= pack.words.addressee_roles:
        return Finding(
            Verdict.UNKNOWN,
            evidence,
            f"{addressee!r} names a role, not a company: check on the served original whom it commands",
        )
    return Finding(
        Verdict.FAIL,
        evidence,
        f"{addressee!r} is none of the provider's entities ({'; '.join(ctx.provider_entities)})",
    )


@evaluator("dates")
def dates(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    issued_text = facts.date_issued
    span = facts.date_range
    issued = parse_date(issued_text)
    start, end = parse_date(span.start), parse_date(span.end)
    evidence = fact_evidence(facts, "date_issued", "date_range_from", "date_range_to")
    problems, unknowns, notes = [], [], []
    day = served(ctx)
    if issued is None:
        unknowns.append(
            "the date of issue could not be read: read it on the served original"
            if not issued_text
            else f"{issued_text!r} is no date: read the date of issue on the served original"
        )
    elif issued > day and (doubt := doubtful(facts, "date_issued", pack)):
        unknowns.append(f"issued {issued}, after it was received ({day}), but {doubt}: check the original")
    elif issued > day:
        problems.append(f"issued {issued}, after it was received ({day})")
    elif (day - issued).days > pack.stale_after_days:
        # Stale is a question, not a defect on the face of the demand: it may still stand.
        unknowns.append(
            f"issued {issued}, {(day - issued).days} days before it was served ({day}), more than "
            f"{pack.stale_after_days}: confirm with the authority that it still stands, or escalate"
        )
    # A range read too poorly to rely on is checked, but cannot reject the demand on its own.
    doubts = {
        what: doubtful(facts, key, pack)
        for what, key in (("start", "date_range_from"), ("end", "date_range_to"))
    }
    unsure = join([f"its {what} {doubt}" for what, doubt in doubts.items() if doubt])
    range_problems = problems if not unsure else unknowns
    if start and end and start > end:
        range_problems.append(f"the date range starts {start}, after it ends {end}")
    future = [f"{label} {when}" for label, when in (("starts", start), ("ends", end)) if when and when > day]
    if future:
        # Interception and pen-register orders collect from now on; stored records cannot be in the future.
        prospective = {i.prospective for i in relevant_local(facts, pack)}
        ahead = f"the date range {' and '.join(future)}, after the demand was served ({day})"
        if prospective == {True}:
            notes.append(f"{ahead}: a prospective order")
        elif True in prospective:
            unknowns.append(
                f"{ahead}: only right if this is a prospective order (interception, pen register)"
            )
        else:
            range_problems.append(ahead if not unsure else f"{ahead}, but {unsure}: check the original")
    if problems:
        return Finding(Verdict.FAIL, evidence, join(problems))
    if unknowns:
        return Finding(Verdict.UNKNOWN, evidence, join(unknowns))
    span_note = f"; range {start} to {end}" if start or end else ""
    return Finding(Verdict.PASS, evidence, join([f"issued {issued}{span_note}", *notes]))


@evaluator("specific_identifiers")
def specific_identifiers(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    found = facts.identifiers
    if not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, (), "no data is asked for")
    problems, evidence = [], []
    usable = 0
    for ident in found:
        problem, why = identifier_problem(ident, pack)
        if problem == "bulk":
            problems.append(why)
            evidence.append(identifier_evidence(ident))
        elif problem != "redacted":
            usable += 1
    for item, phrase in bulk_items(facts, pack):
        problems.append(f"the request for {item.category} covers {phrase!r}")
        evidence.append(item_evidence(item))
    unreadable = sum(1 for i in found if identifier_problem(i, pack)[0] == "redacted")
    if problems:
        if not usable:
            problems.insert(0, "no readable, specific identifier")
        return Finding(Verdict.FAIL, tuple(evidence), join(problems))
    if not usable:
        # A blacked-out or unread target is not a missing one: only the served original tells.
        return Finding(
            Verdict.UNKNOWN,
            tuple(identifier_evidence(i) for i in found),
            f"no readable identifier ({unreadable} blacked out or unreadable on this copy): "
            "read the targets on the served original and add them"
            if unreadable
            else "no identifier was read: check the served original for the accounts it names",
        )
    return Finding(
        Verdict.PASS,
        tuple(identifier_evidence(i) for i in found if identifier_problem(i, pack)[0] == "ok"),
        f"{usable} specific identifier(s)",
    )


@evaluator("identifiers_well_formed")
def identifiers_well_formed(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    if not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, (), "no data is asked for")
    checked = [(i, *identifier_problem(i, pack)) for i in facts.identifiers]
    bad = [(i, why) for i, problem, why in checked if problem == "malformed"]
    good = [i for i, problem, _ in checked if problem == "ok"]
    redacted = sum(1 for _, problem, _ in checked if problem == "redacted")
    tail = f"; {redacted} blacked out and left out of scope" if redacted else ""
    if bad:
        return Finding(
            Verdict.FAIL, tuple(identifier_evidence(i) for i, _ in bad), join([w for _, w in bad]) + tail
        )
    if not good:
        return Finding(Verdict.NOT_APPLICABLE, (), "no readable, specific identifier to check" + tail)
    return Finding(
        Verdict.PASS, tuple(identifier_evidence(i) for i in good), f"{len(good)} well formed{tail}"
    )


@evaluator("instrument_sufficient")
def instrument_sufficient(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    items = facts.data_requested
    evidence = fact_evidence(facts, "instrument")
    if is_emergency(facts):
        return Finding(
            Verdict.NOT_APPLICABLE, evidence, "an emergency request compels nothing; see the emergency items"
        )
    if not items:
        return Finding(Verdict.NOT_APPLICABLE, evidence, "no data is asked for")
    if kind is None:
        return Finding(Verdict.UNKNOWN, evidence, "the instrument could not be read")
    content_ok, noncontent_ok = can_compel(facts, pack)
    short = [
        d for d in items if (d.is_content and not content_ok) or (not d.is_content and not noncontent_ok)
    ]
    _, local = local_for(facts, pack)
    # What it can compel is what any local instrument of its kind can: when there are
    # several, the kind is named with each of them, so the reviewer can tell which it is.
    if len(local) == 1:
        called = f"{in_sentence(local[0].local_name)} ({local[0].statute})"
    else:
        called = in_sentence(kind.label) + (f" ({names(local)})" if local else "")
    if short:
        parts = sorted({"content" if d.is_content else "non-content" for d in short})
        needs = "a warrant or court order" if "content" in parts else "at least a subpoena"
        return Finding(
            Verdict.FAIL,
            evidence + tuple(item_evidence(d) for d in short),
            f"a {called} cannot compel {' or '.join(parts)}: that part needs {needs}",
        )
    return Finding(Verdict.PASS, evidence, f"a {called} can compel what is asked")


# Categories that describe use over time: without a date range they reach back indefinitely.
_TIME_SERIES = ("ip_history", "traffic", "content", "other")


@evaluator("not_overly_broad")
def not_overly_broad(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    span = facts.date_range
    start, end = parse_date(span.start), parse_date(span.end)
    evidence = fact_evidence(facts, "date_range_from", "date_range_to")
    purpose = "whether the categories go beyond the stated purpose is for the reviewer"
    if not facts.data_requested:
        return Finding(Verdict.NOT_APPLICABLE, evidence, "no data is asked for")
    if start is None:
        if any(d.category in _TIME_SERIES or d.is_content for d in facts.data_requested):
            return Finding(Verdict.UNKNOWN, evidence, f"no start date for records over time; {purpose}")
        return Finding(Verdict.PASS, evidence, f"current records only; {purpose}")
    last = end or served(ctx)
    days = (last - start).days
    if days > ctx.max_range_days:
        return Finding(
            Verdict.FAIL, evidence, f"the date range covers {days} days, more than {ctx.max_range_days}"
        )
    return Finding(Verdict.PASS, evidence, f"the date range covers {days} days; {purpose}")


@evaluator("requester_verified")
def requester_verified(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    contacts = facts.requester_contacts
    emails = list(ctx.requester_emails) or [str(c.value) for c in contacts if c.kind == "email" and c.value]
    phones = list(ctx.requester_phones) or [str(c.value) for c in contacts if c.kind == "phone" and c.value]
    evidence = fact_evidence(facts, "issuing_authority") + tuple(
        Evidence(c.page, c.box, str(c.value)) for c in contacts
    )
    if not emails and not phones:
        return Finding(Verdict.UNKNOWN, evidence, "no contact details of the requester to check")
    try:
        # Imported here: the directory is its own module and may be absent from older builds.
        requesters = importlib.import_module("app.review.requesters")
    except ImportError:
        return Finding(Verdict.UNKNOWN, evidence, "the directory of requesting authorities is not available")
    try:
        extra = Path(ctx.directory_extra) if ctx.directory_extra else None
        directory = requesters.load_directory(extra=extra) if extra else None
    except requesters.DirectoryError as exc:
        return Finding(
            Verdict.UNKNOWN, evidence, f"the workstation's directory additions cannot be read: {exc}"
        )
    verification = requesters.verify(facts.issuing_authority, facts.country, emails, phones, directory)
    verdict = Verdict(verification.verdict) if verification.verdict in ("pass", "fail") else Verdict.UNKNOWN
    return Finding(verdict, evidence, str(verification.reason))


EVALUATORS: dict[str, Evaluator] = {**VALIDITY, **CIRCUMSTANCES}
