"""What the checklist's rules read from a demand's facts, and what each of them finds.

Every evaluator (``app.review.evaluators`` for validity, ``app.review.circumstances`` for
emergencies, civil parties, enterprise customers and human rights) takes the demand's
``Facts`` (app/domain), the ``ReviewContext`` the reviewer established and the policy
pack, and returns a ``Finding``: pass, fail or unknown, the evidence it rests on and a
note that says why. An evaluator answers "unknown" whenever the facts cannot settle the
question: guessing "pass" would hide a question the reviewer has to answer, guessing
"fail" would reject a valid demand.

Evidence comes from where a fact was read. Identifiers and data requested carry their
page and box; scalar facts do not, so the facts may carry their provenance: for a scalar
key ("signed", "date_issued", "date_range_from", ...) the page, box and words it was read
from. A few facts are read when present, each ``None`` when not known:

- ``letterhead``: the demand is on the authority's official letterhead;
- ``emergency_summary`` / ``emergency_how_data_helps``: the passages of an emergency
  request describing the emergency and how the data would help; an empty string means
  the request was read and says nothing of the kind;
- ``offence``: the offence the demand names, when the reviewer's context has none;
- ``requester_contacts``: the requester's own e-mail addresses and phone numbers read
  from the demand;
- ``reading``: how well the document was read (words of a text layer count as read with
  full confidence), counted by the review service from the stored pages
  (``validity.readable``).

A blocking item fails only on positive evidence read from the document. What is blacked
out, unreadable or missing is "unknown", with a note saying what to check on the served
original: the scan of a copy shows less than the original the provider was served.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.display_language import ENGLISH, words
from app.domain.enums import Instrument, Verdict
from app.domain.facts import DataRequest, Facts, Identifier
from app.review.model import Evidence, ReviewContext
from app.review.policy import InstrumentKind, Jurisdiction, LocalInstrument, PolicyPack
from app.review.said import Said, Word, joined, template, word


@dataclass(frozen=True)
class Finding:
    """What an evaluator found: the answer, the evidence and why."""

    answer: Verdict
    evidence: tuple[Evidence, ...] = ()
    note: str = ""


Evaluator = Callable[[Facts, ReviewContext, PolicyPack], Finding]


def registrar(into: dict[str, Evaluator]) -> Callable[[str], Callable[[Evaluator], Evaluator]]:
    """A decorator that files an evaluator under the name checklist.toml calls it by."""

    def named(name: str) -> Callable[[Evaluator], Evaluator]:
        def register(function: Evaluator) -> Evaluator:
            into[name] = function
            return function

        return register

    return named


# ------------------------------------------------------------------------------ facts


def instrument_kind(facts: Facts, pack: PolicyPack) -> InstrumentKind | None:
    return pack.instruments.get(facts.instrument) if facts.instrument is not None else None


def instrument_name(facts: Facts, pack: PolicyPack, kind: InstrumentKind) -> str:
    """The demand's instrument as a note names it: as the law where it was issued names it
    ("Réquisition judiciaire") when the pack can tell, else by the kind's label."""
    return pack.instrument_name(kind.kind, facts.country, facts.issuing_authority)


def called(facts: Facts, pack: PolicyPack, kind: InstrumentKind) -> Word:
    """``instrument_name`` as it reads inside a note, in every language: English runs it in
    lower case (``in_sentence``), German keeps its nouns capital."""

    def say(language: str) -> str:
        name = pack.instrument_name(kind.kind, facts.country, facts.issuing_authority, language)
        return in_sentence(name) if language == ENGLISH else name

    return word(say)


_COUNTRIES = Path(__file__).resolve().parents[2] / "resources" / "countries" / "iso3166.toml"


def country_word(jurisdiction: Jurisdiction) -> Word:
    """The country of a jurisdiction by name, in every language (its file's name in English)."""

    def say(language: str) -> str:
        if language == ENGLISH:
            return jurisdiction.name
        if jurisdiction.code == "default":  # the pack's file for every country without its own
            return template("rights.any_other_country", language)
        return str(words(_COUNTRIES, language)["countries"].get(jurisdiction.code) or jurisdiction.name)

    return word(say)


def code_word(code: str) -> Word:
    """A country code as a note names it: the code itself in English (as stored and exported),
    the country's name in another language ("Irland"); a code with no name stays a code."""

    def say(language: str) -> str:
        if language == ENGLISH:
            return code
        return str(words(_COUNTRIES, language)["countries"].get(code) or code)

    return word(say)


