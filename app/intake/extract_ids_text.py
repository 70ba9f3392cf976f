"""Identifiers in running text: e-mail addresses, IP addresses and URLs among a line's
words (with an "@" OCR misread repaired), phone numbers, and lists of them after a lead-in.
"""

from __future__ import annotations

import re

from app.intake.extract_dates import repair_digits
from app.intake.extract_ids_context import REQUESTER_ZONES, IdentifierContext, Occurrence
from app.intake.extract_ids_join import _height, _is_domain, _Token
from app.intake.extract_ids_values import (
    _BARE_HOST,
    _DATEISH,
    _FUSED_AT,
    _LOCAL,
    _MISREAD_AT,
    _PHONE,
    _PHONE_WORDS,
    _TRAILING_AT,
    _TRAILING_ROUND_AT,
    _US_PHONE,
    _email,
    _handle_kind,
    _ipv4,
    _ipv6,
    _redacted_email,
    _strip,
    _url,
    e164,
    normalise_handle,
)
from app.intake.extract_layout import is_sentence
from app.intake.extract_text import Line


class TextIdentifiers(IdentifierContext):
    def _listed(self) -> None:
        """Bare handles listed under a sentence that names accounts and ends in a colon.

        "“Account” means each of the following …: / QuillQuill51 / thistle@example.net":
        a line holding one handle-shaped word, in the list, is an account named by that
        handle (the e-mail addresses and the like in it are read anyway).
        """
        lines = self.stream.lines
        labels = self.vocab.identifier_labels
        for i, line in enumerate(lines):
            if not line.text.rstrip(" .|~").endswith(":") or self.layout.zones[i] in REQUESTER_ZONES:
                continue
            start, end = self.stream.line_folded_span(line)
            window = self.stream.folded[self.stream.sentence_bounds(end - 1)[0] : end]
            if not (labels["generic"].search(window) or labels["account_id"].search(window)):
                continue
            if self._contact_cues(window):
                continue
            used = {w.index for o in self.occurrences for w in o.words}
            for row in lines[i + 1 : i + 8]:
                if row.page != line.page or is_sentence(row, self.vocab):
                    break
                words = [w for w in row.words if any(c.isalnum() for c in w.text)]
                if len(words) != 1:
                    if len(words) > 3:
                        break
                    continue
                word = words[0]
                value = _strip(word.text)
                if word.index in used or not self._plausible("username", value, False, ""):
                    continue
                kind = _handle_kind(value)
                value, flagged = normalise_handle(kind, value)
                occ = Occurrence(kind, value, word.text, [word], self._offset([word]), derived=True)
                occ.flagged = flagged
                occ.explicit = True
                self.occurrences.append(occ)

    def _tokens(self, line: Line, tokens: list[_Token]) -> None:
        tokens = self._at_misread(line, tokens)
        for token in tokens:
            if not token.words:
                continue
            text = token.text
            raw = _strip(text) or text
            offset = self._offset(token.words)
            if "@" in text:
                if _redacted_email(text):
                    self._add(Occurrence("email", None, raw, token.words, offset, redacted=True), line)
                    continue
                value = _email(text)
                if value:
                    self._add(
                        Occurrence("email", value, raw, token.words, offset, flagged=token.flagged), line
                    )
                    continue
            ip4 = _ipv4(text)
            if ip4:
                self._add(Occurrence("ip", ip4, raw, token.words, offset), line)
                continue
            ip6 = _ipv6(text)
            if ip6:
                self._add(Occurrence("ip", ip6, raw, token.words, offset), line)
                continue
            url = _url(text, bare_host=False)
            if url:
                self._add(Occurrence("url", url, raw, token.words, offset, flagged=token.flagged), line)

    def _at_misread(self, line: Line, tokens: list[_Token]) -> list[_Token]:
        """ "alice Oexample.net" after an e-mail label: OCR read the "@" as O, ©, ® or Q."""
        out: list[_Token] = []
        i = 0
        while i < len(tokens):
            a = tokens[i]
            b = tokens[i + 1] if i + 1 < len(tokens) else None
            c = tokens[i + 2] if i + 2 < len(tokens) else None
            # Every repair below needs an e-mail label before the word; finding the cue is the
            # costly part, so it is asked last and at most once per word.
            slot: list[bool] = []

            def email_slot(a: _Token = a, slot: list[bool] = slot) -> bool:
                if not slot:
                    slot.append(
                        bool(a.words)
                        and "@" not in a.text
                        and self._cue(line, self._offset(a.words)) == ("target", "email")
                    )
                return slot[0]

            if (
                b is not None
                and b.words
                and "@" not in a.text
                and _LOCAL.match(a.text)
                and _MISREAD_AT.match(b.text)
                and email_slot()
            ):
                out.append(
                    _Token(a.text + "@" + b.text[1:], a.words + b.words, "repaired: '@' read as a letter")
                )
                i += 2
                continue
            if (
                b is not None
                and c is not None
                and re.fullmatch(r"QU|[©®OoQ0@]", b.text.strip("~"))
                and _LOCAL.match(a.text)
                and _is_domain(_strip(c.text))
                and email_slot()
            ):
                out.append(
                    _Token(
                        f"{a.text}@{_strip(c.text)}",
                        a.words + b.words + c.words,
                        "repaired: '@' read as a letter",
                    )
                )
                i += 3
                continue
            glyph = None
            if b is not None and b.words and "@" not in a.text and _BARE_HOST.match(_strip(b.text)):
                glyph = _TRAILING_AT.match(a.text)
                if glyph is None and a.words:
                    # A round "@" read as 0 or O at the end of a word OCR was unsure of, or with
                    # no room before the domain for an "@" OCR might have dropped.
                    gap = b.words[0].box[0] - a.words[-1].box[2]
                    if a.words[-1].word.confidence < 60 or gap < 0.4 * _height(a.words[-1]):
                        glyph = _TRAILING_ROUND_AT.match(a.text)
            if glyph and b is not None and email_slot():
                text = f"{glyph.group('local')}@{_strip(b.text)}"
                out.append(_Token(text, a.words + b.words, "repaired: '@' read as a letter"))
                i += 2
                continue
            fused = _FUSED_AT.match(_strip(a.text)) if "@" not in a.text else None
            if fused and email_slot():
                text = f"{fused.group('local')}@{fused.group('domain')}"
                out.append(_Token(text, a.words, "repaired: '@' read as a letter"))
                i += 1
                continue
            out.append(a)
            i += 1
        return out

    def _phones(self, line: Line) -> None:
        raw = self.stream.raw[line.start : line.end]
        lowered = raw.lower()
        probe = repair_digits(lowered) if len(lowered) == len(raw) else raw
        for m in _PHONE.finditer(probe):
            chunk = raw[m.start() : m.end()]
            text = chunk.strip()
            digits = re.sub(r"\D", "", text)
            if not 7 <= len(digits) <= 15 or _DATEISH.match(text):
                continue
            start = line.start + m.start() + (len(chunk) - len(chunk.lstrip()))
            words = self.stream.words_in(start, start + len(text), folded=False)
            if not words:
                continue
            offset = self.stream.folded_offset(start)
            international = text.startswith("+") or text.startswith("00")
            role, kind = self._cue(line, offset)
            labelled = kind == "phone" or (role == "contact" and _PHONE_WORDS.search(self._left(offset, 40)))
            if not (international or _US_PHONE.match(text) or labelled or line.index in self.table_rows):
                continue
            if self._statute_or_reference(offset):
                continue
            value, note = e164(text, self.country, self.vocab)
            self._add(Occurrence("phone", value, text, words, offset, flagged=note), line)
