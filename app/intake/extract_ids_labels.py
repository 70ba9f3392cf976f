"""Identifiers after a target label: "Account: alice@example.com", "Nutzerkonto: ..."."""

from __future__ import annotations

import re

from app.intake.extract_dates import repair_digits
from app.intake.extract_ids_context import REQUESTER_ZONES, IdentifierContext, Occurrence
from app.intake.extract_ids_values import (
    _handle_kind,
    _ipv4,
    _ipv6,
    _kind_of_label,
    _strip,
    _url,
    normalise_handle,
)
from app.intake.extract_text import PlacedWord
from app.intake.folding import fold


class LabelledIdentifiers(IdentifierContext):
    def _labelled(self) -> None:
        text = self.stream.folded
        for kind in ("account_id", "username", "gamertag", "generic", "email", "phone", "ip", "url"):
            for m in self.vocab.identifier_labels[kind].finditer(text):
                self._label_value(kind, m.start(), m.end())

    def _label_value(self, kind: str, start: int, end: int) -> None:
        label_words = self.stream.words_in(start, end)
        if not label_words:
            return
        line = self.stream.lines[label_words[-1].line]
        zone = self.layout.zone_at(start)
        after = [w for w in line.words if w.index > label_words[-1].index]
        if not after and label_words[0] is line.words[0] and line.index + 1 < len(self.stream.lines):
            # A table whose label and value OCR put on two lines ("Gamertag" / "DriftOak14").
            nxt = self.stream.lines[line.index + 1]
            if (
                nxt.page == line.page
                and len(nxt.words) <= 3
                and not self._row_label(self.layout.line_text(nxt))
            ):
                after = list(nxt.words)
        if not after:
            return
        colon = label_words[-1].text.endswith(":") or after[0].text in (":", "-", "#")
        while after and (
            after[0].text.lower().strip(":") in ("", "-", "#", "is", "no.", "number", "id")
            or not any(c.isalnum() for c in after[0].text)
        ):
            colon = True
            after = after[1:]
        if not after:
            return
        # A blacked-out value right after the label ("Account: [REDACTED]", "E-mail: ████").
        marks = []
        for w in after[:4]:
            if not self._is_mark(w):
                break
            marks.append(w)
        if marks:
            if zone in REQUESTER_ZONES or self._sentence_has_contact(start):
                return
            occ = Occurrence(
                _kind_of_label(kind), None, " ".join(w.text for w in marks), marks, start, redacted=True
            )
            occ.explicit = True
            occ.flagged = "blacked out"
            self._add(occ, line)
            return
        if kind not in ("account_id", "username", "gamertag"):
            return
        first = after[0].text
        quoted = first[:1] in "\"'\u201c\u2018\u00ab"
        taken = self._value_words(kind, after, colon, quoted)
        value = _strip(" ".join(w.text for w in taken))
        if not value or "@" in value or _ipv4(value) or _ipv6(value) or _url(value, bare_host=False):
            return
        used = {w.index for o in self.occurrences for w in o.words}
        if any(w.index in used for w in taken):
            return
        following = after[len(taken) : len(taken) + 1]
        if following and following[0].text.startswith("@"):
            return  # "harbor.lantern77 @example.com": an e-mail address split by OCR
        label = fold(" ".join(w.text for w in label_words))
        if not self._plausible(kind, value, colon or quoted, label):
            return
        if kind == "account_id" and re.fullmatch(r"[\dOolI| \-]+", value):
            value = repair_digits(value.lower())
        derived = False
        if (
            kind == "account_id"
            and len(re.findall(r"[a-z]", value)) >= 4
            and re.fullmatch(r"[A-Za-z0-9._\-]+", value)
        ):
            kind, derived = (
                _handle_kind(value),
                True,
            )  # an account named by a handle ("Konto mistral-heron39")
        value, flagged = normalise_handle(kind, value)
        occ = Occurrence(kind, value, value, taken, start, derived=derived, flagged=flagged)
        occ.explicit = not (zone in REQUESTER_ZONES or self._sentence_has_contact(start))
        self._add(occ, line)

    def _value_words(self, kind: str, after: list[PlacedWord], colon: bool, quoted: bool) -> list[PlacedWord]:
        """The words of the value after a label: a quoted run, a gamertag of up to three words, or one word
        (an account number with its digit groups)."""
        taken: list[PlacedWord] = []
        if quoted:
            for w in after[:4]:
                taken.append(w)
                if w.text.rstrip(".,;)")[-1:] in "\"'\u201d\u2019\u00bb" and (
                    len(taken) > 1 or len(w.text) > 1
                ):
                    break
        else:
            limit = 3 if kind == "gamertag" and colon else 1
            for w in after[:limit]:
                bare = _strip(w.text)
                if not bare or fold(bare) in self.stopwords:
                    break
                taken.append(w)
                if w.text[-1:] in ",;)" or w.text[:1] == "(":
                    break
            if kind == "account_id":
                for w in after[len(taken) : len(taken) + 4]:  # digit groups: "8812 4471 0093"
                    if (
                        taken
                        and re.fullmatch(r"\d{2,6}", _strip(w.text))
                        and re.search(r"\d$", _strip(taken[-1].text))
                    ):
                        taken.append(w)
                    else:
                        break
        return taken
