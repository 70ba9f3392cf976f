"""Targeted identifiers: e-mail addresses, phone numbers, IP addresses, URLs, account ids,
user names and gamertags; repaired where OCR broke them, normalised, and told apart from
the requester's own contact details.

Repairs (each only where the result is a well-formed identifier):

- an address split around its "@" ("alice@ example.com", "alice @example.com",
  "alice @ example.com") or written "alice(at)example.com" / "alice [at] example [dot] com";
- a word split inside an address ("daniel. whitcombe@example.net") when the two parts
  stand closer than a space;
- an address or URL broken at a line end ("alice.smith-" / "jones@example.com"): the
  hyphen is taken for typesetting and dropped, and the reading is flagged;
- O/o read for 0 and l/I/| for 1 inside runs of digits (phones, IP addresses, ids);
- "example. com" after an "@".

Who an identifier belongs to is read from where it stands (the layout zones: letterhead,
signature block, addressee block, fax header, footer) and from the nearest cue before it
in its sentence or table row: a target label ("Account", "Nutzerkonto", "compte") or a
contact cue ("Tel.", "reply to", "by e-mail to", "Übermittlung an", "Courriel").
An identifier counts as a target when one of its mentions is a target mention and none
is the requester's — or when a mention is introduced by a target label.

Redaction: an identifier slot that is blacked out (a run of █, X or *, "[REDACTED]",
"b6/b7C", an identifier table row whose identifier cell is empty or unreadable, a
target label with no value) is reported with ``redacted=True`` and no value.
"""

from __future__ import annotations

from app.intake.extract_ids_context import Occurrence
from app.intake.extract_ids_join import _join_lines
from app.intake.extract_ids_labels import LabelledIdentifiers
from app.intake.extract_ids_tables import TableIdentifiers
from app.intake.extract_ids_text import TextIdentifiers
from app.intake.extract_layout import Layout
from app.intake.extract_text import provenance_of
from app.intake.facts import IdentifierReading
from app.intake.vocab import Country, Vocabulary


def read_identifiers(layout: Layout, vocab: Vocabulary, country: Country | None) -> list[IdentifierReading]:
    return IdentifierReader(layout, vocab, country).read()


def read_identifiers_and_contacts(
    layout: Layout, vocab: Vocabulary, country: Country | None
) -> tuple[list[IdentifierReading], list[IdentifierReading]]:
    """The targets, and the requester's own e-mail addresses and phone numbers.

    The contacts are not targets; the review checks them against the directory of
    requesting authorities (a police force writing from a free-mail address is a known fraud).
    """
    reader = IdentifierReader(layout, vocab, country)
    targets = reader.read()
    return targets, reader.contacts()


class IdentifierReader(TextIdentifiers, LabelledIdentifiers, TableIdentifiers):
    def read(self) -> list[IdentifierReading]:
        for line, tokens in _join_lines(self.layout):
            self._tokens(line, tokens)
            self._phones(line)
        self._labelled()
        self._listed()
        self._tables()
        self._label_rows()
        return self._result()

    def _result(self) -> list[IdentifierReading]:
        requester_domains = self.vocab.requester_domains
        # A value read under a specific label ("Gamertag X") is not also an inferred user name.
        labelled = {o.value for o in self.occurrences if o.value is not None and not o.derived}
        self.occurrences = [o for o in self.occurrences if not (o.derived and o.value in labelled)]
        by_value: dict[tuple[str, str], list[Occurrence]] = {}
        for occ in self.occurrences:
            if occ.value is not None:
                by_value.setdefault((occ.kind, occ.value), []).append(occ)
        out: list[IdentifierReading] = []
        seen_places: set[tuple[int | None, tuple[int, ...] | None]] = set()
        emitted: set[tuple[str, str]] = set()
        for occ in self.occurrences:
            if occ.value is None:
                if occ.role != "target":
                    continue
                page, box = self._place(occ)
                key = (page, tuple(round(v) for v in box) if box else None)
                if key in seen_places:
                    continue
                seen_places.add(key)
                confidence = provenance_of(occ.words).confidence if occ.words else None
                out.append(
                    IdentifierReading(
                        occ.kind, None, True, page, box, occ.raw or None, confidence, occ.flagged
                    )
                )
                continue
            key2 = (occ.kind, occ.value)
            if key2 in emitted:
                continue
            group = by_value[key2]
            targets = [o for o in group if o.role == "target"]
            requesters = [o for o in group if o.role == "requester"]
            if not targets or targets[0] is not occ:
                continue
            explicit = any(o.explicit for o in targets)
            if requesters and not explicit:
                continue
            if occ.kind == "email" and occ.value.endswith(requester_domains) and not explicit:
                continue
            emitted.add(key2)
            prov = provenance_of(occ.words)
            flags = [o.flagged for o in group if o.flagged]
            out.append(
                IdentifierReading(
                    occ.kind,
                    occ.value,
                    False,
                    prov.page,
                    prov.box,
                    occ.raw,
                    prov.confidence,
                    flags[0] if flags else None,
                )
            )
        return out

    def contacts(self) -> list[IdentifierReading]:
        """The requester's e-mail addresses and phone numbers (after ``read``), first place each."""
        targets = {
            (o.kind, o.value) for o in self.occurrences if o.role == "target" and o.explicit and o.value
        }
        out: list[IdentifierReading] = []
        seen: set[tuple[str, str]] = set()
        for occ in self.occurrences:
            if occ.value is None or occ.kind not in ("email", "phone") or occ.role != "requester":
                continue
            key = (occ.kind, occ.value)
            if key in seen or key in targets:
                continue
            seen.add(key)
            prov = provenance_of(occ.words)
            out.append(
                IdentifierReading(occ.kind, occ.value, False, prov.page, prov.box, occ.raw, prov.confidence)
            )
        return out
