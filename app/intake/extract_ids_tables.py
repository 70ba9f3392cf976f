"""Identifiers in tables: a table whose header names the kind of identifier, and rows
that each start with a label ("E-Mail", "IP address").
"""

from __future__ import annotations

import bisect
import re
import statistics

from app.intake.extract_ids_context import REQUESTER_ZONES, IdentifierContext, Occurrence
from app.intake.extract_ids_join import _bar_read_as_letter, _join_line
from app.intake.extract_ids_values import _JUNK_CHARS, _kind_of_label, _strip, _url
from app.intake.extract_layout import is_sentence
from app.intake.extract_text import Line, PlacedWord
from app.intake.folding import fold


class TableIdentifiers(IdentifierContext):
    def _tables(self) -> None:
        """Identifier tables ("Accounts:  For Following Date(s)") and their unreadable rows."""
        lines = self.stream.lines
        for i, line in enumerate(lines):
            text = self.layout.line_text(line)
            label = self._header_label(text)
            if (
                label is None
                or is_sentence(line, self.vocab)
                or len(line.words) > 9
                or not self._starts_block(line)
            ):
                continue
            if self.layout.zones[i] in REQUESTER_ZONES:
                continue
            if any(o.words and o.words[0].line == i for o in self.occurrences):
                continue  # a labelled row with its value ("Account 1  alice@example.com")
            rows = []
            for j in range(i + 1, min(len(lines), i + 12)):
                row = lines[j]
                dated = bool(self._period_words(row, self.layout.line_text(row)))
                if row.page != line.page or is_sentence(row, self.vocab):
                    break
                if self.layout.headings[j] and len(row.words) > 4 and not dated:
                    break
                if row.top - lines[j - 1].bottom > 4 * max(row.height, 6.0):
                    break
                if self._header_label(self.layout.line_text(row)) is not None:
                    break
                rows.append(row)
            for row in rows:
                if not self._row(row, label, line):
                    break
                self.table_rows.add(row.index)

    def _starts_block(self, line: Line) -> bool:
        """Does the line start a row or a block, rather than carry on the sentence of the line before?"""
        if line.index == 0 or self.stream.lines[line.index - 1].page != line.page:
            return True
        start = self.stream.line_folded_span(line)[0]
        index = bisect.bisect_left(self.stream.breaks, start)
        if index < len(self.stream.breaks) and self.stream.breaks[index] == start:
            return True
        if len(line.cells) > 1:
            return True  # a label and its value set apart: a table row
        previous = self.stream.lines[line.index - 1]
        return self._row_label(self.layout.line_text(previous)) is not None  # a list of labelled rows

    def _header_label(self, text: str) -> str | None:
        best: tuple[int, str] | None = None
        for kind, phrases in self.vocab.identifier_labels.items():
            m = phrases.search(text[:40])
            if m is None or m.start() > 3:
                continue
            after = text[m.end() : m.end() + 3]
            # The line ends with a colon (OCR often reads ":" as ";").
            ends_colon = text.rstrip(" ~|")[-1:] in (":", ";") and len(text.split()) <= 8
            if ":" in after or "?" in after or ends_colon:
                if best is None or m.end() > best[0]:
                    best = (m.end(), _kind_of_label(kind))
        return best[1] if best else None

    def _row(self, row: Line, kind: str, header: Line) -> bool:
        """Read one row of an identifier table; False when the row is running text, not a row."""
        found = [o for o in self.occurrences if o.words and o.words[0].line == row.index]
        text = self.layout.line_text(row)
        period = self._period_words(row, text)
        if not found:
            # A bare host name is an identifier in such a table ("example-blog.wordpress.com").
            for token in _join_line(row.words):
                url = _url(token.text, bare_host=True)
                # A bare "wordpress.com" or "YAHOO.COM" is what is left of "…@yahoo.com" or
                # "….wordpress.com" under a redaction bar, not a target of its own.
                remnant = url is not None and "/" not in url and url.count(".") == 1
                first = token.words[0]
                if url and not remnant and not self._junk_before(row, first) and first not in period:
                    occ = Occurrence("url", url, _strip(token.text), token.words, self._offset(token.words))
                    occ.explicit = True
                    self._add(occ, row)
                    found.append(occ)
                    break
        if found:
            for o in found:
                if self.layout.zone_at(o.offset) not in REQUESTER_ZONES:
                    o.explicit = True
                    o.role = "target"
            return True
        rest = [w for w in row.words if w not in period and not _JUNK_CHARS.match(w.text)]
        if not rest and not period:
            return True
        own = self._row_label(text)
        if own is not None:
            # "Telephone number ███" under "Accounts:": the row says what it holds.
            kind = own[0]
            label_words = self.stream.words_in(*self._span_of(row, own[1]))
            rest = [w for w in rest if w not in label_words]
        if len(rest) >= 4 and statistics.fmean(w.word.confidence for w in rest) >= 75 and not period:
            return False  # words read well: the text under the table, not a blacked-out row
        occ = Occurrence(
            kind,
            None,
            " ".join(w.text for w in rest),
            rest,
            self.stream.line_folded_span(row)[0],
            redacted=True,
        )
        if "@" in occ.raw:
            occ.kind = "email"
        occ.explicit = True
        occ.flagged = "blacked out or unreadable in an identifier table"
        if not rest:
            right = min(w.box[0] for w in period)
            if right - header.left < 20:
                return True
            occ.place = (
                row.page,
                (round(header.left, 2), round(row.top, 2), round(right - 4, 2), round(row.bottom, 2)),
            )
        self.occurrences.append(occ)
        return True

    def _span_of(self, row: Line, length: int) -> tuple[int, int]:
        start = self.stream.line_folded_span(row)[0]
        return start, start + length

    def _junk_before(self, row: Line, word: PlacedWord) -> bool:
        return any(w.index < word.index and not _JUNK_CHARS.match(w.text) for w in row.words)

    def _period_words(self, row: Line, text: str) -> list[PlacedWord]:
        """The words of a row's date column ("From Inception to Present", "For Current Subscriber")."""
        cues = self.vocab.cues
        starts = [m.start() for m in cues["row_periods"].finditer(text)]
        starts += [m.start() for m in re.finditer(r"(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)", text)]
        if not starts:
            return []
        line_start = self.stream.line_folded_span(row)[0]
        words = self.stream.words_in(line_start + min(starts), self.stream.line_folded_span(row)[1])
        if not words:
            return []
        # The whole table cell the date column starts in ("Prom Inception to Present", misread).
        for cell in row.cells[1:]:
            if words[0] in cell:
                return [w for w in row.words if w.index >= cell[0].index]
        before = [w for w in row.words if w.index < words[0].index]
        if before and cues["range_from"].search(fold(before[-1].text)):
            words = [before[-1], *words]
        return words

    def _label_rows(self) -> None:
        """Rows that start with a target label and hold no readable identifier.

        "E-mail account  ████" reads as the label and a few unreadable marks (or nothing):
        the identifier was blacked out. Such a row counts when what follows the label is
        short and unreadable (low confidence, no letters or digits, a redaction mark), or
        when the label stands alone but ends with a colon or sits in a list of labelled
        rows whose neighbours carry identifiers.
        """
        lines = self.stream.lines
        with_ids = {o.words[0].line for o in self.occurrences if o.words}
        headers = {i for i, line in enumerate(lines) if i + 1 in self.table_rows and i not in self.table_rows}
        for i, line in enumerate(lines):
            if i in self.table_rows or i in headers or i in with_ids or len(line.words) > 7:
                continue
            if self.layout.zones[i] in REQUESTER_ZONES or is_sentence(line, self.vocab):
                continue
            text = self.layout.line_text(line)
            found = self._row_label(text)
            if found is None or not self._starts_block(line):
                continue
            kind, label_end = found
            if re.search(r"[^\W\d_]\.\s*$", text[:label_end]):
                continue  # "… by ordinary / e-mail." ends a sentence; it does not open a row
            line_start = self.stream.line_folded_span(line)[0]
            rest = [
                w
                for w in self.stream.words_in(line_start + label_end, self.stream.line_folded_span(line)[1])
                if not re.fullmatch(r"[\W_]*\d?[\W_]*", w.text) or self._is_mark(w)
            ]
            label_words = self.stream.words_in(line_start, line_start + label_end)
            rest = [w for w in rest if w not in label_words]
            if label_words and len(label_words) > 1 and _bar_read_as_letter(label_words[-1]):
                rest.insert(0, label_words[-1])  # "Número de teléfono A": the A is a black bar, no row letter
            if len(rest) > 3 and not (
                len(rest) <= 6 and statistics.fmean(w.word.confidence for w in rest) < 50
            ):
                continue
            unreadable = bool(rest) and (
                any(self._is_mark(w) for w in rest)
                or statistics.fmean(w.word.confidence for w in rest) < 70
                or all(not re.search(r"[A-Za-z0-9]{2}", w.text) for w in rest)
            )
            alone = not rest and (
                text.rstrip().endswith(":")
                or any(
                    j in with_ids and (self._row_label(self.layout.line_text(lines[j])) or ("", 0))[0] == kind
                    for j in (i - 1, i + 1)
                    if 0 <= j < len(lines)
                )
            )
            if not (unreadable or alone):
                continue
            occ = Occurrence(kind, None, " ".join(w.text for w in rest), rest, line_start, redacted=True)
            occ.explicit = True
            occ.flagged = "blacked out or unreadable after its label"
            if not rest:
                right = min(line.page_width - 40, line.right + 200)
                occ.place = (
                    line.page,
                    (round(line.right + 4, 2), round(line.top, 2), round(right, 2), round(line.bottom, 2)),
                )
            self.occurrences.append(occ)
