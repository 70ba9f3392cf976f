"""The functions that answer checklist items from a demand's facts.

Each evaluator takes the Facts JSON of DESIGN.md (a dict), the ``ReviewContext`` the
reviewer established and the policy pack, and returns a ``Finding``: pass, fail or
unknown, the evidence it rests on and a note that says why. An evaluator answers
"unknown" whenever the facts cannot settle the question: guessing "pass" would hide a
question the reviewer has to answer, guessing "fail" would reject a valid demand.
checklist.toml names these functions by the keys of ``EVALUATORS``.

Evidence comes from where a fact was read. Identifiers and data requested carry their
page and box; scalar facts do not, so the facts may carry ``_provenance``: a mapping
from a scalar key ("signed", "date_issued", "date_range_from", ...) to
``{"page", "box", "text"}``. A few optional keys that the Facts JSON does not (yet)
have are read when present, each ``None`` or absent when not known:

- ``letterhead`` (bool): the demand is on the authority's official letterhead;
- ``emergency_summary`` / ``emergency_how_data_helps`` (str): the passages of an
  emergency request describing the emergency and how the data would help; an empty
  string means the request was read and says nothing of the kind;
- ``offence`` (str): the offence the demand names, when the reviewer's context has none;
- ``requester_contacts`` (list of {kind, value, page, box}): the requester's own e-mail
  addresses and phone numbers read from the demand;
- ``_reading`` ({"pages", "ocr_words", "low_confidence_words"}): how well the document was read
  (words of a text layer count as read with full confidence),
  counted by the review service from the stored pages (``validity.readable``).

A blocking item fails only on positive evidence read from the document. What is blacked
out, unreadable or missing is "unknown", with a note saying what to check on the served
original: the scan of a copy shows less than the original the provider was served.
"""

from __future__ import annotations

import importlib
import ipaddress
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.review.model import Evidence, ReviewContext
from app.review.policy import InstrumentKind, Jurisdiction, LocalInstrument, PolicyPack, fold


@dataclass(frozen=True)
class Finding:
    """What an evaluator found: the answer, the evidence and why."""

    answer: str  # "pass" | "fail" | "unknown" | "not_applicable"
    evidence: tuple[Evidence, ...] = ()
    note: str = ""


Facts = Mapping[str, Any]
Evaluator = Callable[[Facts, ReviewContext, PolicyPack], Finding]
EVALUATORS: dict[str, Evaluator] = {}


def _evaluator(name: str) -> Callable[[Evaluator], Evaluator]:
    def register(function: Evaluator) -> Evaluator:
        EVALUATORS[name] = function
        return function

    return register


# ------------------------------------------------------------------------------ facts


def instrument_kind(facts: Facts, pack: PolicyPack) -> InstrumentKind | None:
    kind = facts.get("instrument")
    return pack.instruments.get(kind) if isinstance(kind, str) else None


def is_emergency(facts: Facts) -> bool:
    return facts.get("instrument") == "emergency_request" or facts.get("emergency") is True


def is_civil(facts: Facts, pack: PolicyPack) -> bool:
    kind = instrument_kind(facts, pack)
    return bool(kind and kind.civil)


def is_enterprise(ctx: ReviewContext) -> bool | None:
    if ctx.enterprise_customer is not None:
        return ctx.enterprise_customer
    # Seats are only ever bought by an enterprise customer.
    return True if ctx.enterprise_seats else None


def identifiers(facts: Facts) -> list[Mapping[str, Any]]:
    return [i for i in facts.get("identifiers") or [] if isinstance(i, Mapping)]


def data_items(facts: Facts) -> list[Mapping[str, Any]]:
    return [d for d in facts.get("data_requested") or [] if isinstance(d, Mapping)]


def is_content(item: Mapping[str, Any]) -> bool:
    return bool(item.get("content")) or item.get("category") == "content"


def parse_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _box(value: Any) -> tuple[float, float, float, float] | None:
    if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 4:
        try:
            x0, y0, x1, y1 = (float(v) for v in value)
        except (TypeError, ValueError):
            return None
        return (x0, y0, x1, y1)
    return None


