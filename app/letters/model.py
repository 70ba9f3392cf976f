"""A stored letter as a value, and as ``demand-desk letters --json`` shows it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypedDict

from db.store import Row


class LetterJson(TypedDict):
    """A letter in ``letter`` and ``letters --json`` (the command line's contract)."""

    id: int
    kind: str
    title: str
    language: str
    status: str
    revision: int
    supersedes: int | None
    recipient: str
    sha256: str | None
    created_by: str
    created_at: str
    finalised_at: str | None


@dataclass(frozen=True)
class Letter:
    id: int
    case_id: str
    kind: str
    title: str
    language: str
    body: str
    status: str  # draft | final
    sha256: str | None
    revision: int
    supersedes: int | None
    recipient: str
    addressee_lines: list[str]
    created_by: str
    created_at: str
    finalised_at: str | None

    @property
    def final(self) -> bool:
        return self.status == "final"

    def to_json(self) -> LetterJson:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "language": self.language,
            "status": self.status,
            "revision": self.revision,
            "supersedes": self.supersedes,
            "recipient": self.recipient,
            "sha256": self.sha256,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "finalised_at": self.finalised_at,
        }


def letter_from_row(row: Row) -> Letter:
    """A row of the store's letters table as a ``Letter``."""
    return Letter(
        id=row["id"],
        case_id=row["case_id"],
        kind=row["kind"],
        title=row["title"],
        language=row["language"],
        body=row["body"],
        status=row["status"],
        sha256=row["sha256"],
        revision=row["revision"],
        supersedes=row["supersedes"],
        recipient=row["recipient"],
        addressee_lines=json.loads(row["addressee"] or "[]"),
        created_by=row["created_by"],
        created_at=row["created_at"],
        finalised_at=row["finalised_at"],
    )
