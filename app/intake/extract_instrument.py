"""What a demand is: its instrument, the country it comes from, and whether it is signed."""

from __future__ import annotations

import re
import statistics

from app.intake.extract_document import DocumentText, to_reading
from app.intake.extract_layout import ADDRESSEE, FAX, FOOTER, full_match, is_sentence
from app.intake.extract_text import Line, provenance_of
from app.intake.facts import Reading
from app.intake.vocab import Vocabulary


class InstrumentFacts(DocumentText):
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
            return to_reading(best, self.prov(start, end), flag)
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
            return to_reading(best, self.prov(start, end), "weak evidence for the kind of instrument")
        flag = None
        runner = next(((k, p) for k, p in ranked[1:] if k != best), None)
        if runner and runner[1] >= points - 1.0:
            flag = f"could also be {runner[0]}"
        _, start, end = evidence.get(best, evidence[ranked[0][0]])
        return to_reading(best, self.prov(start, end), flag)

    def _judge_signs(self) -> bool:
        """Does a judge sign the document (a signer's title such as "Juez Federal", "Richter")?"""
        for i in self.layout.signature_lines:
            text = self.layout.line_text(self.stream.lines[i])
            if self.vocab.cues["judge_titles"].search(text) and not self.vocab.cues["clerk_titles"].search(
                text
            ):
                return True
        return False

    # -- signature ---------------------------------------------------------------------

    def signed(self) -> Reading:
        cues = self.vocab.cues
        for unsigned in cues["unsigned"].finditer(self.folded):
            return to_reading(False, self.prov(unsigned.start(), unsigned.end()), "marked unsigned")
        lines = [self.stream.lines[i] for i in self.layout.signature_lines]
        if not lines:
            for line in self.stream.lines:
                m = cues["signed_electronically"].search(self.layout.line_text(line))
                if m is not None:
                    return to_reading(True, provenance_of(line.words))
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
            return to_reading(True, provenance_of(sorted(set(chosen), key=lambda w: w.index)))
        if names or titles:
            # An ink signature is an image, not text: a signer's name and title under a signature
            # space count as signed. Without a mark in the text the reading is flagged.
            chosen = [w for line in (ink[:1] + names[:1] + titles[:1]) for w in line.words]
            flag = None if ink else "no signature mark in the text; check the scan"
            if not names:
                flag = "a signer's title but no readable name (blacked out?)"
            return to_reading(True, provenance_of(sorted(set(chosen), key=lambda w: w.index)), flag)
        # A closing with no readable signer below it is not proof of an unsigned demand: the
        # signer is often blacked out, or an ink signature has made the printed title unreadable.
        return to_reading(
            None,
            prov,
            "a closing with no readable signer below it (blacked out or unreadable on this copy): "
            "check the served original for a signature",
        )


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