def _page(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def fact_evidence(facts: Facts, *keys: str) -> tuple[Evidence, ...]:
    """Where the scalar facts ``keys`` were read, or the value alone when nobody said where."""
    provenance = facts.get("_provenance") or {}
    out = []
    for key in keys:
        found = provenance.get(key) if isinstance(provenance, Mapping) else None
        value = _scalar(facts, key)
        if isinstance(found, Mapping):
            text = found.get("text")
            out.append(
                Evidence(_page(found.get("page")), _box(found.get("box")), str(text if text else value))
            )
        elif value is not None:
            out.append(Evidence(None, None, f"{key}: {value}"))
    return tuple(out)


def _scalar(facts: Facts, key: str) -> Any:
    if key in ("date_range_from", "date_range_to"):
        return (facts.get("date_range") or {}).get(key.removeprefix("date_range_"))
    return facts.get(key)


def identifier_evidence(ident: Mapping[str, Any]) -> Evidence:
    shown = ident.get("value") if not ident.get("redacted") else None
    return Evidence(
        _page(ident.get("page")), _box(ident.get("box")), f"{ident.get('kind')}: {shown or '[redacted]'}"
    )


def item_evidence(item: Mapping[str, Any]) -> Evidence:
    return Evidence(
        _page(item.get("page")), _box(item.get("box")), str(item.get("text") or item.get("category"))
    )


def _secrecy_evidence(facts: Facts) -> tuple[Evidence, ...]:
    secrecy = facts.get("secrecy_order") or {}
    if not secrecy.get("text") and secrecy.get("page") is None:
        return ()
    return (Evidence(_page(secrecy.get("page")), _box(secrecy.get("box")), str(secrecy.get("text") or "")),)


def corrected(facts: Facts, key: str) -> bool:
    """Whether the reviewer set this fact (``_corrected``): their word, not a reading to doubt."""
    return key in (facts.get("_corrected") or ())


def seen(facts: Facts, key: str) -> bool:
    """Whether a fact was read at a place on the page (or set by the reviewer), not only inferred
    from what was not found there."""
    provenance = facts.get("_provenance") or {}
    found = provenance.get(key) if isinstance(provenance, Mapping) else None
    return corrected(facts, key) or (isinstance(found, Mapping) and found.get("page") is not None)


def doubtful(facts: Facts, key: str, pack: PolicyPack) -> str | None:
    """Why a fact read by OCR is too uncertain to fail a blocking item on, or None."""
    if corrected(facts, key):
        return None
    provenance = facts.get("_provenance") or {}
    found = provenance.get(key) if isinstance(provenance, Mapping) else None
    confidence = found.get("confidence") if isinstance(found, Mapping) else None
    if isinstance(confidence, int | float) and confidence < pack.doubtful_below:
        return f"read with low OCR confidence ({confidence:.0f})"
    return None


def _join(notes: Sequence[str]) -> str:
    return "; ".join(n for n in notes if n)


# ------------------------------------------------------------------------------ identifiers

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)
_GAMERTAG = re.compile(r"[A-Za-z][A-Za-z0-9 ]{0,15}(?:#\d{1,4})?")
_URL_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d+)?")
_IP_RANGE = re.compile(
    r"^\s*([0-9A-Fa-f:.]+)(?:\s*[-\u2013]\s*|\s+(?:to|through|bis|a|au|hasta)\s+)([0-9A-Fa-f:.]+)\s*$",
    re.IGNORECASE,
)
# Values that name no one: a lone "all" or "*" as the identifier.
_NOBODY = {
    "all",
    "any",
    "everyone",
    "everybody",
    "all users",
    "all accounts",
    "all records",
    "all subscribers",
    "all numbers",
    "all data",
    "*",
    "%",
}
# A range of numbers as the target ("+1 202 555 0100 to +1 202 555 0199", "1000 - 1999"):
# the sides are split on a spaced dash or a word, as a number's own hyphens and dashes are not.
_NUMBER_RANGE = re.compile(
    r"^\s*(.*?\d.*?)(?:\s+[-\u2013\u2014]\s+|\s+(?:to|through|thru|bis|a|au|hasta)\s+)(.*?\d.*?)\s*$",
    re.IGNORECASE,
)


def _ip_addresses(value: str) -> int | None:
    """How many addresses an IP, CIDR block or range names; None when it is none of these."""
    text = value.strip()
    try:
        ipaddress.ip_address(text)
        return 1
    except ValueError:
        pass
    if "/" in text:
        try:
            return ipaddress.ip_network(text, strict=False).num_addresses
        except ValueError:
            return None
    span = _IP_RANGE.match(text)
    if span:
        try:
            first, last = ipaddress.ip_address(span.group(1)), ipaddress.ip_address(span.group(2))
        except ValueError:
            return None
        if first.version != last.version or int(last) < int(first):
            return None
        return int(last) - int(first) + 1
    return None


