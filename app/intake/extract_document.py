"""One document of a demand as the fact readers see it: its text stream, layout and dates.

``DocumentText`` holds what every fact reader of ``extract.py`` works on and the small
helpers they share; each fact is read by a mixin of its own (``extract_instrument``,
``extract_parties``, ``extract_timing``, ``extract_requested``, ``extract_secrecy``) that
``extract._DocumentReader`` puts together. The attributes below ``__init__`` are set by
``_DocumentReader.read`` before the readers that use them run.
"""

from __future__ import annotations

import re
from datetime import date

from app.intake.extract_dates import DateMention, DateReader
from app.intake.extract_layout import analyse
from app.intake.extract_text import Provenance, Stream
from app.intake.facts import Reading
from app.intake.vocab import Country, Statute, Vocabulary
from app.model import PageText

LOW_CONFIDENCE = 60.0


def to_reading(value: object, prov: Provenance, flagged: str | None = None) -> Reading:
    if flagged is None and prov.confidence is not None and prov.confidence < LOW_CONFIDENCE:
        flagged = f"low OCR confidence ({prov.confidence:.0f})"
    return Reading(value, prov.page, prov.box, prov.confidence, flagged)


class DocumentText:
    # Set by _DocumentReader.read, in this order, before the readers that use them.
    statutes: list[tuple[Statute, re.Match[str]]]
    country_info: Country | None
    mentions: list[DateMention]
    range_dates: set[int]
    range_to_self: bool

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
