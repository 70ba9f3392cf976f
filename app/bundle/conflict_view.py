"""What a reviewer sees of a sync conflict: both sides of a case, field by field.

``Bundles.conflict_view`` fills it; the conflict dialog and ``demand-desk conflicts --json``
show it. Rows are compared by what names them in both stores (local ids differ), and the
bookkeeping columns that always differ are left out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from app.jsontypes import JsonScalar
from db import case_copy
from db.store import Row


class OpenConflict(TypedDict):
    """A case waiting for a reviewer to keep one side (``demand-desk conflicts --json``'s row)."""

    case_id: str
    reference: str
    their_version: str
    my_version: str | None
    found_at: str


class ConflictSide(TypedDict):
    """One side's version: who made it, where and when (``--json``'s ``mine`` and ``theirs``)."""

    version: str | None
    workstation: str
    author: str | None
    created: str | None
    unpublished_changes: NotRequired[bool]  # this workstation's side only


class FieldDiffJson(TypedDict):
    table: str
    row: str
    column: str
    mine: JsonScalar
    theirs: JsonScalar


class ConflictViewJson(TypedDict):
    case_id: str
    reference: str
    mine: ConflictSide
    theirs: ConflictSide
    differences: list[FieldDiffJson]
    events_only_mine: int
    events_only_theirs: int


@dataclass(frozen=True)
class FieldDiff:
    """One field of one row on both sides of a conflict (a conflict dialog's line)."""

    table: str
    row: str  # which row: a fact's key, a decision's revision, a letter's kind and revision…
    column: str
    mine: JsonScalar  # a stored value; a file as its SHA-256
    theirs: JsonScalar

    def to_json(self) -> FieldDiffJson:
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "mine": self.mine,
            "theirs": self.theirs,
        }


@dataclass(frozen=True)
class ConflictView:
    case_id: str
    reference: str
    mine: ConflictSide  # version, workstation, author, created, unpublished changes
    theirs: ConflictSide
    differences: list[FieldDiff]
    events_only_mine: int
    events_only_theirs: int

    def to_json(self) -> ConflictViewJson:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "mine": self.mine,
            "theirs": self.theirs,
            "differences": [d.to_json() for d in self.differences],
            "events_only_mine": self.events_only_mine,
            "events_only_theirs": self.events_only_theirs,
        }


# How the conflict view names a row, table by table (local ids differ between stores).
_ROW_KEYS: dict[str, tuple[str, ...]] = {
    "cases": (),
    "documents": ("filename",),
    "pages": ("page_no",),
    "facts": ("key",),
    "identifiers": ("role", "kind", "value"),
    "data_requested": ("category", "text"),
    "checklist_answers": ("item_id",),
    "review_context": ("key",),
    "decisions": ("revision",),
    "letters": ("kind", "revision"),
    "secrecy_orders": (),
    "notices": ("recipient", "kind", "recorded_at"),
    "deadline_changes": ("kind", "starts", "at"),
}
_NOT_COMPARED = {"id", "case_id", "document_id", "supersedes", "letter_id", "version_id", "parent_version_id"}


def differences(mine: dict[str, list[Row]], theirs: dict[str, list[Row]]) -> list[FieldDiff]:
    """Every field that differs between the two sides' rows, table by table."""

    def keyed(table: str, rows: list[Row]) -> dict[str, dict[str, JsonScalar]]:
        out: dict[str, dict[str, JsonScalar]] = {}
        for row in rows:
            key = " · ".join(str(row.get(k)) for k in _ROW_KEYS.get(table, ())) or table
            while key in out:
                key += "′"
            out[key] = {
                c: (f"sha256:{hashlib.sha256(v).hexdigest()[:16]}" if isinstance(v, bytes) else v)
                for c, v in row.items()
                if c not in _NOT_COMPARED
            }
        return out

    found = []
    for table in case_copy.TABLES:
        a = keyed(table.name, mine.get(table.name, []))
        b = keyed(table.name, theirs.get(table.name, []))
        for row in sorted(set(a) | set(b)):
            ra, rb = a.get(row, {}), b.get(row, {})
            for column in sorted(set(ra) | set(rb)):
                if ra.get(column) != rb.get(column):
                    found.append(FieldDiff(table.name, row, column, ra.get(column), rb.get(column)))
    return found