def _number_range(value: str) -> int | None:
    """How many numbers a range of phone numbers or account numbers spans; None when it is no range."""
    span = _NUMBER_RANGE.match(value)
    if not span:
        return None
    first, last = (re.sub(r"\D", "", side) for side in span.groups())
    if len(first) < 3 or len(last) < 3:
        return None
    if len(last) < len(first):  # "555 0100 - 0199": the end repeats only the digits that change
        last = first[: len(first) - len(last)] + last
    low, high = int(first), int(last)
    return high - low + 1 if high > low else None


def _too_wide(value: str, pack: PolicyPack) -> str | None:
    count = _ip_addresses(value)
    if count is None or count == 1:
        return None
    v6 = ":" in value
    widest = pack.widest_ipv6_prefix if v6 else pack.widest_ipv4_prefix
    allowed = 2 ** ((128 if v6 else 32) - widest)
    if count > allowed:
        return f"{value} covers {count:,} addresses, more than a /{widest}"
    return None


def well_formed(kind: str, value: str) -> bool:
    """Whether an identifier could name an account of its kind (after the intake's normalising)."""
    text = value.strip()
    if not text:
        return False
    if kind == "email":
        return bool(_EMAIL.fullmatch(text))
    if kind == "phone":
        return bool(re.fullmatch(r"\+?\d{7,15}", re.sub(r"[\s\-.()/]", "", text)))
    if kind == "ip":
        return _ip_addresses(text) is not None
    if kind == "url":
        parts = urlsplit(text if "://" in text else f"http://{text}")
        return parts.scheme in ("http", "https") and bool(_URL_HOST.fullmatch(parts.netloc))
    if kind == "gamertag":
        return bool(_GAMERTAG.fullmatch(text))
    if kind in ("account_id", "username"):
        return bool(re.fullmatch(r"\S{1,128}", text))
    return True


def bulk_phrase(text: str | None, pack: PolicyPack) -> str | None:
    """The bulk phrase a text uses ("all accounts that ..."), unless it points at a named target."""
    if not text:
        return None
    folded = fold(text)
    for m in pack.words.bulk.finditer(folded):
        after = folded[m.end() : m.end() + 40]
        exception = pack.words.bulk_exceptions.finditer(after)
        if exception and exception[0].start() <= 12:
            continue
        return m.group(0)
    return None


def identifier_problem(ident: Mapping[str, Any], pack: PolicyPack) -> tuple[str, str]:
    """("ok" | "redacted" | "bulk" | "malformed", why) for one identifier of the facts."""
    value = ident.get("value")
    kind = str(ident.get("kind") or "other")
    if ident.get("redacted") or not isinstance(value, str) or not value.strip():
        return "redacted", "blacked out or unreadable"
    if fold(value).strip() in _NOBODY:
        return "bulk", f"{value!r} names nobody in particular"
    phrase = bulk_phrase(value, pack)
    if phrase:
        return "bulk", f"{value!r} describes accounts ({phrase!r}) instead of naming them"
    # "%" is SQL's wildcard, but in a URL it only escapes a character.
    if "*" in value or ("%" in value and kind != "url"):
        return "bulk", f"{value!r} is a wildcard"
    wide = _too_wide(value, pack)
    if wide:
        return "bulk", wide
    if kind != "ip":
        spans = _number_range(value)
        if spans:
            return "bulk", f"{value!r} is a range of {spans:,} numbers, not one account"
    if not well_formed(kind, value):
        return "malformed", f"{value!r} is not a well-formed {kind}"
    return "ok", ""


def bulk_items(facts: Facts, pack: PolicyPack) -> list[tuple[Mapping[str, Any], str]]:
    """Data-requested entries that describe their targets instead of naming them."""
    out = []
    for item in data_items(facts):
        phrase = bulk_phrase(item.get("text"), pack)
        if phrase:
            out.append((item, phrase))
    return out


# ------------------------------------------------------------------------------ instruments


def _local_for(facts: Facts, pack: PolicyPack) -> tuple[Jurisdiction | None, tuple[LocalInstrument, ...]]:
    jurisdiction = pack.jurisdiction(facts.get("country"))
    kind = facts.get("instrument")
    if jurisdiction is None or not isinstance(kind, str):
        return jurisdiction, ()
    return jurisdiction, jurisdiction.local(kind)


