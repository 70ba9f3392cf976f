"""Where an identifier stands and whose it is: the cue before it, the contact lists and
rows around it, and the record of each mention (``Occurrence``). ``IdentifierContext`` is
the base of the readers that find identifiers in running text, after labels and in tables
(``extract_ids_text``, ``extract_ids_labels``, ``extract_ids_tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.intake.extract_ids_values import _DATEISH, _kind_of_label, _strip
from app.intake.extract_layout import ADDRESSEE, FAX, FOOTER, LETTERHEAD, SIGNATURE, Layout
from app.intake.extract_text import Line, PlacedWord, provenance_of
from app.intake.folding import fold
from app.intake.vocab import Country, Vocabulary
from app.model import Box

REQUESTER_ZONES = (LETTERHEAD, SIGNATURE, ADDRESSEE, FAX, FOOTER)


@dataclass
class Occurrence:
    kind: str
    value: str | None
    raw: str
    words: list[PlacedWord]
    offset: int  # folded offset of the first character, for context
    redacted: bool = False
    explicit: bool = False  # introduced by a target label, or a row of an identifier table
    role: str = "target"  # target | requester
    flagged: str | None = None
    place: tuple[int, Box] | None = None  # page and box of a redaction no word was read in
    derived: bool = False  # the kind was inferred (an account named by a handle), not labelled


class IdentifierContext:
    def __init__(self, layout: Layout, vocab: Vocabulary, country: Country | None) -> None:
        self.layout = layout
        self.vocab = vocab
        self.country = country
        self.stream = layout.stream
        self.occurrences: list[Occurrence] = []
        self.table_rows: set[int] = set()
        self.stopwords = frozenset().union(*vocab.stopwords.values())

    def _previous(self, line: Line) -> Line | None:
        """The line before on the same page, passing over specks ("ÿ.") OCR made a line of."""
        for j in range(line.index - 1, max(-1, line.index - 3), -1):
            previous = self.stream.lines[j]
            if previous.page != line.page:
                return None
            if any(sum(c.isalnum() for c in w.text) >= 2 for w in previous.words):
                return previous
        return None

    def _window_start(self, line: Line, offset: int) -> int:
        start, _ = self.stream.sentence_bounds(offset)
        line_start = self.stream.line_folded_span(line)[0]
        if len(line.cells) > 1:
            return max(start, line_start)
        previous = self._previous(line)
        if previous is not None and start >= line_start and previous.text.rstrip(" ~|").endswith(":"):
            # "… Contact :" / "c.atlas76@example.net": a label at the end of the line before.
            p_start, p_end = self.stream.line_folded_span(previous)
            tail = self.stream.folded[p_start:p_end]
            cut = max(tail.rfind(". "), tail.rfind("; "))
            return p_start + (cut + 2 if cut >= 0 else 0)
        # At most the line before: a sentence may run on, a table row may not.
        if line.index > 0:
            previous = self.stream.lines[line.index - 1]
            return max(start, self.stream.line_folded_span(previous)[0])
        return max(start, line_start)

    def _cue(self, line: Line, offset: int) -> tuple[str | None, str | None]:
        """The nearest cue before an offset: ("target", label kind) or ("contact", None).

        The window is the sentence (or table row) before the identifier; a list separated
        by semicolons ("Enquiries: DI Delaney, …; l.reef@example.org; +44 …") stays one window.
        """
        text = self.stream.folded
        start = self._window_start(line, offset)
        for _ in range(2):
            before = text[:start].rstrip()
            if not before.endswith(";"):
                break
            start = self.stream.line_folded_span(self.stream.line_at(len(before) - 1))[0]
        window = text[start:offset]
        found: list[tuple[int, int, str, str | None]] = []  # start, end, role, kind
        for kind, phrases in self.vocab.identifier_labels.items():
            found += [(m.start(), m.end(), "target", kind) for m in phrases.finditer(window)]
        target_starts = {f[0] for f in found}
        # A contact cue that is also a label at the same place ("E-Mail:") is read as the label.
        found += [
            (m.start(), m.end(), "contact", None)
            for m in self.vocab.cues["contact"].finditer(window)
            if m.start() not in target_starts
        ]
        if not found:
            return self._label_above(line)
        best = max(found, key=lambda f: (f[1], f[1] - f[0]))
        return best[2], best[3]

    def _label_above(self, line: Line) -> tuple[str | None, str | None]:
        """Labels on the row above, as column headings ("E-mail:   E-mail:" over two values)."""
        if line.index == 0:
            return None, None
        above = self.stream.lines[line.index - 1]
        if above.page != line.page or len(above.words) > 8:
            return None, None
        kinds = []
        for cell in above.cells:
            text = fold(" ".join(w.text for w in cell)).strip(" :\"'|~")
            label = self._row_label(text)
            if label is None or label[1] < len(text) - 2:
                return None, None
            kinds.append(label[0])
        return ("target", kinds[0]) if kinds else (None, None)

    def _classify(self, occ: Occurrence, line: Line) -> None:
        if occ.explicit:
            occ.role = "target"
            return
        zone = self.layout.zone_at(occ.offset)
        role, kind = self._cue(line, occ.offset)
        if zone in REQUESTER_ZONES:
            occ.role = "requester"
            if role == "target" and zone == LETTERHEAD and kind in ("generic", "account_id"):
                occ.role = "target"  # a caption naming the account ("IN THE MATTER OF ... THE ACCOUNT x")
            return
        if role == "target" and kind in ("email", "phone") and self._contact_rows_above(line):
            role = "contact"  # "Ansprechpartner … / Rückruf … / E-Mail …": the requester's own details
        if role == "contact":
            occ.role = "requester"
        elif role == "target":
            occ.role = "target"
            occ.explicit = True
        elif role is None and self._contact_list_before(line, occ.offset):
            occ.role = "requester"
        elif occ.kind == "phone":
            # A bare number in running text is a call-back number when its sentence is about contact.
            occ.role = "requester" if self._sentence_has_contact(occ.offset) else "target"
        else:
            occ.role = "target"

    def _contact_rows_above(self, line: Line) -> bool:
        """Is this row in a block of contact rows (a contact cue within two rows above, no target label)?"""
        own = self.layout.line_text(line)[:30]
        if self.vocab.identifier_labels["generic"].search(own) or self.vocab.identifier_labels[
            "account_id"
        ].search(own):
            return False  # "Account  x@example.com (recovery phone …)": the row names a target
        for back in (1, 2):
            j = line.index - back
            if j < 0 or self.stream.lines[j].page != line.page:
                return False
            text = self.layout.line_text(self.stream.lines[j])
            labels = self.vocab.identifier_labels
            if labels["generic"].search(text) or labels["account_id"].search(text):
                return False
            contact = self.vocab.cues["contact"].search(text)
            if contact is None or contact.start() > 3:
                continue
            # "Telephone number …" is a label of a target as much as a contact: only plain contact cues count.
            if any(p.match(text, contact.start()) for p in labels.values()):
                continue
            return True
        return False

    def _contact_cues(self, window: str) -> list[re.Match[str]]:
        """The contact cues in a piece of text that are more than a target label.

        "… linked to it by a common recovery telephone number or payment instrument:" names
        targets: a cue that is no more than a label ("telephone number") is none; a longer
        one ("telephone number of the attorney") is.
        """
        labels: dict[int, int] = {}
        for phrases in self.vocab.identifier_labels.values():
            for m in phrases.finditer(window):
                labels[m.start()] = max(labels.get(m.start(), 0), m.end())
        return [m for m in self.vocab.cues["contact"].finditer(window) if labels.get(m.start(), -1) < m.end()]

    def _contact_list_before(self, line: Line, offset: int) -> bool:
        """Is the identifier in a list of contact details that a cue and a colon opened, within
        three lines? ("The name, address, e-mail address and telephone number of the attorney
        … who issues or requests this subpoena, are: …, Oakland, CA 94607; x@example.net")"""
        first = line.index
        while first > max(0, line.index - 3) and self.stream.lines[first - 1].page == line.page:
            first -= 1
        window = self.stream.folded[self.stream.line_folded_span(self.stream.lines[first])[0] : offset]
        cues = self._contact_cues(window)
        if not cues:
            return False
        rest = window[cues[-1].end() :]
        if ":" not in rest:
            return False
        return not any(labels.search(rest) for labels in self.vocab.identifier_labels.values())

    def _sentence_has_contact(self, offset: int) -> bool:
        start, end = self.stream.sentence_bounds(offset)
        return self.vocab.cues["contact"].search(self.stream.folded, start, end) is not None

    def _raw_offset(self, word: PlacedWord) -> int:
        line = self.stream.lines[word.line]
        raw = line.start
        for w in line.words:
            if w is word:
                break
            raw += len(w.text) + 1
        return raw

    def _offset(self, words: list[PlacedWord]) -> int:
        return self.stream.folded_offset(self._raw_offset(words[0]))

    def _add(self, occ: Occurrence, line: Line) -> None:
        self._classify(occ, line)
        self.occurrences.append(occ)

    def _left(self, offset: int, size: int) -> str:
        return self.stream.folded[max(0, offset - size) : offset]

    def _statute_or_reference(self, offset: int) -> bool:
        left = self._left(offset, 16)
        return bool(
            re.search(
                r"(?:\bno\.?|\bnr\.?|\bn[°o]|#|§|\$|\bcase|\bref\.?|\brecord|\bfile|\baz\.?|\bmisc\.?|\bart\.?|"
                r"\bsection|u\.?s\.?c\.?|\bbadge|\bpv|\bgs|\bjs)\s*[:.]?\s*$",
                left,
            )
        )

    def _is_mark(self, word: PlacedWord) -> bool:
        regex = self.vocab.redaction.regex
        text = fold(word.text)
        return regex is not None and bool(regex.fullmatch(_strip(text) or text))

    def _plausible(self, kind: str, value: str, introduced: bool, label: str) -> bool:
        if _DATEISH.match(value):
            return False
        if kind == "account_id":
            compact = re.sub(r"[\s\-]", "", value)
            digits = sum(c.isdigit() for c in compact)
            if len(compact) < 4 or digits == 0:
                return False
            generic = label.strip(" :") in (
                "account",
                "accounts",
                "konto",
                "kontos",
                "compte",
                "cuenta",
                "la cuenta",
                "le compte",
            )
            handle = len(re.findall(r"[A-Za-z]", value)) >= 3 and bool(re.search(r"[\d._\-]", value))
            if generic and not (digits >= 5 or handle or (introduced and len(compact) >= 6)):
                return False
            return bool(re.fullmatch(r"[A-Za-z0-9._\-:# ]+", value))
        if kind == "username":
            if not re.fullmatch(r"@?[A-Za-z0-9._\-]{3,40}", value):
                return False
            if len(re.findall(r"[A-Za-z0-9]", value)) < 3:
                return False
            if fold(value.strip("._-@")) in self.stopwords:
                return False
            return introduced or bool(re.search(r"[\d_.]", value))
        if kind == "gamertag":
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ]{1,15}", value):
                return False
            return introduced or bool(re.search(r"\d", value)) or value != value.lower()
        return False

    def _row_label(self, text: str) -> tuple[str, int] | None:
        """The kind and end of an identifier label that opens a row ("2. E-mail account:", "Telefon")."""
        lead = re.match(r"\s*(?:\(?[0-9a-z]{1,3}[.)]\s+|[-*\u2013\u2014]\s+)?", text)
        offset = lead.end() if lead else 0
        best: tuple[str, int] | None = None
        for kind, phrases in self.vocab.identifier_labels.items():
            m = phrases.match(text, offset) if phrases.regex is not None else None
            if m and (best is None or m.end() > best[1]):
                best = (_kind_of_label(kind), m.end())
        if best is None:
            return None
        # "Target e-mail address": a general label followed by a specific one takes the specific kind.
        follow = re.match(r"\s+", text[best[1] :])
        if follow:
            after = best[1] + follow.end()
            for kind, phrases in self.vocab.identifier_labels.items():
                m = phrases.match(text, after) if kind != "generic" and phrases.regex is not None else None
                if m:
                    best = (_kind_of_label(kind), m.end())
                    break
        # "Account 1", "Konto 2": a row number belongs to the label.
        number = re.match(r"\s*(?:\d{1,2}(?!\d)|[a-z](?![a-z0-9]))?\s*[:.\-]?(?!\S)", text[best[1] :])
        return best[0], best[1] + (number.end() if number else 0)

    def _place(self, occ: Occurrence) -> tuple[int | None, Box | None]:
        if occ.words:
            prov = provenance_of(occ.words)
            return prov.page, prov.box
        if occ.place:
            page, box = occ.place
            return page, self.stream.shown_box(page, box)
        return None, None
