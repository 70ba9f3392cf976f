"""Who a demand is from and to: issuing authority, addressee, and its own file number."""

from __future__ import annotations

import re

from app.intake.extract_document import DocumentText, to_reading
from app.intake.extract_layout import ADDRESSEE, FAX, FOOTER, LETTERHEAD, full_match
from app.intake.extract_text import Line, PlacedWord, Provenance, provenance_of, without_debris
from app.intake.facts import Reading, file_number_key
from app.intake.folding import fold


class PartyFacts(DocumentText):
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
                return to_reading(_display(" ".join(w.text for w in words)), provenance_of(words))
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
        return to_reading(_display(" ".join(w.text for w in words)), provenance_of(words))

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
        return to_reading(value, prov)

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
                return to_reading(printed, self.prov(start, end))
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


def _words_after(line: Line, raw_chars: int) -> list[PlacedWord]:
    out = []
    position = 0
    for word in line.words:
        if position >= raw_chars:
            out.append(word)
        position += len(word.text) + 1
    return out


# The city line of an address: "San Francisco, CA 94105", "Mountain View, California 94043".
_CITY_LINE = re.compile(r"[^\d,]{2,40},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?\s+\d{5}(?:-\d{4})?\b")
# The number after a file or docket label: "NSL-17-429936", "GJ 2026-14", "1:26-mj-00123".
# A German register number ("121 Js 4711/26": department, register, number/year) or one run.
_FILE_NUMBER = re.compile(
    r"[\s.:,#]*(?P<v>\d{1,4}\s[a-z]{1,4}\s\d[0-9a-z\-/.:]*"
    r"|(?:[a-z]{1,5}[\s-]?)?\d[0-9a-z\-/.:]*(?:\s\d[0-9a-z\-/.:]*)?)"
)


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