def can_compel(facts: Facts, pack: PolicyPack) -> tuple[bool, bool]:
    """(content, non-content): what this instrument can compel where it was issued.

    A country may have several local instruments of one kind (a 2703(d) order and a
    wiretap order are both court orders); without the statute in the facts the kind
    can compel what any of them can, and the note of validity.instrument_sufficient
    names them so that the reviewer can tell which one it is.
    """
    kind = instrument_kind(facts, pack)
    if kind is None:
        return False, False
    _, local = _local_for(facts, pack)
    if local:
        return any("content" in i.compels for i in local), any("noncontent" in i.compels for i in local)
    return kind.compels_content, kind.compels_noncontent


def relevant_local(facts: Facts, pack: PolicyPack) -> list[LocalInstrument]:
    """The local instruments of this kind that could reach what is asked (all of them if none could).

    They decide what the demand needs: a European Production Order for subscriber
    data needs no judge, one for content does.
    """
    _, local = _local_for(facts, pack)
    wanted = {"content" if is_content(d) else "noncontent" for d in data_items(facts)}
    return [i for i in local if wanted <= i.compels] or list(local)


def needs_judge(facts: Facts, pack: PolicyPack) -> bool | None:
    """Whether a judge must have issued or authorised this instrument; None when it depends."""
    kind = instrument_kind(facts, pack)
    if kind is None:
        return None
    relevant = relevant_local(facts, pack)
    if not relevant:
        return kind.needs_judge
    answers = {kind.needs_judge if i.needs_judge is None else i.needs_judge for i in relevant}
    return answers.pop() if len(answers) == 1 else None


def _names(local: Sequence[LocalInstrument]) -> str:
    return "; ".join(f"{i.local_name} ({i.statute})" for i in local)


# ------------------------------------------------------------------------------ validity


def poor_reading(facts: Facts, pack: PolicyPack) -> str | None:
    """Why the scan was read too poorly to judge, or None when it reads well (or nobody counted)."""
    reading = facts.get("_reading")
    if not isinstance(reading, Mapping) or not reading.get("ocr_words") and not reading.get("pages"):
        return None
    pages = max(1, int(reading.get("pages") or 1))
    words = int(reading.get("ocr_words") or 0)
    low = int(reading.get("low_confidence_words") or 0)
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


@_evaluator("readable")
def readable(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "instrument")
    if kind is not None and data_items(facts):
        return Finding("pass", evidence, f"read as a {kind.label.lower()} that asks for data")
    if not isinstance(facts.get("_reading"), Mapping):
        if kind is None:
            return Finding("unknown", evidence, "how well the scan was read is not known")
        return Finding("pass", evidence, f"read as a {kind.label.lower()}")
    poor = poor_reading(facts, pack)
    if poor:
        # On a poor scan, a request not read is not a request absent: "not a data demand" would guess.
        missing = (
            "no instrument was recognised"
            if kind is None
            else f"no request for data was read in this {kind.label.lower()}"
        )
        return Finding(
            "fail",
            evidence,
            f"{poor}, and {missing}: read the served original (or a better scan) "
            "and enter its facts before judging",
        )
    return Finding("pass", evidence, "the text reads well")


@_evaluator("official_document")
def official_document(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "instrument", "issuing_authority")
    if kind is None:
        return Finding("unknown", evidence, "the instrument could not be read")
    if kind.kind == "other":
        if not data_items(facts):
            return Finding(
                "not_applicable", evidence, "a document that asks for no data (a takedown, a letter)"
            )
        return Finding("fail", evidence, "the document names no legal instrument the policy recognises")
    if not facts.get("issuing_authority"):
        return Finding("unknown", evidence, f"a {kind.label.lower()}, but the issuing authority was not read")
    return Finding("pass", evidence, f"{kind.label} issued by {facts['issuing_authority']}")


