"""What a demand asks for: whether it demands data at all, which data, and whether it is an emergency."""

from __future__ import annotations

import re

from app.intake.extract_document import DocumentText, to_reading
from app.intake.extract_layout import ADDRESSEE, FAX, FOOTER, LETTERHEAD, full_match, is_sentence
from app.intake.extract_text import Line, Provenance, provenance_of
from app.intake.facts import DataRequestReading, Reading
from app.intake.vocab import CATEGORIES


class RequestFacts(DocumentText):
    # -- emergency ---------------------------------------------------------------------

    def emergency(self, kind: str | None) -> Reading:
        if kind == "emergency_request":
            instrument_prov = None
            for m in self.vocab.instruments["emergency_request"].titles.finditer(self.folded):
                instrument_prov = self.prov(m.start(), m.end())
                break
            return to_reading(True, instrument_prov or Provenance(None, None, None, ()))
        for m in self.vocab.cues["emergency"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if self.has("secrecy", start, end):
                continue
            return to_reading(
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
        return to_reading(True, provenance_of([w for line in lines[:4] for w in line.words]))

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
                    out[key] = to_reading(text[:600], provenance_of(words))
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
        return to_reading(
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


# A list item's enumerator: "(a)", "1.", "ii)", "-", "•".
_ENUMERATED = re.compile(
    r"^\W{0,2}(?:\(?[0-9ivx]{1,4}[.)]|\(?[a-z][.)]|[-*\u2022\u2013\u2014\u00b7])\s*\S", re.IGNORECASE
)
# A lead-in ends in a colon, perhaps with a speck OCR read after it ("... zu erteilen: ü").
_LEAD_IN = re.compile(r":\W{0,2}\w?\W*$")
_UNTICKED = re.compile(r"^\W{0,2}(?:\[\s*\]|\(\s*\)|[☐□❏])")
