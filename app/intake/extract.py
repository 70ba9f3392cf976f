"""Reads the facts of a demand (DESIGN.md, "Facts JSON") from the words and boxes of its pages.

Every reading keeps its provenance: the page, the union box of the words it came from
and their mean OCR confidence. Where the text does not settle a fact the value is
None, or the reading is flagged with the reason; nothing is guessed silently.

The words live in resources/intake/*.toml (see ``vocab``); the rules that weigh them
live in one module per fact, put together here as ``_DocumentReader``:
``extract_instrument`` (instrument, country, signature), ``extract_parties`` (issuing
authority, addressee, file number), ``extract_timing`` (date issued, date range,
response date), ``extract_requested`` (whether and which data is demanded, emergency),
``extract_secrecy`` and ``extract_ids`` (identifiers); ``extract_document`` holds the
text they all read. This module reads each document and merges them:

- **Documents.** A file may hold several documents (``extract_layout.split_documents``).
  Each is read on its own; the facts are those of the document that demands the most
  (identifiers, data), the identifiers and data of every demand in the file are kept,
  a later letter lifting the secrecy order sets ``secrecy_order.lifted_on``, and the
  instrument reading is flagged with the list of documents.
- **Instrument.** Titles in a heading count 6 (plus a little for a longer, more
  specific title), titles in the text 1.5, phrases 2, statutes their weight
  (common.toml). A subpoena with more civil than criminal cues is a civil subpoena.
  Close runners-up are flagged.
- **Country.** Statutes 5, courts, agencies and places 3, address patterns 2, the
  language 1.5; nothing in the addressee's block counts (that is the provider's own
  address). Nothing above 2 points: unknown.
- **Dates.** A date after a label ("Date:", "Dated this", "Fait à Lyon, le"), alone
  beside a place ("Köln, 12.11.2026") or as a letter's date line is a date of issue;
  after "on or before", "spätestens bis zum", "au plus tard le" a deadline; "within N
  (business) days" in a sentence that demands data counts from the date of issue (and
  is flagged when the text counts from receipt or service). Two dates joined by
  "through", "bis", "au", "al" make the date range; "to present" leaves its end open.
- **Secrecy.** A non-disclosure phrase or secrecy statute makes an order present; its
  length is read after "for (a period of)"/"für"/"pendant"/"por"; expiry = start +
  length (start: date issued, or the order's own date when the sentence names it); no
  length, or "until further order": open-ended.
- **Data requested.** Category phrases in sentences of a document that demands data,
  outside its reasons section and contact sentences; a content phrase negated in its
  sentence ("does not call for the contents") is not asked for. Preservation requests,
  takedown requests and letters about a secrecy order ask for no data.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from app.intake.extract_dates import (
    DateReader,
)
from app.intake.extract_ids import read_identifiers_and_contacts
from app.intake.extract_instrument import InstrumentFacts
from app.intake.extract_layout import (
    split_documents,
)
from app.intake.extract_parties import PartyFacts
from app.intake.extract_requested import RequestFacts
from app.intake.extract_secrecy import SecrecyFacts
from app.intake.extract_timing import TimingFacts
from app.intake.facts import (
    DataRequestReading,
    ExtractedFacts,
    IdentifierReading,
    Reading,
    SecrecyReading,
)
from app.intake.folding import fold
from app.intake.vocab import CATEGORIES, INSTRUMENT_KINDS, Vocabulary
from app.intake.vocab_load import vocabulary
from app.model import PageText

LOW_CONFIDENCE = 60.0
# Instruments that ask for customer data (a preservation request or a takedown does not).
DATA_DEMANDS = tuple(k for k in INSTRUMENT_KINDS if k not in ("preservation_request", "other"))


@functools.cache
def _date_reader() -> DateReader:
    return DateReader.build(vocabulary())


def extract_facts(pages: list[PageText], *, today: date) -> ExtractedFacts:
    """The facts of the demand on ``pages``. ``today`` bounds dates: none is read past ten years ahead."""
    vocab = vocabulary()
    dates = _date_reader()
    readable = [p for p in pages if any(w.text.strip() for w in p.words)]
    if not readable:
        return ExtractedFacts()
    language = detect_language(readable, vocab)
    documents = split_documents(readable, vocab, dates)
    readings = [_DocumentReader(doc, vocab, dates, language, today).read() for doc in documents]
    return _merge(readings, language)


# ------------------------------------------------------------------------------ language


def detect_language(pages: Iterable[PageText], vocab: Vocabulary) -> str | None:
    """The language whose stop-words are most frequent; None when there are too few words."""
    counts: Counter[str] = Counter()
    for page in pages:
        for word in page.words:
            token = fold(word.text.strip(".,;:()[]\"'"))
            for lang, stop in vocab.stopwords.items():
                if token in stop:
                    counts[lang] += 1
    if not counts:
        return None
    (best, n), *rest = counts.most_common()
    if n < 5 or (rest and rest[0][1] > 0.8 * n):
        return None
    return best


# ------------------------------------------------------------------------------ one document


@dataclass
class _DocReading:
    first_page: int
    last_page: int
    scalars: dict[str, Reading] = field(default_factory=dict)
    identifiers: list[IdentifierReading] = field(default_factory=list)
    contacts: list[IdentifierReading] = field(default_factory=list)
    data: list[DataRequestReading] = field(default_factory=list)
    secrecy: SecrecyReading | None = None
    lifts_secrecy: Reading | None = None  # this document lifts an earlier secrecy order
    # This document is about another demand and commands nothing: counsel's letter, a challenge,
    # an order modifying a secrecy order.
    about_another: Reading | None = None
    demands_data: bool = False

    @property
    def score(self) -> float:
        instrument = self.scalars.get("instrument")
        kind = instrument.value if instrument else None
        targets = sum(1 for i in self.identifiers)
        return (
            (3 if self.data else 0)
            + min(targets, 5)
            + (2 if kind in DATA_DEMANDS else 0)
            - (6 if self.lifts_secrecy else 0)
            - (6 if self.about_another else 0)
        )


class _DocumentReader(InstrumentFacts, PartyFacts, TimingFacts, RequestFacts, SecrecyFacts):
    # -- reading -----------------------------------------------------------------------

    def read(self) -> _DocReading:
        out = _DocReading(self.pages[0].page_no, self.pages[-1].page_no)
        self.statutes = [(s, m) for s in self.vocab.statutes for m in s.regex.finditer(self.folded)]
        country = self.country()
        country_code = country.value if country else None
        self.country_info = self.vocab.countries.get(country_code) if country_code else None
        order = self.country_info.date_order if self.country_info else None
        self.mentions = [
            d
            for d in self.dates.find(self.folded, order)
            if d.value is None or d.value.year <= self.today.year + 10
        ]
        instrument = self.instrument()
        if instrument:
            out.scalars["instrument"] = instrument
        if country:
            out.scalars["country"] = country
        for key, reading in (
            ("issuing_authority", self.authority()),
            ("addressee", self.addressee()),
            ("file_number", self.file_number()),
            ("signed", self.signed()),
        ):
            if reading is not None:
                out.scalars[key] = reading
        self.range_dates = set()
        self.range_to_self = False
        date_range = self.date_range()
        issued = self.date_issued()
        if issued:
            out.scalars["date_issued"] = issued
        issued_value = date.fromisoformat(issued.value) if issued and issued.value else None
        if self.range_to_self:
            date_range["date_range_to"] = Reading(
                issued_value.isoformat() if issued_value else None,
                flagged="the date of the demand itself",
            )
        out.scalars.update(date_range)
        due = self.response_due(issued_value)
        if due:
            out.scalars["response_due"] = due[0]
            if due[1] is not None:
                out.scalars["response_period"] = due[1]
        kind = instrument.value if instrument else None
        out.scalars["emergency"] = self.emergency(kind)
        letterhead = self.letterhead()
        if letterhead is not None:
            out.scalars["letterhead"] = letterhead
        if out.scalars["emergency"].value:
            out.scalars.update(self.emergency_passages())
        out.lifts_secrecy = self.lifted()
        out.identifiers, out.contacts = read_identifiers_and_contacts(
            self.layout, self.vocab, self.country_info
        )
        out.about_another = self.about_another()
        out.demands_data = self.demands_data(kind) and out.lifts_secrecy is None and out.about_another is None
        out.data = self.data_requested() if out.demands_data else []
        out.secrecy = self.secrecy(issued_value)
        self._not_a_demand(out, instrument, kind)
        return out

    def _not_a_demand(self, out: _DocReading, instrument: Reading | None, kind: str | None) -> None:
        """A document about another demand, or one lifting a secrecy order, imposes no secrecy order
        and is no demand of its own."""
        if out.about_another is not None:
            about = out.about_another
            # Its gag words are the other demand's: it imposes no secrecy order of its own.
            out.secrecy = SecrecyReading(
                False, page=about.page, box=about.box, confidence=about.confidence, flagged=about.flagged
            )
            # An order about an order is still a court's order (as an order extending or vacating
            # a gag is); a letter or a challenge is no instrument at all.
            out.scalars["instrument"] = replace(
                instrument or Reading("other"),
                value="court_order" if self._judge_signs() else "other",
                flagged=about.flagged,
            )
        if out.lifts_secrecy is not None and not out.demands_data:
            lift = out.lifts_secrecy
            out.secrecy = SecrecyReading(
                False,
                text=None,
                page=lift.page,
                box=lift.box,
                confidence=lift.confidence,
                flagged="this document lifts a secrecy order",
            )
            if kind in (None, "nsl", "subpoena"):
                out.scalars["instrument"] = replace(
                    instrument or Reading("other"), value="other", flagged="a letter lifting a secrecy order"
                )


# ------------------------------------------------------------------------------ merging


def _merge(readings: list[_DocReading], language: str | None) -> ExtractedFacts:
    primary = max(readings, key=lambda r: (r.score, -r.first_page))
    scalars = dict(primary.scalars)
    demands = [r for r in readings if r.demands_data or r is primary]
    identifiers: list[IdentifierReading] = []
    seen: set[tuple[str, str]] = set()
    for r in demands:
        for ident in r.identifiers:
            if ident.value is not None:
                key = (ident.kind, ident.value)
                if key in seen:
                    continue
                seen.add(key)
            identifiers.append(ident)
    contacts: list[IdentifierReading] = []
    for r in demands:
        for contact in r.contacts:
            if all((c.kind, c.value) != (contact.kind, contact.value) for c in contacts):
                contacts.append(contact)
    data: dict[str, DataRequestReading] = {}
    for r in demands:
        for item in r.data:
            data.setdefault(item.category, item)
    secrecy = primary.secrecy
    lifting = [r for r in readings if r.lifts_secrecy is not None and r is not primary]
    if lifting:
        lift = lifting[-1]
        lifted_date = lift.scalars.get("date_issued")
        lifted_on = lifted_date.value if lifted_date else None
        if secrecy is None or not secrecy.present:
            secrecy = SecrecyReading(True, open_ended=True)
        secrecy = replace(
            secrecy,
            lifted_on=lifted_on,
            expires=lifted_on or secrecy.expires,
            flagged=f"lifted by the letter on page {lift.first_page}"
            + (f" dated {lifted_on}" if lifted_on else ""),
        )
    if len(readings) > 1:
        parts = []
        for r in readings:
            kind = r.scalars.get("instrument")
            issued = r.scalars.get("date_issued")
            pages = (
                f"pages {r.first_page}-{r.last_page}"
                if r.last_page != r.first_page
                else f"page {r.first_page}"
            )
            parts.append(
                f"{pages}: {kind.value if kind else '?'}"
                + (f" of {issued.value}" if issued and issued.value else "")
            )
        note = (
            f"this file holds {len(readings)} documents ({'; '.join(parts)}); "
            f"facts read from pages {primary.first_page}-{primary.last_page}"
        )
        instrument = scalars.get("instrument") or Reading(None)
        scalars["instrument"] = replace(instrument, flagged=note)
    return ExtractedFacts(
        scalars=scalars,
        identifiers=identifiers,
        requester_contacts=contacts,
        data_requested=[data[c] for c in CATEGORIES if c in data],
        secrecy_order=secrecy,
        language=language,
    )