@_evaluator("issued_under_local_law")
def issued_under_local_law(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    jurisdiction = pack.jurisdiction(facts.get("country"))
    evidence = fact_evidence(facts, "country", "instrument")
    if jurisdiction is None:
        return Finding("unknown", evidence, "the issuing country could not be read")
    if kind is None:
        return Finding("unknown", evidence, "the instrument could not be read")
    where = (
        jurisdiction.name if jurisdiction.code != "default" else f"{facts.get('country')} (no country file)"
    )
    if kind.kind == "other" and not data_items(facts):
        return Finding("not_applicable", evidence, "a document that asks for no data (a takedown, a letter)")
    if kind.kind == "emergency_request":
        if jurisdiction.emergency_requests:
            return Finding("pass", evidence, f"emergency requests from {where} are considered")
        return Finding("fail", evidence, f"emergency requests from {where} are not accepted")
    if not jurisdiction.accepted:
        return Finding("fail", evidence, f"demands from {where} are not accepted: {jurisdiction.reason}")
    local = jurisdiction.local(kind.kind)
    if not local:
        known = sorted({i.kind for i in jurisdiction.instruments})
        return Finding(
            "fail",
            evidence,
            f"the law of {where} as packed has no {kind.label.lower()}; it has {', '.join(known)}",
        )
    return Finding("pass", evidence, f"{where}: {_names(local)}")


@_evaluator("authority_has_jurisdiction")
def authority_has_jurisdiction(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    authority = facts.get("issuing_authority")
    evidence = fact_evidence(facts, "issuing_authority")
    if not authority:
        return Finding("unknown", evidence, "the issuing authority was not read")
    _, local = _local_for(facts, pack)
    for instrument in local:
        if instrument.issued_by(str(authority)):
            return Finding("pass", evidence, f"{authority} may issue a {instrument.local_name}")
    if not local or any(not i.issuers for i in local):
        return Finding("unknown", evidence, f"the reviewer checks that {authority} may issue this instrument")
    # Every local form of this instrument names who may issue it, and this authority is none of them.
    issuers = sorted({w for i in local for w in i.issuers})
    return Finding(
        "fail", evidence, f"a {local[0].local_name} comes only from {' or '.join(issuers)}, not {authority}"
    )


@_evaluator("signed")
def signed(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    value = facts.get("signed")
    evidence = fact_evidence(facts, "signed")
    if value is True:
        return Finding("pass", evidence, "signed")
    if value is False and seen(facts, "signed"):
        return Finding("fail", evidence, "no signature on the document")
    if value is False:
        # An ink signature is an image: finding no signature block in the text proves nothing.
        return Finding(
            "unknown", evidence, "no signature was found in the text read: check the served original"
        )
    return Finding("unknown", evidence, "whether it is signed could not be read")


@_evaluator("properly_authorised")
def properly_authorised(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    evidence = fact_evidence(facts, "issuing_authority", "signed")
    if kind is None:
        return Finding("unknown", evidence, "the instrument could not be read")
    if is_emergency(facts):
        return Finding("not_applicable", evidence, "an emergency request is judged by the emergency items")
    need = needs_judge(facts, pack)
    authority = str(facts.get("issuing_authority") or "")
    judicial = pack.words.judicial.search(authority) is not None
    if need is False:
        return Finding("pass", evidence, f"a {kind.label.lower()} needs no judge here")
    if facts.get("signed") is False and need and seen(facts, "signed"):
        return Finding(
            "fail", evidence, f"a {kind.label.lower()} needs a judge's signature and none is shown"
        )
    if judicial and facts.get("signed") is not False:
        return Finding("pass", evidence, f"issued by {authority}, a court")
    if need is None:
        return Finding(
            "unknown", evidence, "whether a judge is needed depends on which local instrument this is"
        )
    if authority and pack.words.law_enforcement.search(authority):
        return Finding(
            "unknown",
            evidence,
            f"{authority} is not a court: check that a judge signed this {kind.label.lower()}",
        )
    return Finding("unknown", evidence, f"check that a judge signed this {kind.label.lower()}")


# Legal-form words and fillers: "Contoso Ltd" and "Contoso Limited" are the same addressee.
_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc lp plc gmbh ag sa sarl sas bv nv sl"
    " ltda pty the of".split()
)


def _name_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold(text).replace(".", ""))
    return {w for w in words if w not in _SUFFIXES}


@_evaluator("addressed_to_provider")
def addressed_to_provider(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    addressee = facts.get("addressee")
    evidence = fact_evidence(facts, "addressee")
    if not ctx.provider_entities:
        return Finding("unknown", evidence, "no provider entities are set up to compare the addressee with")
    if not addressee:
        return Finding("unknown", evidence, "the addressee was not read")
    words = _name_words(str(addressee))
    for entity in ctx.provider_entities:
        core = _name_words(entity)
        if core and core <= words:
            return Finding("pass", evidence, f"addressed to {entity}")
    if words <= pack.words.addressee_roles:
        return Finding(
            "unknown",
            evidence,
            f"{addressee!r} names a role, not a company: check on the served original whom it commands",
        )
    return Finding(
        "fail",
        evidence,
        f"{addressee!r} is none of the provider's entities ({'; '.join(ctx.provider_entities)})",
    )


def served(ctx: ReviewContext) -> date:
    """The day the demand was served: what its dates are judged against (today if not recorded)."""
    return ctx.received or ctx.today


@_evaluator("dates")
def dates(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    issued_text = facts.get("date_issued")
    span = facts.get("date_range") or {}
    issued = parse_date(issued_text)
    start, end = parse_date(span.get("from")), parse_date(span.get("to"))
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
    unsure = _join([f"its {what} {doubt}" for what, doubt in doubts.items() if doubt])
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
        return Finding("fail", evidence, _join(problems))
    if unknowns:
        return Finding("unknown", evidence, _join(unknowns))
    span_note = f"; range {start} to {end}" if start or end else ""
    return Finding("pass", evidence, _join([f"issued {issued}{span_note}", *notes]))


@_evaluator("specific_identifiers")
def specific_identifiers(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    found = identifiers(facts)
    if not data_items(facts):
        return Finding("not_applicable", (), "no data is asked for")
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
        problems.append(f"the request for {item.get('category')} covers {phrase!r}")
        evidence.append(item_evidence(item))
    unreadable = sum(1 for i in found if identifier_problem(i, pack)[0] == "redacted")
    if problems:
        if not usable:
            problems.insert(0, "no readable, specific identifier")
        return Finding("fail", tuple(evidence), _join(problems))
    if not usable:
        # A blacked-out or unread target is not a missing one: only the served original tells.
        return Finding(
            "unknown",
            tuple(identifier_evidence(i) for i in found),
            f"no readable identifier ({unreadable} blacked out or unreadable on this copy): "
            "read the targets on the served original and add them"
            if unreadable
            else "no identifier was read: check the served original for the accounts it names",
        )
    return Finding(
        "pass",
        tuple(identifier_evidence(i) for i in found if identifier_problem(i, pack)[0] == "ok"),
        f"{usable} specific identifier(s)",
    )


@_evaluator("identifiers_well_formed")
def identifiers_well_formed(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    if not data_items(facts):
        return Finding("not_applicable", (), "no data is asked for")
    checked = [(i, *identifier_problem(i, pack)) for i in identifiers(facts)]
    bad = [(i, why) for i, problem, why in checked if problem == "malformed"]
    good = [i for i, problem, _ in checked if problem == "ok"]
    redacted = sum(1 for _, problem, _ in checked if problem == "redacted")
    tail = f"; {redacted} blacked out and left out of scope" if redacted else ""
    if bad:
        return Finding(
            "fail", tuple(identifier_evidence(i) for i, _ in bad), _join([w for _, w in bad]) + tail
        )
    if not good:
        return Finding("not_applicable", (), "no readable, specific identifier to check" + tail)
    return Finding("pass", tuple(identifier_evidence(i) for i in good), f"{len(good)} well formed{tail}")


@_evaluator("instrument_sufficient")
def instrument_sufficient(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    kind = instrument_kind(facts, pack)
    items = data_items(facts)
    evidence = fact_evidence(facts, "instrument")
    if is_emergency(facts):
        return Finding(
            "not_applicable", evidence, "an emergency request compels nothing; see the emergency items"
        )
    if not items:
        return Finding("not_applicable", evidence, "no data is asked for")
    if kind is None:
        return Finding("unknown", evidence, "the instrument could not be read")
    content_ok, noncontent_ok = can_compel(facts, pack)
    short = [
        d for d in items if (is_content(d) and not content_ok) or (not is_content(d) and not noncontent_ok)
    ]
    _, local = _local_for(facts, pack)
    named = f" ({_names(local)})" if local else ""
    if short:
        parts = sorted({"content" if is_content(d) else "non-content" for d in short})
        needs = "a warrant or court order" if "content" in parts else "at least a subpoena"
        return Finding(
            "fail",
            evidence + tuple(item_evidence(d) for d in short),
            f"a {kind.label.lower()}{named} cannot compel {' or '.join(parts)}: that part needs {needs}",
        )
    return Finding("pass", evidence, f"a {kind.label.lower()}{named} can compel what is asked")


# Categories that describe use over time: without a date range they reach back indefinitely.
_TIME_SERIES = ("ip_history", "traffic", "content", "other")


@_evaluator("not_overly_broad")
def not_overly_broad(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    span = facts.get("date_range") or {}
    start, end = parse_date(span.get("from")), parse_date(span.get("to"))
    evidence = fact_evidence(facts, "date_range_from", "date_range_to")
    purpose = "whether the categories go beyond the stated purpose is for the reviewer"
    if not data_items(facts):
        return Finding("not_applicable", evidence, "no data is asked for")
    if start is None:
        if any(d.get("category") in _TIME_SERIES or is_content(d) for d in data_items(facts)):
            return Finding("unknown", evidence, f"no start date for records over time; {purpose}")
        return Finding("pass", evidence, f"current records only; {purpose}")
    last = end or served(ctx)
    days = (last - start).days
    if days > ctx.max_range_days:
        return Finding("fail", evidence, f"the date range covers {days} days, more than {ctx.max_range_days}")
    return Finding("pass", evidence, f"the date range covers {days} days; {purpose}")


@_evaluator("requester_verified")
def requester_verified(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    contacts = [c for c in facts.get("requester_contacts") or [] if isinstance(c, Mapping)]
    emails = list(ctx.requester_emails) or [
        str(c["value"]) for c in contacts if c.get("kind") == "email" and c.get("value")
    ]
    phones = list(ctx.requester_phones) or [
        str(c["value"]) for c in contacts if c.get("kind") == "phone" and c.get("value")
    ]
    evidence = fact_evidence(facts, "issuing_authority") + tuple(
        Evidence(_page(c.get("page")), _box(c.get("box")), str(c.get("value"))) for c in contacts
    )
    if not emails and not phones:
        return Finding("unknown", evidence, "no contact details of the requester to check")
    try:
        # Imported here: the directory is its own module and may be absent from older builds.
        requesters = importlib.import_module("app.review.requesters")
    except ImportError:
        return Finding("unknown", evidence, "the directory of requesting authorities is not available")
    try:
        extra = Path(ctx.directory_extra) if ctx.directory_extra else None
        directory = requesters.load_directory(extra=extra) if extra else None
    except requesters.DirectoryError as exc:
        return Finding("unknown", evidence, f"the workstation's directory additions cannot be read: {exc}")
    verification = requesters.verify(
        facts.get("issuing_authority"), facts.get("country"), emails, phones, directory
    )
    verdict = verification.verdict if verification.verdict in ("pass", "fail") else "unknown"
    return Finding(verdict, evidence, str(verification.reason))


# ------------------------------------------------------------------------------ emergency


@_evaluator("emergency_in_writing")
def emergency_in_writing(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    letterhead = facts.get("letterhead")
    evidence = fact_evidence(facts, "letterhead", "issuing_authority")
    if letterhead is True:
        return Finding("pass", evidence, "in writing on the authority's letterhead")
    if letterhead is False:
        return Finding("fail", evidence, "in writing, but not on official letterhead")
    return Finding("unknown", evidence, "in writing; the reviewer checks the letterhead")


@_evaluator("emergency_signed_by_law_enforcement")
def emergency_signed_by_law_enforcement(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    authority = facts.get("issuing_authority")
    evidence = fact_evidence(facts, "issuing_authority", "signed")
    if facts.get("signed") is False and seen(facts, "signed"):
        return Finding("fail", evidence, "the request is not signed")
    if not authority:
        return Finding("unknown", evidence, "the requesting authority was not read")
    if pack.words.law_enforcement.search(str(authority)) is None:
        return Finding("unknown", evidence, f"{authority} is not recognisably a law-enforcement authority")
    if facts.get("signed") is not True:
        return Finding("unknown", evidence, f"from {authority}; whether it is signed could not be read")
    return Finding("pass", evidence, f"signed for {authority}")


def _statement(facts: Facts, key: str, missing: str) -> Finding:
    value = facts.get(key)
    evidence = fact_evidence(facts, key)
    if value is None:
        return Finding("unknown", evidence, "the reviewer reads the request for it")
    if not str(value).strip():
        return Finding("fail", evidence, missing)
    return Finding("pass", evidence, str(value).strip())


@_evaluator("emergency_summary")
def emergency_summary(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    return _statement(facts, "emergency_summary", "the request does not describe an emergency")


@_evaluator("emergency_how_data_helps")
def emergency_how_data_helps(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    return _statement(facts, "emergency_how_data_helps", "the request does not say how the data would help")


def emergency_allows(item: Mapping[str, Any], pack: PolicyPack) -> bool:
    if is_content(item):
        return pack.emergency_content
    return item.get("category") in pack.emergency_categories


@_evaluator("emergency_scope_limited")
def emergency_scope_limited(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    items = data_items(facts)
    beyond = [d for d in items if not emergency_allows(d, pack)]
    if beyond:
        return Finding(
            "fail",
            tuple(item_evidence(d) for d in beyond),
            "beyond what addresses an emergency: "
            + ", ".join(sorted({str(d.get("category")) for d in beyond})),
        )
    return Finding("pass", tuple(item_evidence(d) for d in items), "limited to what addresses the emergency")


# ------------------------------------------------------------------------------ civil


@_evaluator("civil_owner_consent")
def civil_owner_consent(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    content = [d for d in data_items(facts) if is_content(d)]
    evidence = tuple(item_evidence(d) for d in content)
    if not content:
        return Finding("not_applicable", (), "no content is asked for")
    if ctx.owner_consent is True:
        return Finding("pass", evidence, "the account owner consented")
    if ctx.owner_consent is False:
        return Finding("fail", evidence, "no consent of the account owner: the content part is struck")
    return Finding("unknown", evidence, "whether the account owner consented is not known")


@_evaluator("civil_notice")
def civil_notice(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    secrecy = facts.get("secrecy_order") or {}
    evidence = _secrecy_evidence(facts)
    if secrecy.get("present") is True:
        until = secrecy.get("expires")
        return Finding(
            "fail",
            evidence,
            "a secrecy order forbids notice" + (f" until {until}" if until else "") + "; notice is delayed",
        )
    if secrecy.get("present") is False:
        return Finding("pass", evidence, "no secrecy order: the account owner is notified")
    return Finding("unknown", evidence, "whether a secrecy order forbids notice could not be read")


# ------------------------------------------------------------------------------ enterprise


@_evaluator("enterprise_redirect")
def enterprise_redirect(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    enterprise = is_enterprise(ctx)
    seats = f" ({ctx.enterprise_seats} seats)" if ctx.enterprise_seats else ""
    if enterprise is None:
        return Finding("unknown", (), "whether the account belongs to an enterprise customer is not known")
    if enterprise is False:
        return Finding("not_applicable", (), "a consumer account")
    if ctx.enterprise_exception is True:
        return Finding("pass", (), f"enterprise customer{seats}; one of the narrow exceptions applies")
    # Exceptions are the rare case, so redirecting is the default until one is recorded.
    unless = "" if ctx.enterprise_exception is False else " unless the reviewer records an exception"
    return Finding(
        "fail", (), f"enterprise customer{seats}: the authority is sent to the customer first{unless}"
    )


@_evaluator("data_location")
def data_location(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    country = str(facts.get("country") or "").upper()
    stored = (ctx.data_stored_in or "").upper()
    evidence = fact_evidence(facts, "country")
    if not stored:
        return Finding("unknown", evidence, "where the data is stored is not recorded")
    if not country:
        return Finding("unknown", evidence, f"stored in {stored}; the requesting country is not known")
    if stored == country:
        return Finding("pass", evidence, f"stored in {stored}, the requesting country")
    return Finding(
        "fail",
        evidence,
        f"stored in {stored}, outside the requesting country {country}: recorded as a CLOUD Act case",
    )


# ------------------------------------------------------------------------------ human rights


@_evaluator("country_baseline")
def country_baseline(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    jurisdiction = pack.jurisdiction(facts.get("country"))
    evidence = fact_evidence(facts, "country")
    if jurisdiction is None:
        return Finding("unknown", evidence, "the issuing country could not be read")
    baseline = jurisdiction.human_rights
    note = f"{jurisdiction.name}: {baseline.level}. {baseline.notes}"
    return Finding("fail" if baseline.level == "high" else "pass", evidence, note)


@_evaluator("offence_protected_activity")
def offence_protected_activity(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    offence = ctx.offence or facts.get("offence")
    evidence = fact_evidence(facts, "offence") if facts.get("offence") else ()
    said = ctx.offence_criminalises_protected_activity
    if said is True:
        return Finding(
            "fail",
            evidence,
            f"the reviewer found that {offence or 'the offence'} criminalises a protected activity",
        )
    if said is False:
        return Finding("pass", evidence, f"{offence or 'the offence'} criminalises no protected activity")
    if not offence:
        return Finding("unknown", evidence, "the offence is not known")
    for activity, phrases in pack.words.protected_activity.items():
        m = phrases.search(str(offence))
        if m:
            return Finding(
                "fail",
                evidence,
                f"{offence!r} reads as an offence of {activity.replace('_', ' ')} ({m.group(0)!r})",
            )
    return Finding(
        "unknown", evidence, f"the reviewer confirms that {offence!r} criminalises no protected activity"
    )


@_evaluator("target_journalist_or_activist")
def target_journalist_or_activist(facts: Facts, ctx: ReviewContext, pack: PolicyPack) -> Finding:
    said = ctx.target_is_journalist_or_activist
    if said is True:
        return Finding("fail", (), "the target appears to be a journalist, activist or human-rights defender")
    if said is False:
        return Finding("pass", (), "nothing suggests a journalist, activist or human-rights defender")
    return Finding("unknown", (), "who the target is has not been established")
