"""What fact extraction reads out of a demand's pages, each reading with its provenance.

These records are the interface between ``extract.py`` (which fills them from the
words and boxes of the pages) and the store (which keeps them per case). Values use
the vocabulary of DESIGN.md's Facts JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.model import Box


@dataclass(frozen=True)
class Reading:
    """One scalar fact: its value and where on which page it was read."""

    value: Any
    page: int | None = None  # 1-based
    box: Box | None = None
    confidence: float | None = None  # 0–100: OCR confidence of the words it came from
    flagged: str | None = None  # why a reviewer should look (ambiguous, low confidence)


@dataclass(frozen=True)
class IdentifierReading:
    kind: str  # email | phone | account_id | username | gamertag | ip | url | other
    value: str | None  # normalised (E.164 phones, lower-case e-mail); None when redacted
    redacted: bool = False
    page: int | None = None
    box: Box | None = None
    raw: str | None = None  # as printed, before repair and normalisation
    confidence: float | None = None  # 0–100: OCR confidence of the words it came from
    flagged: str | None = None  # why a reviewer should look (repaired, not normalised, blacked out)


@dataclass(frozen=True)
class DataRequestReading:
    category: str  # subscriber_info | ip_history | billing | traffic | content | other
    content: bool
    text: str
    page: int | None = None
    box: Box | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class SecrecyReading:
    present: bool
    statute: str | None = None
    duration_days: int | None = None
    expires: str | None = None  # ISO date
    open_ended: bool = False  # "until further order of the court", or no end stated
    text: str | None = None
    page: int | None = None
    box: Box | None = None
    confidence: float | None = None
    # ISO date of a later letter in the same file that lifted the order; expires is then that date too.
    lifted_on: str | None = None
    flagged: str | None = None  # why a reviewer should look (no length stated, counted from another date)


# The scalar facts extract.py fills; keys are those of model.SCALAR_FACTS plus the range.
SCALAR_KEYS = (
    "instrument",
    "issuing_authority",
    "country",
    "date_issued",
    "signed",
    "addressee",
    "file_number",  # the demand's own file or docket number, as printed ("NSL-17-429936", "GJ 2026-14")
    "response_due",
    "response_period",  # "10 business days from issue": how response_due was counted
    "emergency",
    "date_range_from",
    "date_range_to",
    "letterhead",
    "emergency_summary",
    "emergency_how_data_helps",
)


@dataclass
class ExtractedFacts:
    scalars: dict[str, Reading] = field(default_factory=dict)  # key in SCALAR_KEYS
    identifiers: list[IdentifierReading] = field(default_factory=list)
    data_requested: list[DataRequestReading] = field(default_factory=list)
    # The requester's own e-mail addresses and phone numbers: not targets, but what the
    # review checks against the directory of requesting authorities.
    requester_contacts: list[IdentifierReading] = field(default_factory=list)
    secrecy_order: SecrecyReading | None = None  # None: could not tell
    language: str | None = None  # ISO 639-1 of the demand's main language


def file_number_key(printed: str) -> str | None:
    """The file or docket number as cases are linked by it: "NSL-17-429936", "NSL 17-429936" and
    "File No. 17-429936" are one number. Letters before the first digit (a series prefix such as
    "NSL" or "GJ") and every separator are dropped, the rest is upper-cased."""
    m = re.search(r"\d", printed)
    if m is None:
        return None
    key = re.sub(r"[^0-9A-Za-z]", "", printed[m.start() :]).upper()
    return key if len(key) >= 4 else None
