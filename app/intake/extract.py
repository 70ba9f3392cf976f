"""Reads the facts of a demand (DESIGN.md, "Facts JSON") from the words and boxes of its pages.

Every reading keeps its provenance: the page, the union box of the words it came from
and their mean OCR confidence. Where the text does not settle a fact the value is
None, or the reading is flagged with the reason; nothing is guessed silently.

The words live in resources/intake/*.toml (see ``vocab``); this module holds the
rules that weigh them:

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
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from app.intake.extract_dates import (
    DateMention,
    DateReader,
    Period,
    add_period,
    parse_number,
    period_days,
    period_in_days,
)
from app.intake.extract_ids import read_identifiers_and_contacts
from app.intake.extract_layout import (
    ADDRESSEE,
    FAX,
    FOOTER,
    LETTERHEAD,
    analyse,
    full_match,
    is_sentence,
    split_documents,
)
from app.intake.extract_text import Line, PlacedWord, Provenance, Stream, provenance_of, without_debris
from app.intake.facts import (
    DataRequestReading,
    ExtractedFacts,
    IdentifierReading,
    Reading,
    SecrecyReading,
    file_number_key,
)
from app.intake.folding import fold
from app.intake.vocab import CATEGORIES, INSTRUMENT_KINDS, Country, Vocabulary, vocabulary
from app.model import PageText
from app.schedule.deadlines import format_period

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


def _reading(value: object, prov: Provenance, flagged: str | None = None) -> Reading:
    if flagged is None and prov.confidence is not None and prov.confidence < LOW_CONFIDENCE:
        flagged = f"low OCR confidence ({prov.confidence:.0f})"
    return Reading(value, prov.page, prov.box, prov.confidence, flagged)


class _DocumentReader:
    def __init__(
        self, pages: list[PageText], vocab: Vocabulary, dates: DateReader, language: str | None, today: date
    ) -> None:
        self.pages = pages
        self.vocab = vocab
        self.dates = dates
        self.language = language
        self.today = today
        self.stream = Stream(pages)
        self.layout = analyse(self.stream, vocab, dates)
        self.folded = self.stream.folded

    # -- helpers -----------------------------------------------------------------------

    def prov(self, start: int, end: int) -> Provenance:
        return self.stream.provenance(start, end)

    def _sure(self, start: int, end: int) -> float:
        """OCR confidence of a span: of two equal pieces of evidence, the better-read one is shown."""
        return self.prov(start, end).confidence or 0.0

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.stream.sentence_bounds(offset)

    def in_zone(self, offset: int, *zones: str) -> bool:
        return self.layout.zone_at(offset) in zones

    def has(self, cue: str, start: int, end: int) -> bool:
        return self.vocab.cues[cue].search(self.folded, start, end) is not None

    # -- reading -----------------------------------------------------------------------

    def read(self) -> _DocReading:
        out = _DocReading(self.pages[0].page_no, self.pages[-1].page_no)
        self.statutes = [(s, m) for s in self.vocab.statutes for m in s.regex.finditer(self.folded)]
        country = self.country()
        country_code = country.value if country else None
        self.country_info: Country | None = self.vocab.countries.get(country_code) if country_code else None
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
        self.range_dates: set[int] = set()
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
        return out

    # -- country -----------------------------------------------------------------------

    def country(self) -> Reading | None:
        scores: dict[str, float] = {}
        evidence: dict[str, tuple[float, int, int]] = {}

        def add(code: str, weight: float, start: int, end: int) -> None:
            scores[code] = scores.get(code, 0.0) + weight
            old = evidence.get(code)
            if (
                old is None
                or weight > old[0]
                or (weight == old[0] and self._sure(start, end) > self._sure(*old[1:]))
            ):
                evidence[code] = (weight, start, end)

        seen: set[str] = set()
        for statute, m in self.statutes:
            if statute.country and statute.label not in seen and not self.in_zone(m.start(), ADDRESSEE):
                seen.add(statute.label)
                add(statute.country, 5, m.start(), m.end())
        # Place names and institutions; where one phrase lies inside a longer one of another
        # country ("district court" inside "united states district court"), the longer counts.
        found: list[tuple[int, int, str, float]] = []
        for code, info in self.vocab.countries.items():
            for phrases, weight in ((info.cues, 3.0), (info.patterns, 2.0)):
                for m in phrases.finditer(self.folded):
                    if not self.in_zone(m.start(), ADDRESSEE, FAX):
                        found.append((m.start(), m.end(), code, weight))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        counted: set[tuple[str, str]] = set()
        reach = -1
        for start, end, code, weight in found:
            if end <= reach:
                continue
            reach = max(reach, end)
            key = (code, self.folded[start:end])
            if key not in counted:
                counted.add(key)
                add(code, weight, start, end)
        if self.language in self.vocab.language_country:
            code = self.vocab.language_country[self.language]
            scores[code] = scores.get(code, 0.0) + 1.5
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        best, points = ranked[0]
        if points < 2:
            return None
        if len(ranked) > 1 and ranked[1][1] == points:
            return Reading(None, flagged=f"country unclear: {best} or {ranked[1][0]}")
        flag = None
        if len(ranked) > 1 and ranked[1][1] > 0.7 * points:
            flag = f"also points to {ranked[1][0]}"
        if best in evidence:
            _, start, end = evidence[best]
            return _reading(best, self.prov(start, end), flag)
        return Reading(best, flagged=flag or "from the language only")

    # -- instrument --------------------------------------------------------------------

    def _heading_like(self, offset: int) -> bool:
        line = self.stream.line_at(offset)
        if self.layout.headings[line.index]:
            return True
        first = self.stream.lines[0]
        return line.page == first.page and len(line.words) <= 8 and line.top / line.page_height < 0.4

    def instrument(self) -> Reading | None:
        scores: dict[str, float] = {}
        evidence: dict[str, tuple[float, int, int]] = {}

        def add(kind: str, weight: float, start: int, end: int) -> None:
            scores[kind] = scores.get(kind, 0.0) + weight
            old = evidence.get(kind)
            if (
                old is None
                or weight > old[0]
                or (weight == old[0] and self._sure(start, end) > self._sure(*old[1:]))
            ):
                evidence[kind] = (weight, start, end)

        for kind, words in self.vocab.instruments.items():
            best_title = 0.0
            span = (0, 0)
            for m in words.titles.finditer(self.folded):
                if self.in_zone(m.start(), FOOTER, FAX):
                    continue
                line = self.stream.line_at(m.start())
                line_text = self.layout.line_text(line)
                heading = self._heading_like(m.start()) and full_match(words.titles, line_text, 0.3)
                weight = (6.0 + 0.05 * (m.end() - m.start())) if heading else 1.5
                if weight > best_title:
                    best_title, span = weight, (m.start(), m.end())
            if best_title:
                add(kind, best_title, *span)
            distinct: set[str] = set()
            for m in words.phrases.finditer(self.folded):
                if m.group(0) not in distinct and len(distinct) < 3:
                    distinct.add(m.group(0))
                    add(kind, 2.0, m.start(), m.end())
        seen: set[str] = set()
        for statute, m in self.statutes:
            if statute.instrument and statute.label not in seen:
                seen.add(statute.label)
                add(statute.instrument, statute.weight, m.start(), m.end())
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        best, points = ranked[0]
        if best == "subpoena" or (best == "civil_subpoena" and points < 6):
            civil = len({m.group(0) for m in self.vocab.civil.finditer(self.folded)})
            criminal = len({m.group(0) for m in self.vocab.criminal.finditer(self.folded)})
            if civil > criminal and civil >= 2:
                best = "civil_subpoena"
            elif best == "civil_subpoena" and criminal >= civil:
                best = "subpoena"
        if best == "subpoena" and self._judge_signs() and best in evidence:
            _, start, end = evidence[best]
            if self.vocab.cues["court_when_judge_signs"].search(self.folded, start, end):
                best = "court_order"  # an "oficio" or a "réquisition" a judge signs is a court's order
        if points < 3:
            _, start, end = evidence[ranked[0][0]]
            return _reading(best, self.prov(start, end), "weak evidence for the kind of instrument")
        flag = None
        runner = next(((k, p) for k, p in ranked[1:] if k != best), None)
        if runner and runner[1] >= points - 1.0:
            flag = f"could also be {runner[0]}"
        _, start, end = evidence.get(best, evidence[ranked[0][0]])
        return _reading(best, self.prov(start, end), flag)

    def _judge_signs(self) -> bool:
        """Does a judge sign the document (a signer's title such as "Juez Federal", "Richter")?"""
        for i in self.layout.signature_lines:
            text = self.layout.line_text(self.stream.lines[i])
            if self.vocab.cues["judge_titles"].search(text) and not self.vocab.cues["clerk_titles"].search(
                text
            ):
                return True
        return False

    # -- authority and addressee -------------------------------------------------------

    def _labelled_authority(self) -> Reading | None:
        """A form's "Issuing authority: …" field, with the line it runs on to."""
        for m in self.vocab.cues["authority_labels"].finditer(self.folded):
            line = self.stream.line_at(m.start())
            line_start, line_end = self.stream.line_folded_span(line)
            if m.start() - line_start > 25:
                continue
            words = self.stream.words_in(m.end(), line_end)
            words = [w for w in words if fold(w.text).strip(" :") not in ("", "-")]
            following = line.index + 1
            if words and following < len(self.stream.lines):
                nxt = self.stream.lines[following]
                if (
                    nxt.page == line.page
                    and len(nxt.words) <= 4
                    and ":" not in nxt.text
                    and not self.layout.headings[following]
                ):
                    words += nxt.words
            if words:
                return _reading(_display(" ".join(w.text for w in words)), provenance_of(words))
        return None

    def authority(self) -> Reading | None:
        labelled = self._labelled_authority()
        if labelled is not None:
            return labelled
        candidates: list[tuple[int, int, int, int]] = []  # rank, position, start, end
        first = self.stream.lines[0] if self.stream.lines else None
        for phrases, general in ((self.vocab.authorities, 0), (self.vocab.general_authorities, 1)):
            for m in phrases.finditer(self.folded):
                zone = self.layout.zone_at(m.start())
                if zone in (ADDRESSEE, FAX, FOOTER):
                    continue
                line = self.stream.line_at(m.start())
                top = first is not None and line.page == first.page and line.top / line.page_height < 0.35
                rank = (0 if top or zone == LETTERHEAD else 2 if zone == "signature" else 3) + general
                candidates.append((rank, m.start(), m.start(), m.end()))
        if not candidates:
            return None
        candidates.sort()
        # Overlapping matches: the longest one at the same place.
        rank, _, start, end = candidates[0]
        for r, _, s, e in candidates:
            if r == rank and s <= end and e > end and s >= start:
                end = e
        words = without_debris(self.stream.words_in(start, end))
        # A name does not run on into the next line's title ("... County of Alameda / SUBPOENA").
        while len(words) > 1 and words[-1].line != words[-2].line:
            tail_line = self.stream.lines[words[-1].line]
            tail = [w for w in words if w.line == tail_line.index]
            tail_text = fold(" ".join(w.text for w in tail))
            if not any(v.titles.search(tail_text) for v in self.vocab.instruments.values()):
                break
            words = [w for w in words if w.line != tail_line.index]
        return _reading(_display(" ".join(w.text for w in words)), provenance_of(words))

    def addressee(self) -> Reading | None:
        cues = self.vocab.cues
        options: list[tuple[str, Provenance]] = []
        for i in self.layout.addressee_lines:
            line = self.stream.lines[i]
            folded = self.layout.line_text(line)
            m = cues["addressee_labels"].search(folded[:40])
            cut = 0
            if m is not None and m.start() <= 2:
                cut = len(self.stream.text(*self.stream.line_folded_span(line))[: m.end()])
            value_words = _words_after(line, cut)
            name = self._organisation(value_words)
            if name:
                options.append(name)
                break
        for pattern in self.vocab.addressee_patterns:
            for m in pattern.finditer(self.folded):
                words = self.stream.words_in(m.start("org"), m.end("org"))
                name = self._organisation(words)
                if name and self._named_like_organisation(name[0]):
                    options.append(name)
        if not options:
            return None
        value, prov = options[0]
        if value.isupper():
            for other, other_prov in options[1:]:
                if fold(other) == fold(value) and not other.isupper():
                    value, prov = other, other_prov
                    break
            else:
                value = _display(value)
        return _reading(value, prov)

    def file_number(self) -> Reading | None:
        """The demand's own file or docket number, by which a letter or order about it is linked.

        After a label ("File No.", "Docket No.", "Misc. No."), else a number whose form says
        what it is ("NSL-17-429936"). The first on the document wins: letterheads and
        captions print it before the body refers to any other.
        """
        cues = self.vocab.cues
        found: list[tuple[int, int]] = []
        for m in cues["file_number_labels"].finditer(self.folded):
            if self.in_zone(m.start(), FAX, FOOTER):
                continue
            value = _FILE_NUMBER.match(self.folded, m.end())
            if value is not None:
                found.append((value.start("v"), value.end("v")))
        if not found:
            found = [(m.start(), m.end()) for m in cues["file_number_forms"].finditer(self.folded)]
        for start, end in sorted(found):
            printed = self.stream.text(start, end).strip(" .,;:")
            register = re.fullmatch(r"(\d{1,4})\s(\S+)\s\d\S*", printed)
            if register and not register.group(2)[0].isupper():  # "3 of 2026" names no register
                printed = register.group(1)
            if file_number_key(printed):
                return _reading(printed, self.prov(start, end))
        return None

    def _named_like_organisation(self, value: str) -> bool:
        """A company's name: it carries a legal form, or its words are capitalised."""
        if self.vocab.org_suffixes.search(fold(value) + " "):
            return True
        words = [w for w in re.findall(r"[^\W\d_][\w'&.-]*", value)]
        capitalised = [w for w in words if w[:1].isupper()]
        return bool(words) and len(capitalised) >= 0.6 * len(words)

    def _organisation(self, words: list[PlacedWord]) -> tuple[str, Provenance] | None:
        """The organisation named by some words: roles dropped, cut after its legal form."""
        cues = self.vocab.cues
        text = " ".join(w.text for w in words)
        if not text.strip() or _CITY_LINE.match(text.strip()):
            return None  # "San Francisco, CA 94105": where the provider is, not who
        chunks = [c.strip() for c in re.split(r"\s[\u2014\u2013-]\s|[,;]|\(", text)]
        kept: list[str] = []
        for chunk in chunks:
            f = fold(chunk)
            if not chunk:
                continue
            if chunk[:1].isdigit():
                break  # a street address, not a name
            if full_match(cues["addressee_roles"], f, 0.5) or full_match(cues["addressee_officers"], f, 0.5):
                if kept:
                    break
                continue
            if cues["addressee_officers"].search(f):
                return None
            kept.append(chunk)
            if self.vocab.org_suffixes.search(fold(chunk) + " "):
                break
            nxt = chunks[len(kept) :]
            if (
                nxt
                and self.vocab.org_suffixes.regex
                and self.vocab.org_suffixes.regex.fullmatch(fold(nxt[0]).strip(" .") + ".")
            ):
                continue
            if (
                nxt
                and self.vocab.org_suffixes.regex
                and self.vocab.org_suffixes.regex.fullmatch(fold(nxt[0]).strip())
            ):
                continue
            break
        if not kept:
            return None
        value = ", ".join(kept).strip(" .:")
        if len(value) < 3 or not re.search(r"[A-Za-z]", value):
            return None
        if value.endswith((" Inc", " Ltd", " Corp", " Co")):
            value += "."
        chosen = [w for w in words if w.text.strip(",;:") and w.text.strip(",;:.") in value]
        return value, provenance_of(chosen or words)

    # -- signature ---------------------------------------------------------------------

    def signed(self) -> Reading:
        cues = self.vocab.cues
        for unsigned in cues["unsigned"].finditer(self.folded):
            return _reading(False, self.prov(unsigned.start(), unsigned.end()), "marked unsigned")
        lines = [self.stream.lines[i] for i in self.layout.signature_lines]
        if not lines:
            for line in self.stream.lines:
                m = cues["signed_electronically"].search(self.layout.line_text(line))
                if m is not None:
                    return _reading(True, provenance_of(line.words))
            return Reading(False, flagged="no signature block found")
        names = [line for line in lines if _name_like(line, self.vocab)]
        slashes = [line for line in lines if re.search(r"(?:^|\s)/?s/\s*\S", line.text)]
        electronic = [
            line for line in lines if cues["signed_electronically"].search(self.layout.line_text(line))
        ]
        electronic += [
            line
            for line in self.stream.lines
            if cues["signed_electronically"].search(self.layout.line_text(line))
        ][:1]
        ink = [line for line in lines if _ink(line)]
        titles = [line for line in lines if cues["signer_titles"].search(self.layout.line_text(line))]
        block = [line for line in lines[:6] if line.page == lines[0].page]
        prov = provenance_of([w for line in block for w in line.words])
        if slashes or electronic:
            mark = (slashes or electronic)[0]
            chosen = [w for line in ([mark] + names[:1]) for w in line.words]
            return _reading(True, provenance_of(sorted(set(chosen), key=lambda w: w.index)))
        if names or titles:
            # An ink signature is an image, not text: a signer's name and title under a signature
            # space count as signed. Without a mark in the text the reading is flagged.
            chosen = [w for line in (ink[:1] + names[:1] + titles[:1]) for w in line.words]
            flag = None if ink else "no signature mark in the text; check the scan"
            if not names:
                flag = "a signer's title but no readable name (blacked out?)"
            return _reading(True, provenance_of(sorted(set(chosen), key=lambda w: w.index)), flag)
        # A closing with no readable signer below it is not proof of an unsigned demand: the
        # signer is often blacked out, or an ink signature has made the printed title unreadable.
        return _reading(
            None,
            prov,
            "a closing with no readable signer below it (blacked out or unreadable on this copy): "
            "check the served original for a signature",
        )

    # -- dates -------------------------------------------------------------------------

    def _cell_bounds(self, offset: int) -> tuple[int, int]:
        """Folded span of the table cell (or line) around an offset."""
        line = self.stream.line_at(offset)
        start, end = self.stream.line_folded_span(line)
        if len(line.cells) > 1:
            raw = self.stream.back[offset]
            for cell in line.cells:
                cell_start = self.stream.folded_offset(self._raw_of(cell[0]))
                cell_end = self.stream.folded_offset(self._raw_of(cell[-1]) + len(cell[-1].text))
                if cell_start <= offset < cell_end or self._raw_of(cell[0]) <= raw < self._raw_of(
                    cell[-1]
                ) + len(cell[-1].text):
                    return cell_start, cell_end
        return start, end

    def _raw_of(self, word: PlacedWord) -> int:
        line = self.stream.lines[word.line]
        raw = line.start
        for w in line.words:
            if w is word:
                return raw
            raw += len(w.text) + 1
        return raw

    def date_issued(self) -> Reading | None:
        cues = self.vocab.cues
        candidates: list[tuple[float, int, DateMention, str | None]] = []
        for d in self.mentions:
            if d.start in self.range_dates:
                continue
            cell_start, cell_end = self._cell_bounds(d.start)
            left = self.folded[cell_start : d.start]
            right = self.folded[d.end : cell_end]
            line = self.stream.line_at(d.start)
            score = 0.0
            issued = cues["issued"].search(left)
            due = cues["due"].ends(left)
            if (
                issued
                and issued.start() <= 3
                and not re.search(r"\d", left[issued.end() :])
                and len(left) - issued.end() <= 35
            ):
                if not (due and len(due.group(0)) > len(issued.group(0))):
                    score = 3.0
            elif _PLACE.fullmatch(left) and len(re.sub(r"[\W\d]", "", right)) <= 6:
                if line.index == self.layout.letter_date_line:
                    score = 3.0
                elif left.strip(" ,") and not is_sentence(line, self.vocab):
                    score = 2.5  # "Köln, 12.11.2026", "Lyon, le 25 novembre 2026"
                elif not left.strip() and not is_sentence(line, self.vocab):
                    score = 1.5 + (0.5 if self.layout.zones[line.index] == LETTERHEAD else 0)
            if not score and self.layout.zones[line.index] == LETTERHEAD and not right.strip(" .,"):
                score = 2.0  # "Our ref: CTIRU/95/96080        28/09/2026"
            if re.match(r"\s*[-\u2013]\s*\d", right) or self.layout.zones[line.index] in (FAX, FOOTER):
                score = 0
            if score:
                candidates.append((score, d.start, d, None))
        if not candidates:
            return None
        top = max(c[0] for c in candidates)
        best = [c for c in candidates if c[0] == top]
        best.sort(key=lambda c: c[1])
        chosen = best[0][2]
        values = {c[2].value for c in best if c[2].value}
        if chosen.value is None:
            return _reading(
                None, self.prov(chosen.start, chosen.end), "date could be read day-first or month-first"
            )
        flag = None
        if len(values) > 1:
            flag = "several dates of issue: " + ", ".join(sorted(v.isoformat() for v in values))
        return _reading(chosen.value.isoformat(), self.prov(chosen.start, chosen.end), flag)

    def date_range(self) -> dict[str, Reading]:
        cues = self.vocab.cues
        mentions = self.mentions
        for a, b in zip(mentions, mentions[1:], strict=False):
            between = self.folded[a.end : b.start]
            if len(between) > 40:
                continue
            between = re.sub(r"^\s*,?\s*(?:\d{1,2}[:.h]\d{2}\s*(?:[a-z]{2,4})?\s*)", " ", between)
            connector = re.sub(r"\s+", " ", re.sub(r"[^\w\s'\-]", " ", between)).strip()
            strong = cues["range_strong"].regex is not None and cues["range_strong"].regex.fullmatch(
                connector
            )
            weak = cues["range_weak"].regex is not None and cues["range_weak"].regex.fullmatch(connector)
            if not (strong or weak):
                continue
            left = self.folded[max(0, a.start - 60) : a.start]
            if weak and not cues["range_from"].search(left[-30:]):
                continue
            if a.value is None or b.value is None or b.value < a.value:
                continue
            self.range_dates.update({a.start, b.start})
            return {
                "date_range_from": _reading(a.value.isoformat(), self.prov(a.start, a.end)),
                "date_range_to": _reading(b.value.isoformat(), self.prov(b.start, b.end)),
            }
        # One date and an open or relative end: "from 2015-01-01 to present", "since March 1, 2026",
        # "January 1, 2026 through the date of this subpoena".
        for a in mentions:
            if a.value is None:
                continue
            after = self.folded[a.end : a.end + 60]
            after = re.sub(r"^\s*,?\s*(?:\d{1,2}[:.h]\d{2}\s*(?:[a-z]{2,4})?\s*)", " ", after)
            joined = cues["range_strong"].search(after[:25]) or cues["range_weak"].search(after[:8])
            if joined is None or not after.strip():
                continue
            rest = after[joined.end() :].lstrip(" ,")
            if cues["self_date"].regex and cues["self_date"].regex.match(rest):
                self.range_dates.add(a.start)
                self.range_to_self = True
                return {"date_range_from": _reading(a.value.isoformat(), self.prov(a.start, a.end))}
            if cues["present"].regex and cues["present"].regex.match(rest):
                self.range_dates.add(a.start)
                return {
                    "date_range_from": _reading(a.value.isoformat(), self.prov(a.start, a.end)),
                    "date_range_to": Reading(None, flagged="to the present (the day the data are retrieved)"),
                }
        for a in mentions:
            if a.value is None:
                continue
            left = self.folded[max(0, a.start - 25) : a.start]
            if cues["since"].ends(left) and not self.in_zone(a.start, FAX):
                start, end = self.sentence(a.start)
                if (
                    self.has("demand", start, end)
                    or self.layout.sections[self.stream.line_at(a.start).index] == "request"
                ):
                    self.range_dates.add(a.start)
                    return {
                        "date_range_from": _reading(a.value.isoformat(), self.prov(a.start, a.end)),
                        "date_range_to": Reading(None, flagged="no end stated"),
                    }
        return {}

    def _demand_sentence(self, start: int, end: int) -> bool:
        return self.has("demand", start, end) and not self.has("secrecy", start, end)

    def response_due(self, issued: date | None) -> tuple[Reading, Reading | None] | None:
        """The response date, and the period it was counted by ("10 business days from issue").

        The period is kept so the schedule can count it again: from the day the demand was
        received when it runs from receipt, and with a jurisdiction's new holiday calendar.
        """
        cues = self.vocab.cues
        country = self.country_info.code if self.country_info else None
        # (score, position, due date, period)
        candidates: list[tuple[float, int, Reading, Reading | None]] = []
        for d in self.mentions:
            if d.start in self.range_dates or d.value is None:
                continue
            left = self.folded[max(0, d.start - 45) : d.start]
            m = cues["due"].ends(left)
            if m is None:
                continue
            issued_cue = cues["issued"].ends(left)
            if issued_cue and len(issued_cue.group(0)) > len(m.group(0)):
                continue
            start, end = self.sentence(d.start)
            score = 3.0 + (1.0 if self._demand_sentence(start, end) else 0.0)
            candidates.append(
                (score, d.start, _reading(d.value.isoformat(), self.prov(d.start, d.end)), None)
            )
        number = self.dates.number
        units = self.vocab.units
        unit_alternation = "|".join(
            f"(?P<{kind}>{phrases.regex.pattern})"
            for kind, phrases in units.items()
            if phrases.regex is not None
        )
        within = cues["within"]
        if within.regex is not None:
            before = re.compile(
                rf"(?:{within.regex.pattern})\s+(?:a\s+period\s+of\s+|einer\s+frist\s+von\s+)?(?P<n>{number})\s*(?:{unit_alternation})"
            )
            # Japanese, Korean and Hindi put "within" after the length: 10日以内, 10일 이내,
            # 10 दिनों के भीतर; and "from receipt" before it (受領後10日以内).
            after = re.compile(
                rf"(?<![\d.])(?P<n>\d{{1,3}})\s*(?:{unit_alternation})\s*(?:{within.regex.pattern})"
            )
            found = [(m, False) for m in before.finditer(self.folded)]
            found += [(m, True) for m in after.finditer(self.folded)]
            for m, postfix in sorted(found, key=lambda f: f[0].start()):
                start, end = self.sentence(m.start())
                if not self._demand_sentence(start, end):
                    continue
                count = parse_number(m.group("n"), self.vocab)
                unit = next((k for k in units if m.groupdict().get(k)), None)
                if count is None or unit is None:
                    continue
                prov = self.prov(m.start(), m.end())
                tail = self.folded[m.end() : m.end() + 40]
                head = self.folded[max(0, m.start() - 30) : m.start()] if postfix else ""
                from_receipt = bool(cues["receipt"].search(tail) or cues["receipt"].search(head))
                in_days = period_in_days(Period(count, unit))
                period = (
                    _reading(
                        format_period(in_days[0], in_days[1], "received" if from_receipt else "issued"), prov
                    )
                    if in_days
                    else None
                )
                if issued is None and not from_receipt:
                    candidates.append(
                        (
                            2.0,
                            m.start(),
                            _reading(
                                None, prov, f"within {count} {unit.replace('_', ' ')}s of an unknown date"
                            ),
                            period,
                        )
                    )
                    continue
                if from_receipt:
                    # Counts from a day the document does not give; the estimate goes in the note.
                    estimate = ""
                    if issued:
                        if_same_day = add_period(issued, Period(count, unit), country).isoformat()
                        estimate = f" ({if_same_day} if received on the date issued)"
                    note = f"within {count} {unit.replace('_', ' ')}s of receipt or service{estimate}"
                    candidates.append((3.5, m.start(), _reading(None, prov, note), period))
                    continue
                assert issued is not None  # a period from the issue date with none is handled above
                value = add_period(issued, Period(count, unit), country)
                candidates.append((4.0, m.start(), _reading(value.isoformat(), prov), period))
            for word, days in self.vocab.day_words.items():
                for m in re.finditer(rf"(?:{within.regex.pattern})\s+{re.escape(word)}\b", self.folded):
                    start, end = self.sentence(m.start())
                    if issued and self._demand_sentence(start, end):
                        value = add_period(issued, Period(days, "day"))
                        prov = self.prov(m.start(), m.end())
                        period = _reading(format_period(days, "days", "issued"), prov)
                        candidates.append((4.0, m.start(), _reading(value.isoformat(), prov), period))
        if not candidates:
            return None
        top = max(c[0] for c in candidates)
        best = sorted((c for c in candidates if c[0] == top), key=lambda c: c[1])
        chosen, period = best[0][2], best[0][3]
        if chosen.value is None and chosen.flagged and "receipt" in chosen.flagged:
            return chosen, period
        others = {c[2].value for c in best if c[2].value and c[2].value != chosen.value}
        if others and not chosen.flagged:
            chosen = replace(chosen, flagged="other deadlines in the text: " + ", ".join(sorted(others)))
        return chosen, period

    # -- emergency ---------------------------------------------------------------------

    def emergency(self, kind: str | None) -> Reading:
        if kind == "emergency_request":
            instrument_prov = None
            for m in self.vocab.instruments["emergency_request"].titles.finditer(self.folded):
                instrument_prov = self.prov(m.start(), m.end())
                break
            return _reading(True, instrument_prov or Provenance(None, None, None, ()))
        for m in self.vocab.cues["emergency"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if self.has("secrecy", start, end):
                continue
            return _reading(
                False,
                self.prov(m.start(), m.end()),
                "emergency wording in a demand that is not an emergency request",
            )
        return Reading(False)

    # -- data requested ----------------------------------------------------------------

    def letterhead(self) -> Reading | None:
        """The demand's letterhead, when one was found (none found says nothing: the scan may be cut)."""
        lines = [line for i, line in enumerate(self.stream.lines) if self.layout.zones[i] == LETTERHEAD]
        if not lines:
            return None
        return _reading(True, provenance_of([w for line in lines[:4] for w in line.words]))

    def emergency_passages(self) -> dict[str, Reading]:
        """An emergency request's account of the emergency and of how the data would help.

        The lines under a heading such as "Nature of the emergency" or "How the information
        will help", up to the next heading; the checklist asks for both (the policy wants a
        summary of the emergency and an explanation of how the data will address it).
        """
        out: dict[str, Reading] = {}
        lines = self.stream.lines
        for key, cue in (
            ("emergency_summary", "emergency_summary_headings"),
            ("emergency_how_data_helps", "emergency_help_headings"),
        ):
            for i, line in enumerate(lines):
                head = re.sub(r"^\s*\(?[0-9a-z]{1,3}[.)]\s+", "", self.layout.line_text(line))
                if len(line.words) > 14 or not full_match(self.vocab.cues[cue], head, 0.5):
                    continue
                body: list[Line] = []
                for nxt in lines[i + 1 : i + 14]:
                    numbered = re.match(r"\s*\d{1,2}[.)]\s+[A-Z]", nxt.text) and len(nxt.words) <= 14
                    if nxt.page != line.page and body or self.layout.headings[nxt.index] or numbered:
                        break
                    body.append(nxt)
                if body:
                    words = [w for b in body for w in b.words]
                    text = " ".join(b.text for b in body)
                    out[key] = _reading(text[:600], provenance_of(words))
                break
        return out

    def demands_data(self, kind: str | None) -> bool:
        if kind in ("preservation_request",):
            return False
        cues = self.vocab.cues
        if kind in (None, "other") and cues["takedown"].search(self.folded):
            return False
        for m in cues["demand"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if not self._commands(m, start, end):
                continue
            if self.has("preservation", start, end) and kind != "subpoena":
                continue
            return True
        return any(s == "request" for s in self.layout.sections)

    def about_another(self) -> Reading | None:
        """Is this document about another demand and commands nothing itself?

        The provider's own counsel writing about a demand, a challenge to a gag, an order
        modifying a non-disclosure requirement: their words ("the NSL directed our client
        to provide ...") recite a demand, they do not make one. A present command to the
        reader ("you are hereby directed to provide") still makes it a demand.
        """
        cues = self.vocab.cues
        found = cues["about_demand"].search(self.folded)
        if found is None:
            return None
        for m in cues["command_now"].finditer(self.folded):
            if self._commands(m, *self.sentence(m.start())):
                return None
        what = self.folded[found.start() : found.end()]
        return _reading(
            True,
            self.prov(found.start(), found.end()),
            f"commands nothing: a document about another demand ({what!r})",
        )

    def _commands(self, m: re.Match[str], start: int, end: int) -> bool:
        """Does the demand word ``m`` in this sentence command data, rather than deny, gag or explain?

        "you should neither send the records ... nor disclose", "If you send notice ...,
        the FBI will initiate judicial proceedings", "you have a right to challenge": the
        words of a demand in procedure, rights or delivery text command nothing.
        """
        window = self.folded[max(start, m.start() - 30) : m.start()]
        # "no" but not "No. 123" or "№ 123" (folded to "no 123"): a number's label denies nothing;
        # "non" but not "non-disclosure".
        if re.search(
            r"\b(?:not|nicht|nie|pas|no(?![.\s]*\d)|non(?!-)|nao|niet|degil|never|neither|nor)\b", window
        ):
            return False
        return not (self.has("secrecy", start, end) or self.has("procedure", start, end))

    def _request_scope(self) -> list[tuple[int, int]]:
        """Folded spans where data are asked for: commanding sentences and the lists they lead into.

        A sentence that commands ("you are hereby directed to provide ...", "please
        provide the following:") counts, and when it ends in a colon so do the lines of
        the list under it: enumerated items, short lines, and lines that carry an item on,
        up to the first line of running prose that starts no item. Attachments and
        schedules (``layout.sections == "request"``) are read separately, and a definition
        of the terms used ("the term ... includes") counts with the command it explains.
        """
        spans: list[tuple[int, int]] = []
        lines = self.stream.lines
        # "The term toll billing records includes ... connection records": a definition says
        # what the command covers.
        for m in self.vocab.cues["definition"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if not self.has("procedure", start, end):
                spans.append((start, end))
        leads: list[tuple[int, int]] = []
        for m in self.vocab.cues["demand"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if self._commands(m, start, end):
                spans.append((start, end))
                leads.append((start, end))
        # "Data held in relation to the following, for <dates>:" in a document that commands.
        for m in self.vocab.cues["identifier_context"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if not self.has("procedure", start, end):
                leads.append((start, end))
        for start, end in sorted(set(leads)):
            # The line of the sentence that ends in a colon leads into the list (OCR may not
            # have ended the sentence there).
            first = self.stream.line_at(start).index
            last = self.stream.line_at(max(start, end - 1)).index
            enders = [i for i in range(first, last + 1) if _LEAD_IN.search(lines[i].unspecked)]
            if not enders:
                continue
            lead = lines[enders[-1]]
            previous = lead
            for line in lines[lead.index + 1 : lead.index + 30]:
                # A heading in capitals ends the list ("NONDISCLOSURE REQUIREMENT"); a short
                # item set apart ("E-mail address x@example.com") does not.
                letters = [c for c in line.text if c.isalpha()]
                capitals = len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.7 * len(letters)
                if (
                    line.page > previous.page + 1
                    or self.layout.sections[line.index] == "reasons"
                    or (self.layout.headings[line.index] and capitals and not _ENUMERATED.match(line.text))
                ):
                    break
                carried = previous is not lead and previous.text.rstrip()[-1:] not in ".;:"
                listed = previous is lead or _ENUMERATED.match(line.text) or carried  # 1st item: dash or not
                if not (listed or not is_sentence(line, self.vocab)):
                    break
                line_start, line_end = self.stream.line_folded_span(line)
                if self.has("procedure", line_start, line_end):
                    break
                spans.append((line_start, line_end))
                previous = line
        return spans

    def data_requested(self) -> list[DataRequestReading]:
        found: dict[str, DataRequestReading] = {}
        scope = self._request_scope()
        matches: list[tuple[int, int, str]] = []
        for category in CATEGORIES:
            for m in self.vocab.categories[category].finditer(self.folded):
                matches.append((m.start(), m.end(), category))
        # Overlapping phrases: the longest wins ("e-mail header information" is traffic, not content).
        matches.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept: list[tuple[int, int, str]] = []
        for match in matches:
            if kept and match[0] < kept[-1][1]:
                continue
            kept.append(match)
        for start, end, category in kept:
            line = self.stream.line_at(start)
            if _UNTICKED.match(line.text):
                continue  # "[ ] content data": a box left empty on a form
            if self.layout.sections[line.index] == "reasons":
                continue
            if self.layout.zones[line.index] in (LETTERHEAD, ADDRESSEE, FAX, FOOTER, "signature"):
                continue
            # Only where data are asked for: an attachment or schedule, or a commanding sentence
            # and its list. A category named in procedure, rights or delivery text is not asked for.
            if self.layout.sections[line.index] != "request" and not any(s <= start < e for s, e in scope):
                continue
            s_start, s_end = self._clause(start)
            if self.has("secrecy", s_start, s_end):
                continue
            if category == "content" and self.vocab.negation.search(
                self.folded, *self.stream.sentence_bounds(start)
            ):
                continue
            if self._labels_identifier(line, start, end):
                continue  # "IP-Adresse 2001:db8::1": the label of a target, not data asked for
            if category == "ip_history" and self.vocab.cues["identifier_context"].search(
                self.folded, max(s_start, start - 30), start
            ):
                continue  # "the IP addresses listed below": the addresses are the targets, not the data
            if category in found:
                continue
            text = self.stream.text(s_start, s_end)[:240]
            prov = self.prov(s_start, s_end)
            found[category] = DataRequestReading(
                category, category == "content", text, prov.page, prov.box, prov.confidence
            )
        return [found[c] for c in CATEGORIES if c in found]

    def _labels_identifier(self, line: Line, start: int, end: int) -> bool:
        line_start, line_end = self.stream.line_folded_span(line)
        if start - line_start > 4:
            return False
        rest = self.stream.text(end, line_end)
        return bool(
            re.match(
                r"[\s:]*\S*(?:@|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9a-f]{1,4}:[0-9a-f]{0,4}:)",
                rest,
                re.IGNORECASE,
            )
        )

    def _clause(self, offset: int) -> tuple[int, int]:
        """The list item or sentence around an offset, cut at semicolons and line-leading enumerators."""
        start, end = self.sentence(offset)
        line = self.stream.line_at(offset)
        line_start = self.stream.line_folded_span(line)[0]
        # A list item starts on its own line: do not reach back into the lead-in sentence.
        item = re.match(
            r"\s*(?:\(?[a-z0-9]{1,3}[.)]|[-*\u2013\u2014\u00b7])\s", self.folded[line_start : line_start + 8]
        )
        if item and line_start > start:
            start = line_start
        return start, end

    # -- secrecy -----------------------------------------------------------------------

    def lifted(self) -> Reading | None:
        for m in self.vocab.cues["secrecy_lifted"].finditer(self.folded):
            return _reading(True, self.prov(m.start(), m.end()))
        return None

    def secrecy(self, issued: date | None) -> SecrecyReading:
        cues = self.vocab.cues
        hits: list[tuple[int, int]] = []
        requested = None
        for m in cues["secrecy"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if self.has("secrecy_negated", start, end) or self.has("secrecy_lifted", start, end):
                continue
            if self.has("secrecy_request", start, end):
                requested = requested or (start, end)  # asked, not ordered: no secrecy order
                continue
            if self.in_zone(m.start(), FOOTER, FAX):
                continue
            hits.append((start, end))
        statute_hits = [(s, m) for s, m in self.statutes if s.secrecy]
        for _, m in statute_hits:
            hits.append(self.sentence(m.start()))
        if not hits:
            if requested:
                prov = self.prov(*requested)
                text = self.stream.text(*requested)[:300]
                return SecrecyReading(
                    False,
                    text=text,
                    page=prov.page,
                    box=prov.box,
                    confidence=prov.confidence,
                    flagged="a request not to tell the user, not an order",
                )
            return SecrecyReading(False)
        # Sentences first: a heading ("NONDISCLOSURE REQUIREMENT") says less than the rule under it.
        hits = sorted(set(hits), key=lambda h: (len(self.folded[h[0] : h[1]].split()) < 6, h[0]))
        # The sentence that gives a length, else the first.
        chosen: tuple[int, int] | None = None
        length: tuple[Period, int, int] | None = None
        until: DateMention | None = None
        # The last sentence that gives a length or an end: an order extending an earlier one
        # recites the earlier period first and states its own after.
        for start, end in sorted(hits, key=lambda h: -h[0]):
            found = self._secrecy_length(start, end)
            if found:
                chosen, length = (start, end), found
                break
            until = self._secrecy_until(start, end)
            if until:
                chosen = (start, end)
                break
        if chosen is None:
            chosen = hits[0]
        start, end = chosen
        statute = None
        near = [s for s, m in statute_hits if abs(m.start() - start) < 400]
        if near or statute_hits:
            statute = (near or [statute_hits[0][0]])[0].label
        text = self.stream.text(start, end)[:300]
        prov = self.prov(start, end)
        base = SecrecyReading(True, statute, None, None, False, text, prov.page, prov.box, prov.confidence)
        if length:
            period, _, _ = length
            origin, note = self._secrecy_start(start, end, issued)
            if origin is None:
                days = period_days(issued or date(2001, 1, 1), period) if period.unit != "month" else None
                return replace(
                    base, duration_days=days, flagged="length read, but the date it counts from is unknown"
                )
            expires = add_period(origin, period)
            return replace(
                base, duration_days=(expires - origin).days, expires=expires.isoformat(), flagged=note
            )
        if until and until.value:
            origin = issued
            days = (until.value - origin).days if origin else None
            return replace(base, duration_days=days, expires=until.value.isoformat())
        open_cue = any(self.has("secrecy_open", s, e) for s, e in hits)
        return replace(
            base,
            open_ended=True,
            flagged=None if open_cue else "no length or end stated: open-ended",
        )

    def _secrecy_length(self, start: int, end: int) -> tuple[Period, int, int] | None:
        cues = self.vocab.cues
        units = self.vocab.units
        unit_alternation = "|".join(
            f"(?P<{kind}>{phrases.regex.pattern})"
            for kind, phrases in units.items()
            if phrases.regex is not None
        )
        lead = cues["secrecy_for"]
        if lead.regex is None:
            return None
        pattern = re.compile(
            rf"(?:{lead.regex.pattern})\s+(?:(?:an?|additional|weitere[n]?|further|period\s+of|die\s+dauer\s+von)\s+){{0,3}}(?P<n>{self.dates.number})\s*(?:{unit_alternation})"
        )
        for m in pattern.finditer(self.folded, start, end):
            count = parse_number(m.group("n"), self.vocab)
            unit = next((k for k in units if m.groupdict().get(k)), None)
            if count and unit and unit != "hour":
                return Period(count, unit), m.start(), m.end()
        # The lead words may be unreadable ("... shall he tSerforni (90) days from the date"):
        # a number of days given in figures in brackets, not a "within" deadline, still tells the length.
        bare = re.compile(rf"\(\s*(?P<n>\d{{1,4}})\s*\)\s*(?:{unit_alternation})")
        for m in bare.finditer(self.folded, start, end):
            before = self.folded[max(start, m.start() - 25) : m.start()]
            after = self.folded[m.end() : m.end() + 30]
            if cues["within"].search(before) or cues["receipt"].search(after):
                continue
            unit = next((k for k in units if m.groupdict().get(k)), None)
            if unit and unit != "hour":
                return Period(int(m.group("n")), unit), m.start(), m.end()
        return None

    def _secrecy_until(self, start: int, end: int) -> DateMention | None:
        for d in self.mentions:
            if start <= d.start < end and d.value is not None:
                left = self.folded[max(start, d.start - 20) : d.start]
                if self.vocab.cues["secrecy_until"].ends(left):
                    return d
        return None

    def _secrecy_start(self, start: int, end: int, issued: date | None) -> tuple[date | None, str | None]:
        """The date a secrecy period counts from: the date issued; flagged when the sentence names another."""
        own = [d for d in self.mentions if start <= d.start < end and d.value is not None]
        if own and self.has("secrecy_from", start, end) and (issued is None or own[0].value != issued):
            value = own[0].value
            assert value is not None
            return issued, f"counted from the date issued; the text counts from {value.isoformat()}"
        return issued, None


# ------------------------------------------------------------------------------ helpers


def _words_after(line: Line, raw_chars: int) -> list[PlacedWord]:
    out = []
    position = 0
    for word in line.words:
        if position >= raw_chars:
            out.append(word)
        position += len(word.text) + 1
    return out


def _ink(line: Line) -> bool:
    """An ink signature or a scribble as OCR reads it: a few low-confidence or letterless marks."""
    words = line.words
    if not words or len(words) > 4:
        return False
    confidence = statistics.fmean(w.word.confidence for w in words)
    letterless = all(not re.search(r"[A-Za-z]{3}", w.text) for w in words)
    return confidence < 62 or (letterless and any(len(w.text) >= 3 for w in words))


def _name_like(line: Line, vocab: Vocabulary) -> bool:
    """A printed name: two to six words, most of them capitalised, no sentence."""
    if is_sentence(line, vocab):
        return False
    text = line.text.split(",")[0]
    words = [w.strip(",.;:~") for w in text.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 7:
        return False
    capitalised = [
        w for w in words[:4] if re.fullmatch(rf"{_CAPITAL}{_LETTER}+|[A-Z]\.?|[A-Z][a-z]{{1,3}}\.?", w)
    ]
    confidence = statistics.fmean(w.word.confidence for w in line.words)
    return len(capitalised) >= 2 and confidence >= 40


# A name's capital and its letters: Latin-1 and Latin Extended-A, so that Polish and Turkish
# names ("Łukasz Wróbel", "Ahmet Yılmaz") read as names.
_CAPITAL = "[A-ZÀ-ÝĀ-ſ]"
_LETTER = "[a-zà-ÿA-ZÀ-ÝĀ-ſ'\\-]"
# "Köln, ", "Chicago, Illinois, ", "Fait à Lyon, le ": a place (and its article) before a date.
_PLACE = re.compile(
    r"\W*(?:(?:[a-z][a-z' .-]{1,30},\s*){0,2}[a-z][a-z' .-]{1,30},?\s*(?:den|le|el|a|am)?\s*)?"
)
# The city line of an address: "San Francisco, CA 94105", "Mountain View, California 94043".
_CITY_LINE = re.compile(r"[^\d,]{2,40},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?\s+\d{5}(?:-\d{4})?\b")
# The number after a file or docket label: "NSL-17-429936", "GJ 2026-14", "1:26-mj-00123".
# A German register number ("121 Js 4711/26": department, register, number/year) or one run.
_FILE_NUMBER = re.compile(
    r"[\s.:,#]*(?P<v>\d{1,4}\s[a-z]{1,4}\s\d[0-9a-z\-/.:]*"
    r"|(?:[a-z]{1,5}[\s-]?)?\d[0-9a-z\-/.:]*(?:\s\d[0-9a-z\-/.:]*)?)"
)
# A list item's enumerator: "(a)", "1.", "ii)", "-", "•".
_ENUMERATED = re.compile(
    r"^\W{0,2}(?:\(?[0-9ivx]{1,4}[.)]|\(?[a-z][.)]|[-*\u2022\u2013\u2014\u00b7])\s*\S", re.IGNORECASE
)
# A lead-in ends in a colon, perhaps with a speck OCR read after it ("... zu erteilen: ü").
_LEAD_IN = re.compile(r":\W{0,2}\w?\W*$")
_UNTICKED = re.compile(r"^\W{0,2}(?:\[\s*\]|\(\s*\)|[☐□❏])")
_SMALL = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "del", "am", "im", "an", "der", "und"}


def _display(text: str) -> str:
    """A name set in capitals, written as a name: "KESTREL COUNTY" -> "Kestrel County"."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    # "UNITED STATES DISTRICT COURT / DISTRICT OF OREGON": the court's name says "for the".
    text = re.sub(r"(?i)(district court)[\s.,;:]+((?:[a-z]+ern\s+)?district of)", r"\1 for the \2", text)
    words = text.split(" ")
    if sum(w.isupper() for w in words if any(c.isalpha() for c in w)) < 2:
        return text
    out = []
    for n, word in enumerate(words):
        if word.isupper() and len(word) > 1:
            lower = word.lower().replace("i\u0307", "i")  # Turkish "İ" lowers to "i" and a dot
            word = lower if n and lower in _SMALL else lower[:1].upper() + lower[1:]
            if re.fullmatch(r"(?:llc|ltd\.?|inc\.?|u\.s\.|usa|fbi|gmbh|sa|sas|nsl|ag)", lower):
                word = (
                    lower.upper()
                    if lower in ("llc", "u.s.", "usa", "fbi", "nsl", "sa", "sas", "ag")
                    else word
                )
        out.append(word)
    return " ".join(out)


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
