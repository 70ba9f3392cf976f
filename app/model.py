"""Typed ids, enums and records shared by every layer.

The enums are persisted and exported (database, Facts JSON, bundles), so their string
values are part of the storage format: add values, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NewType

# The enums live with every stored code in app/domain; the layers import them from here too.
from app.domain.enums import CaseStatus as CaseStatus
from app.domain.enums import Instrument as Instrument
from app.domain.enums import KeyStorage as KeyStorage
from app.domain.enums import PageSource as PageSource
from app.domain.enums import Role as Role
from app.jsontypes import JsonObject

CaseId = NewType("CaseId", str)

# Bumped when the meaning of a stored enum value or the Facts JSON shape changes.
FACTS_FORMAT = 1


# The scalar facts of a case, in the order the Facts tab shows them. Each maps to a
# key of the Facts JSON (DESIGN.md); list-valued facts live in their own tables.
SCALAR_FACTS: tuple[str, ...] = (
    "instrument",
    "issuing_authority",
    "country",
    "date_issued",
    "signed",
    "addressee",
    "file_number",
    "response_due",
    "response_period",
    "emergency",
)

# Facts read for the review rather than shown as the demand's headline facts: whether it is
# on letterhead, and an emergency request's account of the emergency and of how the data helps.
REVIEW_FACTS: tuple[str, ...] = ("letterhead", "emergency_summary", "emergency_how_data_helps")

# Facts of the case that no scan can tell: the day the demand was served on the provider.
# Staleness and every period "from receipt" count from it, not from the day it was scanned.
CASE_FACTS: tuple[str, ...] = ("received",)

# Facts a reviewer may edit from the Facts tab or the CLI, with the type each holds.
EDITABLE_FACTS: dict[str, type] = {
    "instrument": str,
    "issuing_authority": str,
    "country": str,
    "date_issued": str,
    "signed": bool,
    "addressee": str,
    "file_number": str,
    "response_due": str,
    "emergency": bool,
    "date_range_from": str,
    "date_range_to": str,
    "received": str,
}


@dataclass(frozen=True)
class Reviewer:
    name: str
    role: Role = Role.REVIEWER

    @property
    def senior(self) -> bool:
        """May decide escalated cases and override a refused decision (senior or administrator)."""
        return self.role.senior

    @property
    def administrator(self) -> bool:
        return self.role is Role.ADMINISTRATOR


@dataclass(frozen=True)
class ReviewerRecord:
    """A reviewer as the roster knows them, present or removed."""

    name: str
    role: Role
    enrolled_at: str
    enrolled_by: str | None
    removed_at: str | None
    removed_by: str | None
    origin: str | None  # the workstation whose roster brought them, when not enrolled here
    pin_here: bool = True  # False: known from the team's roster, no PIN set on this workstation yet

    @property
    def present(self) -> bool:
        return self.removed_at is None


@dataclass(frozen=True)
class CaseSummary:
    """One row of the queue."""

    case_id: CaseId
    reference: str
    received_at: str
    response_due: str | None
    country: str | None
    instrument: str | None
    status: CaseStatus
    title: str | None


Box = tuple[float, float, float, float]  # PDF points of the page, origin top-left


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    confidence: float = 100.0  # 0–100; a text layer's words are 100
    line: int = 0  # words with the same number on a page stand on one line, in reading order


@dataclass
class PageText:
    page_no: int  # 1-based, as reviewers count pages
    width: float
    height: float
    source: PageSource
    text: str = ""
    words: list[Word] = field(default_factory=list)


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str
    reviewer: str
    workstation: str
    case_id: str | None
    action: str
    payload: JsonObject
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class FactValue:
    """A scalar fact as the Facts tab shows it: current value, where it came from."""

    key: str
    # Untyped: the window, the schedule and the holds read a fact's value as the type its key
    # holds (EDITABLE_FACTS); typing it means typing each key where they read it.
    value: Any
    source: str  # "auto" | "reviewer"
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    confidence: float | None = None
    original: Any = None
    updated_by: str | None = None
    flag: str | None = None  # why the reviewer should look at an automatic reading