def kind_label(kind: InstrumentKind, pack: PolicyPack) -> Word:
    """The kind's label ("Search warrant") in a sentence, in every language."""
    return word(
        lambda lang: in_sentence(kind.label) if lang == ENGLISH else pack.instrument_label(kind.kind, lang)
    )


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: lower case, but for acronyms ("FISA", "EPOC")."""
    return re.sub(r"\w+", lambda m: m[0] if sum(c.isupper() for c in m[0]) > 1 else m[0].lower(), name)


def is_emergency(facts: Facts | Mapping[str, object]) -> bool:
    """An emergency request, or a demand that says it is one. Intake and the schedule ask
    this of their scalar readings (a mapping of values) before the case has its Facts."""
    if isinstance(facts, Facts):
        return facts.instrument == Instrument.EMERGENCY_REQUEST or facts.emergency is True
    return facts.get("instrument") == Instrument.EMERGENCY_REQUEST or facts.get("emergency") is True


def is_civil(facts: Facts, pack: PolicyPack) -> bool:
    kind = instrument_kind(facts, pack)
    return bool(kind and kind.civil)


def is_enterprise(ctx: ReviewContext) -> bool | None:
    if ctx.enterprise_customer is not None:
        return ctx.enterprise_customer
    # Seats are only ever bought by an enterprise customer.
    return True if ctx.enterprise_seats else None


def parse_date(value: str | None) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def fact_evidence(facts: Facts, *keys: str) -> tuple[Evidence, ...]:
    """Where the scalar facts ``keys`` were read, or the value alone when nobody said where."""
    out = []
    for key in keys:
        found = facts.where(key)
        value = facts.scalar(key)
        if found is not None:
            out.append(Evidence(found.page, found.box, str(found.text if found.text else value)))
        elif value is not None:
            out.append(Evidence(None, None, f"{key}: {value}"))
    return tuple(out)


def identifier_evidence(ident: Identifier) -> Evidence:
    shown = ident.value if not ident.redacted else None
    return Evidence(ident.page, ident.box, f"{ident.kind}: {shown or '[redacted]'}")


def item_evidence(item: DataRequest) -> Evidence:
    return Evidence(item.page, item.box, str(item.text or item.category))


def secrecy_evidence(facts: Facts) -> tuple[Evidence, ...]:
    secrecy = facts.secrecy_order
    if not secrecy.text and secrecy.page is None:
        return ()
    return (Evidence(secrecy.page, secrecy.box, str(secrecy.text or "")),)


def corrected(facts: Facts, key: str) -> bool:
    """Whether the reviewer set this fact (``_corrected``): their word, not a reading to doubt."""
    return key in (facts.corrected or ())


def seen(facts: Facts, key: str) -> bool:
    """Whether a fact was read at a place on the page (or set by the reviewer), not only inferred
    from what was not found there."""
    found = facts.where(key)
    return corrected(facts, key) or (found is not None and found.page is not None)


def doubtful(facts: Facts, key: str, pack: PolicyPack) -> str | None:
    """Why a fact read by OCR is too uncertain to fail a blocking item on (or to send in a
    letter's address unchecked), or None."""
    if corrected(facts, key):
        return None
    found = facts.where(key)
    confidence = found.confidence if found is not None else None
    if confidence is not None and confidence < pack.doubtful_below:
        return Said("doubt.low_confidence", confidence=confidence)
    return None


def join(notes: Sequence[str]) -> Said:
    """Notes run together ("a; b"), each part sayable in the display language."""
    return joined(notes)


def served(ctx: ReviewContext) -> date:
    """The day the demand was served: what its dates are judged against (today if not recorded)."""
    return ctx.received or ctx.today


# ------------------------------------------------------------------------------ instruments


def local_for(facts: Facts, pack: PolicyPack) -> tuple[Jurisdiction | None, tuple[LocalInstrument, ...]]:
    jurisdiction = pack.jurisdiction(facts.country)
    kind = facts.instrument
    if jurisdiction is None or kind is None:
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
    _, local = local_for(facts, pack)
    if local:
        return any("content" in i.compels for i in local), any("noncontent" in i.compels for i in local)
    return kind.compels_content, kind.compels_noncontent


def relevant_local(facts: Facts, pack: PolicyPack) -> list[LocalInstrument]:
    """The local instruments of this kind that could reach what is asked (all of them if none could).

    They decide what the demand needs: a European Production Order for subscriber
    data needs no judge, one for content does.
    """
    _, local = local_for(facts, pack)
    wanted = {"content" if d.is_content else "noncontent" for d in facts.data_requested}
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


def names(local: Sequence[LocalInstrument], jurisdiction: Jurisdiction, pack: PolicyPack) -> Word:
    """The country's instruments with the law each rests on ("Search warrant (Fed. R. Crim. P. 41)")."""
    return word(
        lambda lang: "; ".join(f"{i.local_name} ({pack.statute_text(jurisdiction, i, lang)})" for i in local)
    )


def statute_word(instrument: LocalInstrument, jurisdiction: Jurisdiction, pack: PolicyPack) -> Word:
    """The law an instrument rests on, its prose in every language (the citation as written)."""
    return word(lambda lang: pack.statute_text(jurisdiction, instrument, lang))
